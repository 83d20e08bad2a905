/**
 * Prices effective from a day (Brussels calendar days, 'YYYY-MM-DD'). A price may start today or
 * later, never earlier: a day that has passed may already have been billed at the old price, and a
 * new price must never rewrite what was billed.
 */
export type PriceTiming = 'past' | 'today' | 'future';

export const priceTiming = (effectiveFrom: string, today: string): PriceTiming =>
  effectiveFrom < today ? 'past' : effectiveFrom === today ? 'today' : 'future';

/** A price starting today changes today's price at once; a future one waits for its day (the daily job). */
export const appliesAtOnce = (timing: PriceTiming) => timing === 'today';

/** How far ahead a price may be planned; further is almost certainly a typo in the year. */
export const MAX_PRICE_YEARS_AHEAD = 5;

export const tooFarAhead = (effectiveFrom: string, today: string) => {
  const limit = `${Number(today.slice(0, 4)) + MAX_PRICE_YEARS_AHEAD}${today.slice(4)}`;
  return effectiveFrom > limit;
};

/**
 * Which dated price is in effect on a day: the latest that starts on or before it. The rows may come
 * in any order; null when none has started yet.
 */
export const priceInEffect = <T extends { effectiveFrom: string }>(rows: readonly T[], day: string): T | null =>
  rows.filter((r) => r.effectiveFrom <= day).reduce<T | null>((best, r) => (!best || r.effectiveFrom > best.effectiveFrom ? r : best), null);

/** A planned price can be withdrawn until its day comes; from then on it is history. */
export const canWithdraw = (effectiveFrom: string, today: string) => priceTiming(effectiveFrom, today) === 'future';
