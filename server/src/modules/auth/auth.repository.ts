import { and, eq, gt, lt } from 'drizzle-orm';
import { accounts, companies, sessions } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import type { Lang } from '../../platform/i18n.js';
import { newToken, sha256 } from '../../platform/tokens.js';

export type SessionAccount = {
  id: string;
  email: string;
  fullName: string;
  role: 'admin' | 'operator';
  language: Lang;
  company: { id: string; name: string } | null;
};

export const findAccountByEmail = async (db: Queryable, email: string) => {
  const [row] = await db.select().from(accounts).where(eq(accounts.email, email));
  return row ?? null;
};

export const createSession = async (db: Queryable, accountId: string, ttlHours: number) => {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000);
  await db.insert(sessions).values({ idHash: sha256(token), accountId, csrfToken, expiresAt });
  await db.update(accounts).set({ lastLoginAt: new Date() }).where(eq(accounts.id, accountId));
  return { token, csrfToken, expiresAt };
};

/** The live session behind a cookie value, with the account it signs in. */
export const findSession = async (db: Queryable, token: string) => {
  const [row] = await db
    .select({ session: sessions, account: accounts, companyName: companies.name })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    .where(and(eq(sessions.idHash, sha256(token)), gt(sessions.expiresAt, new Date())));
  if (!row) return null;
  const { account: a } = row;
  const account: SessionAccount = {
    id: a.id,
    email: a.email,
    fullName: a.fullName,
    role: a.role,
    language: a.language,
    company: a.companyId ? { id: a.companyId, name: row.companyName ?? '' } : null,
  };
  return { csrfToken: row.session.csrfToken, account };
};

export const deleteSession = async (db: Queryable, token: string) => {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(token)));
};

export const purgeExpiredSessions = async (db: Queryable) => {
  await db.delete(sessions).where(lt(sessions.expiresAt, new Date()));
};

export const setAccountLanguage = async (db: Queryable, accountId: string, language: Lang) => {
  await db.update(accounts).set({ language }).where(eq(accounts.id, accountId));
};
