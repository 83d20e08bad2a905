/**
 * Running a live line day to day: what can be asked of it and the rules of each request, free of
 * HTTP and database. The status each request moves the service to is the transition table's
 * (services/domain/lifecycle.ts); this module says what the network is asked to do about it.
 */
import type { BarringKind } from '../../network/domain/barring.js';
import type { ServiceStatus } from '../../services/domain/lifecycle.js';

export const LINE_OPERATION_KINDS = ['suspend', 'resume', 'bar', 'unbar', 'swap_sim', 'set_barring'] as const;
export type LineOperationKind = (typeof LINE_OPERATION_KINDS)[number];

export const LOSS_CAUSES = ['lost', 'stolen'] as const;
export type LossCause = (typeof LOSS_CAUSES)[number];

export type SwapReason = 'lost' | 'stolen' | 'damaged' | 'new_phone';

/** Every request carries the try it belongs to: a retry after a failure is a new request to the network (a new key). */
export type LineOperationDetails = { attempt?: number } & LineOperationRequest;
export type LineOperationRequest =
  | { kind: 'suspend'; reason: string; until: string | null }
  | { kind: 'resume'; automatic: boolean }
  | { kind: 'bar'; cause: LossCause; reportedBy: 'administrator' | 'employee' }
  | { kind: 'unbar'; after: 'replacement' | 'found' }
  // toIccid null: the employee enters the new card's number from their personal link (nothing asked of the network until then)
  | { kind: 'swap_sim'; fromIccid: string; toIccid: string | null; toKind: 'physical' | 'esim' }
  // one kind of traffic barred or let again: by the administrator, at the roaming cap, the cap lifted, or a new month re-arming it
  | { kind: 'set_barring'; barring: BarringKind; barred: boolean; cause: BarringCause };

export type BarringCause = 'administrator' | 'roaming_cap' | 'roaming_cap_lifted' | 'new_month';

/** A line's barrings can change while it has its number and SIM on the network: active, suspended, or barred as lost. */
export const BARRING_STATUSES: readonly ServiceStatus[] = ['active', 'suspended', 'barred'];

/** The line's barrings after one is set or lifted, in a stable order; null when nothing changes. */
export const nextBarrings = <K extends string>(current: readonly K[], barring: K, barred: boolean, order: readonly K[]): K[] | null => {
  if (current.includes(barring) === barred) return null;
  const next = barred ? [...current, barring] : current.filter((k) => k !== barring);
  return order.filter((k) => next.includes(k));
};

/** A suspension's end is a day after today and at most a year away: a longer absence is a deletion. */
export const MAX_SUSPENSION_DAYS = 366;

export type SuspensionEndProblem = 'not_after_today' | 'too_far';

/** `until` and `today` are Brussels calendar days (YYYY-MM-DD); the line resumes at the start of `until`. */
export const checkSuspensionEnd = (until: string, today: string): SuspensionEndProblem | null => {
  if (until <= today) return 'not_after_today';
  const days = (Date.parse(`${until}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000;
  return days > MAX_SUSPENSION_DAYS ? 'too_far' : null;
};

/**
 * What a suspended line costs a month: the catalog's suspended price of its bundle (options
 * included), or — when the catalog names none — the full price, as the operator's terms say a
 * suspension does not stop the subscription.
 */
export const suspendedMonthlyPrice = (bundle: { monthlyPriceCents: number; suspendedMonthlyPriceCents: number | null }, optionsCents: number) =>
  bundle.suspendedMonthlyPriceCents ?? bundle.monthlyPriceCents + optionsCents;

/** The network work a request is carried out by, in order: a replacement of a barred line also lifts the bar once the new SIM is live. */
export const NETWORK_WORK = ['suspend', 'resume', 'bar', 'unbar', 'swap', 'release_old', 'barring'] as const;
export type LineNetworkWork = (typeof NETWORK_WORK)[number];

export const workOf = (kind: LineOperationKind): LineNetworkWork => (kind === 'swap_sim' ? 'swap' : kind === 'set_barring' ? 'barring' : kind);
