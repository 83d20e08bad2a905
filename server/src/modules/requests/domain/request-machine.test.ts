import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, decide, eventsFor, isOpen, MAX_SCHEDULE_DAYS, REQUEST_EVENTS, REQUEST_ROLES, REQUEST_STATUSES, TRANSITIONS, type RequestEvent } from './request-machine.js';

const TODAY = '2026-05-14';
// what each event needs to pass, so that only the table's from/by decide the outcome below
const ENOUGH = { reason: 'Checked with the site manager', scheduledFor: '2026-06-01' };
const inputFor = (event: RequestEvent) => (TRANSITIONS[event].date === 'required' ? ENOUGH : { reason: ENOUGH.reason });

describe('request transition table', () => {
  it('answers every (status, event, role) triple from the table and nothing else', () => {
    for (const status of REQUEST_STATUSES)
      for (const event of REQUEST_EVENTS)
        for (const role of REQUEST_ROLES) {
          const t = TRANSITIONS[event];
          const d = decide(status, event, role, inputFor(event), TODAY);
          if (t.by !== role) expect(d, `${status} ${event} ${role}`).toEqual({ ok: false, kind: 'forbidden' });
          else if (!(t.from as readonly string[]).includes(status)) expect(d, `${status} ${event} ${role}`).toEqual({ ok: false, kind: 'illegal' });
          else expect(d, `${status} ${event} ${role}`).toMatchObject({ ok: true, to: t.to });
        }
  });

  it('follows submitted → in review → scheduled → done, operator staff only', () => {
    expect(decide('submitted', 'start_review', 'operator', {}, TODAY)).toMatchObject({ ok: true, to: 'in_review' });
    expect(decide('in_review', 'schedule', 'operator', { scheduledFor: '2026-05-20' }, TODAY)).toMatchObject({ ok: true, to: 'scheduled', scheduledFor: '2026-05-20' });
    expect(decide('scheduled', 'complete', 'operator', {}, TODAY)).toMatchObject({ ok: true, to: 'done' });
    expect(decide('submitted', 'schedule', 'operator', { scheduledFor: '2026-05-20' }, TODAY)).toEqual({ ok: false, kind: 'illegal' });
    expect(decide('in_review', 'complete', 'operator', {}, TODAY)).toEqual({ ok: false, kind: 'illegal' });
    expect(decide('submitted', 'start_review', 'admin', {}, TODAY)).toEqual({ ok: false, kind: 'forbidden' });
  });

  it('lets operator staff reject an open request, never without a reason', () => {
    for (const status of ['submitted', 'in_review', 'scheduled'] as const) {
      expect(decide(status, 'reject', 'operator', { reason: 'Not in contract' }, TODAY)).toMatchObject({ ok: true, to: 'rejected', reason: 'Not in contract' });
      expect(decide(status, 'reject', 'operator', { reason: '   ' }, TODAY)).toEqual({ ok: false, kind: 'invalid', problems: [{ field: 'reason', rule: 'required' }] });
      expect(decide(status, 'reject', 'admin', { reason: 'x' }, TODAY)).toEqual({ ok: false, kind: 'forbidden' });
    }
  });

  it('lets the administrator withdraw only while nobody handles the request', () => {
    expect(decide('submitted', 'withdraw', 'admin', {}, TODAY)).toMatchObject({ ok: true, to: 'withdrawn' });
    for (const status of REQUEST_STATUSES.filter((s) => s !== 'submitted')) expect(decide(status, 'withdraw', 'admin', {}, TODAY)).toEqual({ ok: false, kind: 'illegal' });
    expect(decide('submitted', 'withdraw', 'operator', {}, TODAY)).toEqual({ ok: false, kind: 'forbidden' });
  });

  it('has no way out of the closed statuses', () => {
    for (const status of ['done', 'rejected', 'withdrawn'] as const) {
      expect(isOpen(status)).toBe(false);
      for (const role of REQUEST_ROLES) expect(eventsFor(status, role)).toEqual([]);
    }
  });

  it('offers each role exactly its own events', () => {
    expect(eventsFor('submitted', 'admin')).toEqual(['withdraw']);
    expect(eventsFor('submitted', 'operator').sort()).toEqual(['reject', 'start_review']);
    expect(eventsFor('in_review', 'operator').sort()).toEqual(['reject', 'schedule']);
    expect(eventsFor('scheduled', 'operator').sort()).toEqual(['complete', 'reject', 'reschedule']);
    expect(eventsFor('in_review', 'admin')).toEqual([]);
  });

  it('needs a planned day from today up to the horizon for schedule and reschedule, and none elsewhere', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom<RequestEvent>('schedule', 'reschedule'), (offset, event) => {
        const day = addDays(TODAY, offset);
        const from = event === 'schedule' ? 'in_review' : 'scheduled';
        const d = decide(from, event, 'operator', { scheduledFor: day }, TODAY);
        if (offset < 0) expect(d).toEqual({ ok: false, kind: 'invalid', problems: [{ field: 'scheduledFor', rule: 'in_past' }] });
        else if (offset > MAX_SCHEDULE_DAYS) expect(d).toMatchObject({ ok: false, kind: 'invalid', problems: [{ field: 'scheduledFor', rule: 'too_far' }] });
        else expect(d).toEqual({ ok: true, to: 'scheduled', reason: null, scheduledFor: day });
      }),
    );
    expect(decide('in_review', 'schedule', 'operator', {}, TODAY)).toEqual({ ok: false, kind: 'invalid', problems: [{ field: 'scheduledFor', rule: 'required' }] });
    expect(decide('in_review', 'schedule', 'operator', { scheduledFor: '2026-02-30' }, TODAY)).toEqual({ ok: false, kind: 'invalid', problems: [{ field: 'scheduledFor', rule: 'invalid_format' }] });
    expect(decide('scheduled', 'complete', 'operator', { scheduledFor: '2026-06-01' }, TODAY)).toEqual({ ok: false, kind: 'invalid', problems: [{ field: 'scheduledFor', rule: 'not_applicable' }] });
  });
});
