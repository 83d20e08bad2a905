/**
 * A line's use of its bundle, as fleet administrators read it: under 80 %, 80–100 % (both edges
 * included: a line at exactly its allowance has not gone over), over 100 %. Whole numbers only, so
 * that no rounding moves a line across an edge.
 */
export const BANDS = ['under', 'near', 'over'] as const;
export type Band = (typeof BANDS)[number];

/** The band of `used` against `allowance` (same unit); null when the line has no allowance to compare with. */
export const bandOf = (used: number, allowance: number | null): Band | null => {
  if (allowance === null || allowance <= 0) return null;
  if (used * 100 < allowance * 80) return 'under';
  return used <= allowance ? 'near' : 'over';
};

/** `used` as a whole percentage of `allowance` (rounded down, so 99.9 % shows 99 %), or null. */
export const shareOf = (used: number, allowance: number | null): number | null => (allowance === null || allowance <= 0 ? null : Math.floor((used * 100) / allowance));

/** One stretch of a month with one allowance: from its first day (day of the month, 1-based) until the next stretch. */
export type AllowanceStretch = { fromDay: number; allowance: number | null };

/**
 * A month's allowance pro rata: each stretch (a bundle held from a day on) counts for its days of the
 * month; days before the first stretch (the line was not live yet) count for nothing. A line without
 * an allowance in any stretch has none (null). Rounded down to whole units.
 */
export const proRataAllowance = (stretches: readonly AllowanceStretch[], daysInMonth: number): number | null => {
  const sorted = [...stretches].filter((s) => s.fromDay <= daysInMonth).sort((a, b) => a.fromDay - b.fromDay);
  if (sorted.length === 0 || sorted.every((s) => s.allowance === null)) return null;
  let total = 0;
  sorted.forEach((s, i) => {
    const until = i + 1 < sorted.length ? sorted[i + 1]!.fromDay : daysInMonth + 1;
    total += ((s.allowance ?? 0) * (until - Math.max(1, s.fromDay))) / daysInMonth;
  });
  return Math.floor(total);
};
