import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql } from 'drizzle-orm';
import { usageFeeds } from '../../db/schema.js';
import type { Db, Queryable } from '../../platform/db.js';
import type { UsageRecord } from '../network/index.js';

/**
 * Loading a usage file: the only writer of usage_records, usage_monthly and usage_company_daily.
 * A file goes in by COPY into a staging table of the loading transaction, then in one set-based
 * statement into the month's partition and the aggregates (no statement, trigger or update per row).
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

/** The name of a month's partition of usage_records (the loader writes there directly, without routing each row through the parent). */
const partitionOf = (month: string) => {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`not a month: ${month}`);
  return `usage_records_${month.replace('-', '_')}`;
};

/**
 * The month's partition of usage_records, created if missing. Two loaders of one month take turns
 * (an advisory lock for the transaction): CREATE … IF NOT EXISTS alone can still collide.
 */
export const ensureMonthPartition = async (db: Db, month: string, nextMonth: string) => {
  if (!/^\d{4}-\d{2}$/.test(nextMonth)) throw new Error(`not a month: ${nextMonth}`);
  const name = partitionOf(month);
  const exists = (await db.execute(sql`select to_regclass(${name}) is not null as present`)) as unknown as { rows: { present: boolean }[] };
  if (exists.rows[0]?.present) return;
  // Its own short transaction: creating a partition locks the whole table, which a day's load must not hold.
  await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('usage_records partitions'))`);
    await tx.execute(sql.raw(`create table if not exists ${name} partition of usage_records for values from ('${month}-01') to ('${nextMonth}-01')`));
  });
};

/** The columns of a usage file, in the staging table's order. */
const STAGE_COLUMNS = 'msisdn, data_mb, voice_national_min, voice_international_min, sms, roaming_zone, roaming_data_mb, roaming_voice_min, out_of_bundle_cents';

/**
 * A file's records in COPY's text format, one line each: the values are numbers, E.164 numbers and
 * zone codes (checked by the gateway's schema), none of which needs escaping; \N is null.
 */
export const copyText = (records: readonly UsageRecord[]): string => {
  const out: string[] = new Array(records.length);
  for (let i = 0; i < records.length; i += 1) {
    const r = records[i]!;
    out[i] =
      `${r.msisdn}\t${r.dataMb}\t${r.voiceNationalMin}\t${r.voiceInternationalMin}\t${r.sms}\t${r.roamingZone ?? '\\N'}\t` +
      `${r.roamingDataMb}\t${r.roamingVoiceMin}\t${r.outOfBundleCents}\n`;
  }
  return out.join('');
};

/** What COPY is handed: only values the format needs no escaping for (anything else is refused, never loaded half-read). */
const SAFE = { msisdn: /^\+?\d{4,20}$/, zone: /^(eu|world)$/ };
const checkCopyable = (records: readonly UsageRecord[]) => {
  for (const r of records) {
    if (!SAFE.msisdn.test(r.msisdn) || (r.roamingZone !== null && !SAFE.zone.test(r.roamingZone))) throw new Error(`usage record not loadable: ${JSON.stringify(r)}`);
    for (const n of [r.dataMb, r.voiceNationalMin, r.voiceInternationalMin, r.sms, r.roamingDataMb, r.roamingVoiceMin, r.outOfBundleCents]) {
      if (!Number.isInteger(n)) throw new Error(`usage record not loadable: ${JSON.stringify(r)}`);
    }
  }
};

/**
 * The driver under a drizzle transaction, for what drizzle does not pass through: COPY. node-postgres
 * holds the transaction's pooled client, PGlite its transaction object (both as `session.client`).
 */
type PgClientLike = { query(q: unknown): unknown };
type PgliteTxLike = { query(text: string, params?: unknown[], options?: { blob?: Blob }): Promise<unknown> };
const driverOf = (tx: Queryable): { kind: 'postgres'; client: PgClientLike } | { kind: 'pglite'; client: PgliteTxLike } => {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client) throw new Error('no driver client under this transaction');
  // PGlite's transaction object has exec() and rollback(); node-postgres' client has neither rollback()
  return typeof (client as { rollback?: unknown }).rollback === 'function' ? { kind: 'pglite', client: client as PgliteTxLike } : { kind: 'postgres', client: client as PgClientLike };
};

/**
 * Puts a file's records into a staging table of the transaction (dropped at commit) with COPY, the
 * fastest way in on both drivers: COPY FROM STDIN on PostgreSQL (pg-copy-streams), COPY FROM
 * '/dev/blob' on PGlite (the file handed over as a Blob, in the same process).
 */
export const stageUsage = async (tx: Queryable, records: readonly UsageRecord[]) => {
  checkCopyable(records);
  // the sorts of a day's file in memory, not on disk
  await tx.execute(sql.raw("set local work_mem = '64MB'"));
  await tx.execute(
    sql.raw(`create temp table usage_stage (msisdn text not null, data_mb int not null, voice_national_min int not null, voice_international_min int not null,
      sms int not null, roaming_zone text, roaming_data_mb int not null, roaming_voice_min int not null, out_of_bundle_cents int not null) on commit drop`),
  );
  const text = copyText(records);
  const driver = driverOf(tx);
  if (driver.kind === 'pglite') {
    await driver.client.query(`copy usage_stage (${STAGE_COLUMNS}) from '/dev/blob'`, [], { blob: new Blob([text]) });
  } else {
    const { from } = await import('pg-copy-streams');
    const stream = driver.client.query(from(`copy usage_stage (${STAGE_COLUMNS}) from stdin`)) as NodeJS.WritableStream;
    await pipeline(Readable.from([Buffer.from(text)]), stream);
  }
  // the planner's row estimate for the join below (a temp table has no statistics until analysed)
  await tx.execute(sql.raw('analyze usage_stage'));
};

/**
 * Moves the staged file into usage_records and adds what was inserted to the monthly and daily
 * aggregates, in one statement: the aggregates take only rows this statement inserted (a record
 * already there adds nothing), so they stay equal to the sums of the records. Each number goes to
 * the service that held it that day; a number no service held is left out. Rows go in in the
 * primary key's order, so the index is written page after page, not at random. Returns how many
 * records found their service, and the companies they belong to.
 */
export const insertStagedUsage = async (
  q: Queryable,
  batch: { feedId: string; day: string; month: string; dayStart: Date; dayEnd: Date },
): Promise<{ matched: number; companies: string[] }> => {
  const result = (await q.execute(sql`
    with holder as (
      select distinct on (s.msisdn) s.msisdn, s.company_id, s.id
      from services s
      where s.msisdn in (select msisdn from usage_stage) and s.activated_at < ${batch.dayEnd} and (s.ended_at is null or s.ended_at > ${batch.dayStart})
      order by s.msisdn, s.activated_at desc
    ),
    ins as (
      insert into ${sql.raw(partitionOf(batch.month))} (company_id, service_id, usage_day, msisdn, data_mb, voice_national_min, voice_international_min, sms,
        roaming_zone, roaming_data_mb, roaming_voice_min, out_of_bundle_cents, feed_id)
      select h.company_id, h.id, ${batch.day}::date, r.msisdn, r.data_mb, r.voice_national_min, r.voice_international_min, r.sms,
        r.roaming_zone, r.roaming_data_mb, r.roaming_voice_min, r.out_of_bundle_cents, ${batch.feedId}
      from usage_stage r join holder h on h.msisdn = r.msisdn
      order by h.company_id, h.id
      on conflict do nothing
      returning company_id, service_id, data_mb, voice_national_min, voice_international_min, sms, roaming_zone, roaming_data_mb, roaming_voice_min, out_of_bundle_cents
    ),
    -- the month's rows of the lines already there are added to in one pass (a join, not a lookup per
    -- row; the table leaves room on its pages so that the new versions stay beside the old, HOT, with no
    -- new index entries); a line's first day of the month inserts its row
    months_before as (
      update usage_monthly m set
        data_mb = m.data_mb + i.data_mb,
        voice_national_min = m.voice_national_min + i.voice_national_min,
        voice_international_min = m.voice_international_min + i.voice_international_min,
        sms = m.sms + i.sms,
        roaming_data_mb = m.roaming_data_mb + i.roaming_data_mb,
        roaming_voice_min = m.roaming_voice_min + i.roaming_voice_min,
        roaming_days = m.roaming_days + (i.roaming_zone is not null)::int,
        out_of_bundle_cents = m.out_of_bundle_cents + i.out_of_bundle_cents
      from ins i
      where m.month = ${`${batch.month}-01`}::date and m.company_id = i.company_id and m.service_id = i.service_id
      returning m.company_id, m.service_id
    ),
    monthly as (
      insert into usage_monthly as m (company_id, month, service_id, data_mb, voice_national_min, voice_international_min, sms,
        roaming_data_mb, roaming_voice_min, roaming_days, out_of_bundle_cents)
      select company_id, ${`${batch.month}-01`}::date, service_id, data_mb, voice_national_min, voice_international_min, sms,
        roaming_data_mb, roaming_voice_min, (roaming_zone is not null)::int, out_of_bundle_cents
      from ins
      where not exists (select 1 from months_before b where b.company_id = ins.company_id and b.service_id = ins.service_id)
      -- another loader of the same month may have inserted the row since this statement's snapshot
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
    select (select count(*) from ins)::int as inserted, (select count(*) from months_before)::int + (select count(*) from monthly)::int as monthly, (select count(*) from daily)::int as daily,
      (select coalesce(string_agg(distinct company_id::text, ','), '') from ins) as companies
  `)) as unknown as { rows: { inserted: number; companies: string }[] };
  const row = result.rows[0];
  return { matched: Number(row?.inserted ?? 0), companies: row?.companies ? row.companies.split(',') : [] };
};
