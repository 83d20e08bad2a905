import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError, type FieldError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import { isLang } from '../../../platform/i18n.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { QUEUES, type ImportJob } from '../../../jobs/queues.js';
import { createMobileUser } from '../../mobile-users/index.js';
import { addService } from '../../services/index.js';
import { numbersOf, parseImportRow, rowIssueOf, toWizardDraft } from '../domain/import-row.js';
import { findImport, finishImportIfDone, fixedNumbersByNumber, lockFreePoolNumber, lockPendingRow, markRow, pendingRowIds, servicesByMsisdn, usersByEmail } from '../imports.repository.js';
import { storedError } from './commit-import.js';

/** How long one job works before handing its lane to the next job: short, so a stopping runner waits little. */
const SLICE_MS = 3000;
const ROWS_PER_FETCH = 50;

/** A row the wizard or the user form refused: recorded as failed, the others go on. */
class RowRefused extends Error {
  constructor(readonly errors: FieldError[]) {
    super('row refused');
  }
}

const refusal = (err: unknown): FieldError[] | null => {
  if (err instanceof RowRefused) return err.errors;
  if (err instanceof AppError) {
    if (err.fieldErrors.length) return err.fieldErrors.map((e) => storedError(rowIssueOf(0, e)));
    return [{ field: '', rule: 'error', params: { code: err.code } }];
  }
  return null;
};

/**
 * One row, in one transaction that also marks it done: the user (found by e-mail, or created by the
 * user form's use case) and the service (by the wizard's save, which checks every rule again and
 * reserves the stock conditionally). The row is locked (SKIP LOCKED) and must still be pending, so a
 * row is done once even when a worker died half-way and another took over.
 */
const importRow = async (deps: Deps, scope: CompanyScope, actor: Actor, rowId: string, retried = false): Promise<boolean> => {
  try {
    return await deps.db.transaction(async (tx) => {
      const row = await lockPendingRow(tx, scope, rowId);
      if (!row) return false;
      const language = isLang(row.data.language) ? row.data.language : 'en';
      const parsed = parseImportRow({ line: row.line, values: row.data }, language);
      if (parsed.issues.length || !parsed.user) throw new RowRefused(parsed.issues.map(storedError));
      const existing = (await usersByEmail(tx, scope, [parsed.user.email])).get(parsed.user.email);
      const mobileUserId = existing ?? (await createMobileUser(tx, scope, actor, parsed.user)).id;
      let serviceId: string | null = null;
      if (parsed.service) {
        const numbers = numbersOf(parsed.service);
        const wantsPool = parsed.service.number?.kind === 'new' && !parsed.service.number.msisdn;
        const { draft, issues } = toWizardDraft(row.line, parsed.service, {
          serviceOfNumber: numbers.keep ? await servicesByMsisdn(tx, scope, [numbers.keep]) : new Map(),
          fixedNumberIds: numbers.fixed ? await fixedNumbersByNumber(tx, scope, [numbers.fixed]) : new Map(),
          poolNumber: wantsPool ? await lockFreePoolNumber(tx) : null,
        });
        if (issues.length) throw new RowRefused(issues.map(storedError));
        // nested: the wizard's save runs in a savepoint of this row's transaction
        serviceId = await addService({ ...deps, db: tx }, scope, actor, mobileUserId, { ...draft, activation: draft.activation! });
      }
      await markRow(tx, scope, rowId, { status: 'done', mobileUserId, serviceId });
      return true;
    });
  } catch (err) {
    // another import of the same row (same key) got there first: nothing of this one was kept
    if (isUniqueViolation(err, 'import_rows_company_key_done_uq')) return markRow(deps.db, scope, rowId, { status: 'skipped' });
    // a row of another lane created the same new user a moment before: that user is this row's too
    if (err instanceof AppError && err.code === 'MOBILE_USER.EMAIL_TAKEN' && !retried) return importRow(deps, scope, actor, rowId, true);
    const errors = refusal(err);
    if (!errors) throw err;
    return markRow(deps.db, scope, rowId, { status: 'failed', errors });
  }
};

/**
 * The job of one lane of an import: works its rows for a slice of time, then queues the lane's next
 * job. The last lane to find nothing left marks the import finished. A job that dies leaves its rows
 * pending (or done: each row commits alone), and its retry or successor goes on from there; a
 * stopping runner gets its lanes back after the row at hand, their next jobs queued for its successor.
 */
export const runImportLane = async (deps: Deps, job: ImportJob, stopping: () => boolean = () => false) => {
  const scope = scopeOfJob(job);
  const record = await findImport(deps.db, scope, job.importId);
  if (!record || record.status !== 'running') return;
  const actor: Actor = { accountId: record.startedByAccountId, name: record.startedByName };
  const until = Date.now() + SLICE_MS;
  while (Date.now() < until && !stopping()) {
    const ids = await pendingRowIds(deps.db, scope, job.importId, job, ROWS_PER_FETCH);
    if (ids.length === 0) {
      await finishImportIfDone(deps.db, scope, job.importId);
      return;
    }
    let progressed = false;
    for (const id of ids) {
      if (await importRow(deps, scope, actor, id)) progressed = true;
      // let waiting requests in between rows: on PGlite, one connection, they would wait for the whole slice
      await new Promise((resolve) => setImmediate(resolve));
      if (Date.now() >= until || stopping()) break;
    }
    // every row held by another worker of this lane (a retry next to a job thought dead): let it finish
    if (!progressed) break;
  }
  await deps.jobs.send(deps.db, QUEUES.importRun, job, { startAfter: new Date(Date.now() + 200) });
};
