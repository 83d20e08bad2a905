import type { Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import type { FieldError } from '../../../platform/app-error.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { QUEUES } from '../../../jobs/queues.js';
import type { ImportIssue } from '../domain/import-file.js';
import type { Queryable } from '../../../platform/db.js';
import { doneRowKeys, insertImport, setImportStatus, type NewImportRow } from '../imports.repository.js';
import { readImport, type UploadedFile } from './read-import.js';

/** Lanes of one import worked side by side (each a job that takes every `IMPORT_LANES`-th row). */
export const IMPORT_LANES = 4;

/** A row problem as stored: the column takes the place of the wizard's field path. */
export const storedError = (issue: ImportIssue): FieldError => ({ field: issue.column ?? '', rule: issue.rule, ...(issue.params ? { params: issue.params } : {}) });

/**
 * Reads an import for its commit: the file is read again (the browser is never trusted to have sent
 * the same one) and every row gets its fate. Rows the file already got wrong fail at once; rows
 * imported before (same key) are skipped; every other row waits for a worker. `orders` are the
 * bundles and options of the rows that will add a service: what the import adds to the monthly bill.
 */
export const prepareImport = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, lang: Lang, file: UploadedFile) => {
  const read = await readImport(file, lang);
  if (!read.ok) return read;
  const done = await doneRowKeys(deps.db, scope, read.rows.map((r) => r.key));
  const seen = new Map<string, number>();
  const orders: { bundleCode: string; optionCodes: string[] }[] = [];
  const rows = read.rows.map((row): NewImportRow => {
    // the language the dry run assumed for users whose row names none stays the one the rows get
    const data: Record<string, string> = { ...row.values, language: row.values.language ?? lang };
    const first = seen.get(row.key);
    if (first === undefined) seen.set(row.key, row.line);
    if (done.has(row.key)) return { line: row.line, rowKey: row.key, data, status: 'skipped', errors: null };
    const issues = first === undefined ? row.issues : [...row.issues, { line: row.line, column: null, rule: 'import_duplicate_row', params: { line: first } }];
    if (issues.length) return { line: row.line, rowKey: row.key, data, status: 'failed', errors: issues.map(storedError) };
    const bundleCode = row.service?.draft.bundleCode;
    if (bundleCode) orders.push({ bundleCode, optionCodes: row.service?.draft.optionCodes ?? [] });
    return { line: row.line, rowKey: row.key, data, status: 'pending', errors: null };
  });
  return { ok: true as const, fileName: file.name, rows, orders };
};
export type PreparedImport = Extract<Awaited<ReturnType<typeof prepareImport>>, { ok: true }>;

/**
 * Writes an import's record and rows. Held (`awaitingApproval`), nothing runs until `startImport`;
 * otherwise its lanes are queued in the same transaction.
 */
export const writeImport = async (tx: Queryable, deps: Pick<Deps, 'jobs'>, scope: CompanyScope, actor: AccountActor, prepared: PreparedImport, opts: { awaitingApproval: boolean }) => {
  const record = await insertImport(
    tx,
    scope,
    { fileName: prepared.fileName, totalRows: prepared.rows.length, startedByAccountId: actor.accountId, startedByName: actor.name, status: opts.awaitingApproval ? 'awaiting_approval' : 'running' },
    prepared.rows,
  );
  if (!opts.awaitingApproval) await queueLanes(tx, deps, scope, record.id);
  return record;
};

const queueLanes = async (tx: Queryable, deps: Pick<Deps, 'jobs'>, scope: CompanyScope, importId: string) => {
  for (let lane = 0; lane < IMPORT_LANES; lane++) {
    await deps.jobs.send(tx, QUEUES.importRun, { companyId: scope.companyId, importId, lane, lanes: IMPORT_LANES });
  }
};

/** An import held for approval starts: exactly what its commit would have queued. False when it was not waiting. */
export const startImport = async (tx: Queryable, deps: Pick<Deps, 'jobs'>, scope: CompanyScope, importId: string) => {
  if (!(await setImportStatus(tx, scope, importId, 'awaiting_approval', 'running'))) return false;
  await queueLanes(tx, deps, scope, importId);
  return true;
};

/** An import held for approval that will not run (rejected, cancelled): its rows are skipped, nothing was added. */
export const cancelImport = async (tx: Queryable, scope: CompanyScope, importId: string) => setImportStatus(tx, scope, importId, 'awaiting_approval', 'cancelled');

/**
 * Commits an import: its record and every row are written, and the lanes' jobs queued in the same
 * transaction; every pending row is then added through the same use cases as the forms.
 */
export const commitImport = async (deps: Pick<Deps, 'db' | 'jobs'>, scope: CompanyScope, actor: AccountActor, lang: Lang, file: UploadedFile) => {
  const prepared = await prepareImport(deps, scope, lang, file);
  if (!prepared.ok) return prepared;
  const created = await deps.db.transaction((tx) => writeImport(tx, deps, scope, actor, prepared, { awaitingApproval: false }));
  return { ok: true as const, id: created.id };
};
