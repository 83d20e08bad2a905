import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suggestBundle, type CandidateBundle } from './suggestions.js';

const S: CandidateBundle = { code: 's', dataGb: 5, monthlyPriceCents: 1250 };
const M: CandidateBundle = { code: 'm', dataGb: 20, monthlyPriceCents: 2200 };
const L: CandidateBundle = { code: 'l', dataGb: 100, monthlyPriceCents: 3500 };
const ALL = [S, M, L];
const GB = 1024;

describe('bundle suggestions', () => {
  it('suggests the cheapest bundle that holds the largest month when all three went over', () => {
    expect(suggestBundle(S, [6 * GB, 7 * GB, 5 * GB + 1], ALL)).toEqual({ code: 'm', direction: 'larger' });
    expect(suggestBundle(S, [6 * GB, 30 * GB, 7 * GB], ALL)).toEqual({ code: 'l', direction: 'larger' });
    expect(suggestBundle(L, [200 * GB, 150 * GB, 120 * GB], ALL)).toBeNull();
  });

  it('waits for three months that agree: one month within the bundle, or one missing, is no reason', () => {
    expect(suggestBundle(S, [6 * GB, 5 * GB, 7 * GB], ALL)).toBeNull();
    expect(suggestBundle(S, [6 * GB, 7 * GB], ALL)).toBeNull();
    expect(suggestBundle(M, [1 * GB, 9 * GB, 1 * GB], ALL)).toBeNull();
  });

  it('suggests a cheaper bundle that still holds the largest month with a quarter to spare', () => {
    expect(suggestBundle(L, [2 * GB, 3 * GB, 4 * GB], ALL)).toEqual({ code: 's', direction: 'smaller' });
    expect(suggestBundle(L, [2 * GB, 3 * GB, 10 * GB], ALL)).toEqual({ code: 'm', direction: 'smaller' });
    expect(suggestBundle(M, [5 * GB, 1 * GB, 1 * GB], ALL)).toBeNull();
  });

  it('never suggests the bundle held, nor a smaller one that the largest month would overflow', () => {
    fc.assert(
      fc.property(fc.constantFrom(S, M, L), fc.array(fc.nat(200 * GB), { minLength: 3, maxLength: 3 }), (current, months) => {
        const s = suggestBundle(current, months, ALL);
        if (!s) return;
        expect(s.code).not.toBe(current.code);
        const to = ALL.find((b) => b.code === s.code)!;
        if (s.direction === 'smaller') expect(to.dataGb! * GB).toBeGreaterThanOrEqual(Math.max(...months));
        if (s.direction === 'larger') expect(to.dataGb!).toBeGreaterThan(current.dataGb!);
      }),
    );
  });
});
