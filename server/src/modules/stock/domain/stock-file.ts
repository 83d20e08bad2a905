import { readCsvRecords, type CsvRecord } from '../../../platform/csv-records.js';
import type { RawItem, RowIssue, StockSpec } from './stock-items.js';

/**
 * A stock file as operator staff upload it: CSV with a header row naming the columns (in any
 * order, any case, spaces around names and values ignored), then one item a line. Commas or, as a
 * Belgian spreadsheet saves it, semicolons. Rows are judged by the same rules as the Add form; a
 * line number is the one a person sees in an editor (the header is line 1).
 */
export const MAX_IMPORT_ROWS = 5000;

/** A problem on one line; `column` is the CSV column it is about (null: the line as a whole). */
export type LineIssue = RowIssue & { line: number; column: string | null };

export type FileRow<T> = { line: number; key: string | null; value: T | null; issues: LineIssue[] };
export type StockFile<T> = { ok: true; rows: FileRow<T>[] } | { ok: false; issues: LineIssue[] };

/** A problem with the file's layout rather than with an item; its message names the column itself. */
const fileIssue = (line: number, rule: string, column: string | null = null, params: RowIssue['params'] = {}): LineIssue => ({
  line,
  column,
  field: column ?? '',
  rule,
  params: column ? { column, ...params } : params,
});

const parseRecords = (text: string): CsvRecord[] | LineIssue => {
  const records = readCsvRecords(text);
  return Array.isArray(records) ? records : fileIssue(records.syntaxErrorLine, 'csv_syntax');
};

/** The header's column names mapped to their position, or what is wrong with it. */
const readHeader = <T>(header: CsvRecord, records: CsvRecord[], spec: StockSpec<T>): Map<string, number> | LineIssue[] => {
  const expected = spec.columns.map((c) => c.name).join(', ');
  const issues: LineIssue[] = [];
  const positions = new Map<string, number>();
  const line = header.line;
  header.values.forEach((rawName, position) => {
    const name = rawName.trim().toLowerCase();
    if (!name) {
      // a trailing separator that a spreadsheet added: harmless as long as the column stays empty
      if (records.some((r) => (r.values[position] ?? '') !== '')) issues.push(fileIssue(line, 'csv_unnamed_column', null, { position: position + 1 }));
    } else if (!spec.columns.some((c) => c.name === name)) issues.push(fileIssue(line, 'csv_unknown_column', name, { columns: expected }));
    else if (positions.has(name)) issues.push(fileIssue(line, 'csv_duplicate_column', name));
    else positions.set(name, position);
  });
  for (const c of spec.columns) {
    if (c.required && !positions.has(c.name)) issues.push(fileIssue(line, 'csv_missing_column', c.name));
  }
  return issues.length ? issues : positions;
};

/**
 * Reads a stock file and judges each row on its own and against the rows above it (the same item
 * twice is a duplicate on its second line). What the database already holds is the caller's to add.
 */
export const readStockFile = <T>(text: string, spec: StockSpec<T>): StockFile<T> => {
  if (!text.replace(/^\uFEFF/, '').trim()) return { ok: false, issues: [fileIssue(1, 'csv_empty')] };
  const records = parseRecords(text);
  if (!Array.isArray(records)) return { ok: false, issues: [records] };
  const [header, ...data] = records;
  if (!header) return { ok: false, issues: [fileIssue(1, 'csv_empty')] };
  const positions = readHeader(header, data, spec);
  if (Array.isArray(positions)) return { ok: false, issues: positions };
  if (data.length === 0) return { ok: false, issues: [fileIssue(header.line + 1, 'csv_no_rows')] };
  if (data.length > MAX_IMPORT_ROWS) {
    return { ok: false, issues: [fileIssue(data[MAX_IMPORT_ROWS]!.line, 'csv_too_many_rows', null, { maximum: MAX_IMPORT_ROWS })] };
  }

  const columnOf = new Map(spec.columns.map((c) => [c.field, c.name]));
  const firstLineOf = new Map<string, number>();
  const rows = data.map(({ line, values }): FileRow<T> => {
    if (values.length !== header.values.length) {
      return { line, key: null, value: null, issues: [fileIssue(line, 'csv_column_count', null, { expected: header.values.length, found: values.length })] };
    }
    const raw: RawItem = Object.fromEntries(spec.columns.map((c) => [c.field, positions.has(c.name) ? values[positions.get(c.name)!] : undefined]));
    const result = spec.check(raw);
    const issues: LineIssue[] = result.ok ? [] : result.issues.map((i) => ({ ...i, line, column: columnOf.get(i.field) ?? null }));
    const key = spec.keyOf(raw);
    if (key !== null) {
      const first = firstLineOf.get(key);
      if (first === undefined) firstLineOf.set(key, line);
      // i18next picks the rule's "in this file" wording from the context parameter
      else issues.push({ line, column: columnOf.get(spec.keyField) ?? null, field: spec.keyField, rule: 'duplicate', params: { context: 'in_file', line: first } });
    }
    return { line, key, value: result.ok ? result.value : null, issues };
  });
  return { ok: true, rows };
};

/** Marks the rows whose item the database already holds; the problems of all rows, line by line. */
export const rowIssues = <T>(rows: FileRow<T>[], taken: ReadonlySet<string>, spec: StockSpec<T>): LineIssue[] => {
  const column = spec.columns.find((c) => c.field === spec.keyField)?.name ?? null;
  return rows.flatMap((row) => {
    const alreadyDuplicate = row.issues.some((i) => i.rule === 'duplicate');
    const known = row.key !== null && !alreadyDuplicate && taken.has(row.key) ? [{ line: row.line, column, field: spec.keyField, rule: 'duplicate' }] : [];
    return [...row.issues, ...known];
  });
};
