import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeLines, parseBillDate, totalCents } from '../../billing/domain/pro-rata.js';
import { checkSuspensionEnd, MAX_SUSPENSION_DAYS, suspendedMonthlyPrice } from './line-operations.js';

const day = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (iso: string, n: number) => day(new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000));

describe('suspension end', () => {
  it('is refused today or before, accepted from tomorrow up to the limit, refused beyond', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }), fc.integer({ min: -400, max: 800 }), (d, n) => {
        const today = day(d);
        const verdict = checkSuspensionEnd(plusDays(today, n), today);
        expect(verdict).toBe(n <= 0 ? 'not_after_today' : n > MAX_SUSPENSION_DAYS ? 'too_far' : null);
      }),
    );
  });
});

describe('what a suspended line costs', () => {
  it("is the catalog's suspended price when it names one, else the full price with options", () => {
    expect(suspendedMonthlyPrice({ monthlyPriceCents: 2500, suspendedMonthlyPriceCents: 500 }, 700)).toBe(500);
    expect(suspendedMonthlyPrice({ monthlyPriceCents: 2500, suspendedMonthlyPriceCents: null }, 700)).toBe(3200);
  });

  it('is billed pro rata like a change: the rest of the month of bundle and options credited, of the suspended price charged', () => {
    // suspended on 21 June (10 of 30 days left): bundle 30.00 and option 6.00 credited, 3.00 charged
    const lines = changeLines(
      [
        { code: 'bundle:B', monthlyPriceCents: 3000 },
        { code: 'option:O', monthlyPriceCents: 600 },
      ],
      [{ code: 'suspension:B', monthlyPriceCents: 300 }],
      parseBillDate('2026-06-21'),
    );
    expect(lines.map((l) => [l.code, l.kind, l.days, l.amountCents])).toEqual([
      ['bundle:B', 'credit', 10, -1000],
      ['option:O', 'credit', 10, -200],
      ['suspension:B', 'charge', 10, 100],
    ]);
    expect(totalCents(lines)).toBe(-1100);
  });
});
