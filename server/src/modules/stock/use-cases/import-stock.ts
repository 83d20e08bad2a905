import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { Actor } from '../../../platform/actor.js';
import { recordAudit } from '../../audit/index.js';
import { readStockFile, rowIssues, type LineIssue } from '../domain/stock-file.js';
import type { StockTarget } from './stock-targets.js';

// Enough to fix a file by; a file wrong on every line would otherwise answer megabytes.
const MAX_LISTED = 1000;

/** A refused file: nothing was written. The routes answer it with the problems line by line. */
export class StockImportError extends AppError {
  readonly lines: LineIssue[];
  constructor(lines: LineIssue[]) {
    super('STOCK.IMPORT_INVALID');
    this.lines = [...lines].sort((a, b) => a.line - b.line).slice(0, MAX_LISTED);
  }
}

/**
 * Imports a CSV file of stock: either every row is valid and all are written in one transaction
 * (a few multi-row inserts), with one audit line giving the count, or nothing is written.
 */
export const importStock = async <T, R>(db: Db, target: StockTarget<T, R>, actor: Actor, csv: string, retried = false): Promise<{ imported: number }> => {
  const file = readStockFile(csv, target.spec);
  if (!file.ok) throw new StockImportError(file.issues);
  try {
    return await db.transaction(async (tx) => {
      const keys = file.rows.flatMap((r) => (r.key === null ? [] : [r.key]));
      const issues = rowIssues(file.rows, await target.taken(tx, keys), target.spec);
      if (issues.length > 0) throw new StockImportError(issues);
      const items = file.rows.map((r) => r.value!);
      await target.insert(tx, items);
      await recordAudit(tx, {
        scope: target.scope,
        actor,
        action: target.importAction,
        entityType: 'stock_import',
        entityId: randomUUID(),
        before: null,
        after: { imported: items.length },
      });
      return { imported: items.length };
    });
  } catch (err) {
    // Another import or add wrote one of these items after our look: the unique index refused the
    // batch. Looking again names the rows it took; if that one rolled back, this import goes through.
    if (isUniqueViolation(err) && !retried) return importStock(db, target, actor, csv, true);
    if (isUniqueViolation(err)) throw new AppError('STOCK.IMPORT_CONFLICT');
    throw err;
  }
};
