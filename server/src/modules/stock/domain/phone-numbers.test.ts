import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBelgianFixed, checkBelgianMobile } from './phone-numbers.js';

const digits = (n: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
/** Belgian mobile numbers, national significant part: 4xx xx xx xx. */
const belgianMobile = fc.tuple(fc.constantFrom('456', '460', '468', '470', '475', '479', '483', '486', '489', '490', '495', '499'), digits(6)).map(([p, d]) => p + d);
/** Belgian geographic numbers: Brussels 02 and Antwerp 03, 8 digits after the 0. */
const belgianFixed = fc.tuple(fc.constantFrom('2', '3'), fc.constantFrom('2', '3', '4', '5', '6', '7', '8'), digits(6)).map(([a, b, d]) => a + b + d);
/** The same number as people type it: national, international, 00-prefixed, grouped or not. */
const typedForms = (nsn: string) => [
  `0${nsn}`,
  `+32${nsn}`,
  `0032${nsn}`,
  `+32 ${nsn.slice(0, 3)} ${nsn.slice(3, 5)} ${nsn.slice(5, 7)} ${nsn.slice(7)}`,
  `0${nsn.slice(0, 3)}/${nsn.slice(3, 5)}.${nsn.slice(5, 7)}.${nsn.slice(7)}`,
];

describe('Belgian numbers', () => {
  it('stores a mobile number typed in any usual form as E.164', () => {
    fc.assert(
      fc.property(belgianMobile, (nsn) => {
        for (const typed of typedForms(nsn)) expect(checkBelgianMobile(typed)).toEqual({ ok: true, e164: `+32${nsn}` });
      }),
    );
  });

  it('stores a geographic number typed in any usual form as E.164', () => {
    fc.assert(
      fc.property(belgianFixed, (nsn) => {
        for (const typed of typedForms(nsn)) expect(checkBelgianFixed(typed)).toEqual({ ok: true, e164: `+32${nsn}` });
      }),
    );
  });

  it('refuses a fixed number where a mobile one is expected, and the other way round', () => {
    fc.assert(
      fc.property(belgianFixed, (nsn) => {
        expect(checkBelgianMobile(`0${nsn}`)).toEqual({ ok: false, rule: 'phone_not_mobile' });
      }),
    );
    fc.assert(
      fc.property(belgianMobile, (nsn) => {
        expect(checkBelgianFixed(`0${nsn}`)).toEqual({ ok: false, rule: 'phone_not_fixed' });
      }),
    );
  });

  it('refuses valid numbers of other countries', () => {
    const foreign = fc.oneof(
      digits(8).map((d) => `+49 151 ${d}`), // German mobile
      digits(7).map((d) => `0031 20 ${d}`), // Amsterdam
      fc.constantFrom('+33 6 12 34 56 78', '+44 20 7946 0123', '+352 621 123 456'),
    );
    fc.assert(
      fc.property(foreign, (typed) => {
        expect(checkBelgianMobile(typed)).toEqual({ ok: false, rule: 'phone_not_belgian' });
        expect(checkBelgianFixed(typed)).toEqual({ ok: false, rule: 'phone_not_belgian' });
      }),
    );
  });

  it('calls junk invalid and blank missing', () => {
    const junk = fc.oneof(
      fc.string({ minLength: 1 }).filter((s) => /[^\d\s+./()-]/.test(s)), // letters and symbols
      fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 5 }), // far too short
    );
    fc.assert(
      fc.property(junk, (typed) => {
        expect(checkBelgianMobile(typed)).toEqual({ ok: false, rule: 'phone_invalid' });
        expect(checkBelgianFixed(typed)).toEqual({ ok: false, rule: 'phone_invalid' });
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\s{0,4}$/), (blank) => {
        expect(checkBelgianMobile(blank)).toEqual({ ok: false, rule: 'required' });
      }),
    );
  });
});
