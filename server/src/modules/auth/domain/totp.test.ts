import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedStep, newRecoveryCodes, newTotpSecret, normalizeRecoveryCode, stepAt, totpCodeAt, totpUri } from './totp.js';

// RFC 6238 appendix B: the SHA-1 secret "12345678901234567890" (base32 below), 8-digit codes; ours are their last 6 digits.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP codes', () => {
  it('matches the RFC 6238 test vectors', () => {
    expect(totpCodeAt(RFC_SECRET, new Date(59_000))).toBe('287082');
    expect(totpCodeAt(RFC_SECRET, new Date(1111111109_000))).toBe('081804');
    expect(totpCodeAt(RFC_SECRET, new Date(1234567890_000))).toBe('005924');
  });

  it("accepts a code in its own step and the ones just before and after, never further, never a step already used", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (seconds) => {
        const now = new Date(seconds * 1000);
        const at = (deltaSteps: number) => totpCodeAt(RFC_SECRET, new Date(now.getTime() + deltaSteps * 30_000));
        const step = stepAt(now);
        expect(acceptedStep(RFC_SECRET, at(0), now, null)).toBe(step);
        expect(acceptedStep(RFC_SECRET, at(-1), now, null)).toBe(step - 1);
        expect(acceptedStep(RFC_SECRET, at(1), now, null)).toBe(step + 1);
        // two steps away: only if it happens to be the same six digits as a code in the window
        const far = at(-2);
        if (![at(-1), at(0), at(1)].includes(far)) expect(acceptedStep(RFC_SECRET, far, now, null)).toBeNull();
        // replay: the step of the last code accepted and any before it are refused
        expect(acceptedStep(RFC_SECRET, at(0), now, step)).toBeNull();
        expect(acceptedStep(RFC_SECRET, at(-1), now, step)).toBeNull();
        expect(acceptedStep(RFC_SECRET, at(1), now, step)).toBe(step + 1);
      }),
    );
  });

  it('reads a code typed with a space or a dash, and refuses anything but six digits', () => {
    const now = new Date(1_700_000_000_000);
    const code = totpCodeAt(RFC_SECRET, now);
    expect(acceptedStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(stepAt(now));
    for (const bad of ['', '12345', '1234567', 'abcdef', `${code}0`]) expect(acceptedStep(RFC_SECRET, bad, now, null)).toBeNull();
  });

  it('makes 160-bit secrets and an otpauth address an app reads', () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'admin@acme.example', 'MyDstny'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('MyDstny');
    expect(uri.searchParams.get('digits')).toBe('6');
  });
});

describe('recovery codes', () => {
  it('are ten different codes, typed in any case with or without the dash', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(normalizeRecoveryCode(` ${codes[0]!.toUpperCase().replace('-', ' ')} `)).toBe(normalizeRecoveryCode(codes[0]!));
  });
});
