import type { Deps } from '../../../deps.js';
import type { NetworkGateway } from '../../network/index.js';
import { brusselsDay, brusselsMidnight, firstDayOfMonth, monthOfDay, nextDay } from '../../../platform/calendar.js';
import { addMonths } from '../domain/months.js';
import { claimFeed, ensureMonthPartition, insertUsageBatch, isFeedLoaded, loadedDays, setFeedUnmatched } from '../usage-load.repository.js';

/**
 * Records per statement: each statement looks up the numbers' services in one pass over the
 * services table, so few large statements; small enough for PGlite's memory.
 */
export const LOAD_BATCH = 50_000;

export type LoadResult = { feedId: string; day: string; loaded: boolean; records: number; matched: number };

/**
 * Loads the network's usage file of one day, once: a file already loaded changes nothing, however
 * often it is loaded again (a retried job, two instances, a replayed day). The whole file goes in
 * one transaction with its aggregates.
 */
export const loadUsageDay = async (deps: Pick<Deps, 'db'> & { gateway: Pick<NetworkGateway, 'usageFeed'> }, day: string): Promise<LoadResult> => {
  const feed = await deps.gateway.usageFeed(day);
  const base = { feedId: feed.feedId, day: feed.day, records: feed.records.length };
  if (await isFeedLoaded(deps.db, feed.feedId)) return { ...base, loaded: false, matched: 0 };
  const month = monthOfDay(feed.day);
  await ensureMonthPartition(deps.db, month, addMonths(month, 1));
  const dayStart = brusselsMidnight(feed.day);
  const dayEnd = brusselsMidnight(nextDay(feed.day));
  return deps.db.transaction(async (tx) => {
    if (!(await claimFeed(tx, { feedId: feed.feedId, day: feed.day, records: feed.records.length }))) return { ...base, loaded: false, matched: 0 };
    let matched = 0;
    for (let i = 0; i < feed.records.length; i += LOAD_BATCH) {
      matched += await insertUsageBatch(tx, { feedId: feed.feedId, day: feed.day, month, dayStart, dayEnd, records: feed.records.slice(i, i + LOAD_BATCH) });
    }
    await setFeedUnmatched(tx, feed.feedId, feed.records.length - matched);
    return { ...base, loaded: true, matched };
  });
};

/** How far back a catch-up goes: this month and the three before it (a bundle suggestion reads three whole months). */
export const CATCH_UP_MONTHS = 3;

/**
 * Loads every day not loaded yet, from the first day of the month three months back to yesterday:
 * the daily run, and the catch-up after the portal was down.
 */
export const catchUpUsage = async (deps: Pick<Deps, 'db' | 'gateway' | 'clock'>): Promise<LoadResult[]> => {
  const today = brusselsDay(deps.clock.now());
  const from = firstDayOfMonth(addMonths(monthOfDay(today), -CATCH_UP_MONTHS));
  const done = await loadedDays(deps.db, from, today);
  const results: LoadResult[] = [];
  for (let day = from; day < today; day = nextDay(day)) {
    if (!done.has(day)) results.push(await loadUsageDay(deps, day));
  }
  return results;
};
