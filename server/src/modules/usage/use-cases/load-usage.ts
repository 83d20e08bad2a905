import type { Deps } from '../../../deps.js';
import { QUEUES } from '../../../jobs/queues.js';
import type { NetworkGateway } from '../../network/index.js';
import { brusselsDay, brusselsMidnight, firstDayOfMonth, monthOfDay, nextDay } from '../../../platform/calendar.js';
import { addMonths } from '../domain/months.js';
import { claimFeed, ensureMonthPartition, insertStagedUsage, isFeedLoaded, loadedDays, setFeedUnmatched, stageUsage } from '../usage-load.repository.js';

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
    await stageUsage(tx, feed.records);
    const { matched, companies } = await insertStagedUsage(tx, { feedId: feed.feedId, day: feed.day, month, dayStart, dayEnd });
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
