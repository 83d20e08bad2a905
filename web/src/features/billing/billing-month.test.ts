import { describe, expect, test } from 'vitest';
import { currentBillingMonth, monthsBefore, readBillingMonth, recentMonths } from './billing-month';

describe('billing months', () => {
  test('the current month is the Brussels one, also around midnight on the last day', () => {
    // 31 May 2026, 22:30 UTC is already 1 June 00:30 in Brussels (summer time, UTC+2)
    expect(currentBillingMonth(new Date('2026-05-31T22:30:00Z'))).toBe('2026-06');
    expect(currentBillingMonth(new Date('2026-05-31T21:30:00Z'))).toBe('2026-05');
    // winter time, UTC+1
    expect(currentBillingMonth(new Date('2026-12-31T23:10:00Z'))).toBe('2027-01');
  });

  test('months before cross year ends', () => {
    expect(monthsBefore('2026-03', 1)).toBe('2026-02');
    expect(monthsBefore('2026-01', 1)).toBe('2025-12');
    expect(monthsBefore('2026-01', 13)).toBe('2024-12');
    expect(recentMonths('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });

  test('the address may ask for a past month, not a future one nor nonsense', () => {
    expect(readBillingMonth('2026-01', '2026-05')).toBe('2026-01');
    expect(readBillingMonth('2026-06', '2026-05')).toBe('2026-05');
    expect(readBillingMonth('2026-13', '2026-05')).toBe('2026-05');
    expect(readBillingMonth(null, '2026-05')).toBe('2026-05');
  });
});
