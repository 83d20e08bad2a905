import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { accounts, activationLinks, companies, fixedNumbers, mobileNumbers, mobileUsers, portIns, services, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';

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
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), inArray(simCards.status, ['reserved', 'assigned'])));
  const [portIn] = await q.select().from(portIns).where(inCompany(portIns, scope, eq(portIns.serviceId, serviceId))).orderBy(desc(portIns.createdAt)).limit(1);
  const [company] = await q.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId));
  return { service, user: user!, sim: sim ?? null, portIn: portIn ?? null, companyName: company?.name ?? '' };
};
export type Activation = NonNullable<Awaited<ReturnType<typeof loadActivation>>>;

export const setServiceFields = async (q: Queryable, scope: CompanyScope, serviceId: string, values: Partial<typeof services.$inferInsert>) => {
  await q
    .update(services)
    .set({ ...values, updatedAt: new Date() })
    .where(inCompany(services, scope, eq(services.id, serviceId)));
};

export const updatePortIn = async (q: Queryable, scope: CompanyScope, id: string, values: Partial<typeof portIns.$inferInsert>) => {
  await q
    .update(portIns)
    .set({ ...values, updatedAt: new Date() })
    .where(inCompany(portIns, scope, eq(portIns.id, id)));
};

/** At activation the reservations become assignments: the number and SIM now belong to a live line. */
export const assignStock = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const now = new Date();
  await q
    .update(mobileNumbers)
    .set({ status: 'assigned', updatedAt: now })
    .where(and(eq(mobileNumbers.companyId, scope.companyId), eq(mobileNumbers.serviceId, serviceId)));
  await q
    .update(simCards)
    .set({ status: 'assigned', updatedAt: now })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), eq(simCards.status, 'reserved')));
};

/** A number moving within the company: the pool row follows it to the new service. */
export const moveNumberRow = async (q: Queryable, scope: CompanyScope, msisdn: string, toServiceId: string) => {
  await q
    .update(mobileNumbers)
    .set({ serviceId: toServiceId, status: 'assigned', updatedAt: new Date() })
    .where(and(eq(mobileNumbers.companyId, scope.companyId), eq(mobileNumbers.msisdn, msisdn)));
};

/** The old service of an internal port ends: its SIM is retired and its fixed number stays where it is. */
export const retireSimsOf = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  await q
    .update(simCards)
    .set({ status: 'retired', updatedAt: new Date() })
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), inArray(simCards.status, ['reserved', 'assigned'])));
};

export const hasFixedNumber = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q.select({ id: fixedNumbers.id }).from(fixedNumbers).where(inCompany(fixedNumbers, scope, eq(fixedNumbers.serviceId, serviceId)));
  return Boolean(row);
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

export const currentLink = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q
    .select({ sentTo: activationLinks.sentTo, createdAt: activationLinks.createdAt, expiresAt: activationLinks.expiresAt })
    .from(activationLinks)
    .where(inCompany(activationLinks, scope, eq(activationLinks.serviceId, serviceId), isNull(activationLinks.revokedAt)))
    .orderBy(desc(activationLinks.createdAt))
    .limit(1);
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
