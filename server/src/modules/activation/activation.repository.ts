import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { accounts, activationLinks, companies, lineOperations, mobileUsers, portIns, services, serviceTypes, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage, pageWindow } from '../../platform/paging.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, userOfService, type CompanyScope } from '../../platform/tenant.js';
import { DONOR_OPERATORS } from '../services/domain/donor-operators.js';
import { userOrNumberSearch } from '../services/index.js';

/** The service with what the activation needs: its user, its SIM and its open port-in. */
export const loadActivation = async (q: Queryable, scope: CompanyScope, serviceId: string, forUpdate = false) => {
  const query = q.select().from(services).where(inCompany(services, scope, eq(services.id, serviceId)));
  const [service] = forUpdate ? await query.for('update') : await query;
  if (!service) return null;
  // one after the other: inside a transaction the queries share one connection
  const [user] = await q.select().from(mobileUsers).where(inCompany(mobileUsers, scope, eq(mobileUsers.id, service.mobileUserId)));
  const [sim] = await q
    .select()
    .from(simCards)
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), inArray(simCards.status, ['reserved', 'assigned'])))
    // during a SIM swap the line holds two: the replacement (its code is the one to show and send) is the newer
    .orderBy(desc(simCards.updatedAt))
    .limit(1);
  const [portIn] = await q.select().from(portIns).where(inCompany(portIns, scope, eq(portIns.serviceId, serviceId))).orderBy(desc(portIns.createdAt)).limit(1);
  const [company] = await q.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId));
  return { service, user: user!, sim: sim ?? null, portIn: portIn ?? null, companyName: company?.name ?? '' };
};
export type Activation = NonNullable<Awaited<ReturnType<typeof loadActivation>>>;

/** Whether a replacement SIM of the line waits for the employee to type its number (line operations, modules/lines). */
export const awaitsReplacementIccid = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q
    .select({ id: lineOperations.id })
    .from(lineOperations)
    .where(inCompany(lineOperations, scope, eq(lineOperations.serviceId, serviceId), eq(lineOperations.kind, 'swap_sim'), eq(lineOperations.status, 'pending'), sql`${lineOperations.details}->>'toIccid' is null`));
  return row !== undefined;
};

export const updatePortIn = async (q: Queryable, scope: CompanyScope, id: string, values: Partial<typeof portIns.$inferInsert>) => {
  await q
    .update(portIns)
    .set({ ...values, updatedAt: new Date() })
    .where(inCompany(portIns, scope, eq(portIns.id, id)));
};

// ---------------------------------------------------------------- personal links

export const insertLink = async (q: Queryable, scope: CompanyScope, values: { serviceId: string; tokenHash: string; sentTo: string; expiresAt: Date }) => {
  // one live link per service: a new one replaces the old
  await q
    .update(activationLinks)
    .set({ revokedAt: new Date() })
    .where(inCompany(activationLinks, scope, eq(activationLinks.serviceId, values.serviceId), isNull(activationLinks.revokedAt)));
  await q.insert(activationLinks).values({ companyId: scope.companyId, ...values });
};

/** The link by its token's hash, across companies: the token is the only credential the employee has. */
export const findLinkByHash = async (q: Queryable, tokenHash: string) => {
  const [row] = await q.select().from(activationLinks).where(eq(activationLinks.tokenHash, tokenHash));
  return row ?? null;
};

/** The fleet administrators of the company who can sign in (not invited, not deactivated): they hear about refused port-ins. */
export const companyAdmins = async (q: Queryable, scope: CompanyScope) =>
  q
    .select({ id: accounts.id, email: accounts.email, fullName: accounts.fullName, language: accounts.language })
    .from(accounts)
    .where(and(eq(accounts.companyId, scope.companyId), eq(accounts.role, 'admin'), eq(accounts.status, 'active')));

export const accountById = async (q: Queryable, id: string) => {
  const [row] = await q.select({ fullName: accounts.fullName, email: accounts.email }).from(accounts).where(eq(accounts.id, id));
  return row ?? null;
};

// ---------------------------------------------------------------- mobile porting issues

const donorName = (code: string, lang: Lang) => {
  const d = DONOR_OPERATORS.find((o) => o.code === code);
  return d ? localize(d.name, lang) : code;
};

type PortingIssueQuery = { q?: string | undefined; page: number; pageSize: number };

/**
 * Refused port-ins, for one company (the administrator's list) or across companies (operator staff,
 * read-only): one query, the company condition is the only difference.
 */
const queryPortingIssues = async (q: Queryable, companyCondition: SQL | undefined, query: PortingIssueQuery, lang: Lang) => {
  const where = and(companyCondition, eq(services.status, 'porting_refused'), eq(portIns.status, 'refused'), userOrNumberSearch(query.q));
  const portInOfService = and(eq(portIns.companyId, services.companyId), eq(portIns.serviceId, services.id));
  const base = () =>
    q
      .select({ service: services, portIn: portIns, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName, serviceType: serviceTypes, companyName: companies.name })
      .from(services)
      .innerJoin(companies, eq(companies.id, services.companyId))
      .innerJoin(portIns, portInOfService)
      .innerJoin(mobileUsers, userOfService)
      .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
      .where(where);
  const { limit, offset } = pageWindow(query);
  return listPage(
    query,
    base().orderBy(asc(portIns.refusedAt), asc(services.id)).limit(limit).offset(offset),
    q.select({ n: count() }).from(services).innerJoin(portIns, portInOfService).innerJoin(mobileUsers, userOfService).where(where),
    (r) => ({
      serviceId: r.service.id,
      companyId: r.service.companyId,
      companyName: r.companyName,
      mobileUserId: r.service.mobileUserId,
      userName: `${r.firstName} ${r.lastName}`,
      msisdn: r.portIn.msisdn,
      serviceType: { code: r.serviceType.code, name: localize(r.serviceType.name, lang) },
      donorOperator: { code: r.portIn.donorOperator, name: donorName(r.portIn.donorOperator, lang) },
      accountType: r.portIn.accountType,
      customerNumber: r.portIn.customerNumber,
      donorSimNumber: r.portIn.donorSimNumber,
      holderName: r.portIn.holderName,
      refusalReason: r.portIn.refusalReason ?? '',
      refusalCode: r.portIn.refusalCode ?? 'number_unknown',
      refusedAt: (r.portIn.refusedAt ?? r.portIn.updatedAt).toISOString(),
      attempts: r.portIn.attempt,
    }),
  );
};

/** Mobile porting issues: the company's services whose port-in the donor refused. */
export const listPortingIssues = async (q: Queryable, scope: CompanyScope, query: PortingIssueQuery, lang: Lang) =>
  queryPortingIssues(q, inCompany(services, scope), query, lang);

/** Operator staff: refused port-ins of every company, or of one, to help administrators (no changes). */
export const listPortingIssuesAcrossCompanies = async (q: Queryable, query: PortingIssueQuery & { companyId?: string | undefined }, lang: Lang) =>
  queryPortingIssues(q, query.companyId ? eq(services.companyId, query.companyId) : undefined, query, lang);
