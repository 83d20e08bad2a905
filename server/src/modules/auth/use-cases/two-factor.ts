import QRCode from 'qrcode';
import type { Db, Queryable } from '../../../platform/db.js';
import type { Clock } from '../../../platform/clock.js';
import type { AccountActor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { scopeOfRow, type CompanyScope } from '../../../platform/tenant.js';
import { sha256 } from '../../../platform/tokens.js';
import { recordAudit } from '../../audit/index.js';
import { getOperatorBranding } from '../../operator/index.js';
import { createSession, type SignInOrigin } from '../auth.repository.js';
import { verifyPassword } from '../domain/password.js';
import { openSecret, sealSecret } from '../domain/secret-box.js';
import { ACCOUNT_MAX_WRONG_CODES, CHALLENGE_MAX_ATTEMPTS, WRONG_CODES_WINDOW_MINUTES } from '../domain/sign-in-steps.js';
import { acceptedStep, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, totpUri } from '../domain/totp.js';
import {
  accountsWithoutTwoFactor,
  companyRequiresTwoFactor,
  confirmSecret,
  countWrongCode,
  endChallenge,
  deleteTwoFactor,
  findAccountForSignIn,
  findChallenge,
  findTwoFactor,
  recentWrongCodes,
  recoveryCodesLeft,
  replaceRecoveryCodes,
  savePendingSecret,
  setCompanyRequiresTwoFactor,
  useRecoveryCode,
  useStep,
  type SignInAccount,
} from '../sign-in-security.repository.js';
import { accountNeedsTwoFactor, type SignInPolicy } from './sign-in.js';

export type TwoFactorDeps = { db: Db; clock: Clock; config: SignInPolicy & { twoFactorKey: Buffer | null } };
type Who = { id: string; email: string; fullName: string };

const codeInvalid = (field = 'code') => new AppError('TWO_FACTOR.CODE_INVALID', { fieldErrors: [{ field, rule: 'code_invalid' }] });

/** The company an account's audit lines belong to (operator staff's: none). */
const auditScopeOf = (account: { companyId: string | null }): CompanyScope | null => (account.companyId ? scopeOfRow({ companyId: account.companyId }) : null);

const audit = (q: Queryable, account: Who & { companyId: string | null }, action: string, after: Record<string, unknown> | null) =>
  recordAudit(q, { scope: auditScopeOf(account), actor: { accountId: account.id, name: account.fullName }, action, entityType: 'account', entityId: account.id, before: null, after });

const mustFind = async (q: Queryable, accountId: string) => {
  const account = await findAccountForSignIn(q, { id: accountId });
  if (!account) throw new AppError('AUTH.NOT_SIGNED_IN');
  return account;
};

// ---------------------------------------------------------------- the signed-in person's own second factor

export const twoFactorStatus = async (deps: TwoFactorDeps, accountId: string) => {
  const account = await mustFind(deps.db, accountId);
  const enabled = account.twoFactorConfirmedAt !== null;
  return {
    enabled,
    enabledAt: account.twoFactorConfirmedAt?.toISOString() ?? null,
    recoveryCodesLeft: enabled ? await recoveryCodesLeft(deps.db, accountId) : 0,
    required: accountNeedsTwoFactor(account, deps.config),
  };
};

/** A new secret to scan, pending until a first code confirms it. Refused while one is confirmed. */
const startEnrolment = async (deps: TwoFactorDeps, account: Who) => {
  const existing = await findTwoFactor(deps.db, account.id);
  if (existing?.confirmedAt) throw new AppError('TWO_FACTOR.ALREADY_ENABLED');
  const secret = newTotpSecret();
  await savePendingSecret(deps.db, account.id, sealSecret(secret, deps.config.twoFactorKey));
  const brand = await getOperatorBranding(deps.db);
  const uri = totpUri(secret, account.email, brand?.portalName ?? 'Fleetdesk');
  const qrDataUrl = await QRCode.toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  return { secret, uri, qrDataUrl };
};

/** The first code turns the pending secret on; ten recovery codes are made and shown this once. */
const confirmEnrolment = async (tx: Queryable, deps: TwoFactorDeps, account: Who & { companyId: string | null }, code: string) => {
  const pending = await findTwoFactor(tx, account.id, true);
  if (!pending) throw new AppError('TWO_FACTOR.NOT_STARTED');
  if (pending.confirmedAt) throw new AppError('TWO_FACTOR.ALREADY_ENABLED');
  const step = acceptedStep(openSecret(pending.secret, deps.config.twoFactorKey), code, deps.clock.now(), null);
  if (step === null) throw codeInvalid();
  await confirmSecret(tx, account.id, step);
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, account.id, codes.map((c) => sha256(normalizeRecoveryCode(c))));
  await audit(tx, account, 'account.two_factor_enabled', { twoFactor: true });
  return codes;
};

