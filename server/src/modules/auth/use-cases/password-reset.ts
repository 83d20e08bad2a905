import type { Deps } from '../../../deps.js';
import { AppError } from '../../../platform/app-error.js';
import { scopeOfRow } from '../../../platform/tenant.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import { QUEUES } from '../../../jobs/queues.js';
import { recordAudit } from '../../audit/index.js';
import { queueMail } from '../../mail/index.js';
import { hashPassword, isUsableHash, passwordProblem } from '../domain/password.js';
import { PASSWORD_RESET_TTL_MINUTES, resetLinkState } from '../domain/sign-in-steps.js';
import { deleteAllSessionsOf, findAccountForSignIn, findResetByHash, insertReset, markResetUsed, revokeOpenResets, setPasswordHash } from '../sign-in-security.repository.js';
import type { Queryable } from '../../../platform/db.js';

/** Where the e-mail's link leads (web/src/features/auth/ResetPasswordPage). */
export const RESET_PASSWORD_PATH = '/reset-password';

/**
 * "Forgot password": the answer and the work are the same whether or not the address has an
 * account — one job queued, nothing looked up — so neither the answer nor its timing tells who has
 * an account. The job (below) finds the account and e-mails the link.
 */
export const requestPasswordReset = async (deps: Pick<Deps, 'db' | 'jobs'>, email: string) => {
  await deps.db.transaction((tx) => deps.jobs.send(tx, QUEUES.passwordResetRequest, { email }));
};

/**
 * The job: an active account with a password gets a single-use link (the earlier open ones stop
 * working) valid an hour, in its language. Nobody else gets anything.
 */
export const sendPasswordResetLink = async (deps: Deps, email: string) => {
  await deps.db.transaction(async (tx) => {
    const account = await findAccountForSignIn(tx, { email });
    if (!account || account.status !== 'active' || !isUsableHash(account.passwordHash)) return;
    const token = newToken();
    const expiresAt = new Date(deps.clock.now().getTime() + PASSWORD_RESET_TTL_MINUTES * 60_000);
    await revokeOpenResets(tx, account.id);
    await insertReset(tx, { accountId: account.id, tokenHash: sha256(token), expiresAt });
    await queueMail(tx, deps.jobs, {
      template: 'password_reset',
      data: { resetUrl: `${deps.links.publicUrl()}${RESET_PASSWORD_PATH}/${token}`, email: account.email, expiresAt },
      companyId: account.companyId,
      to: { address: account.email, name: account.fullName },
      language: account.language,
    });
  });
};

const usableReset = async (q: Queryable, token: string, now: Date, forUpdate = false) => {
  const found = await findResetByHash(q, sha256(token), forUpdate);
  if (!found) throw new AppError('PASSWORD_RESET.INVALID');
  const state = resetLinkState(found.reset, now);
  if (state === 'expired') throw new AppError('PASSWORD_RESET.EXPIRED');
  if (state === 'used') throw new AppError('PASSWORD_RESET.USED');
  if (state === 'revoked' || found.account.status !== 'active') throw new AppError('PASSWORD_RESET.INVALID');
  return found;
};

/** Who the link is for, while it can be used (the page shows the address, for password managers). */
export const describePasswordReset = async (deps: Pick<Deps, 'db' | 'clock'>, token: string) => {
  const { account, reset } = await usableReset(deps.db, token, deps.clock.now());
  return { email: account.email, expiresAt: reset.expiresAt.toISOString() };
};

/** The new password, once: the link is used up and every session of the account ends, on every instance at once. */
export const resetPassword = async (deps: Pick<Deps, 'db' | 'clock'>, token: string, password: string) => {
  const now = deps.clock.now();
  const preview = await usableReset(deps.db, token, now);
  const problem = passwordProblem(password, { email: preview.account.email });
  if (problem) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'password', rule: problem.rule, params: problem.params }] });
  const passwordHash = await hashPassword(password);
  return deps.db.transaction(async (tx) => {
    // again under a lock: two tabs submitting one link at once set the password once
    const { reset, account } = await usableReset(tx, token, now, true);
    await markResetUsed(tx, reset.id);
    await revokeOpenResets(tx, account.id);
    await setPasswordHash(tx, account.id, passwordHash);
    await deleteAllSessionsOf(tx, account.id);
    await recordAudit(tx, {
      scope: account.companyId ? scopeOfRow({ companyId: account.companyId }) : null,
      actor: { accountId: account.id, name: account.fullName },
      action: 'account.password_reset',
      entityType: 'account',
      entityId: account.id,
      before: null,
      after: { sessionsEnded: true },
    });
    return { email: account.email };
  });
};
