import { describe, expect, it } from 'vitest';
import { brusselsDay, brusselsMidnight, firstDayOfMonth, isMonth, isMonthInRange, lastDayOfMonth, monthOfDay } from './calendar.js';

describe('business calendar', () => {
  it('counts the day in Brussels: 23:30 UTC on 31 March is already 1 April there', () => {
    expect(brusselsDay(new Date('2026-03-31T23:30:00Z'))).toBe('2026-04-01');
    expect(brusselsDay(new Date('2026-12-31T22:59:59Z'))).toBe('2026-12-31');
    expect(brusselsDay(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01-01');
  });
  it('knows month ends, leap years included', () => {
    expect(lastDayOfMonth('2028-02')).toBe('2028-02-29');
    expect(lastDayOfMonth('2026-02')).toBe('2026-02-28');
    expect(lastDayOfMonth('2026-11')).toBe('2026-11-30');
    expect(firstDayOfMonth('2026-11')).toBe('2026-11-01');
    expect(monthOfDay('2026-11-22')).toBe('2026-11');
  });
  it('accepts only real months', () => {
    expect(isMonth('2026-11')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
  });
  it('works with months from 2000 to 2999 only (Date.UTC reads years below 100 as 19xx; there is no year 0)', () => {
    expect(['2000-01', '2026-11', '2999-12'].every(isMonthInRange)).toBe(true);
    expect(['0000-01', '0099-12', '1999-12', '3000-01'].some(isMonthInRange)).toBe(false);
  });
});

describe('Brussels midnight', () => {
  it('is 23:00 UTC the evening before in winter and 22:00 UTC in summer', () => {
    expect(brusselsMidnight('2026-11-01').toISOString()).toBe('2026-10-31T23:00:00.000Z');
    expect(brusselsMidnight('2026-07-01').toISOString()).toBe('2026-06-30T22:00:00.000Z');
    // the day the clocks go forward still starts at local midnight
    expect(brusselsMidnight('2026-03-29').toISOString()).toBe('2026-03-28T23:00:00.000Z');
  });
});
