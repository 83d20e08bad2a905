import type { Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import type { FieldError } from '../../../platform/app-error.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { QUEUES } from '../../../jobs/queues.js';
import type { ImportIssue } from '../domain/import-file.js';
import { doneRowKeys, insertImport, type NewImportRow } from '../imports.repository.js';
import { readImport, type UploadedFile } from './read-import.js';

/** Lanes of one import worked side by side (each a job that takes every `IMPORT_LANES`-th row). */
export const IMPORT_LANES = 4;

/** A row problem as stored: the column takes the place of the wizard's field path. */
export const storedError = (issue: ImportIssue): FieldError => ({ field: issue.column ?? '', rule: issue.rule, ...(issue.params ? { params: issue.params } : {}) });

/**
 * Commits an import: the file is read again (the browser is never trusted to have sent the same
 * one), its record and every row are written, and the lanes' jobs queued in the same transaction.
 * Rows the file already got wrong fail at once; rows imported before (same key) are skipped; every
 * other row waits for a worker, which adds it through the same use cases as the forms.
 */
export const commitImport = async (deps: Pick<Deps, 'db' | 'jobs'>, scope: CompanyScope, actor: AccountActor, lang: Lang, file: UploadedFile) => {
  const read = await readImport(file, lang);
  if (!read.ok) return read;
  const done = await doneRowKeys(deps.db, scope, read.rows.map((r) => r.key));
  const seen = new Map<string, number>();
  const rows = read.rows.map((row): NewImportRow => {
    // the language the dry run assumed for users whose row names none stays the one the rows get
    const data: Record<string, string> = { ...row.values, language: row.values.language ?? lang };
    const first = seen.get(row.key);
    if (first === undefined) seen.set(row.key, row.line);
    if (done.has(row.key)) return { line: row.line, rowKey: row.key, data, status: 'skipped', errors: null };
    const issues = first === undefined ? row.issues : [...row.issues, { line: row.line, column: null, rule: 'import_duplicate_row', params: { line: first } }];
    if (issues.length) return { line: row.line, rowKey: row.key, data, status: 'failed', errors: issues.map(storedError) };
    return { line: row.line, rowKey: row.key, data, status: 'pending', errors: null };
  });
  const created = await deps.db.transaction(async (tx) => {
    const record = await insertImport(tx, scope, { fileName: file.name, totalRows: rows.length, startedByAccountId: actor.accountId, startedByName: actor.name }, rows);
    for (let lane = 0; lane < IMPORT_LANES; lane++) {
      await deps.jobs.send(tx, QUEUES.importRun, { companyId: scope.companyId, importId: record.id, lane, lanes: IMPORT_LANES });
    }
    return record;
  });
  return { ok: true as const, id: created.id };
};
