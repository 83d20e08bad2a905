// Writes of the operator back office (companies, contracts, offices, administrator accounts). Each
// function over company data takes a CompanyScope; the use cases run them inside one transaction.
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import { accountInvitations, accounts, companies, contracts, mobileUsers, offices, productTypes, sessions } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { forgetSessions } from '../auth/index.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import type { AccountStatus } from './domain/admin-account.js';
import type { CompanyRole } from '../auth/domain/roles.js';
import type { CompanyInput, ContractInput, OfficeInput } from './companies.schemas.js';

// ---------------------------------------------------------------- companies and contracts

export type CompanyRow = typeof companies.$inferSelect;

export const findCompanyForUpdate = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select().from(companies).where(eq(companies.id, scope.companyId)).for('update');
  return row ?? null;
};

export const insertCompany = async (q: Queryable, input: CompanyInput) => {
  const [row] = await q.insert(companies).values({ name: input.name, vatNumber: input.vatNumber, accountManagerId: input.accountManagerId }).returning();
  return row!;
};

export const updateCompany = async (q: Queryable, scope: CompanyScope, input: CompanyInput) => {
  const [row] = await q
    .update(companies)
    .set({ name: input.name, vatNumber: input.vatNumber, accountManagerId: input.accountManagerId })
    .where(eq(companies.id, scope.companyId))
    .returning();
  // the company's name travels with its administrators' sessions
  forgetSessions(`c:${scope.companyId}`);
  return row!;
};

export const companyNameTaken = async (q: Queryable, name: string, exceptId?: string) => {
  const rows = await q
    .select({ id: companies.id })
    .from(companies)
    .where(sql`lower(${companies.name}) = lower(${name})`);
  return rows.some((r) => r.id !== exceptId);
};

/** `lock`: until the transaction ends (the 30 % rule counts deletions one after the other under it). */
export const findContract = async (q: Queryable, scope: CompanyScope, { lock = false } = {}) => {
  const query = q.select().from(contracts).where(inCompany(contracts, scope));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
};

export const contractReferenceTaken = async (q: Queryable, reference: string, exceptCompanyId: string) => {
  const [row] = await q.select({ companyId: contracts.companyId }).from(contracts).where(eq(contracts.reference, reference));
  return Boolean(row && row.companyId !== exceptCompanyId);
};

/** One contract per company: saving replaces its terms. */
export const upsertContract = async (q: Queryable, scope: CompanyScope, input: ContractInput) => {
  const values = { reference: input.reference, productTypes: input.productTypes, contractedServices: input.contractedServices, startsOn: input.startsOn, endsOn: input.endsOn };
  const [row] = await q
    .insert(contracts)
    .values({ companyId: scope.companyId, ...values })
    .onConflictDoUpdate({ target: contracts.companyId, set: values })
    .returning();
  return row!;
};

export const catalogProductTypeCodes = async (q: Queryable) => (await q.select({ code: productTypes.code }).from(productTypes)).map((r) => r.code);

export const contractSnapshot = (c: typeof contracts.$inferSelect | null) =>
  c ? { reference: c.reference, productTypes: c.productTypes, contractedServices: c.contractedServices, startsOn: c.startsOn, endsOn: c.endsOn } : null;

export const companySnapshot = (c: CompanyRow) => ({ name: c.name, vatNumber: c.vatNumber, accountManagerId: c.accountManagerId });

// ---------------------------------------------------------------- offices

export type OfficeRow = typeof offices.$inferSelect;

