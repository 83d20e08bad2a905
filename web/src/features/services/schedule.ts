import { brusselsLocalToIso, isoToBrusselsLocal } from '../../shared/time/brussels';

// When a service may be scheduled to start: a Brussels time (shared/time/brussels.ts) from now to
// 90 days ahead. The server checks the same again.

/** The latest start the server accepts (contract: at most 90 days ahead). */
export const MAX_SCHEDULE_DAYS = 90;

export type ScheduleProblem = 'required' | 'invalid' | 'past' | 'too_far';

/** Why a typed start time cannot be used (the server checks again), or null. */
export const scheduleProblem = (local: string, now = Date.now()): ScheduleProblem | null => {
  if (!local) return 'required';
  const iso = brusselsLocalToIso(local);
  if (!iso) return 'invalid';
  const at = Date.parse(iso);
  if (at <= now) return 'past';
  if (at > now + MAX_SCHEDULE_DAYS * 24 * 3_600_000) return 'too_far';
  return null;
};

/** min/max attributes for the input: from now to 90 days ahead. */
export const scheduleBounds = (now = Date.now()) => ({
  min: isoToBrusselsLocal(now),
  max: isoToBrusselsLocal(now + MAX_SCHEDULE_DAYS * 24 * 3_600_000),
});
