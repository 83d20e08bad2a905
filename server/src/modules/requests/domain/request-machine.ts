/**
 * The life of a MACD or support request as one transition table. Every status change of a request
 * names an event from here; the table says from which statuses the event may fire, where it leads,
 * who may fire it (the company's fleet administrator or operator staff) and what it needs (a reason,
 * a date). The use cases refuse anything the table does not allow and record each change.
 *
 *   submitted ──start_review──▶ in_review ──schedule──▶ scheduled ──complete──▶ done
 *       │                          │                     │  ▲ reschedule
 *       ├──────────reject──────────┴─────────────────────┴──────────▶ rejected   (operator, reason)
 *       └──withdraw──▶ withdrawn   (administrator, only while nobody handles it yet)
 */
export const REQUEST_STATUSES = ['submitted', 'in_review', 'scheduled', 'done', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const REQUEST_ROLES = ['admin', 'operator'] as const;
export type RequestRole = (typeof REQUEST_ROLES)[number];

type Transition = {
  from: readonly RequestStatus[];
  to: RequestStatus;
  by: RequestRole;
  /** the event says why (a rejection must explain itself to the administrator) */
  reason: 'required' | 'optional';
  /** the event sets the day the work is planned */
  date: 'required' | 'none';
};

export const TRANSITIONS = {
  start_review: { from: ['submitted'], to: 'in_review', by: 'operator', reason: 'optional', date: 'none' },
  schedule: { from: ['in_review'], to: 'scheduled', by: 'operator', reason: 'optional', date: 'required' },
  // a planned date can move (a technician's agenda changes); it stays a recorded change
  reschedule: { from: ['scheduled'], to: 'scheduled', by: 'operator', reason: 'optional', date: 'required' },
  complete: { from: ['scheduled'], to: 'done', by: 'operator', reason: 'optional', date: 'none' },
  reject: { from: ['submitted', 'in_review', 'scheduled'], to: 'rejected', by: 'operator', reason: 'required', date: 'none' },
  withdraw: { from: ['submitted'], to: 'withdrawn', by: 'admin', reason: 'optional', date: 'none' },
} as const satisfies Record<string, Transition>;

export type RequestEvent = keyof typeof TRANSITIONS;
export const REQUEST_EVENTS = Object.keys(TRANSITIONS) as RequestEvent[];

/** Statuses from which nothing moves any more. */
export const CLOSED_STATUSES: readonly RequestStatus[] = ['done', 'rejected', 'withdrawn'];
export const isOpen = (status: RequestStatus) => !CLOSED_STATUSES.includes(status);

export type TransitionInput = { reason?: string | null | undefined; scheduledFor?: string | null | undefined };
export type TransitionProblem = { field: string; rule: string; params?: Record<string, string | number> };

/** How far ahead work can be planned. */
export const MAX_SCHEDULE_DAYS = 730;

export type Decision =
  | { ok: true; to: RequestStatus; reason: string | null; scheduledFor: string | null }
  /** the event does not apply to this status (409) */
  | { ok: false; kind: 'illegal' }
  /** this role may not fire the event (403) */
  | { ok: false; kind: 'forbidden' }
  /** the event lacks what it needs (422) */
  | { ok: false; kind: 'invalid'; problems: TransitionProblem[] };

const addDays = (day: string, days: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
export const isIsoDay = (s: string) => ISO_DAY.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;

/**
 * Whether `role` may fire `event` on a request in `status`, and with what. `today` is the Brussels
 * calendar day (YYYY-MM-DD) of the caller's clock: a planned day may be today, never before it.
 */
export const decide = (status: RequestStatus, event: RequestEvent, role: RequestRole, input: TransitionInput, today: string): Decision => {
  const t: Transition = TRANSITIONS[event];
  if (t.by !== role) return { ok: false, kind: 'forbidden' };
  if (!t.from.includes(status)) return { ok: false, kind: 'illegal' };
  const problems: TransitionProblem[] = [];
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (t.reason === 'required' && !reason) problems.push({ field: 'reason', rule: 'required' });
  let scheduledFor: string | null = null;
  if (t.date === 'required') {
    const day = input.scheduledFor ?? null;
    if (!day) problems.push({ field: 'scheduledFor', rule: 'required' });
    else if (!isIsoDay(day)) problems.push({ field: 'scheduledFor', rule: 'invalid_format' });
    else if (day < today) problems.push({ field: 'scheduledFor', rule: 'in_past' });
    else if (day > addDays(today, MAX_SCHEDULE_DAYS)) problems.push({ field: 'scheduledFor', rule: 'too_far', params: { maximum: MAX_SCHEDULE_DAYS } });
    else scheduledFor = day;
  } else if (input.scheduledFor) problems.push({ field: 'scheduledFor', rule: 'not_applicable' });
  if (problems.length) return { ok: false, kind: 'invalid', problems };
  return { ok: true, to: t.to, reason, scheduledFor };
};

/** The events a role can fire from a status: what the pages offer as buttons. */
export const eventsFor = (status: RequestStatus, role: RequestRole): RequestEvent[] =>
  REQUEST_EVENTS.filter((e) => TRANSITIONS[e].by === role && (TRANSITIONS[e].from as readonly RequestStatus[]).includes(status));

/** Operator staff take a request (assign it to themselves) while it is open. */
export const canAssign = (status: RequestStatus) => isOpen(status);

export { addDays };
