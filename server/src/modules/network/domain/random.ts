/**
 * Seedable randomness for the network simulator. Math.random cannot be replayed, and a test that
 * injects faults must fail the same way on every run: with the same seed, the same calls get the
 * same faults and the same durations.
 */

/** A generator of numbers in [0, 1) — one draw per call. */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for simulated delays and faults (not for secrets). */
export const seededRandom = (seed: number): Random => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** FNV-1a over UTF-16 code units, mixed with a seed: turns a request's key into a 32-bit seed. */
export const hashToSeed = (seed: number, text: string) => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
};

/**
 * The randomness of one request, from the run's seed and the request's idempotency key: a request
 * gets the same duration whichever instance takes it and in whatever order calls interleave.
 */
export const randomForKey = (seed: number, idempotencyKey: string): Random => seededRandom(hashToSeed(seed, idempotencyKey));
