// Loading usage: a month of daily usage files for the 100,000-line fleet of bench/service-overview.ts
// (one company of 20,000 lines, 40 of 2,000), about 3 million records, through the loader the job
// runs (modules/usage/use-cases/load-usage.ts): records, partitions, monthly and daily aggregates.
// The files are drawn beforehand by the simulator's generator (not timed); a second load of every
// day shows what an idempotent replay costs.
// Target (issue 16): ≥ 100,000 records/s on PostgreSQL; PGlite measured beside it.
// Usage: npm run bench:usage-ingest -- [pglite|postgres|both] [days, default 30]
import { seedOperatorBase } from '../server/src/db/seed/demo.js';
import { brusselsMidnight } from '../server/src/platform/calendar.js';
import type { UsageFeed, UsageRecord } from '../server/src/modules/network/index.js';
import { ratedLine, usageOfMonthUpTo } from '../server/src/modules/network/domain/usage-generator.js';
import { loadUsageDay } from '../server/src/modules/usage/use-cases/load-usage.js';
import { openBenchDatabase, seedFleet } from './service-overview.js';

const MONTH = '2026-11';
const SEED = 20_260_601;

const run = async (kind: 'pglite' | 'postgres', dayCount: number) => {
  const { database, drop } = await openBenchDatabase(kind);
  try {
    await seedOperatorBase(database.db);
    await seedFleet(database);
    const sql = async <T>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
    const lines = await sql<{ msisdn: string; data_gb: string | null; call_minutes: number | null; option_codes: string[] }>(
      `select distinct on (s.msisdn) s.msisdn, b.data_gb, b.call_minutes, s.option_codes from services s join bundles b on b.code = s.bundle_code
        where s.msisdn is not null and s.activated_at < $1 and (s.ended_at is null or s.ended_at > $2) order by s.msisdn, s.activated_at desc`,
      [brusselsMidnight(`${MONTH}-01`), brusselsMidnight(`${MONTH}-${String(dayCount).padStart(2, '0')}`)],
    );

    // the month's files, drawn in one pass per line
    const drawStart = Date.now();
    const days = Array.from({ length: dayCount }, (_, i) => `${MONTH}-${String(i + 1).padStart(2, '0')}`);
    const byDay: UsageRecord[][] = days.map(() => []);
    for (const l of lines) {
      const rated = ratedLine(l.msisdn, { dataGb: l.data_gb === null ? null : Number(l.data_gb), callMinutes: l.call_minutes }, l.option_codes);
      usageOfMonthUpTo(SEED, rated, days.at(-1)!).forEach((r, i) => r && byDay[i]!.push(r));
    }
    const feeds = new Map<string, UsageFeed>(days.map((day, i) => [day, { feedId: `usage-${day}`, day, records: byDay[i]! }]));
    const total = byDay.reduce((n, d) => n + d.length, 0);
    console.log(`${kind}: ${lines.length} lines, ${total} records over ${dayCount} days drawn in ${((Date.now() - drawStart) / 1000).toFixed(1)} s`);

    // the network's usage feed, answering with the files drawn above
    const gateway = { usageFeed: async (day: string) => feeds.get(day)! };

    const started = process.hrtime.bigint();
    let matched = 0;
    for (const day of days) matched += (await loadUsageDay({ db: database.db, gateway }, day)).matched;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const again = process.hrtime.bigint();
    for (const day of days) await loadUsageDay({ db: database.db, gateway }, day);
    const replaySeconds = Number(process.hrtime.bigint() - again) / 1e9;

    const [check] = await sql<{ records: number; monthly: number; cents: number; monthlyCents: number }>(
      `select (select count(*) from usage_records)::int as records, (select count(*) from usage_monthly)::int as monthly,
              (select sum(out_of_bundle_cents) from usage_records)::bigint::text as cents, (select sum(out_of_bundle_cents) from usage_monthly)::bigint::text as "monthlyCents"`,
    );
    if (check!.records !== matched || check!.cents !== check!.monthlyCents) throw new Error(`aggregates differ from the records: ${JSON.stringify(check)}`);
    console.log(
      `${kind}: loaded ${matched} records in ${seconds.toFixed(1)} s = ${Math.round(matched / seconds).toLocaleString('en')} records/s ` +
        `(${check!.monthly} monthly rows); loading the ${dayCount} files again: ${replaySeconds.toFixed(2)} s, nothing added`,
    );
  } finally {
    await drop();
  }
};

const which = process.argv[2] ?? 'both';
const dayCount = Number(process.argv[3] ?? 30);
for (const kind of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'pglite' | 'postgres']) await run(kind, dayCount);
