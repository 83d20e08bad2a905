import { readCsvRecords } from '../../../platform/csv-records.js';
import { LANGUAGES, t, type Lang } from '../../../platform/i18n.js';
import { decodeImportText, headerKey, IMPORT_COLUMNS, MAX_IMPORT_BYTES, readImportRecords, type ImportColumn, type ImportFile } from '../domain/import-file.js';
import { parseImportRow, type ParsedRow } from '../domain/import-row.js';
import { isXlsx, readXlsxRecords } from '../xlsx-records.js';

/**
 * Every header an import accepts, by `headerKey`: each column's key and its name in the three
 * languages, and the reason column of a failed-rows file (read past).
 */
const HEADER_NAMES: ReadonlyMap<string, ImportColumn | null> = new Map<string, ImportColumn | null>([
  ...LANGUAGES.map((lang) => [headerKey(t(lang, 'importFile.problemColumn')), null] as const),
  ...IMPORT_COLUMNS.flatMap((column) => [column, ...LANGUAGES.map((lang) => t(lang, `importColumns.${column}`))].map((name) => [headerKey(name), column] as const)),
]);

export type UploadedFile = { name: string; bytes: Uint8Array };
export type ReadImport = { ok: true; rows: ParsedRow[] } | Extract<ImportFile, { ok: false }>;

/** An uploaded CSV or XLSX file, read row by row; `lang` is the language of users whose row names none. */
export const readImport = async (file: UploadedFile, lang: Lang): Promise<ReadImport> => {
  if (file.bytes.length === 0) return { ok: false, issues: [{ line: 1, column: null, rule: 'csv_empty' }] };
  if (file.bytes.length > MAX_IMPORT_BYTES) return { ok: false, issues: [{ line: 1, column: null, rule: 'import_too_large', params: { maximum: MAX_IMPORT_BYTES / 1024 / 1024 } }] };
  let records;
  if (isXlsx(file.bytes)) {
    records = await readXlsxRecords(file.bytes);
  } else {
    const decoded = decodeImportText(file.bytes);
    if (!decoded.ok) return { ok: false, issues: [decoded.issue] };
    if (!decoded.text.replace(/^\uFEFF/, '').trim()) return { ok: false, issues: [{ line: 1, column: null, rule: 'csv_empty' }] };
    records = readCsvRecords(decoded.text);
  }
  const read = readImportRecords(records, HEADER_NAMES);
  if (!read.ok) return read;
  return { ok: true, rows: read.rows.map((row) => parseImportRow(row, lang)) };
};