export const startOwnEnrolment = (deps: TwoFactorDeps, account: Who) => startEnrolment(deps, account);

export const confirmOwnEnrolment = async (deps: TwoFactorDeps, accountId: string, code: string) =>
  deps.db.transaction(async (tx) => ({ recoveryCodes: await confirmEnrolment(tx, deps, await mustFind(tx, accountId), code) }));

/**
 * A code of the app (or an unused recovery code) is right: the step is used up, so the same code
 * cannot be used again; a recovery code is used up too.
 */
const checkSecondFactor = async (tx: Queryable, deps: TwoFactorDeps, accountId: string, input: { code?: string | undefined; recoveryCode?: string | undefined }) => {
  if (input.recoveryCode) return useRecoveryCode(tx, accountId, sha256(normalizeRecoveryCode(input.recoveryCode)));
  const factor = await findTwoFactor(tx, accountId, true);
  if (!factor?.confirmedAt || !input.code) return false;
  const step = acceptedStep(openSecret(factor.secret, deps.config.twoFactorKey), input.code, deps.clock.now(), factor.lastUsedStep);
  return step !== null && (await useStep(tx, accountId, step));
};

/** Turns the second factor off: the password and a code (or a recovery code) of the factor. Refused where it is required. */
export const disableTwoFactor = async (deps: TwoFactorDeps, accountId: string, input: { password: string; code?: string | undefined; recoveryCode?: string | undefined }) => {
  const account = await mustFind(deps.db, accountId);
  if (!account.twoFactorConfirmedAt) throw new AppError('TWO_FACTOR.NOT_ENABLED');
  if (accountNeedsTwoFactor(account, deps.config)) throw new AppError('TWO_FACTOR.REQUIRED');
  if (!(await verifyPassword(input.password, account.passwordHash))) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'password', rule: 'password_wrong' }] });
  await deps.db.transaction(async (tx) => {
    if (!(await checkSecondFactor(tx, deps, accountId, input))) throw codeInvalid(input.recoveryCode ? 'recoveryCode' : 'code');
    await deleteTwoFactor(tx, accountId);
    await audit(tx, account, 'account.two_factor_disabled', { twoFactor: false });
  });
};

// ---------------------------------------------------------------- the second step of a sign-in (half signed in)

const openChallenge = async (deps: TwoFactorDeps, token: string | undefined, kind: 'code' | 'enrol') => {
  const challenge = token ? await findChallenge(deps.db, sha256(token), deps.clock.now()) : null;
  if (!challenge || challenge.kind !== kind) throw new AppError('AUTH.CHALLENGE_INVALID');
  const account = await mustFind(deps.db, challenge.accountId);
  if (account.status !== 'active') throw new AppError('AUTH.CHALLENGE_INVALID');
  const since = new Date(deps.clock.now().getTime() - WRONG_CODES_WINDOW_MINUTES * 60_000);
  if ((await recentWrongCodes(deps.db, account.id, since)) >= ACCOUNT_MAX_WRONG_CODES) throw new AppError('AUTH.RATE_LIMITED');
  return { challenge, account };
};

const sessionFor = async (tx: Queryable, deps: TwoFactorDeps, account: SignInAccount, challengeIdHash: string, origin: SignInOrigin) => {
  await endChallenge(tx, challengeIdHash, deps.clock.now());
  return createSession(tx, account.id, deps.config.sessionTtlHours, origin);
};

