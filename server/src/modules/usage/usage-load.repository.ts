import { sql } from 'drizzle-orm';
import { usageFeeds } from '../../db/schema.js';
import type { Db, Queryable } from '../../platform/db.js';
import type { UsageRecord } from '../network/index.js';

/**
 * Loading a usage file: the only writer of usage_records, usage_monthly and usage_company_daily.
 * Records go in by batches of tens of thousands, each column one array parameter (unnest), which
 * PostgreSQL and PGlite both take, with no limit on parameters and no statement per row.
 */

/** Claims a file: true when it was not loaded before. Inside the loading transaction, so a failed load leaves it unclaimed. */
export const claimFeed = async (q: Queryable, feed: { feedId: string; day: string; records: number }) => {
  const [row] = await q
    .insert(usageFeeds)
    .values({ feedId: feed.feedId, day: feed.day, records: feed.records, unmatched: 0 })
    .onConflictDoNothing({ target: usageFeeds.feedId })
    .returning({ feedId: usageFeeds.feedId });
  return row !== undefined;
};

export const setFeedUnmatched = (q: Queryable, feedId: string, unmatched: number) =>
  q.update(usageFeeds).set({ unmatched }).where(sql`${usageFeeds.feedId} = ${feedId}`);

export const isFeedLoaded = async (q: Queryable, feedId: string) => {
  const [row] = await q.select({ feedId: usageFeeds.feedId }).from(usageFeeds).where(sql`${usageFeeds.feedId} = ${feedId}`);
  return row !== undefined;
};

/** The days of [from, to] that have a loaded file. */
export const loadedDays = async (q: Queryable, from: string, to: string) => {
  const rows = await q
    .select({ day: usageFeeds.day })
    .from(usageFeeds)
    .where(sql`${usageFeeds.day} between ${from} and ${to}`);
  return new Set(rows.map((r) => r.day));
};

/**
 * The month's partition of usage_records, created if missing. Two loaders of one month take turns
 * (an advisory lock for the transaction): CREATE … IF NOT EXISTS alone can still collide.
 */
export const ensureMonthPartition = async (db: Db, month: string, nextMonth: string) => {
  if (!/^\d{4}-\d{2}$/.test(month) || !/^\d{4}-\d{2}$/.test(nextMonth)) throw new Error(`not a month: ${month}, ${nextMonth}`);
  const name = `usage_records_${month.replace('-', '_')}`;
  const exists = (await db.execute(sql`select to_regclass(${name}) is not null as present`)) as unknown as { rows: { present: boolean }[] };
  if (exists.rows[0]?.present) return;
  // Its own short transaction: creating a partition locks the whole table, which a day's load must not hold.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('usage_records partitions'))`);
    await tx.execute(sql.raw(`create table if not exists ${name} partition of usage_records for values from ('${month}-01') to ('${nextMonth}-01')`));
  });
};

/**
 * A column of a batch as a PostgreSQL array literal ('{1,2,3}'), bound as one text parameter and
 * cast: arrays of numbers parse faster than JSON, and both drivers pass a string as it is. The
 * values are numbers, E.164 numbers and zone codes, none of which needs quoting.
 */
const arrayLiteral = (values: readonly (number | string | null)[]) => `{${values.map((v) => (v === null ? 'NULL' : v)).join(',')}}`;

const columns = (records: readonly UsageRecord[]) => {
  const pick = <T extends number | string | null>(f: (r: UsageRecord) => T) => arrayLiteral(records.map(f));
  return {
    msisdn: pick((r) => r.msisdn),
    dataMb: pick((r) => r.dataMb),
    voiceNationalMin: pick((r) => r.voiceNationalMin),
    voiceInternationalMin: pick((r) => r.voiceInternationalMin),
    sms: pick((r) => r.sms),
    roamingZone: pick((r) => r.roamingZone),
    roamingDataMb: pick((r) => r.roamingDataMb),
    roamingVoiceMin: pick((r) => r.roamingVoiceMin),
    outOfBundleCents: pick((r) => r.outOfBundleCents),
  };
};

/**
 * Inserts one batch of a day's records and adds what was inserted to the monthly and daily
 * aggregates, in one statement: the aggregates take only rows this statement inserted (a record
 * already there adds nothing), so they stay equal to the sums of the records. Each number goes to
 * the service that held it that day; a number no service held is left out. Returns how many
 * records found their service, and the companies they belong to.
 */
