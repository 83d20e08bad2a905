import type { Random } from './random.js';

/** The pieces of work the simulated network does, each with its own real-world duration. */
export type SimulatedWork = 'provision_physical' | 'provision_esim' | 'port_in' | 'port_in_refusal' | 'move_number' | 'release_sim' | 'line_state' | 'swap_physical' | 'swap_esim';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Real durations, from the activation guide (seeds/activate-sim-*.txt): most requests finish within
 * the typical window, a few drag on up to the longest the guide promises.
 */
export const REAL_DURATIONS: Record<SimulatedWork, { typicalMs: readonly [number, number]; longestMs: number }> = {
  // "Activation typically takes 1 hour but may take up to 2 days in some cases."
  provision_physical: { typicalMs: [30 * MINUTE, 90 * MINUTE], longestMs: 48 * HOUR },
  // "For new numbers, activation may take a few hours."
  provision_esim: { typicalMs: [1 * HOUR, 4 * HOUR], longestMs: 8 * HOUR },
  // "If porting an existing number, the process can take up to 48 hours."
  port_in: { typicalMs: [4 * HOUR, 24 * HOUR], longestMs: 48 * HOUR },
  // A donor refuses on its first look at the details, well before a port would complete.
  port_in_refusal: { typicalMs: [15 * MINUTE, 2 * HOUR], longestMs: 24 * HOUR },
  // A number moving between two of the operator's own SIMs: minutes.
  move_number: { typicalMs: [1 * MINUTE, 10 * MINUTE], longestMs: 30 * MINUTE },
  // Releasing a SIM needs no answer from anyone.
  release_sim: { typicalMs: [0, 0], longestMs: 0 },
  // Suspending, resuming, barring a line: a switch on the operator's own network, seconds.
  line_state: { typicalMs: [2_000, 20_000], longestMs: 2 * MINUTE },
  // A replacement SIM on a known number: minutes; an eSIM profile is prepared for download first.
  swap_physical: { typicalMs: [2 * MINUTE, 15 * MINUTE], longestMs: 2 * HOUR },
  swap_esim: { typicalMs: [5 * MINUTE, 30 * MINUTE], longestMs: 4 * HOUR },
};

/** Share of requests that take longer than typical (up to the longest). */
export const SLOW_SHARE = 0.1;

/** A real duration for `work`: within the typical window, or for SLOW_SHARE of requests beyond it. */
export const realDurationMs = (work: SimulatedWork, random: Random) => {
  const { typicalMs: [low, high], longestMs } = REAL_DURATIONS[work];
  const slow = random() < SLOW_SHARE;
  const u = random();
  return Math.round(slow ? high + u * (longestMs - high) : low + u * (high - low));
};

/**
 * The simulator's time scale: 1 runs in real time, 0 answers at once (tests), and the demo's
 * 0.0005 turns an hour into under two seconds.
 */
export const scaleDuration = (realMs: number, timeScale: number) => Math.round(realMs * timeScale);
