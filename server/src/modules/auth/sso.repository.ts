import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { accounts, companies, companySso, companySsoDomains, ssoSignIns } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import type { Lang } from '../../platform/i18n.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import type { CompanyRole } from './domain/roles.js';
import { emailDomain } from './domain/sso.js';
import { forgetSessions } from './session-cache.js';

// ---------------------------------------------------------------- the company's configuration

export type SsoSettingsRow = typeof companySso.$inferSelect & { domains: string[] };

export const findSsoSettings = async (q: Queryable, scope: CompanyScope, forUpdate = false): Promise<SsoSettingsRow | null> => {
  const query = q.select().from(companySso).where(inCompany(companySso, scope));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) return null;
  const domains = await q.select({ domain: companySsoDomains.domain }).from(companySsoDomains).where(inCompany(companySsoDomains, scope)).orderBy(companySsoDomains.domain);
  return { ...row, domains: domains.map((d) => d.domain) };
};

export const saveSsoSettings = async (
  q: Queryable,
  scope: CompanyScope,
  values: { issuer: string; clientId: string; clientSecret: string; newAccountRole: CompanyRole | null; enabled: boolean; domains: string[] },
) => {
  const { domains, ...row } = values;
  await q
    .insert(companySso)
    .values({ companyId: scope.companyId, ...row })
    .onConflictDoUpdate({ target: companySso.companyId, set: { ...row, updatedAt: sql`now()` } });
  await q.delete(companySsoDomains).where(inCompany(companySsoDomains, scope));
  if (domains.length) await q.insert(companySsoDomains).values(domains.map((domain) => ({ domain, companyId: scope.companyId })));
};

/** Domains among `domains` that another company signs in with, or under which another company (or operator staff) has accounts. */
export const domainsTakenElsewhere = async (q: Queryable, scope: CompanyScope, domains: string[]) => {
  if (!domains.length) return [];
  const list = sql.join(domains.map((d) => sql`${d}`), sql`, `);
  const bySso = await q
    .select({ domain: companySsoDomains.domain })
    .from(companySsoDomains)
    .where(and(ne(companySsoDomains.companyId, scope.companyId), sql`${companySsoDomains.domain} in (${list})`));
  const byAccounts = await q
    .selectDistinct({ domain: sql<string>`lower(split_part(${accounts.email}, '@', 2))` })
    .from(accounts)
    .where(and(sql`${accounts.companyId} is distinct from ${scope.companyId}`, sql`lower(split_part(${accounts.email}, '@', 2)) in (${list})`));
  return [...new Set([...bySso, ...byAccounts].map((r) => r.domain))].sort();
};

/** The company whose switched-on SSO an e-mail domain signs in with, and its configuration; null when none. */
export const findEnabledSsoByDomain = async (q: Queryable, domain: string) => {
  const [row] = await q
    .select({ sso: companySso, companyName: companies.name })
    .from(companySsoDomains)
    .innerJoin(companySso, eq(companySso.companyId, companySsoDomains.companyId))
    .innerJoin(companies, eq(companies.id, companySso.companyId))
    .where(and(eq(companySsoDomains.domain, domain), eq(companySso.enabled, true)));
  return row ?? null;
};

// ---------------------------------------------------------------- sign-ins sent to the provider

export const insertSsoSignIn = async (
  q: Queryable,
  row: { idHash: string; companyId: string; state: string; nonce: string; codeVerifier: string; nextPath: string | null; language: Lang; userAgent: string | null; ipAddress: string | null; expiresAt: Date },
) => {
  await q.insert(ssoSignIns).values({ ...row, userAgent: row.userAgent?.slice(0, 500) ?? null });
};

/** Takes (and so uses up) the pending sign-in behind the browser's cookie, while it lasts. */
export const takeSsoSignIn = async (q: Queryable, idHash: string, now: Date) => {
  const [row] = await q.delete(ssoSignIns).where(and(eq(ssoSignIns.idHash, idHash), gt(ssoSignIns.expiresAt, now))).returning();
  return row ?? null;
};

export const purgeExpiredSsoSignIns = async (q: Queryable, now: Date) => {
  await q.delete(ssoSignIns).where(lt(ssoSignIns.expiresAt, now));
};

// ---------------------------------------------------------------- accounts

export const findAccountByEmailForSso = async (q: Queryable, email: string) => {
  const [row] = await q
    .select({ id: accounts.id, companyId: accounts.companyId, role: accounts.role, status: accounts.status })
    .from(accounts)
    .where(eq(accounts.email, email.toLowerCase()));
  return row ?? null;
};

/** A company account created on its first single sign-on: active, without a password. */
export const insertSsoAccount = async (q: Queryable, scope: CompanyScope, row: { email: string; fullName: string; companyRole: CompanyRole; language: Lang; passwordHash: string }) => {
  const [created] = await q
    .insert(accounts)
    .values({ ...row, role: 'admin', companyId: scope.companyId, status: 'active' })
    .onConflictDoNothing()
    .returning({ id: accounts.id });
  return created?.id ?? null;
};

/** An invited account whose owner signs in through the provider: the invitation is done with. */
export const activateInvitedAccount = async (q: Queryable, scope: CompanyScope, accountId: string) => {
  await q.update(accounts).set({ status: 'active' }).where(inCompany(accounts, scope, eq(accounts.id, accountId), eq(accounts.status, 'invited')));
  forgetSessions(`a:${accountId}`);
};

/** A company account whose company signs in through its provider: no password sign-in (but for the owner, who keeps one to repair a broken provider). */
export const passwordSignInRefused = async (q: Queryable, account: { email: string; role: string; companyId: string | null; companyRole: string | null }) => {
  if (account.role !== 'admin' || !account.companyId || account.companyRole === 'owner') return false;
  const domain = emailDomain(account.email);
  const found = domain ? await findEnabledSsoByDomain(q, domain) : null;
  return found !== null && found.sso.companyId === account.companyId;
};

