import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCsvRecords } from '../../../platform/csv-records.js';
import { hasKey, LANGUAGES } from '../../../platform/i18n.js';
import { describeIssue } from '../import-messages.js';
import { decodeImportText, headerKey, IMPORT_COLUMNS, readImportRecords, type ImportColumn, type RowValues } from './import-file.js';
import { parseImportRow, parseStart, rowKeyOf, toWizardDraft } from './import-row.js';
import { templateRows } from './import-template.js';

const NAMES = new Map<string, ImportColumn>(IMPORT_COLUMNS.map((c) => [headerKey(c), c]));

/** CSV as a spreadsheet writes it: every value quoted, quotes doubled. */
const toCsv = (header: string[], rows: string[][], delimiter: ',' | ';', bom: boolean, eol: '\n' | '\r\n') =>
  (bom ? '\uFEFF' : '') + [header, ...rows].map((r) => r.map((v) => `"${v.replaceAll('"', '""')}"`).join(delimiter)).join(eol) + eol;

// Text a person may type in a cell: any printable characters, quotes, separators and line breaks included.
const cell = fc.string({ unit: fc.constantFrom(...'abcXYZ éèüç 0123;,"\'\n-_.@+/|'.split('')), maxLength: 12 });
const columns = fc.subarray([...IMPORT_COLUMNS], { minLength: 1 });
const anyRow = (cols: ImportColumn[]) => fc.tuple(...cols.map(() => cell));

describe('reading an import file', () => {
  it('reads back every value a spreadsheet wrote, with commas or semicolons, with or without BOM, on the line it starts', () => {
    fc.assert(
      fc.property(
        columns.chain((cols) => fc.tuple(fc.constant(cols), fc.array(anyRow(cols), { minLength: 1, maxLength: 8 }))),
        fc.constantFrom(',' as const, ';' as const),
        fc.boolean(),
        fc.constantFrom('\n' as const, '\r\n' as const),
        ([cols, rows], delimiter, bom, eol) => {
          // a row of blanks only is skipped, as a blank line is
          const kept = rows.filter((r) => r.some((v) => v.trim() !== ''));
          const text = toCsv(cols, rows, delimiter, bom, eol);
          const decoded = decodeImportText(new TextEncoder().encode(text));
          expect(decoded.ok).toBe(true);
          const file = readImportRecords(readCsvRecords(decoded.ok ? decoded.text : ''), NAMES);
          const required = ['first_name', 'last_name', 'email'].filter((c) => !cols.includes(c as ImportColumn));
          if (required.length) {
            expect(file.ok).toBe(false);
            if (!file.ok) expect(file.issues.map((i) => i.column)).toEqual(required);
            return;
          }
          if (!kept.length) {
            expect(file).toEqual({ ok: false, issues: [expect.objectContaining({ rule: 'csv_no_rows' })] });
            return;
          }
          expect(file.ok).toBe(true);
          if (!file.ok) return;
          // the portal's own exports guard a formula with an apostrophe ("'=…"): it comes back as typed
          const typed = (v: string) => v.trim().replace(/^'(?=[=+\-@])/, '');
          expect(file.rows.map((r) => r.values)).toEqual(kept.map((r) => Object.fromEntries(cols.flatMap((c, i) => (typed(r[i]!) ? [[c, typed(r[i]!)]] : [])))));
          // each row's line is where it starts in the text (quoted line breaks count)
          const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
          for (const row of file.rows) expect(lines[row.line - 1]!.startsWith('"')).toBe(true);
        },
      ),
    );
  });

  it('refuses any text that is not UTF-8 and any UTF-16 file, whatever it holds', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (s) => {
        const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...s].map((c) => c.charCodeAt(0))).buffer)]);
        expect(decodeImportText(utf16)).toEqual({ ok: false, issue: expect.objectContaining({ rule: 'import_encoding_utf16' }) });
      }),
    );
    // Latin-1 "é" alone is not UTF-8
    expect(decodeImportText(new Uint8Array([0x41, 0xe9, 0x42]))).toEqual({ ok: false, issue: expect.objectContaining({ rule: 'import_encoding' }) });
  });

  it('accepts the headers of every language, in any case, with accents, spaces or underscores', () => {
    fc.assert(
      fc.property(fc.constantFrom(...IMPORT_COLUMNS), fc.boolean(), (column, upper) => {
        const name = upper ? column.toUpperCase().replaceAll('_', ' ') : ` ${column} `;
        expect(NAMES.get(headerKey(name))).toBe(column);
      }),
    );
    expect(headerKey('Début de l’activation ')).toBe(headerKey('début de l’ACTIVATION'));
  });
});

