import type { Deps } from '../../../deps.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { serviceChoiceProblems } from '../../services/index.js';
import { countFreeEsims } from '../../stock/index.js';
import type { ImportIssue } from '../domain/import-file.js';
import { numbersOf, rowIssueOf, toWizardDraft, type ParsedRow } from '../domain/import-row.js';
import { doneRowKeys, fixedNumbersByNumber, freePoolNumbers, servicesByMsisdn, usersByEmail } from '../imports.repository.js';
import { readImport, type UploadedFile } from './read-import.js';

export type RowVerdict = {
  line: number;
  key: string;
  name: string;
  email: string;
  /** What the commit will do with the row. */
  action: 'create_user' | 'existing_user' | 'already_imported' | 'refused';
  service: { productTypeCode: string | null; serviceTypeCode: string | null; bundleCode: string | null; number: string | null; numberChoice: string | null; sim: string | null; start: string | null } | null;
  issues: ImportIssue[];
};
export type CheckedImport = { ok: true; rows: RowVerdict[] } | { ok: false; issues: ImportIssue[] };

// The same rows worked side by side on PostgreSQL; PGlite is one connection, where this changes nothing.
const CONCURRENCY = 8;

const mapLimit = async <T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
};

/**
 * Values that only one row of the file can have (a SIM card, a number, a fixed number, the row key):
 * the second row naming one is refused, pointing at the first.
 */
const inFileConflicts = (rows: ParsedRow[]) => {
  const issues = new Map<number, ImportIssue[]>();
  const seen = new Map<string, number>();
  const add = (row: ParsedRow, kind: string, value: string | null | undefined, column: ImportIssue['column'], rule = 'duplicate_in_file') => {
    if (!value) return;
    const first = seen.get(`${kind}:${value}`);
    if (first === undefined) seen.set(`${kind}:${value}`, row.line);
    else issues.set(row.line, [...(issues.get(row.line) ?? []), { line: row.line, column, rule, params: { line: first } }]);
  };
  for (const row of rows) {
    add(row, 'key', row.key, null, 'import_duplicate_row');
    const s = row.service;
    if (!s) continue;
    if (s.draft.sim?.kind === 'admin_sim') add(row, 'iccid', s.draft.sim.iccid.replace(/[\s-]/g, ''), 'iccid');
    if (s.number && s.number.kind !== 'keep' && s.number.msisdn) add(row, 'msisdn', s.number.msisdn.replace(/[\s./-]/g, ''), 'number');
    const numbers = numbersOf(s);
    add(row, 'keep', numbers.keep, 'number');
    if (numbers.fixed && s.fixedNumber) add(row, 'fixed', numbers.fixed, 'fixed_number');
  }
  return issues;
};

/**
 * The dry run: every row judged by the wizard's own rules (serviceChoiceProblems) and the mobile-user
 * form's, plus what only a file can get wrong (the same SIM on two rows, more eSIMs than are left).
 * It only reads: nothing of the file is kept.
 */
export const checkImport = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, lang: Lang, file: UploadedFile): Promise<CheckedImport> => {
  const read = await readImport(file, lang);
  if (!read.ok) return read;
  const { rows } = read;
  const now = deps.clock.now();
  const q = deps.db;

  const emails = rows.flatMap((r) => (r.user ? [r.user.email] : []));
  const services = rows.flatMap((r) => (r.service ? [r.service] : []));
  const poolRows = rows.filter((r) => r.service?.number?.kind === 'new' && !r.service.number.msisdn);
  const [users, done, holders, fixed, pool, freeEsims] = [
    await usersByEmail(q, scope, emails),
    await doneRowKeys(q, scope, rows.map((r) => r.key)),
    await servicesByMsisdn(q, scope, services.flatMap((s) => numbersOf(s).keep ?? [])),
    await fixedNumbersByNumber(q, scope, services.flatMap((s) => numbersOf(s).fixed ?? [])),
    await freePoolNumbers(q, poolRows.length),
    await countFreeEsims(q, scope),
  ];
  const poolNumberOf = new Map(poolRows.map((r, i) => [r.line, pool[i] ?? null]));
  const conflicts = inFileConflicts(rows);
  // the eSIM profiles left go to the rows in file order; the rows after them are told none are left
  const esimOverflow = new Set(rows.filter((r) => r.service?.draft.sim?.kind === 'esim').slice(freeEsims).map((r) => r.line));

  const verdicts = await mapLimit(rows, CONCURRENCY, async (row): Promise<RowVerdict> => {
    const issues = [...row.issues, ...(conflicts.get(row.line) ?? [])];
    const s = row.service;
    let summary: RowVerdict['service'] = null;
    if (s) {
      const { draft, issues: unresolved } = toWizardDraft(row.line, s, { serviceOfNumber: holders, fixedNumberIds: fixed, poolNumber: poolNumberOf.get(row.line) ?? null });
      issues.push(...unresolved);
      const wizard = await serviceChoiceProblems(q, scope, draft, now);
      for (const e of wizard) {
        const issue = rowIssueOf(row.line, e);
        if (!issues.some((i) => i.column === issue.column)) issues.push(issue);
      }
      if (esimOverflow.has(row.line) && !issues.some((i) => i.column === 'sim')) issues.push({ line: row.line, column: 'sim', rule: 'esim_none_left' });
      const n = draft.number;
      summary = {
        productTypeCode: s.draft.productTypeCode ?? null,
        serviceTypeCode: s.draft.serviceTypeCode ?? null,
        bundleCode: s.draft.bundleCode ?? null,
        numberChoice: s.number?.kind ?? null,
        number: n?.kind === 'new' || n?.kind === 'port_in' ? n.msisdn : s.number?.kind === 'keep' ? s.number.msisdn : null,
        sim: s.draft.sim?.kind ?? null,
        start: s.draft.activation ? (s.draft.activation.scheduledStartAt?.toISOString() ?? s.draft.activation.timing) : null,
      };
    }
    const action = done.has(row.key) ? 'already_imported' : issues.length ? 'refused' : row.user && users.has(row.user.email) ? 'existing_user' : 'create_user';
    return { line: row.line, key: row.key, name: [row.values.first_name, row.values.last_name].filter(Boolean).join(' '), email: row.values.email ?? '', action, service: summary, issues: action === 'already_imported' ? [] : issues };
  });
  return { ok: true, rows: verdicts };
};
