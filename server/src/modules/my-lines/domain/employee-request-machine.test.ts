import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideEmployeeRequest, EMPLOYEE_REQUEST_EVENTS, EMPLOYEE_REQUEST_STATUSES, EMPLOYEE_REQUEST_TRANSITIONS } from './employee-request-machine.js';

describe('employee request machine', () => {
  it('moves only out of pending, each event by its own person', () => {
    expect(decideEmployeeRequest('pending', 'approve', 'administrator')).toEqual({ ok: true, to: 'approved', reason: null });
    expect(decideEmployeeRequest('pending', 'refuse', 'administrator', '  too expensive ')).toEqual({ ok: true, to: 'refused', reason: 'too expensive' });
    expect(decideEmployeeRequest('pending', 'cancel', 'employee')).toEqual({ ok: true, to: 'cancelled', reason: null });
    expect(decideEmployeeRequest('pending', 'approve', 'employee')).toEqual({ ok: false, kind: 'forbidden' });
    expect(decideEmployeeRequest('pending', 'cancel', 'administrator')).toEqual({ ok: false, kind: 'forbidden' });
  });

  it('needs a reason to refuse', () => {
    expect(decideEmployeeRequest('pending', 'refuse', 'administrator', '   ')).toEqual({ ok: false, kind: 'invalid', field: 'reason', rule: 'required' });
    expect(decideEmployeeRequest('pending', 'refuse', 'administrator', 'x'.repeat(1001))).toMatchObject({ ok: false, rule: 'too_long' });
  });

  it('never leaves a closed status, whatever the event, person or reason', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...EMPLOYEE_REQUEST_STATUSES.filter((s) => s !== 'pending')),
        fc.constantFrom(...EMPLOYEE_REQUEST_EVENTS),
        fc.constantFrom('employee' as const, 'administrator' as const),
        fc.option(fc.string(), { nil: undefined }),
        (status, event, by, reason) => {
          const d = decideEmployeeRequest(status, event, by, reason);
          expect(d.ok).toBe(false);
          if (!d.ok && EMPLOYEE_REQUEST_TRANSITIONS[event].by === by) expect(d.kind).toBe('illegal');
        },
      ),
    );
  });
});
