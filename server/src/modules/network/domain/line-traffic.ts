/**
 * Which days a line carried traffic, from the network's suspensions and bars: a line suspended or
 * barred at any moment of a day has no usage that day (the network cut it, and a daily file holds
 * whole days). The same replay as `lineStatus`, over days instead of now.
 */
export type LineStateEvent = { kind: 'suspend_line' | 'resume_line' | 'bar_line' | 'unbar_line'; at: Date };

/** Whether the line carried traffic over [start, end), given its events in any order. */
export const carriesTraffic = (events: readonly LineStateEvent[], start: Date, end: Date): boolean => {
  let suspended = false;
  let barred = false;
  for (const e of [...events].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    if (e.at >= end) break;
    // after the day began: it was cut until now, or is cut from now (at midnight itself, the event just sets the day's state)
    if (e.at > start && (suspended || barred || e.kind === 'suspend_line' || e.kind === 'bar_line')) return false;
    if (e.kind === 'suspend_line' || e.kind === 'resume_line') suspended = e.kind === 'suspend_line';
    else barred = e.kind === 'bar_line';
  }
  return !suspended && !barred;
};
