import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  it('is HMAC-SHA256 of "timestamp.body" with the hub secret, in a t=…,v1=… header', () => {
    const header = signatureHeader('whsec_test', 1767225600, '{"a":1}');
    expect(header).toBe(`t=1767225600,v1=${createHmac('sha256', 'whsec_test').update('1767225600.{"a":1}').digest('hex')}`);
  });

  it('verifies what it signed, and nothing changed in body, time or secret', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }), (secret, body, t) => {
        const header = signatureHeader(secret, t, body);
        expect(verifySignature(secret, header, body, t + 10)).toBe(true);
        expect(verifySignature(secret, header, `${body} `, t)).toBe(false);
        expect(verifySignature(`${secret}x`, header, body, t)).toBe(false);
        // too old: a replay
        expect(verifySignature(secret, header, body, t + 301)).toBe(false);
        expect(verifySignature(secret, header.replace(`t=${t}`, `t=${t + 1}`), body, t)).toBe(false);
      }),
    );
  });
});
