import type { Db, Queryable } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import { scopeOfRow, type CompanyScope } from '../../../platform/tenant.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import type { Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import { hashPassword, isUsableHash, NO_PASSWORD, passwordProblem } from '../../auth/domain/password.js';
import { queueMail } from '../../mail/index.js';
import { INVITATION_TTL_DAYS, invitationState, nextAccountStatus, type AccountEvent } from '../domain/admin-account.js';
import {
  accountEmailTaken,
  administratorSnapshot,
  dropSessionsOf,
  findAdministrator,
  findCompanyForUpdate,
  findInvitationByHash,
  insertAdministrator,
  insertInvitation,
  markInvitationUsed,
  revokeOpenInvitations,
  setAccountStatus,
  type AccountRow,
} from '../back-office.repository.js';
import type { InviteAdministratorInput } from '../companies.schemas.js';

/** Where the invited person chooses a password (web/src/features/auth/SetPasswordPage). */
export const SET_PASSWORD_PATH = '/set-password';

export const emailTaken = () => new AppError('ACCOUNT.EMAIL_TAKEN', { fieldErrors: [{ field: 'email', rule: 'account_taken' }] });

/** The next status, or a 409 naming the status the account is in. */
export const transition = (account: AccountRow, event: AccountEvent) => {
  const next = nextAccountStatus(account.status, event, { hasPassword: isUsableHash(account.passwordHash) });
  if (!next) throw new AppError('ACCOUNT.ILLEGAL_TRANSITION', { params: { status: account.status } });
  return next;
};

/**
 * A new single-use link (the previous ones stop working) and its e-mail in the invitee's language,
 * in the caller's transaction. `byColleague`: the company's owner invites (Team page), not the operator.
 */
export const sendInvitation = async (tx: Queryable, deps: Deps, scope: CompanyScope, actor: AccountActor, account: AccountRow, companyName: string, byColleague = false) => {
  const now = deps.clock.now();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  await revokeOpenInvitations(tx, scope, account.id);
  await insertInvitation(tx, scope, { accountId: account.id, tokenHash: sha256(token), expiresAt, createdByAccountId: actor.accountId });
  await queueMail(tx, deps.jobs, {
    template: 'admin_invite',
    data: {
      setPasswordUrl: `${deps.links.publicUrl()}${SET_PASSWORD_PATH}/${token}`,
      companyName,
      invitedBy: actor.name,
      expiresAt,
      email: account.email,
      ...(byColleague && account.companyRole ? { role: account.companyRole } : {}),
    },
    companyId: scope.companyId,
    to: { address: account.email, name: account.fullName },
    language: account.language,
  });
};

/** Creates the administrator's account without a usable password and e-mails them a link to choose one. */
export const inviteAdministrator = async (deps: Deps, scope: CompanyScope, actor: AccountActor, input: InviteAdministratorInput) => {
  try {
    return await deps.db.transaction(async (tx) => {
      const company = await findCompanyForUpdate(tx, scope);
      if (!company) throw new AppError('COMPANY.NOT_FOUND');
      if (await accountEmailTaken(tx, input.email)) throw emailTaken();
      const account = await insertAdministrator(tx, scope, { email: input.email, fullName: input.fullName, language: input.language, passwordHash: NO_PASSWORD, companyRole: input.role });
      await recordAudit(tx, { scope, actor, action: 'administrator.invited', entityType: 'account', entityId: account.id, before: null, after: administratorSnapshot(account) });
      await sendInvitation(tx, deps, scope, actor, account, company.name);
      return { id: account.id };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'accounts_email_uq')) throw emailTaken();
    throw err;
  }
};

export const resendInvitation = async (deps: Deps, scope: CompanyScope, actor: AccountActor, accountId: string, byColleague = false) =>
  deps.db.transaction(async (tx) => {
    const company = await findCompanyForUpdate(tx, scope);
    if (!company) throw new AppError('COMPANY.NOT_FOUND');
    const account = await findAdministrator(tx, scope, accountId, true);
    if (!account) throw new AppError('ACCOUNT.NOT_FOUND');
    transition(account, 'resend_invitation');
    await recordAudit(tx, { scope, actor, action: 'administrator.invitation_resent', entityType: 'account', entityId: account.id, before: null, after: { email: account.email } });
    await sendInvitation(tx, deps, scope, actor, account, company.name, byColleague);
  });

