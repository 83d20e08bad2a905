import { describe, expect, test } from 'vitest';
import { waitingRefetchInterval } from './api';

const NOW = Date.parse('2026-06-15T10:00:00Z');
const at = (offsetMs: number) => ({ scheduledStartAt: new Date(NOW + offsetMs).toISOString() });

describe('the waiting list follows scheduled starts', () => {
  test('nothing scheduled: no asking again', () => {
    expect(waitingRefetchInterval([], NOW)).toBe(false);
    expect(waitingRefetchInterval([{ scheduledStartAt: null }], NOW)).toBe(false);
  });

  test('a start due within a minute, or past and still listed: every few seconds', () => {
    expect(waitingRefetchInterval([at(30_000)], NOW)).toBe(5_000);
    expect(waitingRefetchInterval([at(-10_000), { scheduledStartAt: null }], NOW)).toBe(5_000);
  });

  test('the next start further away: once a minute', () => {
    expect(waitingRefetchInterval([at(3 * 3_600_000), at(90_000)], NOW)).toBe(60_000);
  });
});
