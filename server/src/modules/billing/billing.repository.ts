import { asc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { billingLines, bundleOptions, bundles, mobileUsers, serviceChanges, services } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, sameCompanyRow, userOfService, type CompanyScope } from '../../platform/tenant.js';
import type { BillingLine } from './domain/pro-rata.js';
import type { ItemKind } from '../catalog/index.js';

/** A bill's item: a bundle, an option, or a suspended line's price instead of both. */
export type BilledItemKind = ItemKind | 'suspension';

export type LineContext = {
  serviceId: string;
  mobileUserId: string;
  occurredOn: string;
  reason: 'new_service' | 'change' | 'deletion' | 'suspension' | 'resumption';
  serviceChangeId?: string | null;
};

/** Lines are written once; a repeated new-service or deletion write finds them there and adds nothing. */
export const insertBillingLines = async (
  q: Queryable,
  scope: CompanyScope,
  ctx: LineContext,
  lines: (BillingLine & { itemKind: BilledItemKind; itemCode: string; monthlyPriceCents: number })[],
) => {
  if (!lines.length) return;
  await q
    .insert(billingLines)
    .values(
      lines.map((l) => ({
        companyId: scope.companyId,
        serviceId: ctx.serviceId,
        mobileUserId: ctx.mobileUserId,
        billingMonth: `${ctx.occurredOn.slice(0, 7)}-01`,
        occurredOn: ctx.occurredOn,
        reason: ctx.reason,
        serviceChangeId: ctx.serviceChangeId ?? null,
        itemKind: l.itemKind,
        itemCode: l.itemCode,
        kind: l.kind,
        monthlyPriceCents: l.monthlyPriceCents,
        days: l.days,
        daysInMonth: l.daysInMonth,
        amountCents: l.amountCents,
      })),
    )
    .onConflictDoNothing();
};

export const insertServiceChange = async (q: Queryable, values: typeof serviceChanges.$inferInsert) => {
  const [row] = await q.insert(serviceChanges).values(values).returning({ id: serviceChanges.id });
  return row!.id;
};

const userName = sql<string>`${mobileUsers.firstName} || ' ' || ${mobileUsers.lastName}`;

/** Services billed for the whole month: active before it began and not ended before it began. */
export const servicesBilledFrom = async (q: Queryable, scope: CompanyScope, monthStart: Date) =>
  q
    .select({
      id: services.id,
      mobileUserId: services.mobileUserId,
      userName,
      msisdn: services.msisdn,
      bundleCode: services.bundleCode,
      optionCodes: services.optionCodes,
      suspended: sql<boolean>`${services.status} = 'suspended'`,
    })
    .from(services)
    .innerJoin(mobileUsers, userOfService)
    .where(inCompany(services, scope, lt(services.activatedAt, monthStart), or(isNull(services.endedAt), gte(services.endedAt, monthStart))))
    .orderBy(asc(mobileUsers.lastName), asc(mobileUsers.firstName), asc(services.mobileUserId), asc(services.createdAt));

/** The first change on or after `day` of each service of the company: what it held before it tells what it held on that day. */
export const firstChangesFrom = async (q: Queryable, scope: CompanyScope, day: string) => {
  const rows = await q
    .selectDistinctOn([serviceChanges.serviceId], {
      serviceId: serviceChanges.serviceId,
      bundleCode: serviceChanges.fromBundleCode,
      optionCodes: serviceChanges.fromOptionCodes,
      suspended: serviceChanges.fromSuspended,
    })
    .from(serviceChanges)
    .where(inCompany(serviceChanges, scope, gte(serviceChanges.effectiveOn, day)))
    .orderBy(serviceChanges.serviceId, asc(serviceChanges.effectiveOn), asc(serviceChanges.createdAt));
  return new Map(rows.map((r) => [r.serviceId, { bundleCode: r.bundleCode, optionCodes: r.optionCodes, suspended: r.suspended }]));
};

export const linesOfMonth = async (q: Queryable, scope: CompanyScope, monthFirstDay: string) =>
  q
    .select({
      serviceId: billingLines.serviceId,
      mobileUserId: billingLines.mobileUserId,
      userName,
      msisdn: services.msisdn,
      occurredOn: billingLines.occurredOn,
      reason: billingLines.reason,
      itemKind: billingLines.itemKind,
      itemCode: billingLines.itemCode,
      kind: billingLines.kind,
      days: billingLines.days,
      daysInMonth: billingLines.daysInMonth,
      amountCents: billingLines.amountCents,
    })
    .from(billingLines)
    .innerJoin(services, sameCompanyRow(services, billingLines.serviceId, billingLines))
    .innerJoin(mobileUsers, sameCompanyRow(mobileUsers, billingLines.mobileUserId, billingLines))
    .where(inCompany(billingLines, scope, eq(billingLines.billingMonth, monthFirstDay)))
    .orderBy(asc(billingLines.occurredOn), asc(billingLines.createdAt), asc(billingLines.kind), asc(billingLines.itemKind), asc(billingLines.itemCode));

/** Names of catalog items, for lines and descriptions. */
/** The catalog's suspended prices of bundles (null: the bundle names none). */
export const suspendedPrices = async (q: Queryable, codes: string[]) => {
  if (!codes.length) return new Map<string, number | null>();
  const rows = await q.select({ code: bundles.code, cents: bundles.suspendedMonthlyPriceCents }).from(bundles).where(inArray(bundles.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.cents]));
};

export const itemNames = async (q: Queryable, codes: { bundles: string[]; options: string[] }) => {
  const b = codes.bundles.length ? await q.select({ code: bundles.code, name: bundles.name }).from(bundles).where(inArray(bundles.code, codes.bundles)) : [];
  const o = codes.options.length ? await q.select({ code: bundleOptions.code, name: bundleOptions.name }).from(bundleOptions).where(inArray(bundleOptions.code, codes.options)) : [];
  return { bundles: new Map(b.map((r) => [r.code, r.name])), options: new Map(o.map((r) => [r.code, r.name])) };
};

/** The cost centre of each of the company's users (chargeback). */
export const costCentresOfUsers = async (q: Queryable, scope: CompanyScope) => {
  const rows = await q.select({ id: mobileUsers.id, costCentre: mobileUsers.costCentre }).from(mobileUsers).where(inCompany(mobileUsers, scope));
  return new Map(rows.map((r) => [r.id, r.costCentre]));
};
