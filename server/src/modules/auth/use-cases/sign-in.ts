import type { Db } from '../../../platform/db.js';
import type { Clock } from '../../../platform/clock.js';
import { AppError } from '../../../platform/app-error.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import { createSession, type SignInOrigin } from '../auth.repository.js';
import { DUMMY_HASH, isUsableHash, verifyPassword } from '../domain/password.js';
import { CHALLENGE_TTL_MINUTES, nextSignInStep, twoFactorRequired } from '../domain/sign-in-steps.js';
import { findAccountForSignIn, insertChallenge, type SignInAccount } from '../sign-in-security.repository.js';
import { passwordSignInRefused } from '../sso.repository.js';

export type SignInPolicy = { sessionTtlHours: number; operatorTwoFactorRequired: boolean };

/** A session, or the second step still to take with the cookie value that opens it (half signed in). */
export type SignInOutcome =
  | { kind: 'session'; token: string; csrfToken: string; expiresAt: Date }
  | { kind: 'challenge'; step: 'code' | 'enrol'; token: string; expiresAt: Date };

export const accountNeedsTwoFactor = (account: Pick<SignInAccount, 'role' | 'companyRequiresTwoFactor'>, policy: Pick<SignInPolicy, 'operatorTwoFactorRequired'>) =>
  twoFactorRequired(account, policy.operatorTwoFactorRequired);

/**
 * Checks the credentials, then opens a session — or, for an account with a second factor (or one
 * that must set one up), a short-lived challenge that opens nothing but the second step. Unknown
 * e-mail, an invited account without a password yet and a wrong password look the same (and take the
 * same time). Only someone who knows the password of a deactivated account learns that it is deactivated.
 */
export const signIn = async (deps: { db: Db; clock: Clock }, email: string, password: string, policy: SignInPolicy, origin: SignInOrigin): Promise<SignInOutcome> => {
  const { db } = deps;
  const account = await findAccountForSignIn(db, { email });
  const stored = account && isUsableHash(account.passwordHash) ? account.passwordHash : DUMMY_HASH;
  const ok = await verifyPassword(password, stored);
  if (!account || !ok) throw new AppError('AUTH.INVALID_CREDENTIALS');
  if (account.status !== 'active') throw new AppError('AUTH.ACCOUNT_DEACTIVATED');
  if (await passwordSignInRefused(db, account)) throw new AppError('SSO.REQUIRED');
  return startSignedIn(deps, account, policy, origin);
};

/**
 * What follows a sign-in whose first step succeeded (a right password, or the company's identity
 * provider): a session, or the second step the account or its company requires.
 */
export const startSignedIn = async (deps: { db: Db; clock: Clock }, account: SignInAccount, policy: SignInPolicy, origin: SignInOrigin): Promise<SignInOutcome> => {
  const { db } = deps;
  const step = nextSignInStep({ hasTwoFactor: account.twoFactorConfirmedAt !== null, twoFactorRequired: accountNeedsTwoFactor(account, policy) });
  if (step === 'session') return { kind: 'session', ...(await createSession(db, account.id, policy.sessionTtlHours, origin)) };
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MINUTES * 60_000);
  await db.transaction((tx) => insertChallenge(tx, { idHash: sha256(token), accountId: account.id, kind: step, userAgent: origin.userAgent, ipAddress: origin.ipAddress, expiresAt, createdAt: now }));
  return { kind: 'challenge', step, token, expiresAt };
};
