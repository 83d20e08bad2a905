import type { CsvRecord } from '../../../platform/csv-records.js';

/**
 * The bulk-import file of mobile users and their services: one row a user, and per row optionally
 * the service the Add Service wizard would add. Columns are named by a stable key (`first_name`) or
 * by their translated header in English, French or Dutch (the template is written in the reader's
 * language, and a colleague may upload it in another); they come in any order.
 */
export const IMPORT_COLUMNS = [
  'row_id',
  'first_name',
  'last_name',
  'email',
  'language',
  'department',
  'cost_centre',
  'product_type',
  'service_type',
  'bundle',
  'options',
  'number_choice',
  'number',
  'donor_operator',
  'account_type',
  'customer_number',
  'donor_sim_number',
  'holder_name',
  'sim',
  'iccid',
  'fixed_number_choice',
  'fixed_number',
  'activation_method',
  'activation_start',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

export const REQUIRED_COLUMNS: readonly ImportColumn[] = ['first_name', 'last_name', 'email'];
/** The columns that describe a service: a row with any of them filled in asks for one. */
export const SERVICE_COLUMNS: readonly ImportColumn[] = IMPORT_COLUMNS.slice(IMPORT_COLUMNS.indexOf('product_type'));

export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** A problem of the file or of one of its rows; `column` null: the line (or file) as a whole. */
export type ImportIssue = { line: number; column: ImportColumn | null; rule: string; params?: Record<string, string | number> };
/** A row of the file by column key; absent columns are absent. */
export type RowValues = Partial<Record<ImportColumn, string>>;
export type FileRow = { line: number; values: RowValues; tooManyValues?: { expected: number; found: number } };
export type ImportFile = { ok: true; rows: FileRow[] } | { ok: false; issues: ImportIssue[] };

const fileIssue = (line: number, rule: string, params?: Record<string, string | number>): ImportIssue => ({ line, column: null, rule, ...(params ? { params } : {}) });

/** How a header cell is compared: case, accents, spaces, dashes and underscores do not matter. */
export const headerKey = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\s_\-.]+/g, ' ')
    .trim();

const FORMULA_ESCAPE = /^'(?=[=+\-@])/;

/**
 * The text of an uploaded file, or why it cannot be read: only UTF-8 (with or without the byte
 * order mark Excel writes) is accepted, because a file in another encoding would silently turn
 * "Müller" or "Françoise" into something else.
 */
export const decodeImportText = (bytes: Uint8Array): { ok: true; text: string } | { ok: false; issue: ImportIssue } => {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return { ok: false, issue: fileIssue(1, 'import_encoding_utf16') };
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    return { ok: true, text };
  } catch {
    return { ok: false, issue: fileIssue(1, 'import_encoding') };
  }
};

/**
 * Maps the header to column keys and checks the size of the file; `names` maps every accepted
 * header (by `headerKey`) to its column, or to null for a column that is read past (the reason
 * column of a failed-rows file, so that it can be imported again as it is).
 */
export const readImportRecords = (records: CsvRecord[] | { syntaxErrorLine: number }, names: ReadonlyMap<string, ImportColumn | null>): ImportFile => {
  if (!Array.isArray(records)) return { ok: false, issues: [fileIssue(records.syntaxErrorLine, 'csv_syntax')] };
  // a row whose cells hold only spaces or line breaks is as blank as an empty line
  const [header, ...data] = records.filter((r) => r.values.some((v) => v.trim() !== ''));
  if (!header) return { ok: false, issues: [fileIssue(1, 'csv_empty')] };
  const line = header.line;
  const issues: ImportIssue[] = [];
  const positions = new Map<ImportColumn, number>();
  // One cell holding tabs or other separators: the file was saved with a separator we do not read.
  if (header.values.length === 1 && /[\t|]/.test(header.values[0]!)) return { ok: false, issues: [fileIssue(line, 'import_delimiter')] };
  header.values.forEach((raw, position) => {
    if (!raw.trim()) {
      if (data.some((r) => (r.values[position] ?? '') !== '')) issues.push(fileIssue(line, 'csv_unnamed_column', { position: position + 1 }));
      return;
    }
    const column = names.get(headerKey(raw));
    if (column === null) return;
    if (!column) issues.push({ line, column: null, rule: 'import_unknown_column', params: { column: raw.trim() } });
    else if (positions.has(column)) issues.push({ line, column, rule: 'import_duplicate_column', params: { column: raw.trim() } });
    else positions.set(column, position);
  });
  for (const column of REQUIRED_COLUMNS) if (!positions.has(column)) issues.push({ line, column, rule: 'import_missing_column' });
  if (issues.length) return { ok: false, issues };
  if (data.length === 0) return { ok: false, issues: [fileIssue(line + 1, 'csv_no_rows')] };
  if (data.length > MAX_IMPORT_ROWS) return { ok: false, issues: [fileIssue(data[MAX_IMPORT_ROWS]!.line, 'csv_too_many_rows', { maximum: MAX_IMPORT_ROWS })] };

  const rows = data.map(({ line: rowLine, values }): FileRow => {
    const row: RowValues = {};
    for (const [column, position] of positions) {
      // a value the portal exported with its formula guard ("'=…") comes back as typed
      const value = (values[position] ?? '').trim().replace(FORMULA_ESCAPE, '');
      if (value) row[column] = value;
    }
    // more values than columns: a separator inside an unquoted value shifted the row
    const found = values.length - [...values].reverse().findIndex((v) => v !== '');
    return found > header.values.length ? { line: rowLine, values: row, tooManyValues: { expected: header.values.length, found } } : { line: rowLine, values: row };
  });
  return { ok: true, rows };
};
