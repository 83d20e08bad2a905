/**
 * When to suggest another bundle: only when the last three whole months all say so. Too small:
 * every month over the data allowance; the suggestion is the cheapest bundle of the same kind that
 * would have held the largest month. Too large: every month under a third of it; the suggestion is
 * the cheapest bundle that still holds the largest month with a quarter to spare, if it costs less.
 */
export type CandidateBundle = { code: string; dataGb: number | null; monthlyPriceCents: number };

const mb = (b: CandidateBundle) => (b.dataGb === null ? null : Math.round(b.dataGb * 1024));

export const suggestBundle = (
  current: CandidateBundle,
  monthsDataMb: readonly number[],
  sameKind: readonly CandidateBundle[],
): { code: string; direction: 'larger' | 'smaller' } | null => {
  const allowance = mb(current);
  if (allowance === null || allowance <= 0 || monthsDataMb.length < 3) return null;
  const peak = Math.max(...monthsDataMb);
  const byPrice = [...sameKind].filter((b) => b.code !== current.code && mb(b) !== null).sort((a, b) => a.monthlyPriceCents - b.monthlyPriceCents || a.code.localeCompare(b.code));
  if (monthsDataMb.every((m) => m > allowance)) {
    const fits = byPrice.find((b) => mb(b)! >= peak && mb(b)! > allowance);
    const largest = [...byPrice].filter((b) => mb(b)! > allowance).sort((a, b) => mb(b)! - mb(a)!)[0];
    const to = fits ?? largest;
    return to ? { code: to.code, direction: 'larger' } : null;
  }
  if (monthsDataMb.every((m) => m * 3 < allowance)) {
    const to = byPrice.find((b) => mb(b)! * 4 >= peak * 5 && mb(b)! < allowance && b.monthlyPriceCents < current.monthlyPriceCents);
    return to ? { code: to.code, direction: 'smaller' } : null;
  }
  return null;
};