export const findOffice = async (q: Queryable, scope: CompanyScope, id: string, forUpdate = false) => {
  const query = q.select().from(offices).where(inCompany(offices, scope, eq(offices.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

export const insertOffice = async (q: Queryable, scope: CompanyScope, input: OfficeInput) => {
  const [row] = await q
    .insert(offices)
    .values({ companyId: scope.companyId, ...input })
    .returning();
  return row!;
};

export const updateOffice = async (q: Queryable, scope: CompanyScope, id: string, input: OfficeInput) => {
  const [row] = await q.update(offices).set(input).where(inCompany(offices, scope, eq(offices.id, id))).returning();
  return row ?? null;
};

export const deleteOffice = async (q: Queryable, scope: CompanyScope, id: string) => {
  await q.delete(offices).where(inCompany(offices, scope, eq(offices.id, id)));
};

export const mobileUsersAtOffice = async (q: Queryable, scope: CompanyScope, officeId: string) => {
  const [row] = await q.select({ n: count() }).from(mobileUsers).where(inCompany(mobileUsers, scope, eq(mobileUsers.officeId, officeId)));
  return row?.n ?? 0;
};

export const officeSnapshot = (o: OfficeRow) => ({ name: o.name, street: o.street, postalCode: o.postalCode, city: o.city, country: o.country });

// ---------------------------------------------------------------- accounts

export type AccountRow = typeof accounts.$inferSelect;

export const findAdministrator = async (q: Queryable, scope: CompanyScope, accountId: string, forUpdate = false) => {
  const query = q.select().from(accounts).where(inCompany(accounts, scope, eq(accounts.id, accountId), eq(accounts.role, 'admin')));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

export const accountEmailTaken = async (q: Queryable, email: string) => {
  const [row] = await q.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, email));
  return Boolean(row);
};

export const insertAdministrator = async (q: Queryable, scope: CompanyScope, values: { email: string; fullName: string; language: 'en' | 'fr' | 'nl'; passwordHash: string; companyRole: CompanyRole }) => {
  const [row] = await q
    .insert(accounts)
    .values({ ...values, role: 'admin', companyId: scope.companyId, status: 'invited' })
    .returning();
  return row!;
};

/** Operator staff belong to no company; their first password is set when the account is made (npm run create-operator). */
export const insertOperatorStaff = async (q: Queryable, values: { email: string; fullName: string; language: 'en' | 'fr' | 'nl'; passwordHash: string }) => {
  const [row] = await q
    .insert(accounts)
    .values({ ...values, role: 'operator', companyId: null, status: 'active' })
    .returning();
  return row!;
};

export const setAccountStatus = async (q: Queryable, scope: CompanyScope, accountId: string, status: AccountStatus, extra: { passwordHash?: string } = {}) => {
  const [row] = await q
    .update(accounts)
    .set({ status, ...extra })
    .where(inCompany(accounts, scope, eq(accounts.id, accountId)))
    .returning();
  return row!;
};

/** Signs the account out everywhere. */
export const dropSessionsOf = async (q: Queryable, accountId: string) => {
  await q.delete(sessions).where(eq(sessions.accountId, accountId));
  forgetSessions(`a:${accountId}`);
};

export const administratorSnapshot = (a: AccountRow) => ({ email: a.email, fullName: a.fullName, language: a.language, role: a.companyRole, status: a.status });

/** Active operator staff: who can be a company's account manager. */
export const listOperatorStaff = async (q: Queryable) =>
  q
    .select({ id: accounts.id, fullName: accounts.fullName, email: accounts.email })
    .from(accounts)
    .where(and(eq(accounts.role, 'operator'), eq(accounts.status, 'active')))
    .orderBy(asc(accounts.fullName), asc(accounts.id));

export const isActiveOperator = async (q: Queryable, accountId: string) => {
  const [row] = await q
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.role, 'operator'), eq(accounts.status, 'active')));
  return Boolean(row);
};

// ---------------------------------------------------------------- invitations

export const revokeOpenInvitations = async (q: Queryable, scope: CompanyScope, accountId: string) => {
  await q
    .update(accountInvitations)
    .set({ revokedAt: new Date() })
    .where(inCompany(accountInvitations, scope, eq(accountInvitations.accountId, accountId), isNull(accountInvitations.usedAt), isNull(accountInvitations.revokedAt)));
};

export const insertInvitation = async (q: Queryable, scope: CompanyScope, values: { accountId: string; tokenHash: string; expiresAt: Date; createdByAccountId: string }) => {
  await q.insert(accountInvitations).values({ companyId: scope.companyId, ...values });
};

/** The invitation by its token's hash, across companies: the token is the only credential the invited person has. */
export const findInvitationByHash = async (q: Queryable, tokenHash: string, forUpdate = false) => {
  const query = q
    .select({ invitation: accountInvitations, account: accounts, companyName: companies.name })
    .from(accountInvitations)
    .innerJoin(accounts, eq(accounts.id, accountInvitations.accountId))
    .innerJoin(companies, eq(companies.id, accountInvitations.companyId))
    .where(eq(accountInvitations.tokenHash, tokenHash));
  const [row] = forUpdate ? await query.for('update', { of: accountInvitations }) : await query;
  return row ?? null;
};

export const markInvitationUsed = async (q: Queryable, scope: CompanyScope, id: string) => {
  await q
    .update(accountInvitations)
    .set({ usedAt: new Date() })
    .where(inCompany(accountInvitations, scope, eq(accountInvitations.id, id)));
};
