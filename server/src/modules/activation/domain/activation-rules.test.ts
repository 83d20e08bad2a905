import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isComplete, isLinkUsable, linkExpiresAt, pollDelaySeconds, waitsForNumber } from './activation-rules.js';

describe('activation rules', () => {
  it('is complete only when the SIM works and the number arrived, for the halves a service has', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (hasSim, simProvisioned, hasNumber, numberLive) => {
        const t = { hasSim, simProvisioned, hasNumber, numberLive };
        expect(isComplete(t)).toBe((!hasSim || simProvisioned) && (!hasNumber || numberLive));
        if (waitsForNumber(t)) expect(isComplete(t)).toBe(false);
      }),
    );
    expect(isComplete({ hasSim: false, simProvisioned: false, hasNumber: false, numberLive: false })).toBe(true);
  });

  it('polls less and less often, never more than five minutes apart', () => {
    expect([0, 1, 2, 3].map(pollDelaySeconds)).toEqual([1, 2, 4, 8]);
    expect(pollDelaySeconds(50)).toBe(300);
  });

  it('a link works until it expires or is replaced', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    const expiresAt = linkExpiresAt(now, 30);
    expect(expiresAt.toISOString()).toBe('2026-12-22T10:00:00.000Z');
    expect(isLinkUsable({ expiresAt, revokedAt: null }, now)).toBe(true);
    expect(isLinkUsable({ expiresAt, revokedAt: null }, new Date('2026-12-22T10:00:00Z'))).toBe(false);
    expect(isLinkUsable({ expiresAt, revokedAt: now }, now)).toBe(false);
  });
});
