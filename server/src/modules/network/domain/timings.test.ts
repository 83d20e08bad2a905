import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from './random.js';
import { REAL_DURATIONS, SLOW_SHARE, realDurationMs, scaleDuration, type SimulatedWork } from './timings.js';

const WORK = Object.keys(REAL_DURATIONS) as SimulatedWork[];
const HOUR = 3_600_000;

describe('simulated durations', () => {
  it('stay between the shortest typical and the longest duration the guide gives', () => {
    fc.assert(
      fc.property(fc.constantFrom(...WORK), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (work, seed) => {
        const { typicalMs, longestMs } = REAL_DURATIONS[work];
        const ms = realDurationMs(work, seededRandom(seed));
        expect(ms).toBeGreaterThanOrEqual(typicalMs[0]);
        expect(ms).toBeLessThanOrEqual(longestMs);
      }),
    );
  });

  it('are mostly typical: a physical SIM about an hour, a few beyond, none past two days', () => {
    const random = seededRandom(7);
    const samples = Array.from({ length: 5000 }, () => realDurationMs('provision_physical', random));
    const slow = samples.filter((ms) => ms > 1.5 * HOUR).length / samples.length;
    expect(slow).toBeGreaterThan(SLOW_SHARE - 0.02);
    expect(slow).toBeLessThan(SLOW_SHARE + 0.02);
    expect(Math.max(...samples)).toBeLessThanOrEqual(48 * HOUR);
    const sorted = [...samples].sort((a, b) => a - b);
    expect(sorted[samples.length / 2]).toBeGreaterThan(0.75 * HOUR);
    expect(sorted[samples.length / 2]).toBeLessThan(1.25 * HOUR);
  });

  it('follow the guide for eSIMs, port-ins and moves', () => {
    expect(REAL_DURATIONS.provision_esim.typicalMs[1]).toBeLessThanOrEqual(4 * HOUR);
    expect(REAL_DURATIONS.port_in.longestMs).toBe(48 * HOUR);
    expect(REAL_DURATIONS.move_number.longestMs).toBeLessThan(HOUR);
    expect(realDurationMs('release_sim', seededRandom(1))).toBe(0);
  });

  it('are the same for the same seed', () => {
    expect(realDurationMs('port_in', seededRandom(42))).toBe(realDurationMs('port_in', seededRandom(42)));
  });

  it('scale: 0 answers at once, 1 is real time, the demo turns an hour into under two seconds', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 48 * HOUR }), (ms) => {
        expect(scaleDuration(ms, 0)).toBe(0);
        expect(scaleDuration(ms, 1)).toBe(ms);
      }),
    );
    expect(scaleDuration(HOUR, 0.0005)).toBe(1800);
    expect(scaleDuration(48 * HOUR, 0.0005)).toBe(86_400);
  });
});
