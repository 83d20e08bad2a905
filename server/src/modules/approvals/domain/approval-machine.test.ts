import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { APPROVAL_EVENTS, APPROVAL_STATUSES, decide, eventsFor, TRANSITIONS } from './approval-machine.js';
import { needsApproval } from './threshold.js';

const requester = { accountId: 'req', role: 'administrator' };
const owner = { accountId: 'own', role: 'owner' };
const pending = { status: 'pending' as const, requestedByAccountId: 'req' };

describe('approval transition table', () => {
  it('leads from pending only, to the four ends', () => {
    for (const event of APPROVAL_EVENTS) expect(TRANSITIONS[event].from).toEqual(['pending']);
    expect(APPROVAL_EVENTS.map((e) => TRANSITIONS[e].to).sort()).toEqual(['approved', 'cancelled', 'failed', 'rejected']);
  });

  it('lets another owner or administrator approve, never the requester', () => {
    expect(decide(pending, 'approve', owner, {})).toEqual({ ok: true, to: 'approved', reason: null });
    expect(decide(pending, 'approve', { accountId: 'adm2', role: 'administrator' }, {}).ok).toBe(true);
    expect(decide(pending, 'approve', requester, {})).toEqual({ ok: false, kind: 'own_request' });
    expect(decide(pending, 'reject', requester, { reason: 'no' })).toEqual({ ok: false, kind: 'own_request' });
    // even an owner who placed the order
    expect(decide({ status: 'pending', requestedByAccountId: 'own' }, 'approve', owner, {})).toEqual({ ok: false, kind: 'own_request' });
  });

  it('refuses the roles that do not decide', () => {
    for (const role of ['read_only', 'billing']) expect(decide(pending, 'approve', { accountId: 'x', role }, {})).toEqual({ ok: false, kind: 'forbidden' });
  });

  it('needs a reason to reject, trimmed and at most 1,000 characters', () => {
    expect(decide(pending, 'reject', owner, { reason: '  ' })).toEqual({ ok: false, kind: 'invalid', problems: [{ field: 'reason', rule: 'required' }] });
    expect(decide(pending, 'reject', owner, { reason: ' too dear ' })).toEqual({ ok: true, to: 'rejected', reason: 'too dear' });
    expect(decide(pending, 'reject', owner, { reason: 'x'.repeat(1001) })).toMatchObject({ ok: false, kind: 'invalid' });
  });

  it('lets only the requester cancel', () => {
    expect(decide(pending, 'cancel', requester, {})).toEqual({ ok: true, to: 'cancelled', reason: null });
    expect(decide(pending, 'cancel', owner, {})).toEqual({ ok: false, kind: 'not_requester' });
  });

  it('moves nothing once decided, whoever asks', () => {
    fc.assert(
      fc.property(fc.constantFrom(...APPROVAL_STATUSES.filter((s) => s !== 'pending')), fc.constantFrom(...APPROVAL_EVENTS), (status, event) => {
        const who = TRANSITIONS[event].by === 'requester' ? requester : owner;
        expect(decide({ status, requestedByAccountId: 'req' }, event, who, { reason: 'r' })).toEqual({ ok: false, kind: 'illegal' });
      }),
    );
  });

  it('offers each person their buttons', () => {
    expect(eventsFor(pending, owner)).toEqual(['approve', 'reject']);
    expect(eventsFor(pending, requester)).toEqual(['cancel']);
    expect(eventsFor(pending, { accountId: 'r', role: 'read_only' })).toEqual([]);
    expect(eventsFor({ ...pending, status: 'approved' }, owner)).toEqual([]);
  });
});

describe('threshold rule', () => {
  it('waits strictly above the amount, at its edges', () => {
    expect(needsApproval(5000, 5000)).toBe(false);
    expect(needsApproval(5000, 5001)).toBe(true);
    expect(needsApproval(5000, 4999)).toBe(false);
    expect(needsApproval(0, 1)).toBe(true);
    expect(needsApproval(0, 0)).toBe(false);
  });

  it('never holds with approvals off, nor a downgrade', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), (amount, threshold) => {
        expect(needsApproval(null, amount)).toBe(false);
        if (amount <= 0) expect(needsApproval(threshold, amount)).toBe(false);
        expect(needsApproval(threshold, amount)).toBe(amount > threshold);
      }),
    );
  });
});
