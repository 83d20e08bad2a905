/**
 * An employee's request about one of their own lines (My lines), which the company's administrator
 * approves or refuses: a new eSIM for a new phone, or another bundle. One transition table; every
 * status change names an event from it, and the use cases refuse what it does not allow.
 *
 *   pending ──approve──▶ approved   (administrator: the line operation / bundle change runs then)
 *      │────refuse───▶ refused      (administrator, reason required)
 *      └────cancel───▶ cancelled    (the employee, while nobody decided)
 *
 * Not the owner's order approvals (a second administrator approving an order): those are another thing.
 */
export const EMPLOYEE_REQUEST_KINDS = ['new_esim', 'bundle_change'] as const;
export type EmployeeRequestKind = (typeof EMPLOYEE_REQUEST_KINDS)[number];

export const EMPLOYEE_REQUEST_STATUSES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export type EmployeeRequestStatus = (typeof EMPLOYEE_REQUEST_STATUSES)[number];

export type EmployeeRequestActor = 'employee' | 'administrator';

type Transition = { from: readonly EmployeeRequestStatus[]; to: EmployeeRequestStatus; by: EmployeeRequestActor; reason: 'required' | 'optional' };

export const EMPLOYEE_REQUEST_TRANSITIONS = {
  approve: { from: ['pending'], to: 'approved', by: 'administrator', reason: 'optional' },
  refuse: { from: ['pending'], to: 'refused', by: 'administrator', reason: 'required' },
  cancel: { from: ['pending'], to: 'cancelled', by: 'employee', reason: 'optional' },
} as const satisfies Record<string, Transition>;

export type EmployeeRequestEvent = keyof typeof EMPLOYEE_REQUEST_TRANSITIONS;
export const EMPLOYEE_REQUEST_EVENTS = Object.keys(EMPLOYEE_REQUEST_TRANSITIONS) as EmployeeRequestEvent[];

/** The longest reason kept (a refusal explains itself in a sentence or two). */
export const MAX_REASON_LENGTH = 1000;

export type EmployeeRequestDecision =
  | { ok: true; to: EmployeeRequestStatus; reason: string | null }
  /** not from this status (409): decided or cancelled already */
  | { ok: false; kind: 'illegal' }
  /** not this person's event (403) */
  | { ok: false; kind: 'forbidden' }
  /** a refusal without its reason (422) */
  | { ok: false; kind: 'invalid'; field: 'reason'; rule: 'required' | 'too_long' };

/** Whether `by` may fire `event` on a request in `status`, and with what reason. */
export const decideEmployeeRequest = (status: EmployeeRequestStatus, event: EmployeeRequestEvent, by: EmployeeRequestActor, reason?: string | null): EmployeeRequestDecision => {
  const t: Transition = EMPLOYEE_REQUEST_TRANSITIONS[event];
  if (t.by !== by) return { ok: false, kind: 'forbidden' };
  if (!t.from.includes(status)) return { ok: false, kind: 'illegal' };
  const trimmed = reason?.trim() ? reason.trim() : null;
  if (t.reason === 'required' && !trimmed) return { ok: false, kind: 'invalid', field: 'reason', rule: 'required' };
  if (trimmed && trimmed.length > MAX_REASON_LENGTH) return { ok: false, kind: 'invalid', field: 'reason', rule: 'too_long' };
  return { ok: true, to: t.to, reason: trimmed };
};

export const isPending = (status: EmployeeRequestStatus) => status === 'pending';
