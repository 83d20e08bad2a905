import type { RefusalReason } from './porting-rules.js';

/** The kinds of request the simulated network keeps, one per gateway call that changes something. */
export const SIMULATOR_REQUEST_KINDS = ['provision_sim', 'release_sim', 'port_in', 'move_number', 'suspend_line', 'resume_line', 'bar_line', 'unbar_line', 'swap_sim', 'set_barring'] as const;
export type SimulatorRequestKind = (typeof SIMULATOR_REQUEST_KINDS)[number];

/** The simulated network's final answer to a request, fixed when the request arrives. */
export type SimulatorOutcome = { status: 'done' } | { status: 'refused'; reason: RefusalReason; message: string };

/**
 * A request's fields in one canonical string: a retry carrying the same key must be the same
 * request, whatever order the fields came in (jsonb does not keep it) and whether an absent
 * optional field was left out or sent as undefined.
 */
export const canonicalPayload = (payload: Readonly<Record<string, string | undefined>>) =>
  JSON.stringify(
    Object.keys(payload)
      .filter((k) => payload[k] !== undefined)
      .sort()
      .map((k) => [k, payload[k]]),
  );
