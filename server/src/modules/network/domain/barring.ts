/**
 * What a line can be barred from besides all traffic (a lost phone's bar): data and calls abroad,
 * premium-rate numbers (090x, 070x), calls to numbers abroad. Each is switched on the network on its
 * own; a line keeps its SIM and its other traffic.
 */
export const BARRING_KINDS = ['roaming', 'premium_rate', 'international'] as const;
export type BarringKind = (typeof BARRING_KINDS)[number];

export type BarringEvent = { barring: BarringKind; barred: boolean; at: Date };

/**
 * Whether a barring was in force at any moment of [start, end), from the network's events in any
 * order: a line barred from roaming for part of a day used no roaming that day (a daily file holds
 * whole days), as carriesTraffic rules for a whole line.
 */
export const barredDuring = (events: readonly BarringEvent[], barring: BarringKind, start: Date, end: Date): boolean => {
  let barred = false;
  for (const e of [...events].filter((x) => x.barring === barring).sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.at >= end) break;
    if (e.at > start && (barred || e.barred)) return true;
    barred = e.barred;
  }
  return barred;
};

/** The barrings in force after `events` (each the last word on its kind), in the order of BARRING_KINDS. */
export const barringsAfter = (events: readonly Omit<BarringEvent, 'at'>[]): BarringKind[] => {
  const state = new Map<BarringKind, boolean>();
  for (const e of events) state.set(e.barring, e.barred);
  return BARRING_KINDS.filter((k) => state.get(k) === true);
};
