import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from './iccid.js';
import { MAX_IMPORT_ROWS, readStockFile, rowIssues } from './stock-file.js';
import { FIXED_NUMBER_STOCK, POOL_NUMBER_STOCK, SIM_CARD_STOCK } from './stock-items.js';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const iccidOf = (serial: number) => {
  const body = `893201${String(serial).padStart(12, '0')}`;
  return body + luhnCheckDigit(body);
};
const COLUMNS = ['kind', 'iccid', 'pin', 'puk', 'smdp_address', 'matching_id'] as const;
type Row = Record<(typeof COLUMNS)[number], string>;
const simRow = (serial: number, esim: boolean): Row => ({
  kind: esim ? 'esim' : 'physical',
  iccid: iccidOf(serial),
  pin: esim ? '' : '1234',
  puk: esim ? '' : '12345678',
  smdp_address: esim ? 'smdp.example.com' : '',
  matching_id: esim ? `M-${serial}` : '',
});
const csvOf = (columns: readonly string[], rows: Row[], sep = ',') =>
  [columns.join(sep), ...rows.map((r) => columns.map((c) => r[c as keyof Row]).join(sep))].join('\n') + '\n';
const issuesOf = (text: string) => {
  const file = readStockFile(text, SIM_CARD_STOCK);
  return file.ok ? rowIssues(file.rows, new Set(), SIM_CARD_STOCK) : file.issues;
};

/** Distinct serials, each row a physical card or an eSIM profile. */
const rowsArb = fc.uniqueArray(fc.nat({ max: 999_999 }), { minLength: 1, maxLength: 40 }).chain((serials) =>
  fc.tuple(fc.constant(serials), fc.array(fc.boolean(), { minLength: serials.length, maxLength: serials.length })),
).map(([serials, esims]) => serials.map((s, i) => simRow(s, esims[i]!)));

