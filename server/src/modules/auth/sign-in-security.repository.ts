import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { accounts, companies, passwordResets, recoveryCodes, sessions, signInChallenges, twoFactorSecrets } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { forgetSessions } from './session-cache.js';

// ---------------------------------------------------------------- accounts as the second step sees them

/** An account with what decides its second step: its company's requirement and whether it has a confirmed factor. */
export const findAccountForSignIn = async (q: Queryable, where: { email: string } | { id: string }) => {
  const [row] = await q
    .select({
      id: accounts.id,
      email: accounts.email,
      fullName: accounts.fullName,
      role: accounts.role,
      companyRole: accounts.companyRole,
      language: accounts.language,
      status: accounts.status,
      passwordHash: accounts.passwordHash,
      companyId: accounts.companyId,
      companyRequiresTwoFactor: sql<boolean>`coalesce(${companies.requireTwoFactor}, false)`,
      twoFactorConfirmedAt: twoFactorSecrets.confirmedAt,
    })
    .from(accounts)
    .leftJoin(companies, eq(companies.id, accounts.companyId))
    .leftJoin(twoFactorSecrets, eq(twoFactorSecrets.accountId, accounts.id))
    .where('email' in where ? eq(accounts.email, where.email) : eq(accounts.id, where.id));
  return row ?? null;
};
export type SignInAccount = NonNullable<Awaited<ReturnType<typeof findAccountForSignIn>>>;

// ---------------------------------------------------------------- password reset links

export const revokeOpenResets = async (q: Queryable, accountId: string) => {
  await q
    .update(passwordResets)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(passwordResets.accountId, accountId), isNull(passwordResets.usedAt), isNull(passwordResets.revokedAt)));
};

export const insertReset = async (q: Queryable, row: { accountId: string; tokenHash: string; expiresAt: Date }) => {
  await q.insert(passwordResets).values(row);
};

export const findResetByHash = async (q: Queryable, tokenHash: string, forUpdate = false) => {
  const query = q
    .select({ reset: passwordResets, account: { id: accounts.id, email: accounts.email, fullName: accounts.fullName, status: accounts.status, companyId: accounts.companyId } })
    .from(passwordResets)
    .innerJoin(accounts, eq(accounts.id, passwordResets.accountId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  const [row] = forUpdate ? await query.for('update', { of: passwordResets }) : await query;
  return row ?? null;
};

export const markResetUsed = async (q: Queryable, id: string) => {
  await q.update(passwordResets).set({ usedAt: sql`now()` }).where(eq(passwordResets.id, id));
};

export const setPasswordHash = async (q: Queryable, accountId: string, passwordHash: string) => {
  await q.update(accounts).set({ passwordHash }).where(eq(accounts.id, accountId));
  forgetSessions(`a:${accountId}`);
};

export const deleteAllSessionsOf = async (q: Queryable, accountId: string) => {
  const gone = await q.delete(sessions).where(eq(sessions.accountId, accountId)).returning({ idHash: sessions.idHash });
  for (const { idHash } of gone) forgetSessions(`s:${idHash}`);
};

// ---------------------------------------------------------------- two-factor secrets and recovery codes

export const findTwoFactor = async (q: Queryable, accountId: string, forUpdate = false) => {
  const query = q.select().from(twoFactorSecrets).where(eq(twoFactorSecrets.accountId, accountId));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

/** A new pending secret (replacing a pending one; a confirmed one is kept — the caller checks). */
export const savePendingSecret = async (q: Queryable, accountId: string, secret: string) => {
  await q
    .insert(twoFactorSecrets)
    .values({ accountId, secret })
    .onConflictDoUpdate({ target: twoFactorSecrets.accountId, set: { secret, confirmedAt: null, lastUsedStep: null, createdAt: sql`now()` }, setWhere: isNull(twoFactorSecrets.confirmedAt) });
};

export const confirmSecret = async (q: Queryable, accountId: string, step: number) => {
  await q.update(twoFactorSecrets).set({ confirmedAt: sql`now()`, lastUsedStep: step }).where(eq(twoFactorSecrets.accountId, accountId));
};

/**
 * Records the step of an accepted code, only if it is newer than the last one: false when another
 * request used the same (or a later) code first — a replay.
 */
export const useStep = async (q: Queryable, accountId: string, step: number) => {
  const updated = await q
    .update(twoFactorSecrets)
    .set({ lastUsedStep: step })
    .where(and(eq(twoFactorSecrets.accountId, accountId), sql`coalesce(${twoFactorSecrets.lastUsedStep}, -1) < ${step}`))
    .returning({ accountId: twoFactorSecrets.accountId });
  return updated.length > 0;
};

export const deleteTwoFactor = async (q: Queryable, accountId: string) => {
  await q.delete(twoFactorSecrets).where(eq(twoFactorSecrets.accountId, accountId));
  await q.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
};

export const replaceRecoveryCodes = async (q: Queryable, accountId: string, codeHashes: string[]) => {
  await q.delete(recoveryCodes).where(eq(recoveryCodes.accountId, accountId));
  await q.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ accountId, codeHash })));
};

