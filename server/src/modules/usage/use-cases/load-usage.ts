import type { Deps } from '../../../deps.js';
import { QUEUES } from '../../../jobs/queues.js';
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
/**
 * `jobs` queues the usage alerts of each company the file touched (one `usage.alerts` job each, in
 * the loading transaction: a file loaded is a file evaluated). Bulk tools without a job queue (the
 * benchmark, the tests' template) load without alerts.
 */
type LoadDeps = Pick<Deps, 'db'> & Partial<Pick<Deps, 'jobs'>> & { gateway: Pick<NetworkGateway, 'usageFeed'> };

export const loadUsageDay = async (deps: LoadDeps, day: string): Promise<LoadResult> => {
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
    const companies = new Set<string>();
    for (let i = 0; i < feed.records.length; i += LOAD_BATCH) {
      const batch = await insertUsageBatch(tx, { feedId: feed.feedId, day: feed.day, month, dayStart, dayEnd, records: feed.records.slice(i, i + LOAD_BATCH) });
      matched += batch.matched;
      for (const c of batch.companies) companies.add(c);
    }
    await setFeedUnmatched(tx, feed.feedId, feed.records.length - matched);
    if (deps.jobs) for (const companyId of companies) await deps.jobs.send(tx, QUEUES.usageAlerts, { companyId, month });
    return { ...base, loaded: true, matched };
  });
};

/** How far back a catch-up goes: this month and the three before it (a bundle suggestion reads three whole months). */
export const CATCH_UP_MONTHS = 3;

/**
 * Loads every day not loaded yet, from the first day of the month three months back to yesterday:
 * the daily run, and the catch-up after the portal was down.
 */
export const catchUpUsage = async (deps: Pick<Deps, 'db' | 'gateway' | 'clock'> & Partial<Pick<Deps, 'jobs'>>): Promise<LoadResult[]> => {
  const today = brusselsDay(deps.clock.now());
  const from = firstDayOfMonth(addMonths(monthOfDay(today), -CATCH_UP_MONTHS));
  const done = await loadedDays(deps.db, from, today);
  const results: LoadResult[] = [];
  for (let day = from; day < today; day = nextDay(day)) {
    if (!done.has(day)) results.push(await loadUsageDay(deps, day));
  }
  return results;
};
