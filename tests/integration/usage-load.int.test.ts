import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkSimulator } from '../../server/src/modules/network/index.js';
import { loadUsageDay } from '../../server/src/modules/usage/use-cases/load-usage.js';
import { movableClock } from '../../server/src/platform/clock.js';
import type { Database } from '../../server/src/platform/db.js';
import { openTestDatabase } from '../support/harness.js';

// The usage feed and its loader on a real database, PGlite and PostgreSQL: a day's file goes in
// once whatever happens, the aggregates stay the sums of the records, and a line the network cut
// has no usage for the days it was cut. Days of August 2026, before the catch-up window of the
// demo's own start, so nothing else loads them.
describe(`usage loading (${process.env.TEST_DB})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  const clock = movableClock(new Date('2026-08-20T10:00:00Z'));
  let network: NetworkSimulator;
  const deps = () => ({ db: database.db, gateway: network });

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    network = new NetworkSimulator(database.db, { timeScale: 0, seed: 1, now: clock.now });
  });
  afterAll(async () => drop?.());

  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
  const one = async <T>(text: string, values: unknown[] = []) => (await q<T>(text, values))[0]!;

  /** Everything the loader wrote, to compare before and after a second load. */
  const snapshot = async () => ({
    records: await q(`select * from usage_records where usage_day < '2026-09-01' order by service_id, usage_day`),
    monthly: await q(`select * from usage_monthly where month = '2026-08-01' order by company_id, month, service_id`),
    daily: await q(`select * from usage_company_daily where usage_day < '2026-09-01' order by company_id, usage_day`),
    feeds: await q(`select feed_id, day, records, unmatched from usage_feeds where day < '2026-09-01' order by feed_id`),
  });

  it('loads a day of every line in service into its month partition, with aggregates equal to the records', async () => {
    const result = await loadUsageDay(deps(), '2026-08-03');
    const lines = await one<{ n: number }>(`select count(*)::int as n from services where msisdn is not null and activated_at < '2026-08-03' and (ended_at is null or ended_at > '2026-08-04')`);
    expect(result).toMatchObject({ feedId: 'usage-2026-08-03', loaded: true });
    expect(result.records).toBeGreaterThan(0);
    expect(result.matched).toBe(result.records);
    expect(result.records).toBeLessThanOrEqual(lines.n);

    const partitions = await q<{ name: string }>(`select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid where i.inhparent = 'usage_records'::regclass`);
    expect(partitions.map((p) => p.name)).toContain('usage_records_2026_08');
    expect(await one<{ n: number }>(`select count(*)::int as n from usage_records_2026_08`)).toEqual({ n: result.records });

    const sums = await one<{ data: number; cents: number; lines: number }>(`select sum(data_mb + roaming_data_mb)::int as data, sum(out_of_bundle_cents)::int as cents, count(*)::int as lines from usage_records where usage_day = '2026-08-03'`);
    const daily = await one<{ data: number; cents: number; lines: number }>(`select sum(data_mb)::int as data, sum(out_of_bundle_cents)::int as cents, sum(lines)::int as lines from usage_company_daily where usage_day = '2026-08-03'`);
    expect(daily).toEqual(sums);
    const monthly = await one<{ cents: number; lines: number }>(`select sum(out_of_bundle_cents)::int as cents, count(*)::int as lines from usage_monthly where month = '2026-08-01'`);
    expect(monthly).toEqual({ cents: sums.cents, lines: sums.lines });
  });

  it('changes nothing when the same file is loaded again, one after the other or at the same time', async () => {
    await loadUsageDay(deps(), '2026-08-04');
    const before = await snapshot();
    const again = await loadUsageDay(deps(), '2026-08-04');
    expect(again.loaded).toBe(false);
    const [a, b] = await Promise.all([loadUsageDay(deps(), '2026-08-05'), loadUsageDay(deps(), '2026-08-05')]);
    expect([a.loaded, b.loaded].filter(Boolean)).toHaveLength(1);
    const once = await snapshot();
    await loadUsageDay(deps(), '2026-08-05');
    expect(await snapshot()).toEqual(once);
    const ofDay = (records: Record<string, unknown>[]) => records.filter((r) => r.feed_id === 'usage-2026-08-04');
    expect(ofDay(once.records)).toEqual(ofDay(before.records));
    expect(once.feeds.map((f) => f.feed_id)).toEqual(['usage-2026-08-03', 'usage-2026-08-04', 'usage-2026-08-05']);
  });

  /** The aggregates as the loader keeps them, and as the records sum up: they must be equal. */
  const aggregatesAndRecords = async () => ({
    monthly: await q(`select company_id, service_id, data_mb::int, voice_national_min::int, voice_international_min::int, sms::int, roaming_data_mb::int,
        roaming_voice_min::int, roaming_days, out_of_bundle_cents::int from usage_monthly where month = '2026-08-01' order by company_id, service_id`),
    monthlyFromRecords: await q(`select company_id, service_id, sum(data_mb)::int as data_mb, sum(voice_national_min)::int as voice_national_min,
        sum(voice_international_min)::int as voice_international_min, sum(sms)::int as sms, sum(roaming_data_mb)::int as roaming_data_mb,
        sum(roaming_voice_min)::int as roaming_voice_min, count(roaming_zone)::int as roaming_days, sum(out_of_bundle_cents)::int as out_of_bundle_cents
        from usage_records where usage_day between '2026-08-01' and '2026-08-31' group by company_id, service_id order by company_id, service_id`),
    daily: await q(`select company_id, usage_day::text, lines, data_mb::int, voice_min::int, sms::int, roaming_data_mb::int, out_of_bundle_cents::int
        from usage_company_daily where usage_day between '2026-08-01' and '2026-08-31' order by company_id, usage_day`),
    dailyFromRecords: await q(`select company_id, usage_day::text, count(*)::int as lines, sum(data_mb + roaming_data_mb)::int as data_mb,
        sum(voice_national_min + voice_international_min + roaming_voice_min)::int as voice_min, sum(sms)::int as sms, sum(roaming_data_mb)::int as roaming_data_mb,
        sum(out_of_bundle_cents)::int as out_of_bundle_cents from usage_records where usage_day between '2026-08-01' and '2026-08-31' group by company_id, usage_day order by company_id, usage_day`),
  });

  it('keeps the aggregates equal to the records after a file loaded twice and a second file for the same days', async () => {
    // a first file with half of a day's records, then the operator's corrected file for the same day (another file, all records)
    const full = await network.usageFeed('2026-08-06');
    const half = { ...full, feedId: 'usage-2026-08-06-partial', records: full.records.filter((_, i) => i % 2 === 0) };
    const corrected = { ...full, feedId: 'usage-2026-08-06-corrected' };
    const feeds = [half, half, corrected, corrected];
    for (const feed of feeds) await loadUsageDay({ db: database.db, gateway: { usageFeed: async () => feed } }, feed.day);
    // the day's own file too, once more for a day already loaded
    await loadUsageDay(deps(), '2026-08-06');
    await loadUsageDay(deps(), '2026-08-04');

    const state = await aggregatesAndRecords();
    expect(state.monthly.length).toBeGreaterThan(0);
    expect(state.monthly).toEqual(state.monthlyFromRecords);
    expect(state.daily).toEqual(state.dailyFromRecords);
    const day = await one<{ n: number }>(`select count(*)::int as n from usage_records where usage_day = '2026-08-06'`);
    expect(day.n).toBe(full.records.length);
    // the first (partial) file's records are the ones kept; the corrected file added only the others
    const kept = await one<{ partial: number; corrected: number }>(
      `select count(*) filter (where feed_id = 'usage-2026-08-06-partial')::int as partial, count(*) filter (where feed_id = 'usage-2026-08-06-corrected')::int as corrected from usage_records where usage_day = '2026-08-06'`,
    );
    expect(kept).toEqual({ partial: half.records.length, corrected: full.records.length - half.records.length });
  });

  it('has no usage on the days the network suspended or barred a line, and usage again once it carries traffic', async () => {
    const line = await one<{ msisdn: string; iccid: string }>(
      `select s.msisdn, c.iccid from services s join sim_cards c on c.service_id = s.id and c.company_id = s.company_id where s.status = 'active' and s.msisdn is not null order by s.msisdn limit 1`,
    );
    const has = async (day: string) => (await network.usageFeed(day)).records.some((r) => r.msisdn === line.msisdn);
    clock.set(new Date('2026-08-10T08:00:00Z'));
    await network.suspendLine({ idempotencyKey: 'usage-test-suspend', msisdn: line.msisdn, iccid: line.iccid });
    clock.set(new Date('2026-08-12T08:00:00Z'));
    await network.barLine({ idempotencyKey: 'usage-test-bar', msisdn: line.msisdn, iccid: line.iccid });
    await network.resumeLine({ idempotencyKey: 'usage-test-resume', msisdn: line.msisdn, iccid: line.iccid });
    clock.set(new Date('2026-08-14T08:00:00Z'));
    expect((await network.lineStatus(line.msisdn)).carriesTraffic).toBe(false);
    await network.unbarLine({ idempotencyKey: 'usage-test-unbar', msisdn: line.msisdn, iccid: line.iccid });
    expect((await network.lineStatus(line.msisdn)).carriesTraffic).toBe(true);
    clock.set(new Date('2026-08-20T08:00:00Z'));

    expect(await has('2026-08-09')).toBe(true);
    for (const day of ['2026-08-10', '2026-08-11', '2026-08-12', '2026-08-13', '2026-08-14']) expect(await has(day), day).toBe(false);
    expect(await has('2026-08-15')).toBe(true);
  });

  it('has no file for a day that is not over', async () => {
    clock.set(new Date('2026-08-20T08:00:00Z'));
    await expect(network.usageFeed('2026-08-20')).rejects.toThrow(/not final/);
  });
});
