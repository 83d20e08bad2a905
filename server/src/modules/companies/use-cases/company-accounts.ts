import { AppError } from '../../../platform/app-error.js';
import type { Db, Queryable } from '../../../platform/db.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { AccountActor } from '../../../platform/actor.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import type { Deps } from '../../../deps.js';
import { recordAudit } from '../../audit/index.js';
import type { CompanyRole } from '../../auth/domain/roles.js';
import { NO_PASSWORD } from '../../auth/domain/password.js';
import { forgetSessions } from '../../auth/index.js';
import { removesLastOwner, type AccountChange } from '../domain/company-roles.js';
import {
  accountEmailTaken,
  administratorSnapshot,
  dropSessionsOf,
  findAdministrator,
  findCompanyForUpdate,
  insertAdministrator,
  revokeOpenInvitations,
  setAccountStatus,
} from '../back-office.repository.js';
import { accountStandings, listCompanyAccounts as listAccounts, setCompanyRole } from '../company-accounts.repository.js';
import type { CompanyAccountListQuery, InviteCompanyAccountInput } from '../company-accounts.schemas.js';
import { emailTaken, resendInvitation, sendInvitation, transition } from './administrators.js';

// The company's owner manages its accounts (Company & contract › Team): invite with a role, change
// a role, deactivate (signed out at once) and reactivate. Each change runs under a lock on the
// company's row, so two owners acting at once cannot both take the last active owner away.

export const listCompanyAccounts = (db: Queryable, scope: CompanyScope, query: CompanyAccountListQuery) => listAccounts(db, scope, query);

/** Refuses, naming the field, a change that would leave the company without an active owner. */
const keepAnOwner = async (tx: Queryable, scope: CompanyScope, change: AccountChange, field: 'role' | 'status') => {
  if (removesLastOwner(await accountStandings(tx, scope), change)) {
    throw new AppError('ACCOUNT.LAST_OWNER', { fieldErrors: [{ field, rule: 'last_owner' }] });
  }
};

/** A new account of the company with a role, invited by e-mail (in their language) to choose a password. */
export const inviteCompanyAccount = async (deps: Deps, scope: CompanyScope, actor: AccountActor, input: InviteCompanyAccountInput) => {
  try {
    return await deps.db.transaction(async (tx) => {
      const company = await findCompanyForUpdate(tx, scope);
      if (!company) throw new AppError('COMPANY.NOT_FOUND');
      if (await accountEmailTaken(tx, input.email)) throw emailTaken();
      const account = await insertAdministrator(tx, scope, { email: input.email, fullName: input.fullName, language: input.language, passwordHash: NO_PASSWORD, companyRole: input.role });
      await recordAudit(tx, { scope, actor, action: 'account.invited', entityType: 'account', entityId: account.id, before: null, after: administratorSnapshot(account) });
      await sendInvitation(tx, deps, scope, actor, account, company.name, true);
      return { id: account.id };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'accounts_email_uq')) throw emailTaken();
    throw err;
  }
};

export const resendCompanyInvitation = (deps: Deps, scope: CompanyScope, actor: AccountActor, accountId: string) => resendInvitation(deps, scope, actor, accountId, true);

export const changeCompanyRole = async (db: Db, scope: CompanyScope, actor: AccountActor, accountId: string, role: CompanyRole) =>
  db.transaction(async (tx) => {
    if (!(await findCompanyForUpdate(tx, scope))) throw new AppError('COMPANY.NOT_FOUND');
    const account = await findAdministrator(tx, scope, accountId, true);
    if (!account) throw new AppError('ACCOUNT.NOT_FOUND');
    if (account.companyRole === role) return;
    await keepAnOwner(tx, scope, { accountId, role }, 'role');
    const after = await setCompanyRole(tx, scope, accountId, role);
    // what their open sessions may do changes now (the database also announces it to other instances)
    forgetSessions(`a:${accountId}`);
    await recordAudit(tx, { scope, actor, action: 'account.role_changed', entityType: 'account', entityId: accountId, before: administratorSnapshot(account), after: administratorSnapshot(after) });
  });

/** They can no longer sign in: their sessions end at once and open invitation links stop working. */
export const deactivateCompanyAccount = async (db: Db, scope: CompanyScope, actor: AccountActor, accountId: string) =>
  db.transaction(async (tx) => {
    if (!(await findCompanyForUpdate(tx, scope))) throw new AppError('COMPANY.NOT_FOUND');
    const account = await findAdministrator(tx, scope, accountId, true);
    if (!account) throw new AppError('ACCOUNT.NOT_FOUND');
    const next = transition(account, 'deactivate');
    await keepAnOwner(tx, scope, { accountId, status: next }, 'status');
    const after = await setAccountStatus(tx, scope, accountId, next);
    await dropSessionsOf(tx, accountId);
    await revokeOpenInvitations(tx, scope, accountId);
    await recordAudit(tx, { scope, actor, action: 'account.deactivated', entityType: 'account', entityId: accountId, before: administratorSnapshot(account), after: administratorSnapshot(after) });
  });

/** Back to where they stood: active with their password, or invited (the owner then resends the link). */
export const reactivateCompanyAccount = async (db: Db, scope: CompanyScope, actor: AccountActor, accountId: string) =>
  db.transaction(async (tx) => {
    if (!(await findCompanyForUpdate(tx, scope))) throw new AppError('COMPANY.NOT_FOUND');
    const account = await findAdministrator(tx, scope, accountId, true);
    if (!account) throw new AppError('ACCOUNT.NOT_FOUND');
    const next = transition(account, 'reactivate');
    const after = await setAccountStatus(tx, scope, accountId, next);
    await recordAudit(tx, { scope, actor, action: 'account.reactivated', entityType: 'account', entityId: accountId, before: administratorSnapshot(account), after: administratorSnapshot(after) });
  });
