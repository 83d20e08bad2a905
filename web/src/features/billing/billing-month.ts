import { brusselsMonth } from '../../shared/time/brussels';

// Billing months are calendar months in Belgian time ("YYYY-MM"); the picker offers the current
// month and the ones before it.

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The current billing month in Brussels, e.g. "2026-05" (the 1st after midnight Belgian time, whatever the computer's zone). */
export const currentBillingMonth = (now: Date = new Date()): string => brusselsMonth(now);

export const isBillingMonth = (value: string | null): value is string => value !== null && MONTH.test(value);

/** The month `count` months before "YYYY-MM". */
export const monthsBefore = (month: string, count: number): string => {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

/** The current month first, then the `count - 1` before it. */
export const recentMonths = (current: string, count: number): string[] => Array.from({ length: count }, (_, i) => monthsBefore(current, i));

/** A month from the address, only if it is a real month that is not in the future. */
export const readBillingMonth = (raw: string | null, current: string): string => (isBillingMonth(raw) && raw <= current ? raw : current);
