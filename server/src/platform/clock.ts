/**
 * The portal's one clock. Use cases read the time from it (never `new Date()` for a business date),
 * so that a test can set or move it. Job delays stay on real time: pg-boss compares them with the
 * database's own clock.
 */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets and moves by hand; it stands still in between. */
export type MovableClock = Clock & { set(at: Date): void; advance(ms: number): void };

export const movableClock = (start: Date = new Date()): MovableClock => {
  let at = start.getTime();
  return {
    now: () => new Date(at),
    set: (d) => {
      at = d.getTime();
    },
    advance: (ms) => {
      at += ms;
    },
  };
};
