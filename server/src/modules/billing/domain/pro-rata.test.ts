import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeLines, daysInMonth, endedServiceLines, newServiceLines, parseBillDate, proRataLine, totalCents } from './pro-rata.js';

const M = { code: 'mobile-m', monthlyPriceCents: 2200 };
const L = { code: 'mobile-l', monthlyPriceCents: 3500 };
const INTL = { code: 'intl-100', monthlyPriceCents: 600 };

describe('pro-rata billing', () => {
  it('knows month lengths, leap years included', () => {
    expect([1, 2, 4, 12].map((m) => daysInMonth(2026, m))).toEqual([31, 28, 30, 31]);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(() => parseBillDate('2026-02-29')).toThrow();
  });

  it('a change on the first day moves the whole month; on the last day, one day', () => {
    expect(changeLines([M], [L], parseBillDate('2026-11-01'))).toEqual([
      { code: 'mobile-m', kind: 'credit', days: 30, daysInMonth: 30, amountCents: -2200 },
      { code: 'mobile-l', kind: 'charge', days: 30, daysInMonth: 30, amountCents: 3500 },
    ]);
    const last = changeLines([M], [L], parseBillDate('2026-11-30'));
    expect(last.map((l) => l.amountCents)).toEqual([-73, 117]); // 2200/30 = 73.33, 3500/30 = 116.67
    expect(changeLines([M], [L], parseBillDate('2028-02-29')).map((l) => [l.days, l.daysInMonth])).toEqual([
      [1, 29],
      [1, 29],
    ]);
  });

  it('leaves unchanged items off and bills only what changed', () => {
    const lines = changeLines([M, INTL], [M], parseBillDate('2026-11-16'));
    expect(lines).toEqual([{ code: 'intl-100', kind: 'credit', days: 15, daysInMonth: 30, amountCents: -300 }]);
  });

  it('several changes in one month add up to the time each bundle was held, within a cent per line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.uniqueArray(fc.integer({ min: 1, max: 28 }), { minLength: 1, maxLength: 4 }), (year, month, rawDays) => {
        const days = [...rawDays].sort((a, b) => a - b);
        const dim = daysInMonth(year, month);
        const plan = [M, L, INTL, { code: 'x', monthlyPriceCents: 1999 }, M];
        let lines: ReturnType<typeof changeLines> = [];
        days.forEach((d, i) => {
          lines = lines.concat(changeLines([plan[i]!], [plan[i + 1]!], { year, month, day: d }));
        });
        // held from the first change on: item k from days[k-1] to days[k]-1; the last one to month end
        let exact = -(plan[0]!.monthlyPriceCents * (dim - days[0]! + 1)) / dim;
        days.forEach((d, i) => {
          const until = i + 1 < days.length ? days[i + 1]! : dim + 1;
          exact += (plan[i + 1]!.monthlyPriceCents * (until - d)) / dim;
        });
        expect(Math.abs(totalCents(lines) - exact)).toBeLessThanOrEqual(lines.length * 0.5 + 1e-9);
      }),
    );
  });

  it('charges a new service from the day it is active and credits a deleted one from the day it ends', () => {
    expect(newServiceLines([M], parseBillDate('2026-11-21'))).toEqual([{ code: 'mobile-m', kind: 'charge', days: 10, daysInMonth: 30, amountCents: 733 }]);
    expect(endedServiceLines([M, INTL], parseBillDate('2026-11-21')).map((l) => l.amountCents)).toEqual([-733, -200]);
  });

  it('rounds once per line, half away from zero, and a credit mirrors the charge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 31 }), (price, day) => {
        const date = { year: 2026, month: 1, day };
        const charge = proRataLine({ code: 'c', monthlyPriceCents: price }, date, 'charge');
        const credit = proRataLine({ code: 'c', monthlyPriceCents: price }, date, 'credit');
        expect(credit.amountCents).toBe(-charge.amountCents || 0);
        expect(Number.isInteger(charge.amountCents)).toBe(true);
        expect(Math.abs(charge.amountCents - (price * charge.days) / 31)).toBeLessThanOrEqual(0.5);
      }),
    );
  });
});
