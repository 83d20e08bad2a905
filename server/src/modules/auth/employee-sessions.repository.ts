import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { companies, employeeSessions, employeeSignInLinks, mobileUsers } from '../../db/schema.js';
import type { Db, Queryable } from '../../platform/db.js';
import type { Lang } from '../../platform/i18n.js';
import { newToken, sha256 } from '../../platform/tokens.js';
import { forgetSessions, type FoundEmployeeSession, type SessionCache } from './session-cache.js';
import type { SignInOrigin } from './auth.repository.js';

/**
 * The employee signed in to My lines: a mobile user of one company, never an account. Its `id` is
 * the mobile user's; the company is where every query of My lines is scoped.
 */
export type SessionEmployee = {
  id: string;
  companyId: string;
  companyName: string;
  firstName: string;
  lastName: string;
  email: string;
  language: Lang;
};

/**
 * An employee session's cookie value starts with this, so that a request is looked up in the one
 * table of its kind (no second query for every account session, and no way to pass one kind off
 * as the other: the tables share nothing).
 */
export const EMPLOYEE_TOKEN_PREFIX = 'e.';
export const isEmployeeToken = (token: string) => token.startsWith(EMPLOYEE_TOKEN_PREFIX);

export const createEmployeeSession = async (q: Queryable, user: { companyId: string; mobileUserId: string }, expiresAt: Date, origin: SignInOrigin) => {
  const token = `${EMPLOYEE_TOKEN_PREFIX}${newToken()}`;
  const csrfToken = newToken();
  await q.insert(employeeSessions).values({ idHash: sha256(token), companyId: user.companyId, mobileUserId: user.mobileUserId, csrfToken, expiresAt, userAgent: origin.userAgent?.slice(0, 500) ?? null, ipAddress: origin.ipAddress });
  return { token, csrfToken, expiresAt };
};

const employeeSessionQuery = (db: Db) =>
  db
    .select({
      csrfToken: employeeSessions.csrfToken,
      expiresAt: employeeSessions.expiresAt,
      id: mobileUsers.id,
      companyId: mobileUsers.companyId,
      companyName: companies.name,
      firstName: mobileUsers.firstName,
      lastName: mobileUsers.lastName,
      email: mobileUsers.email,
      language: mobileUsers.language,
    })
    .from(employeeSessions)
    .innerJoin(mobileUsers, and(eq(mobileUsers.companyId, employeeSessions.companyId), eq(mobileUsers.id, employeeSessions.mobileUserId)))
    .innerJoin(companies, eq(companies.id, employeeSessions.companyId))
    .where(and(eq(employeeSessions.idHash, sql.placeholder('idHash')), gt(employeeSessions.expiresAt, sql`now()`)))
    .prepare('fd_find_employee_session');
const prepared = new WeakMap<object, ReturnType<typeof employeeSessionQuery>>();

/** The live employee session behind a cookie value: from the instance's cache when it has it, else from the database. */
export const findEmployeeSession = async (db: Db, token: string, cache?: SessionCache<FoundEmployeeSession>): Promise<FoundEmployeeSession | null> => {
  if (!isEmployeeToken(token)) return null;
  const idHash = sha256(token);
  const cached = cache?.get(idHash);
  if (cached) return cached;
  const ticket = cache?.ticket() ?? 0;
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = employeeSessionQuery(db)));
  const [row] = await query.execute({ idHash });
  if (!row) return null;
  const { csrfToken, expiresAt, ...employee } = row;
  const found = Object.freeze({ csrfToken, employee: Object.freeze(employee) });
  cache?.remember(idHash, found, expiresAt, ticket);
  return found;
};

export const deleteEmployeeSession = async (q: Queryable, token: string) => {
  const idHash = sha256(token);
  await q.delete(employeeSessions).where(eq(employeeSessions.idHash, idHash));
  forgetSessions(`s:${idHash}`);
};

export const purgeExpiredEmployeeSessions = async (q: Queryable, now: Date) => {
  await q.delete(employeeSessions).where(lt(employeeSessions.expiresAt, sql`now()`));
  await q.delete(employeeSignInLinks).where(lt(employeeSignInLinks.expiresAt, new Date(now.getTime() - 86_400_000)));
};

// ---------------------------------------------------------------- sign-in links (magic links)

/**
 * The mobile users an address belongs to, in every company (one person can be an employee of two):
 * only the job that e-mails the links asks, never a request, so the answer cannot tell who exists.
 */
export const mobileUsersByEmail = async (q: Queryable, email: string) =>
  q
    .select({ id: mobileUsers.id, companyId: mobileUsers.companyId, companyName: companies.name, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName, email: mobileUsers.email, language: mobileUsers.language })
    .from(mobileUsers)
    .innerJoin(companies, eq(companies.id, mobileUsers.companyId))
    .where(eq(sql`lower(${mobileUsers.email})`, email.trim().toLowerCase()));

/** A new link replaces the employee's open ones (the latest e-mail is the one that works). */
export const insertEmployeeSignInLink = async (q: Queryable, values: { companyId: string; mobileUserId: string; tokenHash: string; expiresAt: Date }, now: Date) => {
  await q
    .update(employeeSignInLinks)
    .set({ usedAt: now })
    .where(and(eq(employeeSignInLinks.companyId, values.companyId), eq(employeeSignInLinks.mobileUserId, values.mobileUserId), isNull(employeeSignInLinks.usedAt)));
  await q.insert(employeeSignInLinks).values(values);
};

/** The link by its token's hash (the token is the credential), locked: of two tabs following it, one signs in. */
export const findEmployeeSignInLink = async (q: Queryable, tokenHash: string) => {
  const [row] = await q.select().from(employeeSignInLinks).where(eq(employeeSignInLinks.tokenHash, tokenHash)).for('update');
  return row ?? null;
};

export const markEmployeeSignInLinkUsed = async (q: Queryable, id: string, now: Date) => {
  await q.update(employeeSignInLinks).set({ usedAt: now }).where(eq(employeeSignInLinks.id, id));
};
