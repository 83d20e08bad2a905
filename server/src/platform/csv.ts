import { stringify, type Options, type Stringifier } from 'csv-stringify';

// A spreadsheet runs a cell that starts with one of these as a formula (tab and carriage return
// too, in some), so a user named "=HYPERLINK(…)" or a department "@SUM(…)" would run code on the
// reader's computer once an export is opened (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
// A signed number alone ("+32470123456", "-12.50") is no formula and stays readable as it is.
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** The cell as text a spreadsheet shows instead of running: a leading apostrophe before a formula's first character. */
export const csvSafeCell = (cell: string) => (FORMULA_START.test(cell) && !PLAIN_NUMBER.test(cell) ? `'${cell}` : cell);

/**
 * The one way the portal writes CSV: every string cell goes through csvSafeCell. (A test keeps
 * csv-stringify out of every other module.)
 */
export const csvWriter = (options: Omit<Options, 'cast'>): Stringifier => stringify({ ...options, cast: { string: csvSafeCell } });
