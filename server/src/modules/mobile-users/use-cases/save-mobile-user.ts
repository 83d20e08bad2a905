import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import {
  emailTaken,
  findMobileUserRow,
  insertMobileUser,
  lockMobileUsers,
  officeInCompany,
  setCostCentre,
  snapshotOf,
  updateMobileUser,
} from '../mobile-users.repository.js';
import type { CostCentreBulk, MobileUserInput, MobileUserPatch } from '../mobile-users.schemas.js';

const emailTakenError = () => new AppError('MOBILE_USER.EMAIL_TAKEN', { fieldErrors: [{ field: 'email', rule: 'taken' }] });
const officeError = () => new AppError('OFFICE.NOT_FOUND', { fieldErrors: [{ field: 'officeId', rule: 'not_found' }] });

/** Creates a mobile user and its audit line in one transaction. */
export const createMobileUser = async (db: Db, scope: CompanyScope, actor: Actor, input: MobileUserInput) => {
  try {
    return await db.transaction(async (tx) => {
      if (input.officeId && !(await officeInCompany(tx, scope, input.officeId))) throw officeError();
      if (await emailTaken(tx, scope, input.email)) throw emailTakenError();
      const row = await insertMobileUser(tx, scope, input);
      await recordAudit(tx, { scope, actor, action: 'mobile_user.created', entityType: 'mobile_user', entityId: row.id, before: null, after: snapshotOf(row) });
      return row;
    });
  } catch (err) {
    // Two administrators saving the same e-mail at once: the unique index decides, the loser gets a 409.
    if (isUniqueViolation(err, 'mobile_users_company_email_uq')) throw emailTakenError();
    throw err;
  }
};

/** Applies the given fields; the audit line keeps the before and after of what changed. */
export const updateMobileUserDetails = async (db: Db, scope: CompanyScope, actor: Actor, id: string, patch: MobileUserPatch) => {
  try {
    return await db.transaction(async (tx) => {
      const before = await findMobileUserRow(tx, scope, id, true);
      if (!before) throw new AppError('MOBILE_USER.NOT_FOUND');
      if (patch.officeId && !(await officeInCompany(tx, scope, patch.officeId))) throw officeError();
      if (patch.email && patch.email !== before.email && (await emailTaken(tx, scope, patch.email, id))) throw emailTakenError();
      const after = await updateMobileUser(tx, scope, id, patch);
      const [b, a] = [snapshotOf(before), snapshotOf(after)];
      if (JSON.stringify(b) !== JSON.stringify(a)) {
        await recordAudit(tx, { scope, actor, action: 'mobile_user.updated', entityType: 'mobile_user', entityId: id, before: b, after: a });
      }
      return after;
    });
  } catch (err) {
    if (isUniqueViolation(err, 'mobile_users_company_email_uq')) throw emailTakenError();
    throw err;
  }
};

/**
 * Puts several users in one cost centre: all of them or none (a user of another company, or one
 * deleted meanwhile, refuses the whole change). Each user whose centre changes gets its audit line.
 */
export const setUsersCostCentre = async (db: Db, scope: CompanyScope, actor: Actor, input: CostCentreBulk) =>
  db.transaction(async (tx) => {
    const before = await lockMobileUsers(tx, scope, input.userIds);
    if (before.length !== input.userIds.length) throw new AppError('MOBILE_USER.NOT_FOUND', { fieldErrors: [{ field: 'userIds', rule: 'not_found' }] });
    const changing = before.filter((u) => u.costCentre !== input.costCentre);
    if (!changing.length) return { updated: 0 };
    const after = new Map((await setCostCentre(tx, scope, changing.map((u) => u.id), input.costCentre)).map((u) => [u.id, u]));
    for (const u of changing) {
      await recordAudit(tx, { scope, actor, action: 'mobile_user.updated', entityType: 'mobile_user', entityId: u.id, before: snapshotOf(u), after: snapshotOf(after.get(u.id)!) });
    }
    return { updated: changing.length };
  });
