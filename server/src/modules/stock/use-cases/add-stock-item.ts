import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import type { RawItem } from '../domain/stock-items.js';
import type { StockTarget } from './stock-targets.js';

export const duplicateError = (field: string) => new AppError('STOCK.DUPLICATE', { fieldErrors: [{ field, rule: 'duplicate' }] });

/** Adds one SIM card, eSIM profile or number, typed in the form, with its audit line. */
export const addStockItem = async <T, R>(db: Db, target: StockTarget<T, R>, actor: Actor, raw: RawItem): Promise<R> => {
  const checked = target.spec.check(raw);
  if (!checked.ok) throw new AppError('VALIDATION.FAILED', { fieldErrors: checked.issues });
  const key = target.spec.keyOf(raw)!;
  try {
    return await db.transaction(async (tx) => {
      if ((await target.taken(tx, [key])).size > 0) throw duplicateError(target.spec.keyField);
      const [row] = await target.insert(tx, [checked.value]);
      await recordAudit(tx, {
        scope: target.scope,
        actor,
        action: `${target.entityType}.created`,
        entityType: target.entityType,
        entityId: target.entityIdOf(row!),
        before: null,
        after: target.snapshotOf(row!),
      });
      return row!;
    });
  } catch (err) {
    // Added by someone else between our look and our insert: the unique index decides, this one loses.
    if (isUniqueViolation(err)) throw duplicateError(target.spec.keyField);
    throw err;
  }
};
