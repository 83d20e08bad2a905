import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { carriesTraffic, type LineStateEvent } from './line-traffic.js';

const start = new Date('2026-08-10T22:00:00Z'); // midnight in Brussels (summer time)
const end = new Date('2026-08-11T22:00:00Z');
const at = (iso: string) => new Date(iso);
const ev = (kind: LineStateEvent['kind'], iso: string): LineStateEvent => ({ kind, at: at(iso) });

describe('carriesTraffic', () => {
  it('carries a line the network never cut', () => {
    expect(carriesTraffic([], start, end)).toBe(true);
  });

  it('carries nothing on a day the line was cut at any moment', () => {
    expect(carriesTraffic([ev('suspend_line', '2026-08-11T21:59:59Z')], start, end)).toBe(false);
    expect(carriesTraffic([ev('bar_line', '2026-08-11T06:00:00Z'), ev('unbar_line', '2026-08-11T07:00:00Z')], start, end)).toBe(false);
    expect(carriesTraffic([ev('suspend_line', '2026-08-01T00:00:00Z'), ev('resume_line', '2026-08-11T12:00:00Z')], start, end)).toBe(false);
  });

  it('reads the edges of the day: a cut at midnight takes the whole day, a cut lifted at midnight gives it back', () => {
    expect(carriesTraffic([ev('suspend_line', '2026-08-10T22:00:00Z')], start, end)).toBe(false);
    expect(carriesTraffic([ev('suspend_line', '2026-08-09T10:00:00Z'), ev('resume_line', '2026-08-10T22:00:00Z')], start, end)).toBe(true);
    expect(carriesTraffic([ev('suspend_line', '2026-08-11T22:00:00Z')], start, end)).toBe(true);
  });

  it('needs both a resumption and an unbar when the line was suspended and barred', () => {
    const events = [ev('suspend_line', '2026-08-01T10:00:00Z'), ev('bar_line', '2026-08-02T10:00:00Z'), ev('resume_line', '2026-08-03T10:00:00Z')];
    expect(carriesTraffic(events, start, end)).toBe(false);
    expect(carriesTraffic([...events, ev('unbar_line', '2026-08-04T10:00:00Z')], start, end)).toBe(true);
  });

  it('does not depend on the order the events come in, nor on events after the day', () => {
    const kind = fc.constantFrom<LineStateEvent['kind']>('suspend_line', 'resume_line', 'bar_line', 'unbar_line');
    const event = fc.record({ kind, at: fc.date({ min: at('2026-08-01T00:00:00Z'), max: at('2026-08-20T00:00:00Z'), noInvalidDate: true }) });
    fc.assert(
      fc.property(fc.array(event, { maxLength: 8 }), fc.array(event, { maxLength: 3 }), (events, later) => {
        const shifted = later.map((e) => ({ ...e, at: new Date(end.getTime() + Math.abs(e.at.getTime() % 1e9)) }));
        const answer = carriesTraffic(events, start, end);
        expect(carriesTraffic([...events].reverse(), start, end)).toBe(answer);
        expect(carriesTraffic([...events, ...shifted], start, end)).toBe(answer);
      }),
    );
  });
});