/** The administrator can no longer sign in: their sessions end now and open invitation links stop working. */
export const deactivateAdministrator = async (db: Db, scope: CompanyScope, actor: AccountActor, accountId: string) =>
  db.transaction(async (tx) => {
    const account = await findAdministrator(tx, scope, accountId, true);
    if (!account) throw new AppError('ACCOUNT.NOT_FOUND');
    const next = transition(account, 'deactivate');
    const after = await setAccountStatus(tx, scope, accountId, next);
    await dropSessionsOf(tx, accountId);
    await revokeOpenInvitations(tx, scope, accountId);
    await recordAudit(tx, { scope, actor, action: 'administrator.deactivated', entityType: 'account', entityId: accountId, before: administratorSnapshot(account), after: administratorSnapshot(after) });
  });

/** Back to where they stood: active with their password, or invited (an operator then resends the link). */
export const reactivateAdministrator = async (db: Db, scope: CompanyScope, actor: AccountActor, accountId: string) =>
  db.transaction(async (tx) => {
    const account = await findAdministrator(tx, scope, accountId, true);
    if (!account) throw new AppError('ACCOUNT.NOT_FOUND');
    const next = transition(account, 'reactivate');
    const after = await setAccountStatus(tx, scope, accountId, next);
    await recordAudit(tx, { scope, actor, action: 'administrator.reactivated', entityType: 'account', entityId: accountId, before: administratorSnapshot(account), after: administratorSnapshot(after) });
  });

// ---------------------------------------------------------------- the invited person

/** The invitation behind a link, if it can still be used; otherwise why not (as a stable error code). */
const usableInvitation = async (q: Queryable, token: string, now: Date, forUpdate = false) => {
  const found = await findInvitationByHash(q, sha256(token), forUpdate);
  if (!found) throw new AppError('INVITATION.INVALID');
  const state = invitationState(found.invitation, now);
  if (state === 'expired') throw new AppError('INVITATION.EXPIRED');
  if (state === 'used') throw new AppError('INVITATION.USED');
  // a replaced link, or an account deactivated meanwhile
  if (state === 'revoked' || found.account.status !== 'invited') throw new AppError('INVITATION.INVALID');
  return found;
};

export const describeInvitation = async (deps: Pick<Deps, 'db' | 'clock'>, token: string) => {
  const { account, invitation, companyName } = await usableInvitation(deps.db, token, deps.clock.now());
  return { email: account.email, fullName: account.fullName, companyName, language: account.language, expiresAt: invitation.expiresAt.toISOString() };
};

/** Sets the password once: the link is used up, the account becomes active, and the person can sign in. */
export const acceptInvitation = async (deps: Pick<Deps, 'db' | 'clock'>, token: string, password: string) => {
  const { db } = deps;
  const now = deps.clock.now();
  // checked before the transaction: hashing takes ~50 ms and needs no lock
  const preview = await usableInvitation(db, token, now);
  const problem = passwordProblem(password, { email: preview.account.email });
  if (problem) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'password', rule: problem.rule, params: problem.params }] });
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    // again under a lock: two tabs submitting one link at once set the password only once
    const { invitation, account } = await usableInvitation(tx, token, now, true);
    // the invitation is the person's credential: its company is the scope
    const scope = scopeOfRow(invitation);
    const next = transition(account, 'set_password');
    await markInvitationUsed(tx, scope, invitation.id);
    const after = await setAccountStatus(tx, scope, account.id, next, { passwordHash });
    await recordAudit(tx, {
      scope,
      actor: { accountId: account.id, name: account.fullName },
      action: 'administrator.password_set',
      entityType: 'account',
      entityId: account.id,
      before: administratorSnapshot(account),
      after: administratorSnapshot(after),
    });
    return { email: account.email };
  });
};
