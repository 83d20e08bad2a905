import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm';
import { accounts, companies, sessions } from '../../db/schema.js';
import type { Db, Queryable } from '../../platform/db.js';
import type { Lang } from '../../platform/i18n.js';
import { newToken, sha256 } from '../../platform/tokens.js';
import type { CompanyRole } from './domain/roles.js';
import { forgetSessions, type FoundSession, type SessionCache } from './session-cache.js';

export type SessionAccount = {
  id: string;
  email: string;
  fullName: string;
  role: 'admin' | 'operator';
  /** What a company account may do (domain/roles.ts); null for operator staff. */
  companyRole: CompanyRole | null;
  language: Lang;
  company: { id: string; name: string } | null;
};

export const findAccountByEmail = async (db: Queryable, email: string) => {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
  return row ?? null;
};

/** Where a sign-in comes from, as the person's sessions page shows it. */
export type SignInOrigin = { userAgent: string | null; ipAddress: string | null };

export const createSession = async (db: Queryable, accountId: string, ttlHours: number, origin: SignInOrigin = { userAgent: null, ipAddress: null }) => {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ idHash: sha256(token), accountId, csrfToken, expiresAt, userAgent: origin.userAgent?.slice(0, 500) ?? null, ipAddress: origin.ipAddress });
  await db.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, accountId));
  return { token, csrfToken, expiresAt };
};

/**
 * Every API request looks its session up, so the query is built once per database handle and run as
 * a prepared statement (measured: the query builder cost more than the lookup itself).
 */
const sessionQuery = (db: Db) =>
  db
    .select({
      csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
      id: accounts.id,
      email: accounts.email,
      fullName: accounts.fullName,
      role: accounts.role,
      companyRole: accounts.companyRole,
      language: accounts.language,
      companyId: accounts.companyId,
      companyName: companies.name,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    // a deactivated account's sessions are deleted; this also refuses any that a race left behind
    .where(and(eq(sessions.idHash, sql.placeholder('idHash')), gt(sessions.expiresAt, sql`now()`), eq(accounts.status, 'active')))
    .prepare('fd_find_session');
const preparedSessionQueries = new WeakMap<object, ReturnType<typeof sessionQuery>>();

/**
 * The live session behind a cookie value, with the account it signs in: from the instance's cache
 * when it has it (see session-cache.ts), else from the database (and then remembered).
 */
export const findSession = async (db: Db, token: string, cache?: SessionCache): Promise<FoundSession | null> => {
  const idHash = sha256(token);
  const cached = cache?.get(idHash);
  if (cached) return cached;
  const ticket = cache?.ticket() ?? 0;
  let query = preparedSessionQueries.get(db);
  if (!query) preparedSessionQueries.set(db, (query = sessionQuery(db)));
  const [row] = await query.execute({ idHash });
  if (!row) return null;
  // shared by the requests the cache answers: nobody may change it
  const account: SessionAccount = Object.freeze({
    id: row.id,
    email: row.email,
    fullName: row.fullName,
    role: row.role,
    companyRole: row.companyRole,
    language: row.language,
    company: row.companyId ? Object.freeze({ id: row.companyId, name: row.companyName ?? '' }) : null,
  });
  const found = Object.freeze({ csrfToken: row.csrfToken, account });
  cache?.remember(idHash, found, row.expiresAt, ticket);
  return found;
};

export const deleteSession = async (db: Queryable, token: string) => {
  const idHash = sha256(token);
  await db.delete(sessions).where(eq(sessions.idHash, idHash));
  forgetSessions(`s:${idHash}`);
};

export const purgeExpiredSessions = async (db: Queryable) => {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
};

export const setAccountLanguage = async (db: Queryable, accountId: string, language: Lang) => {
  await db.update(accounts).set({ language }).where(eq(accounts.id, accountId));
  forgetSessions(`a:${accountId}`);
};

// ---------------------------------------------------------------- one's own sessions (my-sessions.ts)

/** The account's live sessions, the most recently seen first; `current` is the caller's. */
export const listSessionsOf = async (db: Queryable, accountId: string, currentIdHash: string | null) => {
  const rows = await db
    .select({ id: sessions.id, idHash: sessions.idHash, userAgent: sessions.userAgent, ipAddress: sessions.ipAddress, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.accountId, accountId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map(({ idHash, ...row }) => ({ ...row, current: idHash === currentIdHash }));
};

/** Ends one session of the account (none of anyone else's); whether it existed. */
export const deleteSessionOf = async (db: Queryable, accountId: string, sessionId: string) => {
  const gone = await db.delete(sessions).where(and(eq(sessions.accountId, accountId), eq(sessions.id, sessionId))).returning({ idHash: sessions.idHash });
  for (const { idHash } of gone) forgetSessions(`s:${idHash}`);
  return gone.length > 0;
};

/** Ends every session of the account but `keepIdHash` (null: all of them); how many ended. */
export const deleteSessionsOf = async (db: Queryable, accountId: string, keepIdHash: string | null) => {
  const gone = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), keepIdHash ? ne(sessions.idHash, keepIdHash) : undefined))
    .returning({ idHash: sessions.idHash });
  for (const { idHash } of gone) forgetSessions(`s:${idHash}`);
  return gone.length;
};

export const touchSession = async (db: Queryable, idHash: string) => {
  await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.idHash, idHash));
};