/** The code (or a recovery code) after the password: a session. Five wrong codes end the challenge. */
export const completeSignInWithCode = async (deps: TwoFactorDeps, token: string | undefined, input: { code?: string | undefined; recoveryCode?: string | undefined }) => {
  const { challenge, account } = await openChallenge(deps, token, 'code');
  const origin = { userAgent: challenge.userAgent, ipAddress: challenge.ipAddress };
  const result = await deps.db.transaction(async (tx) => {
    if (!(await checkSecondFactor(tx, deps, account.id, input))) return null;
    if (input.recoveryCode) await audit(tx, account, 'account.recovery_code_used', { recoveryCodesLeft: await recoveryCodesLeft(tx, account.id) });
    return sessionFor(tx, deps, account, challenge.idHash, origin);
  });
  if (result) return result;
  const attempts = await countWrongCode(deps.db, challenge.idHash, CHALLENGE_MAX_ATTEMPTS, deps.clock.now());
  if (attempts >= CHALLENGE_MAX_ATTEMPTS) throw new AppError('AUTH.CHALLENGE_INVALID');
  throw codeInvalid(input.recoveryCode ? 'recoveryCode' : 'code');
};

/** Setting up the required second factor during sign-in: the secret to scan. */
export const startSignInEnrolment = async (deps: TwoFactorDeps, token: string | undefined) => {
  const { account } = await openChallenge(deps, token, 'enrol');
  return startEnrolment(deps, account);
};

/** The first code of the new factor: it is on, the recovery codes are shown once, and the person is signed in. */
export const confirmSignInEnrolment = async (deps: TwoFactorDeps, token: string | undefined, code: string) => {
  const { challenge, account } = await openChallenge(deps, token, 'enrol');
  const origin = { userAgent: challenge.userAgent, ipAddress: challenge.ipAddress };
  try {
    return await deps.db.transaction(async (tx) => {
      const recoveryCodes = await confirmEnrolment(tx, deps, account, code);
      return { session: await sessionFor(tx, deps, account, challenge.idHash, origin), recoveryCodes };
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'TWO_FACTOR.CODE_INVALID' && (await countWrongCode(deps.db, challenge.idHash, CHALLENGE_MAX_ATTEMPTS, deps.clock.now())) >= CHALLENGE_MAX_ATTEMPTS) throw new AppError('AUTH.CHALLENGE_INVALID');
    throw err;
  }
};

// ---------------------------------------------------------------- the company's requirement

export const companyTwoFactorSetting = async (db: Db, scope: CompanyScope) => ({
  required: await companyRequiresTwoFactor(db, scope),
  accountsWithout: await accountsWithoutTwoFactor(db, scope),
});

/** The company requires (or no longer requires) a second factor: those without one set it up at their next sign-in. */
export const setCompanyTwoFactorSetting = async (db: Db, scope: CompanyScope, actor: AccountActor, required: boolean) => {
  await db.transaction(async (tx) => {
    const before = await companyRequiresTwoFactor(tx, scope);
    if (before === required) return;
    await setCompanyRequiresTwoFactor(tx, scope, required);
    await recordAudit(tx, { scope, actor, action: 'company.two_factor_requirement_changed', entityType: 'company', entityId: scope.companyId, before: { requireTwoFactor: before }, after: { requireTwoFactor: required } });
  });
  return companyTwoFactorSetting(db, scope);
};

// ---------------------------------------------------------------- new recovery codes

/**
 * Ten new recovery codes for one's own second factor, shown this once; the old ones stop working.
 * Proof that it is the person: a current code of the app, or the password (an account created by
 * single sign-on has none, so it gives a code).
 */
export const regenerateRecoveryCodes = async (deps: TwoFactorDeps, accountId: string, input: { password?: string | undefined; code?: string | undefined }) => {
  const account = await mustFind(deps.db, accountId);
  if (!account.twoFactorConfirmedAt) throw new AppError('TWO_FACTOR.NOT_ENABLED');
  if (input.password !== undefined && !(await verifyPassword(input.password, account.passwordHash))) {
    throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'password', rule: 'password_wrong' }] });
  }
  return deps.db.transaction(async (tx) => {
    if (input.code !== undefined && !(await checkSecondFactor(tx, deps, accountId, { code: input.code }))) throw codeInvalid();
    const codes = newRecoveryCodes();
    await replaceRecoveryCodes(tx, accountId, codes.map((c) => sha256(normalizeRecoveryCode(c))));
    await audit(tx, account, 'account.recovery_codes_regenerated', { recoveryCodes: codes.length });
    return { recoveryCodes: codes };
  });
};
