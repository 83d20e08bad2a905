import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { iccidProblem, iccidSearchDigits, luhnCheckDigit, normalizeIccid } from './iccid.js';

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
/** A well-formed ICCID: 89, digits, and the Luhn check digit, 19 or 20 digits in all. */
const validIccid = fc.integer({ min: 19, max: 20 }).chain((length) => digits(length - 3, length - 3).map((body) => `89${body}${luhnCheckDigit(`89${body}`)}`));

describe('ICCID rules', () => {
  it('accepts any 19- or 20-digit number starting 89 with the right check digit', () => {
    fc.assert(
      fc.property(validIccid, (iccid) => {
        expect(iccidProblem(iccid)).toBeNull();
      }),
    );
  });

  it('accepts it typed in groups with spaces or dashes', () => {
    fc.assert(
      fc.property(validIccid, fc.constantFrom(' ', '-', ' - '), (iccid, separator) => {
        const typed = iccid.match(/.{1,4}/g)!.join(separator);
        expect(normalizeIccid(typed)).toBe(iccid);
      }),
    );
  });

  it('searches an ICCID the same whether typed in groups of four (as the portal shows it) or run together', () => {
    fc.assert(
      fc.property(validIccid, fc.constantFrom(' ', '-', '.', '  '), fc.integer({ min: 3, max: 20 }), (iccid, separator, typed) => {
        const part = iccid.slice(0, typed);
        const grouped = part.match(/.{1,4}/g)!.join(separator);
        expect(iccidSearchDigits(grouped)).toBe(part);
        expect(iccidSearchDigits(part)).toBe(part);
      }),
    );
    expect(iccidSearchDigits('89')).toBeNull();
    expect(iccidSearchDigits('Janssens')).toBeNull();
    expect(iccidSearchDigits('+32 470')).toBeNull();
  });

  it('refuses a wrong length, whatever the check digit', () => {
    const tooShortOrLong = fc.oneof(fc.integer({ min: 3, max: 18 }), fc.integer({ min: 21, max: 30 }));
    fc.assert(
      fc.property(tooShortOrLong.chain((length) => digits(length - 3, length - 3)), (body) => {
        expect(iccidProblem(`89${body}${luhnCheckDigit(`89${body}`)}`)).toBe('iccid_length');
      }),
    );
  });

  it('refuses a number that does not start with 89', () => {
    const prefix = digits(2, 2).filter((p) => p !== '89');
    fc.assert(
      fc.property(prefix, fc.integer({ min: 19, max: 20 }).chain((length) => digits(length - 3, length - 3)), (start, body) => {
        expect(iccidProblem(`${start}${body}${luhnCheckDigit(`${start}${body}`)}`)).toBe('iccid_prefix');
      }),
    );
  });

  it('catches any single mistyped digit after the prefix', () => {
    fc.assert(
      fc.property(validIccid, fc.nat(), fc.integer({ min: 1, max: 9 }), (iccid, at, shift) => {
        const position = 2 + (at % (iccid.length - 2));
        const changed = String((Number(iccid[position]) + shift) % 10);
        const typo = iccid.slice(0, position) + changed + iccid.slice(position + 1);
        expect(iccidProblem(typo)).toBe('iccid_checksum');
      }),
    );
  });

  it('names anything but digits, and a missing number', () => {
    fc.assert(
      fc.property(validIccid, fc.nat(), fc.constantFrom('a', 'O', '.', '/', 'é'), (iccid, at, letter) => {
        const position = at % iccid.length;
        expect(iccidProblem(iccid.slice(0, position) + letter + iccid.slice(position + 1))).toBe('iccid_digits');
      }),
    );
    expect(iccidProblem(normalizeIccid('  '))).toBe('required');
  });
});