/** Uses a recovery code once: false when it is not one of the account's, or was used already. */
export const useRecoveryCode = async (q: Queryable, accountId: string, codeHash: string) => {
  const used = await q
    .update(recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(and(eq(recoveryCodes.accountId, accountId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id });
  return used.length > 0;
};

export const recoveryCodesLeft = async (q: Queryable, accountId: string) => {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.accountId, accountId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
};

// ---------------------------------------------------------------- half signed in

export const insertChallenge = async (q: Queryable, row: { idHash: string; accountId: string; kind: 'code' | 'enrol'; userAgent: string | null; ipAddress: string | null; expiresAt: Date; createdAt: Date }) => {
  // one open second step per account: signing in again ends the earlier ones (kept until purged, for
  // their count of wrong codes — see recentWrongCodes)
  await q.update(signInChallenges).set({ expiresAt: row.createdAt }).where(and(eq(signInChallenges.accountId, row.accountId), gt(signInChallenges.expiresAt, row.createdAt)));
  await q.insert(signInChallenges).values({ ...row, userAgent: row.userAgent?.slice(0, 500) ?? null });
};

export const findChallenge = async (q: Queryable, idHash: string, now: Date) => {
  const [row] = await q
    .select()
    .from(signInChallenges)
    .where(and(eq(signInChallenges.idHash, idHash), gt(signInChallenges.expiresAt, now)));
  return row ?? null;
};

/** Counts a wrong code; the challenge ends once it has had `max` of them. Returns the count. */
export const countWrongCode = async (q: Queryable, idHash: string, max: number, now: Date) => {
  const [row] = await q
    .update(signInChallenges)
    .set({ attempts: sql`${signInChallenges.attempts} + 1` })
    .where(eq(signInChallenges.idHash, idHash))
    .returning({ attempts: signInChallenges.attempts });
  if (row && row.attempts >= max) await endChallenge(q, idHash, now);
  return row?.attempts ?? max;
};

/** Wrong codes typed for the account since `since`, across its challenges: signing in again does not reset it. */
export const recentWrongCodes = async (q: Queryable, accountId: string, since: Date) => {
  const [row] = await q
    .select({ n: sql<number>`coalesce(sum(${signInChallenges.attempts}), 0)::int` })
    .from(signInChallenges)
    .where(and(eq(signInChallenges.accountId, accountId), gt(signInChallenges.createdAt, since)));
  return row?.n ?? 0;
};

/** Ends a challenge once used or spent; its count of wrong codes stays until it is purged. */
export const endChallenge = async (q: Queryable, idHash: string, now: Date) => {
  await q.update(signInChallenges).set({ expiresAt: now }).where(and(eq(signInChallenges.idHash, idHash), gt(signInChallenges.expiresAt, now)));
};

export const purgeExpiredChallengesAndResets = async (q: Queryable, now: Date) => {
  // kept an hour past their end: their wrong codes count against the account (recentWrongCodes)
  await q.delete(signInChallenges).where(lt(signInChallenges.expiresAt, new Date(now.getTime() - 3600_000)));
  await q.delete(passwordResets).where(lt(passwordResets.expiresAt, new Date(now.getTime() - 7 * 86_400_000)));
};

// ---------------------------------------------------------------- the company's requirement

export const companyRequiresTwoFactor = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ required: companies.requireTwoFactor }).from(companies).where(eq(companies.id, scope.companyId));
  return row?.required ?? false;
};

export const setCompanyRequiresTwoFactor = async (q: Queryable, scope: CompanyScope, required: boolean) => {
  await q.update(companies).set({ requireTwoFactor: required }).where(eq(companies.id, scope.companyId));
};

/** The company's accounts that would have to set up a second factor at their next sign-in. */
export const accountsWithoutTwoFactor = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q
    .select({ n: sql<number>`count(*)::int` })
    .from(accounts)
    .leftJoin(twoFactorSecrets, eq(twoFactorSecrets.accountId, accounts.id))
    .where(and(inCompany(accounts, scope), eq(accounts.status, 'active'), isNull(twoFactorSecrets.confirmedAt)));
  return row?.n ?? 0;
};
