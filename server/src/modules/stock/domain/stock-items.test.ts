import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { luhnCheckDigit } from './iccid.js';
import { activationCode, checkFixedNumber, checkPoolNumber, checkSimCard, isHostName, type RawItem } from './stock-items.js';

const digits = (min: number, max = min) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: min, maxLength: max });
const iccid = digits(16).map((body) => `8932${body.slice(1)}` + luhnCheckDigit(`8932${body.slice(1)}`));
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/);
const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), fc.constantFrom('com', 'be', 'example', 'net')).map(([labels, tld]) => [...labels, tld].join('.'));
const matchingId = fc.stringMatching(/^[A-Z0-9-]{1,64}$/);
const optionalPin = fc.option(digits(4, 8), { nil: null });
const optionalPuk = fc.option(digits(8), { nil: null });

const physical = fc.record({ kind: fc.constant('physical'), iccid, pin: optionalPin, puk: optionalPuk });
const esim = fc.record({ kind: fc.constant('esim'), iccid, pin: optionalPin, puk: optionalPuk, smdpAddress: host, matchingId });
const rulesOf = (raw: RawItem) => {
  const r = checkSimCard(raw);
  return r.ok ? {} : Object.fromEntries(r.issues.map((i) => [i.field, i.rule]));
};

describe('SIM card and eSIM profile rules', () => {
  it('accepts any physical card and eSIM profile that follows the rules, as typed', () => {
    fc.assert(
      fc.property(fc.oneof(physical, esim), (raw) => {
        const r = checkSimCard({ ...raw, kind: ` ${raw.kind.toUpperCase()} ` });
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.value).toMatchObject({ kind: raw.kind, iccid: raw.iccid, pin: raw.pin ?? null, puk: raw.puk ?? null });
      }),
    );
  });

  it('needs an SM-DP+ address and a matching ID for an eSIM, and refuses them on a physical card', () => {
    fc.assert(
      fc.property(esim, (raw) => {
        expect(rulesOf({ ...raw, smdpAddress: ' ', matchingId: null })).toEqual({ smdpAddress: 'required', matchingId: 'required' });
        expect(rulesOf({ ...raw, kind: 'physical' })).toEqual({ smdpAddress: 'esim_only', matchingId: 'esim_only' });
      }),
    );
  });

  it('takes host names only as SM-DP+ address, and A-Z, 0-9 and dashes up to 64 as matching ID', () => {
    fc.assert(
      fc.property(esim, fc.constantFrom('localhost', '10.0.0.1', 'https://smdp.example.com', 'smdp..example.com', '-smdp.example.com', 'smdp_1.example.com'), (raw, badHost) => {
        expect(rulesOf({ ...raw, smdpAddress: badHost })).toEqual({ smdpAddress: 'host_name' });
      }),
    );
    fc.assert(
      fc.property(esim, fc.oneof(fc.stringMatching(/^[A-Z0-9-]{65,80}$/), fc.stringMatching(/^[A-Z0-9]*[a-z_.$][A-Z0-9]*$/)), (raw, badId) => {
        expect(rulesOf({ ...raw, matchingId: badId })).toEqual({ matchingId: 'matching_id_format' });
      }),
    );
    fc.assert(fc.property(host, (h) => { expect(isHostName(h)).toBe(true); }));
  });

  it('takes a PIN of 4 to 8 digits and a PUK of 8 digits', () => {
    fc.assert(
      fc.property(physical, fc.oneof(digits(1, 3), digits(9, 12), fc.stringMatching(/^\d{0,3}[a-z]\d{0,4}$/)), (raw, bad) => {
        expect(rulesOf({ ...raw, pin: bad })).toEqual({ pin: 'pin_format' });
      }),
    );
    fc.assert(
      fc.property(physical, fc.oneof(digits(1, 7), digits(9, 12)), (raw, bad) => {
        expect(rulesOf({ ...raw, puk: bad })).toEqual({ puk: 'puk_format' });
      }),
    );
  });

  it('reports every wrong field at once, with the ICCID rule that failed', () => {
    expect(rulesOf({ kind: 'nano', iccid: '1234', pin: '12', puk: 'x' })).toEqual({ kind: 'sim_kind', iccid: 'iccid_length', pin: 'pin_format', puk: 'puk_format' });
    expect(rulesOf({})).toEqual({ kind: 'required', iccid: 'required' });
  });

  it('builds the activation code of a profile', () => {
    expect(activationCode('smdp.example.com', 'AB-12')).toBe('LPA:1$smdp.example.com$AB-12');
  });
});

describe('number rows', () => {
  it('store Belgian numbers as E.164 and name their field', () => {
    expect(checkPoolNumber({ msisdn: '0470 99 88 77' })).toEqual({ ok: true, value: { msisdn: '+32470998877' } });
    expect(checkFixedNumber({ number: '02 201 23 45' })).toEqual({ ok: true, value: { number: '+3222012345' } });
    expect(checkPoolNumber({ msisdn: '02 201 23 45' })).toEqual({ ok: false, issues: [{ field: 'msisdn', rule: 'phone_not_mobile' }] });
    expect(checkFixedNumber({ number: '0470 99 88 77' })).toEqual({ ok: false, issues: [{ field: 'number', rule: 'phone_not_fixed' }] });
    expect(checkFixedNumber({})).toEqual({ ok: false, issues: [{ field: 'number', rule: 'required' }] });
  });
});