describe('reading a SIM card file', () => {
  it('reads valid rows whatever the column order, separator and header case, numbering lines as an editor does', () => {
    fc.assert(
      fc.property(rowsArb, fc.shuffledSubarray([...COLUMNS], { minLength: 6 }), fc.constantFrom(',', ';'), (rows, columns, sep) => {
        const header = columns.map((c, i) => (i % 2 ? ` ${c.toUpperCase()} ` : c)).join(sep);
        const text = csvOf(columns, rows, sep).replace(/^.*/, header);
        const file = readStockFile(text, SIM_CARD_STOCK);
        expect(file.ok).toBe(true);
        if (!file.ok) return;
        expect(file.rows.map((r) => r.line)).toEqual(rows.map((_, i) => i + 2));
        expect(file.rows.map((r) => r.value?.iccid)).toEqual(rows.map((r) => r.iccid));
        expect(rowIssues(file.rows, new Set(), SIM_CARD_STOCK)).toEqual([]);
      }),
    );
  });

  it('reports a bad row on its own line and column, and no other', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), fc.constantFrom<[keyof Row, string, string]>(['iccid', '8932', 'iccid_length'], ['pin', '12', 'pin_format'], ['kind', 'nano', 'sim_kind']), (rows, at, [column, value, rule]) => {
        const index = at % rows.length;
        const broken = rows.map((r, i) => (i === index ? { ...r, [column]: value } : r));
        const issues = issuesOf(csvOf(COLUMNS, broken));
        expect(issues).toEqual([expect.objectContaining({ line: index + 2, column, rule })]);
      }),
    );
  });

  it('marks the second occurrence of an item as a duplicate of the first, and what the database holds', () => {
    const a = simRow(1, false);
    const b = simRow(2, true);
    const text = csvOf(COLUMNS, [a, b, { ...a, pin: '9999' }, b]);
    expect(issuesOf(text)).toEqual([
      { line: 4, column: 'iccid', field: 'iccid', rule: 'duplicate', params: { context: 'in_file', line: 2 } },
      { line: 5, column: 'iccid', field: 'iccid', rule: 'duplicate', params: { context: 'in_file', line: 3 } },
    ]);
    const file = readStockFile(csvOf(COLUMNS, [a, b]), SIM_CARD_STOCK);
    expect(file.ok && rowIssues(file.rows, new Set([b.iccid]), SIM_CARD_STOCK)).toEqual([{ line: 3, column: 'iccid', field: 'iccid', rule: 'duplicate' }]);
  });

  it('counts blank lines, a byte-order mark and values quoted over two lines', () => {
    const text = `\uFEFFkind,iccid\n\nphysical,${iccidOf(1)}\r\n"physical","${iccidOf(2)}\n"\n,\nphysical,123\n`;
    expect(issuesOf(text)).toEqual([expect.objectContaining({ line: 7, column: 'iccid', rule: 'iccid_length' })]);
    expect(issuesOf(`kind,iccid\r\nphysical,1\r\n\r\nphysical,${iccidOf(1)}\r\nphysical,2\r\n`).map((i) => i.line)).toEqual([2, 5]);
  });

  it('lets optional columns be left out, but not the required ones', () => {
    expect(issuesOf(`iccid,kind\n${iccidOf(3)},physical\n`)).toEqual([]);
    expect(issuesOf(`kind,pin\nphysical,1234\n`)).toEqual([{ line: 1, column: 'iccid', field: 'iccid', rule: 'csv_missing_column', params: { column: 'iccid' } }]);
  });

  it('refuses unknown and repeated columns as a whole', () => {
    const issues = issuesOf(`kind,iccid,colour,Kind\nphysical,${iccidOf(4)},red,physical\n`);
    expect(issues.map((i) => [i.line, i.rule, i.column])).toEqual([
      [1, 'csv_unknown_column', 'colour'],
      [1, 'csv_duplicate_column', 'kind'],
    ]);
    expect(issues[0]!.params).toEqual({ column: 'colour', columns: 'kind, iccid, pin, puk, smdp_address, matching_id' });
  });

  it('ignores an empty trailing column a spreadsheet added, but not one with values', () => {
    expect(issuesOf(`kind,iccid,\nphysical,${iccidOf(5)},\n`)).toEqual([]);
    expect(issuesOf(`kind,iccid,\nphysical,${iccidOf(5)},x\n`)).toEqual([expect.objectContaining({ line: 1, rule: 'csv_unnamed_column', params: { position: 3 } })]);
  });

  it('names a line with too many or too few values, and a broken quote', () => {
    expect(issuesOf(`kind,iccid\nphysical,${iccidOf(6)},1234\nphysical\n`)).toEqual([
      expect.objectContaining({ line: 2, rule: 'csv_column_count', params: { expected: 2, found: 3 } }),
      expect.objectContaining({ line: 3, rule: 'csv_column_count', params: { expected: 2, found: 1 } }),
    ]);
    expect(issuesOf(`kind,iccid\nphysical,${iccidOf(7)}\n"physical,${iccidOf(8)}\n`)).toEqual([expect.objectContaining({ line: 3, rule: 'csv_syntax' })]);
  });

  it('refuses an empty file, a header alone and more than 5,000 rows', () => {
    expect(issuesOf('  \n')).toEqual([expect.objectContaining({ line: 1, rule: 'csv_empty' })]);
    expect(issuesOf('kind,iccid\n')).toEqual([expect.objectContaining({ line: 2, rule: 'csv_no_rows' })]);
    const many = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => simRow(i, false));
    expect(issuesOf(csvOf(COLUMNS, many))).toEqual([expect.objectContaining({ line: MAX_IMPORT_ROWS + 2, rule: 'csv_too_many_rows', params: { maximum: MAX_IMPORT_ROWS } })]);
    expect(issuesOf(csvOf(COLUMNS, many.slice(0, MAX_IMPORT_ROWS)))).toEqual([]);
  });
});

describe('reading number files', () => {
  it('stores numbers in E.164 and finds the same number typed twice in different forms', () => {
    fc.assert(
      fc.property(digits(6), (d) => {
        const text = `msisdn\n0470 ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}\n+32470${d}\n`;
        const file = readStockFile(text, POOL_NUMBER_STOCK);
        expect(file.ok && file.rows[0]!.value).toEqual({ msisdn: `+32470${d}` });
        expect(file.ok && rowIssues(file.rows, new Set(), POOL_NUMBER_STOCK)).toEqual([
          { line: 3, column: 'msisdn', field: 'msisdn', rule: 'duplicate', params: { context: 'in_file', line: 2 } },
        ]);
      }),
    );
  });

  it('keeps mobile numbers out of the fixed numbers and the other way round', () => {
    const fixed = readStockFile('number\n0470 12 34 56\n02 201 23 45\n', FIXED_NUMBER_STOCK);
    expect(fixed.ok && rowIssues(fixed.rows, new Set(), FIXED_NUMBER_STOCK)).toEqual([{ line: 2, column: 'number', field: 'number', rule: 'phone_not_fixed' }]);
    const pool = readStockFile('msisdn\n02 201 23 45\n+33 6 12 34 56 78\nhello\n', POOL_NUMBER_STOCK);
    expect(pool.ok && rowIssues(pool.rows, new Set(), POOL_NUMBER_STOCK).map((i) => [i.line, i.rule])).toEqual([
      [2, 'phone_not_mobile'],
      [3, 'phone_not_belgian'],
      [4, 'phone_invalid'],
    ]);
  });
});
