import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideFault, type Fault } from './faults.js';
import { hashToSeed, randomForKey, seededRandom } from './random.js';

const draw = (seed: number, n: number, rates: { errorRate: number; timeoutRate: number }) => {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => decideFault(random, rates));
};
const share = (faults: Fault[], test: (f: Fault) => boolean) => faults.filter(test).length / faults.length;

describe('seeded randomness', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 20; i += 1) {
          const x = a();
          expect(b()).toBe(x);
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThan(1);
        }
      }),
    );
  });

  it('differs between seeds and between keys', () => {
    expect(seededRandom(1)()).not.toBe(seededRandom(2)());
    expect(randomForKey(1, 'provision:a')()).not.toBe(randomForKey(1, 'provision:b')());
    expect(randomForKey(1, 'provision:a')()).toBe(randomForKey(1, 'provision:a')());
    expect(hashToSeed(1, 'x')).not.toBe(hashToSeed(2, 'x'));
  });
});

describe('injected faults', () => {
  it('never strike at rates of 0, always at a rate of 1', () => {
    expect(draw(3, 1000, { errorRate: 0, timeoutRate: 0 }).every((f) => f.kind === 'none')).toBe(true);
    expect(draw(3, 1000, { errorRate: 1, timeoutRate: 0 }).every((f) => f.kind === 'unavailable')).toBe(true);
    expect(draw(3, 1000, { errorRate: 0, timeoutRate: 1 }).every((f) => f.kind === 'timeout')).toBe(true);
  });

  it('strike at the configured rates, timeouts taking effect half of the time', () => {
    const faults = draw(2024, 20_000, { errorRate: 0.3, timeoutRate: 0.2 });
    expect(share(faults, (f) => f.kind === 'unavailable')).toBeCloseTo(0.3, 1);
    expect(share(faults, (f) => f.kind === 'timeout')).toBeCloseTo(0.2, 1);
    expect(share(faults, (f) => f.kind === 'timeout' && f.tookEffect)).toBeCloseTo(0.1, 1);
  });

  it('are the same sequence for the same seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        expect(draw(seed, 50, { errorRate: 0.3, timeoutRate: 0.3 })).toEqual(draw(seed, 50, { errorRate: 0.3, timeoutRate: 0.3 }));
      }),
      { numRuns: 50 },
    );
  });
});
