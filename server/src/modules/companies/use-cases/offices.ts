import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isForeignKeyViolation } from '../../../platform/db-errors.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import { deleteOffice, findCompanyForUpdate, findOffice, insertOffice, mobileUsersAtOffice, officeSnapshot, updateOffice } from '../back-office.repository.js';
import type { OfficeInput } from '../companies.schemas.js';

// The same rules whoever maintains the offices: operator staff for any company (scope from the
// URL), a fleet administrator for their own (scope from their account).

const belgianPostalCode = (input: OfficeInput) => {
  if (input.country === 'BE' && !/^[1-9]\d{3}$/.test(input.postalCode)) {
    throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'postalCode', rule: 'postal_code_be' }] });
  }
};

export const addOffice = async (db: Db, scope: CompanyScope, actor: Actor, input: OfficeInput) => {
  belgianPostalCode(input);
  return db.transaction(async (tx) => {
    if (!(await findCompanyForUpdate(tx, scope))) throw new AppError('COMPANY.NOT_FOUND');
    const row = await insertOffice(tx, scope, input);
    await recordAudit(tx, { scope, actor, action: 'office.created', entityType: 'office', entityId: row.id, before: null, after: officeSnapshot(row) });
    return { id: row.id };
  });
};

export const editOffice = async (db: Db, scope: CompanyScope, actor: Actor, officeId: string, input: OfficeInput) => {
  belgianPostalCode(input);
  await db.transaction(async (tx) => {
    const before = await findOffice(tx, scope, officeId, true);
    if (!before) throw new AppError('OFFICE.UNKNOWN');
    const after = await updateOffice(tx, scope, officeId, input);
    const [b, a] = [officeSnapshot(before), officeSnapshot(after!)];
    if (JSON.stringify(b) !== JSON.stringify(a)) await recordAudit(tx, { scope, actor, action: 'office.updated', entityType: 'office', entityId: officeId, before: b, after: a });
  });
};

/**
 * Removes an office nobody refers to. Mobile users are counted first, for a message that says how
 * many; anything else pointing at the office (a request, say) is refused by its foreign key.
 */
export const removeOffice = async (db: Db, scope: CompanyScope, actor: Actor, officeId: string) => {
  try {
    await db.transaction(async (tx) => {
      const before = await findOffice(tx, scope, officeId, true);
      if (!before) throw new AppError('OFFICE.UNKNOWN');
      const users = await mobileUsersAtOffice(tx, scope, officeId);
      if (users > 0) throw new AppError('OFFICE.IN_USE_BY_USERS', { params: { count: users } });
      await deleteOffice(tx, scope, officeId);
      await recordAudit(tx, { scope, actor, action: 'office.deleted', entityType: 'office', entityId: officeId, before: officeSnapshot(before), after: null });
    });
  } catch (err) {
    if (isForeignKeyViolation(err)) throw new AppError('OFFICE.IN_USE');
    throw err;
  }
};
