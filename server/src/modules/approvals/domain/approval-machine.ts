/**
 * The life of an approval as one transition table. An order above the company's monthly threshold
 * waits as `pending`; another owner or administrator of the company approves it (the order then
 * runs through its own use case) or rejects it with a reason; the requester may cancel it. An
 * approved order that can no longer be carried out (its stock went to another order meanwhile)
 * ends `failed` with the reason, instead of `approved`.
 *
 *   pending ──approve──▶ approved      (owner or administrator, not the requester)
 *      │  └───fail────▶ failed        (the approver's order was refused: reason)
 *      ├────reject─────▶ rejected      (owner or administrator, not the requester; reason)
 *      └────cancel─────▶ cancelled     (the requester)
 */

export const APPROVAL_STATUSES = ['pending', 'approved', 'rejected', 'cancelled', 'failed'] as const;
export type ApprovalStatus = (typeof APPROVAL_STATUSES)[number];

export const APPROVAL_KINDS = ['new_service', 'bundle_change', 'bulk_import'] as const;
export type ApprovalKind = (typeof APPROVAL_KINDS)[number];

/** The order's validated input, as its use case takes it again on approval. */
export type ApprovalPayload =
  | { kind: 'new_service'; mobileUserId: string; input: Record<string, unknown> }
  | { kind: 'bundle_change'; serviceId: string; selection: { bundleCode: string; optionCodes: string[] } }
  | { kind: 'bulk_import'; importId: string };

/** Who fires an event: a decider is an owner or administrator other than the requester. */
type Who = 'decider' | 'requester';

type Transition = { from: readonly ApprovalStatus[]; to: ApprovalStatus; by: Who; reason: 'required' | 'optional' };

export const TRANSITIONS = {
  approve: { from: ['pending'], to: 'approved', by: 'decider', reason: 'optional' },
  fail: { from: ['pending'], to: 'failed', by: 'decider', reason: 'required' },
  reject: { from: ['pending'], to: 'rejected', by: 'decider', reason: 'required' },
  cancel: { from: ['pending'], to: 'cancelled', by: 'requester', reason: 'optional' },
} as const satisfies Record<string, Transition>;

export type ApprovalEvent = keyof typeof TRANSITIONS;
export const APPROVAL_EVENTS = Object.keys(TRANSITIONS) as ApprovalEvent[];

/** The company roles that decide approvals (roles.ts gives them `approvals.decide`). */
export const DECIDING_ROLES: readonly string[] = ['owner', 'administrator'];
export const MAX_REASON_LENGTH = 1000;

export type Caller = { accountId: string; role: string };

export type Decision =
  | { ok: true; to: ApprovalStatus; reason: string | null }
  /** the approval is no longer pending (409) */
  | { ok: false; kind: 'illegal' }
  /** the requester approving or rejecting their own order (403) */
  | { ok: false; kind: 'own_request' }
  /** someone other than the requester cancelling (403) */
  | { ok: false; kind: 'not_requester' }
  /** a role that does not decide approvals (403) */
  | { ok: false; kind: 'forbidden' }
  /** a reason missing or too long (422) */
  | { ok: false; kind: 'invalid'; problems: { field: string; rule: string; params?: Record<string, number> }[] };

/** Whether `caller` may fire `event` on an approval in `status` asked for by `requestedBy`, and with what. */
export const decide = (approval: { status: ApprovalStatus; requestedByAccountId: string }, event: ApprovalEvent, caller: Caller, input: { reason?: string | null }): Decision => {
  const t: Transition = TRANSITIONS[event];
  const isRequester = caller.accountId === approval.requestedByAccountId;
  if (t.by === 'decider') {
    if (!DECIDING_ROLES.includes(caller.role)) return { ok: false, kind: 'forbidden' };
    if (isRequester) return { ok: false, kind: 'own_request' };
  } else if (!isRequester) return { ok: false, kind: 'not_requester' };
  if (!t.from.includes(approval.status)) return { ok: false, kind: 'illegal' };
  const reason = input.reason?.trim() ? input.reason.trim() : null;
  if (t.reason === 'required' && !reason) return { ok: false, kind: 'invalid', problems: [{ field: 'reason', rule: 'required' }] };
  if (reason && reason.length > MAX_REASON_LENGTH) return { ok: false, kind: 'invalid', problems: [{ field: 'reason', rule: 'too_long', params: { maximum: MAX_REASON_LENGTH } }] };
  return { ok: true, to: t.to, reason };
};

/** What `caller` may do with an approval: the buttons a page offers. */
export const PERSON_EVENTS = ['approve', 'reject', 'cancel'] as const;
export type PersonEvent = (typeof PERSON_EVENTS)[number];

export const eventsFor = (approval: { status: ApprovalStatus; requestedByAccountId: string }, caller: Caller): PersonEvent[] =>
  PERSON_EVENTS.filter((e) => decide(approval, e, caller, { reason: 'x' }).ok);
