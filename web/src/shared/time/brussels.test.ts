import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { brusselsLocalToIso, brusselsMonth, brusselsToday, isoToBrusselsLocal } from './brussels';

describe('Brussels time', () => {
  test('today and this month are Belgian ones, also just after midnight there', () => {
    // 31 May 2026, 22:30 UTC is already 1 June 00:30 in Brussels (summer time, UTC+2)
    expect(brusselsToday(new Date('2026-05-31T22:30:00Z'))).toBe('2026-06-01');
    expect(brusselsMonth(new Date('2026-05-31T22:30:00Z'))).toBe('2026-06');
    // 31 December, 23:30 UTC is New Year in Brussels (winter time, UTC+1)
    expect(brusselsToday(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(brusselsToday(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12-31');
  });

  test('a wall-clock time typed in Brussels goes to the API and comes back unchanged', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }), (date) => {
        const local = isoToBrusselsLocal(date);
        const iso = brusselsLocalToIso(local);
        expect(iso).not.toBeNull();
        // minutes are what the input holds; the round trip keeps them
        expect(isoToBrusselsLocal(iso!)).toBe(local);
      }),
    );
  });
});
