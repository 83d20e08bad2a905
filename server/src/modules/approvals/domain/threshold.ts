/**
 * The company's approval rule: an order waits for a second person when its monthly recurring amount
 * (euro cents, excluding VAT) is strictly above the threshold the owner set. Exactly the threshold
 * does not wait; a downgrade (a negative amount) never does; no threshold means approvals are off.
 */
export const MAX_THRESHOLD_CENTS = 100_000_000;

export const needsApproval = (thresholdCents: number | null, monthlyAmountCents: number): boolean =>
  thresholdCents !== null && monthlyAmountCents > thresholdCents;
