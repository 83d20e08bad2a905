import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandOf, proRataAllowance, shareOf } from './bands.js';

describe('bands', () => {
  it('puts the edges where administrators expect them: 80 % is near, 100 % is near, one unit more is over', () => {
    expect(bandOf(7999, 10_000)).toBe('under');
    expect(bandOf(8000, 10_000)).toBe('near');
    expect(bandOf(10_000, 10_000)).toBe('near');
    expect(bandOf(10_001, 10_000)).toBe('over');
    expect(bandOf(0, 10_000)).toBe('under');
    expect(bandOf(5, null)).toBeNull();
    expect(bandOf(5, 0)).toBeNull();
  });

  it('agrees with the share shown beside it and never goes down as use grows', () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), fc.nat(10_000_000), fc.integer({ min: 1, max: 10_000_000 }), (a, b, allowance) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        const order = { under: 0, near: 1, over: 2 } as const;
        expect(order[bandOf(lo, allowance)!]).toBeLessThanOrEqual(order[bandOf(hi, allowance)!]);
        const share = shareOf(lo, allowance)!;
        if (share < 80) expect(bandOf(lo, allowance)).toBe('under');
        if (share > 100) expect(bandOf(lo, allowance)).toBe('over');
      }),
    );
  });
});

describe('pro-rata allowance', () => {
  it('is the whole allowance for a line that held one bundle all month', () => {
    expect(proRataAllowance([{ fromDay: 1, allowance: 20_480 }], 30)).toBe(20_480);
  });

  it('splits a month at a change of bundle by days (5 GB until the 16th of 30, then 20 GB)', () => {
    expect(proRataAllowance([{ fromDay: 1, allowance: 5120 }, { fromDay: 16, allowance: 20_480 }], 30)).toBe(Math.floor((5120 * 15 + 20_480 * 15) / 30));
  });

  it('counts nothing before the line went live, and handles the last day of a short month', () => {
    expect(proRataAllowance([{ fromDay: 29, allowance: 2800 }], 28)).toBeNull();
    expect(proRataAllowance([{ fromDay: 28, allowance: 2800 }], 28)).toBe(100);
    expect(proRataAllowance([{ fromDay: 31, allowance: 3100 }], 31)).toBe(100);
  });

  it('lies between the smallest and largest allowance held, and equals it when all stretches agree', () => {
    const stretch = fc.record({ fromDay: fc.integer({ min: 1, max: 31 }), allowance: fc.integer({ min: 0, max: 1_000_000 }) });
    fc.assert(
      fc.property(fc.array(stretch, { minLength: 1, maxLength: 5 }), fc.constantFrom(28, 29, 30, 31), (stretches, days) => {
        const inMonth = stretches.filter((s) => s.fromDay <= days);
        const result = proRataAllowance(stretches, days);
        if (inMonth.length === 0) {
          expect(result).toBeNull();
          return;
        }
        const first = Math.min(...inMonth.map((s) => s.fromDay));
        const max = Math.max(...inMonth.map((s) => s.allowance!));
        expect(result!).toBeGreaterThanOrEqual(0);
        expect(result!).toBeLessThanOrEqual(max);
        if (first === 1 && inMonth.every((s) => s.allowance === inMonth[0]!.allowance)) expect(result).toBe(inMonth[0]!.allowance);
      }),
    );
  });
});
