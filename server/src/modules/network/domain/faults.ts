import type { Random } from './random.js';

/**
 * Fault injection for the network simulator. Real gateways fail in two ways that callers must
 * tell apart from a refusal: the network says it is unavailable (nothing happened), or the call
 * times out (it may or may not have happened — only the idempotency key makes a retry safe).
 */
export type FaultRates = {
  /** Share of calls answered "unavailable", 0–1. */
  errorRate: number;
  /** Share of calls that time out, 0–1; errorRate + timeoutRate must not exceed 1. */
  timeoutRate: number;
};

export type Fault = { kind: 'none' } | { kind: 'unavailable' } | { kind: 'timeout'; tookEffect: boolean };

/**
 * One call's fate. One draw splits [0, 1) into unavailable, timeout and success, so each rate is
 * exactly the share of calls it names; a second draw decides whether a timed-out call went through
 * (half of them do: the caller cannot know which).
 */
export const decideFault = (random: Random, rates: FaultRates): Fault => {
  const u = random();
  if (u < rates.errorRate) return { kind: 'unavailable' };
  if (u < rates.errorRate + rates.timeoutRate) return { kind: 'timeout', tookEffect: random() < 0.5 };
  return { kind: 'none' };
};
