import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import { recordAudit } from '../../audit/index.js';
import { hashPassword, passwordProblem } from '../../auth/domain/password.js';
import { accountEmailTaken, administratorSnapshot, insertOperatorStaff, listOperatorStaff } from '../back-office.repository.js';
import type { InviteAdministratorInput } from '../companies.schemas.js';

/** Who the command line acts as in the audit trail: nobody signed in made the account. */
export const COMMAND_LINE_ACTOR = 'command line (npm run create-operator)';

export const hasOperatorStaff = async (db: Db) => (await listOperatorStaff(db)).length > 0;

/**
 * A member of the operator's staff with the password they chose, able to sign in at once. The first
 * one cannot come from the back office (nobody can sign in there yet), so `npm run create-operator`
 * makes it; the demo's operator account is never seeded in production.
 */
export const createOperatorStaff = async (db: Db, input: InviteAdministratorInput & { password: string }) => {
  const problem = passwordProblem(input.password, { email: input.email });
  if (problem) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'password', rule: problem.rule, params: problem.params }] });
  const passwordHash = await hashPassword(input.password);
  const taken = () => new AppError('ACCOUNT.EMAIL_TAKEN', { fieldErrors: [{ field: 'email', rule: 'account_taken' }] });
  try {
    return await db.transaction(async (tx) => {
      if (await accountEmailTaken(tx, input.email)) throw taken();
      const account = await insertOperatorStaff(tx, { email: input.email, fullName: input.fullName, language: input.language, passwordHash });
      await recordAudit(tx, {
        scope: null,
        actor: { accountId: account.id, name: COMMAND_LINE_ACTOR },
        action: 'operator_staff.created',
        entityType: 'account',
        entityId: account.id,
        before: null,
        after: { ...administratorSnapshot(account), role: account.role },
      });
      return { id: account.id, email: account.email };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'accounts_email_uq')) throw taken();
    throw err;
  }
};
