import { and, eq, isNull, sql } from 'drizzle-orm';
import { companies, companyUsageAlerts, mobileUsers, serviceUsageAlerts, services, usageAlerts, usageMonthly } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, userOfService, type CompanyScope } from '../../platform/tenant.js';
import type { AlertSettings, Crossing, LineAlertOverride, UsageAlertKind } from './domain/thresholds.js';

/** Usage alerts: the company's and the lines' settings, the thresholds crossed (once each), the roaming cap's block. */

export const companySettings = async (q: Queryable, scope: CompanyScope): Promise<AlertSettings | null> => {
  const [row] = await q
    .select({ dataAlerts: companyUsageAlerts.dataAlerts, spendingAlertCents: companyUsageAlerts.spendingAlertCents, roamingCapMb: companyUsageAlerts.roamingCapMb })
    .from(companyUsageAlerts)
    .where(inCompany(companyUsageAlerts, scope));
  return row ?? null;
};

export const saveCompanySettings = async (q: Queryable, scope: CompanyScope, settings: AlertSettings) => {
  await q
    .insert(companyUsageAlerts)
    .values({ companyId: scope.companyId, ...settings })
    .onConflictDoUpdate({ target: companyUsageAlerts.companyId, set: { ...settings, updatedAt: sql`now()` } });
};

const overrideColumns = { serviceId: serviceUsageAlerts.serviceId, dataAlerts: serviceUsageAlerts.dataAlerts, spendingAlertCents: serviceUsageAlerts.spendingAlertCents, roamingCapMb: serviceUsageAlerts.roamingCapMb };

export const lineOverride = async (q: Queryable, scope: CompanyScope, serviceId: string): Promise<LineAlertOverride | null> => {
  const [row] = await q.select(overrideColumns).from(serviceUsageAlerts).where(inCompany(serviceUsageAlerts, scope, eq(serviceUsageAlerts.serviceId, serviceId)));
  return row ?? null;
};

/** Every line of the company with settings of its own. */
export const lineOverrides = async (q: Queryable, scope: CompanyScope) =>
  new Map((await q.select(overrideColumns).from(serviceUsageAlerts).where(inCompany(serviceUsageAlerts, scope))).map((r) => [r.serviceId, r]));

export const saveLineOverride = async (q: Queryable, scope: CompanyScope, serviceId: string, o: Required<LineAlertOverride>) => {
  await q
    .insert(serviceUsageAlerts)
    .values({ companyId: scope.companyId, serviceId, ...o })
    .onConflictDoUpdate({ target: serviceUsageAlerts.serviceId, set: { ...o, updatedAt: sql`now()` }, where: sql`${serviceUsageAlerts.companyId} = ${scope.companyId}` });
};

/**
 * Records the crossings of a month; returns those recorded now. The key (service, month, kind) lets
 * one insert win: the same crossing evaluated twice, or by two loaders at once, comes back once.
 */
export const claimCrossings = async (q: Queryable, scope: CompanyScope, monthFirst: string, crossings: readonly (Crossing & { serviceId: string })[]) => {
  if (crossings.length === 0) return [];
  return q
    .insert(usageAlerts)
    .values(crossings.map((c) => ({ companyId: scope.companyId, serviceId: c.serviceId, month: monthFirst, kind: c.kind, used: c.used, threshold: c.threshold })))
    .onConflictDoNothing()
    .returning({ serviceId: usageAlerts.serviceId, kind: usageAlerts.kind, used: usageAlerts.used, threshold: usageAlerts.threshold });
};

/** The thresholds a line crossed in a month, oldest first. */
export const alertsOf = (q: Queryable, scope: CompanyScope, serviceId: string, monthFirst: string) =>
  q
    .select()
    .from(usageAlerts)
    .where(inCompany(usageAlerts, scope, eq(usageAlerts.serviceId, serviceId), eq(usageAlerts.month, monthFirst)))
    .orderBy(usageAlerts.createdAt, usageAlerts.kind);

/** The roaming cap's block of the line in a month while it holds (not lifted, month not over), locked. */
export const capBlockOf = async (q: Queryable, scope: CompanyScope, serviceId: string, monthFirst: string) => {
  const [row] = await q
    .select()
    .from(usageAlerts)
    .where(inCompany(usageAlerts, scope, eq(usageAlerts.serviceId, serviceId), eq(usageAlerts.month, monthFirst), eq(usageAlerts.kind, 'roaming_cap'), eq(usageAlerts.blocked, true), isNull(usageAlerts.liftedAt)))
    .for('update');
  return row ?? null;
};

export const markCapBlocked = async (q: Queryable, scope: CompanyScope, serviceId: string, monthFirst: string) => {
  await q.update(usageAlerts).set({ blocked: true }).where(inCompany(usageAlerts, scope, eq(usageAlerts.serviceId, serviceId), eq(usageAlerts.month, monthFirst), eq(usageAlerts.kind, 'roaming_cap')));
};

/** The block no longer holds: lifted by someone (their name), or ended with its month (null). */
export const markCapLifted = async (q: Queryable, scope: CompanyScope, serviceId: string, monthFirst: string, at: Date, by: string | null) => {
  await q
    .update(usageAlerts)
    .set({ liftedAt: at, liftedBy: by })
    .where(inCompany(usageAlerts, scope, eq(usageAlerts.serviceId, serviceId), eq(usageAlerts.month, monthFirst), eq(usageAlerts.kind, 'roaming_cap'), isNull(usageAlerts.liftedAt)));
};

/** Who hears of a line's crossing besides the administrators: its employee, with the line's number. */
export const lineAndUser = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q
    .select({ msisdn: services.msisdn, email: mobileUsers.email, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName, language: mobileUsers.language })
    .from(services)
    .innerJoin(mobileUsers, userOfService)
    .where(inCompany(services, scope, eq(services.id, serviceId)));
  return row ?? null;
};

/** A line's roaming data in a month so far. */
export const roamingDataOf = async (q: Queryable, scope: CompanyScope, serviceId: string, monthFirst: string) => {
  const [row] = await q
    .select({ mb: usageMonthly.roamingDataMb })
    .from(usageMonthly)
    .where(and(inCompany(usageMonthly, scope, eq(usageMonthly.serviceId, serviceId), eq(usageMonthly.month, monthFirst))));
  return row?.mb ?? 0;
};

export type UsageAlertRow = typeof usageAlerts.$inferSelect;
export type { UsageAlertKind };

export const companyNameOf = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId));
  return row?.name ?? null;
};
