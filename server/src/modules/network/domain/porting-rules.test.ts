import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from '../../stock/domain/iccid.js';
import { judgePortIn, normalizeCustomerNumber, sameCustomerNumber, sameSimNumber, type DonorEntry } from './porting-rules.js';

const ALNUM = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const customerNumber = fc.string({ unit: fc.constantFrom(...ALNUM), minLength: 3, maxLength: 20 });
const iccid = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 16, maxLength: 16 }).map((body) => `89${body}${luhnCheckDigit(`89${body}`)}`);
const separator = fc.constantFrom('', ' ', '.', '-', ' - ', '  ', '.-');

/** The same characters as someone might type them: separators anywhere, any letter case. */
const retyped = (value: string, separators: string[], upper: boolean[]) =>
  [...value].map((c, i) => `${separators[i % separators.length] ?? ''}${upper[i % upper.length] ? c.toUpperCase() : c.toLowerCase()}`).join('');

/** One significant character replaced by another that no formatting rule makes equal to it. */
const mistyped = (value: string, at: number, alphabet: readonly string[], shift: number) => {
  const i = at % value.length;
  const current = alphabet.indexOf(value[i]!.toUpperCase());
  const other = alphabet[(current + 1 + (shift % (alphabet.length - 1))) % alphabet.length]!;
  return value.slice(0, i) + other + value.slice(i + 1);
};

describe('customer numbers', () => {
  it('match however they are spaced, dotted, dashed or cased', () => {
    fc.assert(
      fc.property(customerNumber, fc.array(separator, { minLength: 1 }), fc.array(fc.boolean(), { minLength: 1 }), (onRecord, seps, upper) => {
        expect(sameCustomerNumber(retyped(onRecord, seps, upper), onRecord)).toBe(true);
      }),
    );
  });

  it('match a record kept with its own formatting', () => {
    expect(sameCustomerNumber('9876543', '9.876.543')).toBe(true);
    expect(sameCustomerNumber('be 0045122', 'BE-00451-22')).toBe(true);
    expect(sameCustomerNumber('orb884120', 'ORB 884 120')).toBe(true);
  });

  it('refuse any change of a significant character', () => {
    fc.assert(
      fc.property(customerNumber, fc.nat(), fc.nat(), fc.array(separator, { minLength: 1 }), (onRecord, at, shift, seps) => {
        const typo = mistyped(onRecord, at, ALNUM, shift);
        expect(sameCustomerNumber(retyped(typo, seps, [true]), onRecord)).toBe(false);
      }),
    );
  });

  it('refuse a missing, dropped or extra character', () => {
    fc.assert(
      fc.property(customerNumber, fc.nat(), fc.constantFrom(...ALNUM), (onRecord, at, extra) => {
        const i = at % onRecord.length;
        expect(sameCustomerNumber(onRecord.slice(0, i) + onRecord.slice(i + 1), onRecord)).toBe(false);
        expect(sameCustomerNumber(onRecord.slice(0, i) + extra + onRecord.slice(i), onRecord)).toBe(false);
      }),
    );
    expect(sameCustomerNumber('', '')).toBe(false);
    expect(sameCustomerNumber(' .- ', '')).toBe(false);
    expect(sameCustomerNumber(undefined, '1234567')).toBe(false);
  });

  it('keep other punctuation significant', () => {
    expect(normalizeCustomerNumber('12/34')).toBe('12/34');
    expect(sameCustomerNumber('12/34', '1234')).toBe(false);
  });
});

describe('SIM numbers', () => {
  it('match typed in groups with spaces or dashes', () => {
    fc.assert(
      fc.property(iccid, fc.integer({ min: 1, max: 6 }), fc.constantFrom(' ', '-', ' - '), (onRecord, group, sep) => {
        const typed = onRecord.match(new RegExp(`.{1,${group}}`, 'g'))!.join(sep);
        expect(sameSimNumber(typed, onRecord)).toBe(true);
      }),
    );
  });

  it('refuse any changed digit', () => {
    fc.assert(
      fc.property(iccid, fc.nat(), fc.nat(), (onRecord, at, shift) => {
        expect(sameSimNumber(mistyped(onRecord, at, [...'0123456789'], shift), onRecord)).toBe(false);
      }),
    );
    expect(sameSimNumber(undefined, '8932010700112233449')).toBe(false);
  });
});

describe('the donor judging a port-in', () => {
  const postpaid: DonorEntry = { msisdn: '+32475123456', operator: 'proximus', accountType: 'postpaid', customerNumber: '1234567', simNumber: null, holderName: 'Acme Logistics NV' };
  const prepaid: DonorEntry = { msisdn: '+32476112233', operator: 'proximus', accountType: 'prepaid', customerNumber: null, simNumber: '8932010700112233449', holderName: 'Lotte Janssens' };

  it('accepts matching details', () => {
    expect(judgePortIn(postpaid, { accountType: 'postpaid', customerNumber: '123 45-67' }, false)).toEqual({ accepted: true });
    expect(judgePortIn(prepaid, { accountType: 'prepaid', donorSimNumber: '8932 0107 0011 2233 449' }, false)).toEqual({ accepted: true });
  });

  it('refuses a number nobody holds, before anything else', () => {
    expect(judgePortIn(null, { accountType: 'postpaid', customerNumber: '1234567' }, true)).toMatchObject({ accepted: false, reason: 'number_unknown' });
  });

  it('refuses a number already being ported, even with the right details', () => {
    expect(judgePortIn(postpaid, { accountType: 'postpaid', customerNumber: '1234567' }, true)).toMatchObject({ accepted: false, reason: 'port_already_pending' });
  });

  it('refuses wrong or missing details with the reason of the proof the donor asks for', () => {
    expect(judgePortIn(postpaid, { accountType: 'postpaid', customerNumber: '1234568' }, false)).toMatchObject({ accepted: false, reason: 'customer_number_mismatch' });
    expect(judgePortIn(prepaid, { accountType: 'prepaid', donorSimNumber: '8932010700112233456' }, false)).toMatchObject({ accepted: false, reason: 'sim_number_mismatch' });
    // the request declared the wrong account type: the donor asks for what its own records need
    const asPrepaid = judgePortIn(postpaid, { accountType: 'prepaid', donorSimNumber: '8932010700112233449' }, false);
    expect(asPrepaid).toMatchObject({ accepted: false, reason: 'customer_number_mismatch', message: expect.stringMatching(/postpaid/) });
    const asPostpaid = judgePortIn(prepaid, { accountType: 'postpaid', customerNumber: '1234567' }, false);
    expect(asPostpaid).toMatchObject({ accepted: false, reason: 'sim_number_mismatch', message: expect.stringMatching(/prepaid/) });
  });
});
