import { CsvError, parse } from 'csv-parse/sync';

/**
 * Reading the CSV files people upload (stock files, bulk imports): commas or, as a Belgian
 * spreadsheet saves them, semicolons; a UTF-8 byte order mark or none; blank lines and rows of empty
 * cells skipped. Each record keeps the line a person sees in an editor (the header is line 1).
 */
export type CsvRecord = { line: number; values: string[] };

/** The separator of the header line: a semicolon when it has semicolons and no comma, else a comma. */
export const csvDelimiterOf = (text: string) => {
  const header = text.slice(0, text.search(/\r?\n|$/));
  return header.includes(';') && !header.includes(',') ? ';' : ',';
};

const LINE_BREAK = /\r\n|\n|\r/g;
const lineBreaks = (s: string) => s.match(LINE_BREAK)?.length ?? 0;

/** The file's records, or the line where it stops being CSV. */
export const readCsvRecords = (text: string): CsvRecord[] | { syntaxErrorLine: number } => {
  let parsed: { record: string[]; raw: string }[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: csvDelimiterOf(text.replace(/^\uFEFF/, '')),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      raw: true,
    }) as unknown as { record: string[]; raw: string }[];
  } catch (err) {
    if (err instanceof CsvError) return { syntaxErrorLine: (err as CsvError & { lines?: number }).lines ?? 1 };
    throw err;
  }
  // Each record's raw text holds the blank lines skipped before it, the record (whose quoted values
  // may span lines) and its line break; counting breaks along the way gives the line it starts on.
  let line = 1;
  const records: CsvRecord[] = [];
  for (const { record, raw } of parsed) {
    const start = line + lineBreaks(raw.match(/^(\r\n|\n|\r)*/)![0]);
    line += lineBreaks(raw);
    // a row of empty cells (",,,", as spreadsheets save formatted blank rows) is a blank line too
    if (record.some((value) => value !== '')) records.push({ line: start, values: record });
  }
  return records;
};