describe('reading a row', () => {
  const row = (values: RowValues, line = 2) => ({ line, values });

  it('never throws, and every problem names the row and a column of the file (or none), with a message in every language', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom(...IMPORT_COLUMNS), fc.oneof(cell, fc.constantFrom('new', 'port_in', 'keep', 'esim', 'admin_sim', 'email', 'automatic', 'later', '31/12/2026 09:00', 'postpaid'))),
        fc.integer({ min: 2, max: 20_001 }),
        fc.constantFrom(...LANGUAGES),
        (values, line, lang) => {
          const parsed = parseImportRow(row(values as RowValues, line), lang);
          for (const issue of parsed.issues) {
            expect(issue.line).toBe(line);
            expect(issue.column === null || IMPORT_COLUMNS.includes(issue.column)).toBe(true);
            for (const l of LANGUAGES) {
              expect(hasKey(l, `rules.${issue.rule}`), issue.rule).toBe(true);
              const { message } = describeIssue(l, issue);
              expect(message).not.toMatch(/\{\{|rules\./);
              if (issue.column && !['import_missing_column'].includes(issue.rule)) expect(message.length).toBeGreaterThan(5);
            }
          }
        },
      ),
    );
  });

  it('takes a well-formed user as the user form would, in the file’s language when the row names none', () => {
    const word = fc.stringMatching(/^[A-Z][a-zé]{1,10}$/);
    fc.assert(
      fc.property(word, word, fc.stringMatching(/^[a-z]{1,8}$/), fc.constantFrom(...LANGUAGES), fc.option(fc.constantFrom(...LANGUAGES), { nil: undefined }), (first, last, local, fileLang, rowLang) => {
        const parsed = parseImportRow(row({ first_name: ` ${first}`, last_name: last, email: `${local.toUpperCase()}@Acme.example`, ...(rowLang ? { language: rowLang } : {}) }), fileLang);
        expect(parsed.issues).toEqual([]);
        expect(parsed.service).toBeNull();
        expect(parsed.user).toMatchObject({ firstName: first, lastName: last, email: `${local}@acme.example`, language: rowLang ?? fileLang });
      }),
    );
  });

  it('keys a row by its row id, or else by e-mail and number however they are typed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,8}$/), fc.integer({ min: 0, max: 999_999 }), (local, n) => {
        const digits = String(n).padStart(6, '0');
        const a = rowKeyOf({ email: `${local}@acme.example`, number: `0470 ${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}` });
        const b = rowKeyOf({ email: `${local.toUpperCase()}@ACME.example`, number: `+32470${digits}` });
        expect(a).toBe(b);
        expect(rowKeyOf({ row_id: 'R1', email: `${local}@acme.example` })).toBe('id:R1');
      }),
    );
  });

  it('reads a start as the Brussels wall-clock time typed, in Belgian or ISO form', () => {
    const wall = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    fc.assert(
      fc.property(fc.integer({ min: 2026, max: 2030 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 4, max: 23 }), fc.integer({ min: 0, max: 59 }), (y, mo, d, h, mi) => {
        const p = (n: number) => String(n).padStart(2, '0');
        const iso = parseStart(`${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}`);
        const be = parseStart(`${d}/${mo}/${y} ${h}:${p(mi)}`);
        expect(iso).not.toBeNull();
        expect(be?.getTime()).toBe(iso?.getTime());
        expect(wall.format(iso!).replace(',', '')).toBe(`${y}-${p(mo)}-${p(d)} ${p(h)}:${p(mi)}`);
      }),
    );
    for (const bad of ['31/02/2026', '2026-13-01', 'tomorrow', '12/12/2026 25:00']) expect(parseStart(bad)).toBeNull();
  });

  it('turns a row into the wizard’s draft: a blank new number takes the pool’s, a company number its service', () => {
    const parsed = parseImportRow(
      row({ first_name: 'A', last_name: 'B', email: 'a@b.be', product_type: 'mobile', service_type: 'mobile.voice', bundle: 'mobile-m', options: 'data-10 | intl-100', number_choice: 'keep', number: '0470 12 34 56', sim: 'esim', activation_method: 'email', activation_start: 'later' }),
      'en',
    );
    expect(parsed.issues).toEqual([]);
    const found = { serviceOfNumber: new Map([['+32470123456', 'svc-1']]), fixedNumberIds: new Map(), poolNumber: null };
    expect(toWizardDraft(2, parsed.service!, found).draft).toEqual({
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-m',
      optionCodes: ['data-10', 'intl-100'],
      number: { kind: 'port_internal', serviceId: 'svc-1' },
      sim: { kind: 'esim' },
      activation: { method: 'email', timing: 'later' },
    });
    const pool = parseImportRow(row({ first_name: 'A', last_name: 'B', email: 'a@b.be', product_type: 'mobile', number_choice: 'new' }), 'en');
    expect(toWizardDraft(2, pool.service!, { ...found, poolNumber: '+32470000001' }).draft.number).toEqual({ kind: 'new', msisdn: '+32470000001' });
    expect(toWizardDraft(2, pool.service!, found).issues).toEqual([{ line: 2, column: 'number', rule: 'import_pool_empty' }]);
  });

  it('names the allowed values of a column that takes a choice', () => {
    const parsed = parseImportRow(row({ first_name: 'A', last_name: 'B', email: 'a@b.be', sim: 'nano', activation_method: 'fax', activation_start: 'soon' }), 'en');
    expect(parsed.issues.map((i) => describeIssue('en', i).message)).toEqual([
      'SIM must be one of: user_enters, admin_sim, esim.',
      'Activation method must be one of: email, automatic.',
      'Activation start must be “now”, “later”, or a date and time such as 31/12/2026 09:00.',
    ]);
  });

  it('gives template rows that read without a problem in every language', () => {
    for (const lang of LANGUAGES) {
      for (const [i, values] of templateRows(lang).entries()) expect(parseImportRow(row(values, i + 2), lang).issues).toEqual([]);
    }
  });
});