export const insertUsageBatch = async (
  q: Queryable,
  batch: { feedId: string; day: string; month: string; dayStart: Date; dayEnd: Date; records: readonly UsageRecord[] },
): Promise<{ matched: number; companies: string[] }> => {
  const c = columns(batch.records);
  const result = (await q.execute(sql`
    with r as (
      select * from unnest(${c.msisdn}::text[], ${c.dataMb}::int[], ${c.voiceNationalMin}::int[], ${c.voiceInternationalMin}::int[], ${c.sms}::int[],
        ${c.roamingZone}::text[], ${c.roamingDataMb}::int[], ${c.roamingVoiceMin}::int[], ${c.outOfBundleCents}::int[])
        as r(msisdn, data_mb, voice_national_min, voice_international_min, sms, roaming_zone, roaming_data_mb, roaming_voice_min, out_of_bundle_cents)
    ),
    holder as (
      select distinct on (s.msisdn) s.msisdn, s.company_id, s.id
      from services s
      where s.msisdn in (select msisdn from r) and s.activated_at < ${batch.dayEnd} and (s.ended_at is null or s.ended_at > ${batch.dayStart})
      order by s.msisdn, s.activated_at desc
    ),
    ins as (
      insert into usage_records (company_id, service_id, usage_day, msisdn, data_mb, voice_national_min, voice_international_min, sms,
        roaming_zone, roaming_data_mb, roaming_voice_min, out_of_bundle_cents, feed_id)
      select h.company_id, h.id, ${batch.day}::date, r.msisdn, r.data_mb, r.voice_national_min, r.voice_international_min, r.sms,
        r.roaming_zone, r.roaming_data_mb, r.roaming_voice_min, r.out_of_bundle_cents, ${batch.feedId}
      from r join holder h on h.msisdn = r.msisdn
      on conflict do nothing
      returning *
    ),
    monthly as (
      insert into usage_monthly as m (company_id, month, service_id, data_mb, voice_national_min, voice_international_min, sms,
        roaming_data_mb, roaming_voice_min, roaming_days, out_of_bundle_cents)
      select company_id, ${`${batch.month}-01`}::date, service_id, data_mb, voice_national_min, voice_international_min, sms,
        roaming_data_mb, roaming_voice_min, (roaming_zone is not null)::int, out_of_bundle_cents
      from ins
      on conflict (company_id, month, service_id) do update set
        data_mb = m.data_mb + excluded.data_mb,
        voice_national_min = m.voice_national_min + excluded.voice_national_min,
        voice_international_min = m.voice_international_min + excluded.voice_international_min,
        sms = m.sms + excluded.sms,
        roaming_data_mb = m.roaming_data_mb + excluded.roaming_data_mb,
        roaming_voice_min = m.roaming_voice_min + excluded.roaming_voice_min,
        roaming_days = m.roaming_days + excluded.roaming_days,
        out_of_bundle_cents = m.out_of_bundle_cents + excluded.out_of_bundle_cents
      returning 1
    ),
    daily as (
      insert into usage_company_daily as d (company_id, usage_day, lines, data_mb, voice_min, sms, roaming_data_mb, out_of_bundle_cents)
      select company_id, ${batch.day}::date, count(*), sum(data_mb + roaming_data_mb), sum(voice_national_min + voice_international_min + roaming_voice_min),
        sum(sms), sum(roaming_data_mb), sum(out_of_bundle_cents)
      from ins group by company_id
      on conflict (company_id, usage_day) do update set
        lines = d.lines + excluded.lines,
        data_mb = d.data_mb + excluded.data_mb,
        voice_min = d.voice_min + excluded.voice_min,
        sms = d.sms + excluded.sms,
        roaming_data_mb = d.roaming_data_mb + excluded.roaming_data_mb,
        out_of_bundle_cents = d.out_of_bundle_cents + excluded.out_of_bundle_cents
      returning 1
    )
    select (select count(*) from ins)::int as inserted, (select count(*) from monthly)::int as monthly, (select count(*) from daily)::int as daily,
      (select coalesce(string_agg(distinct company_id::text, ','), '') from ins) as companies
  `)) as unknown as { rows: { inserted: number; companies: string }[] };
  const row = result.rows[0];
  return { matched: Number(row?.inserted ?? 0), companies: row?.companies ? row.companies.split(',') : [] };
};
