import { readSheet } from 'read-excel-file/node';
import type { CsvRecord } from '../../platform/csv-records.js';

/** An XLSX file is a ZIP archive: it starts with the local file header "PK\x03\x04". */
export const isXlsx = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

const cellText = (cell: unknown): string => {
  if (cell === null || cell === undefined) return '';
  // Spreadsheet dates carry no time zone: the wall-clock time typed in is what the import reads (Brussels)
  if (cell instanceof Date) return cell.toISOString().slice(0, 16).replace('T', ' ');
  // whole numbers as typed: 470123456, not 4.70123456e8
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell);
};

/**
 * The first sheet of a workbook as the records a CSV file would give: one per row that has a value,
 * numbered like the spreadsheet's rows (read-excel-file drops nothing but trailing empty cells).
 */
export const readXlsxRecords = async (bytes: Uint8Array): Promise<CsvRecord[] | { syntaxErrorLine: number }> => {
  let rows: unknown[][];
  try {
    rows = (await readSheet(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) as unknown[][];
  } catch {
    return { syntaxErrorLine: 1 };
  }
  return rows
    .map((row, i) => ({ line: i + 1, values: row.map((cell) => cellText(cell).trim()) }))
    .filter((r) => r.values.some((v) => v !== ''));
};
