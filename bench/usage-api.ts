// The Usage page's API for the 20,000-line company of bench/service-overview.ts with a month of
// daily usage of every one of its lines loaded (about 600,000 records, through the loader the job
// runs), beside the same server's hello-world: requests/s, p50 and p99 at 10 connections.
// Target (issue 16): p99 under 100 ms on PostgreSQL and on PGlite.
// Usage: npm run bench:usage-api -- [pglite|postgres|both] [seconds per endpoint, default 10] [days, default 30]
//        PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../server/src/config/config.js';
import { seedOperatorBase } from '../server/src/db/seed/demo.js';
import type { UsageFeed, UsageRecord } from '../server/src/modules/network/index.js';
import { ratedLine, usageOfMonthUpTo } from '../server/src/modules/network/domain/usage-generator.js';
import { loadUsageDay } from '../server/src/modules/usage/use-cases/load-usage.js';
import { addMonths } from '../server/src/modules/usage/domain/months.js';
import { brusselsDay, brusselsMidnight, firstDayOfMonth, monthOfDay, nextDay } from '../server/src/platform/calendar.js';
import { startPortal } from '../server/src/portal.js';
import { openBenchDatabase, seedFleet } from './service-overview.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const PASSWORD = 'Bench-overview-2026!';
const SEED = 20_260_601;

type Ready = { url: string; month: string; serviceId: string; records: number; loadSeconds: number };

const serve = async (kind: 'pglite' | 'postgres', dayCount: number) => {
  const { database, drop } = await openBenchDatabase(kind);
  const sql = async <T>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
  await seedOperatorBase(database.db);
  const largeId = await seedFleet(database);
  // last month, from its first day: whole whatever today's date
  const today = brusselsDay(new Date());
  const month = addMonths(monthOfDay(today), -1);
  const days = Array.from({ length: dayCount }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
  const lines = await sql<{ msisdn: string; data_gb: string | null; call_minutes: number | null; option_codes: string[] }>(
    `select distinct on (s.msisdn) s.msisdn, b.data_gb, b.call_minutes, s.option_codes from services s join bundles b on b.code = s.bundle_code
      where s.company_id = $1 and s.msisdn is not null and s.activated_at < $2 and (s.ended_at is null or s.ended_at > $3) order by s.msisdn, s.activated_at desc`,
    [largeId, brusselsMidnight(days[0]!), brusselsMidnight(days.at(-1)!)],
  );
  const byDay: UsageRecord[][] = days.map(() => []);
  for (const l of lines) {
    const rated = ratedLine(l.msisdn, { dataGb: l.data_gb === null ? null : Number(l.data_gb), callMinutes: l.call_minutes }, l.option_codes);
    usageOfMonthUpTo(SEED, rated, days.at(-1)!).forEach((r, i) => r && byDay[i]!.push(r));
  }
  const feeds = new Map<string, UsageFeed>(days.map((day, i) => [day, { feedId: `usage-${day}`, day, records: byDay[i]! }]));
  const started = Date.now();
  let records = 0;
  for (const day of days) records += (await loadUsageDay({ db: database.db, gateway: { usageFeed: async (d: string) => feeds.get(d)! } }, day)).matched;
  const loadSeconds = (Date.now() - started) / 1000;
  // the portal's catch-up at start must find every other day of its window loaded (the simulator would otherwise load all 100,000 lines' months)
  for (let day = firstDayOfMonth(addMonths(monthOfDay(today), -3)); day <= today; day = nextDay(day)) {
    await sql(`insert into usage_feeds (feed_id, day, records, unmatched) values ($1, $2, 0, 0) on conflict do nothing`, [`usage-${day}`, day]);
  }
  await sql('vacuum analyze');
  const serviceId = (await sql<{ id: string }>(`select service_id as id from usage_monthly where company_id = $1 order by data_mb desc limit 1`, [largeId]))[0]!.id;

  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', NETWORK_SIMULATOR_TIME_SCALE: '0' });
  const portal = await startPortal(config, { database, listen: false });
  portal.app.get('/bench/hello', async () => ({ hello: 'world' }));
  const url = await portal.app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ url, month, serviceId, records, loadSeconds } satisfies Ready);
  process.on('message', async () => {
    await portal.close().catch(() => undefined);
    await drop();
    process.exit(0);
  });
};

const measure = async (url: string, headers: Record<string, string>, seconds: number) => {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.requests.total} requests, ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  // no answer at all within the round: every request took longer than the round (a busy machine)
  if (result.requests.total === 0) return { rps: 0, p50: Infinity, p99: Infinity };
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
};

const run = async (kind: 'pglite' | 'postgres', seconds: number, dayCount: number) => {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind, String(dayCount)], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const login = await fetch(`${ready.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@large.example', password: PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const m = ready.month;
  const endpoints = [
    { name: 'hello world', path: '/bench/hello' },
    { name: 'usage: the month (first page)', path: `/api/usage?month=${m}` },
    { name: 'usage: lines over their bundle', path: `/api/usage?month=${m}&band=over` },
    { name: 'usage: roaming lines, page 3', path: `/api/usage?month=${m}&roaming=true&page=3` },
    { name: 'usage: search by name', path: `/api/usage?month=${m}&q=Peeters` },
    { name: "usage: one service's month", path: `/api/services/${ready.serviceId}/usage?month=${m}` },
  ];
  // a warm-up: each endpoint answered once (a request may take longer than a short autocannon round on a busy machine)
  for (const e of endpoints) {
    const res = await fetch(ready.url + e.path, { headers: { cookie } });
    if (!res.ok) throw new Error(`${e.path}: ${res.status}`);
    await res.arrayBuffer();
  }
  const results = [];
  for (const e of endpoints) results.push({ ...e, ...(await measure(ready.url + e.path, { cookie }, seconds)) });
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const hello = results[0]!;
  console.log(`\n${kind}: ${ready.records} records of ${m} loaded for the 20,000-line company in ${ready.loadSeconds.toFixed(1)} s; ${seconds} s per endpoint, ${CONNECTIONS} connections`);
  console.log('endpoint                               req/s   p50 ms  p99 ms  hello-world req/s ÷ this');
  for (const r of results) console.log(`${r.name.padEnd(38)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${(hello.rps / r.rps).toFixed(1).padStart(10)}×`);
  const worst = Math.max(...results.slice(1).map((r) => r.p99));
  console.log(`target: usage p99 < 100 ms → worst ${worst} ms ${worst < 100 ? 'MET' : 'MISSED'}`);
};

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--serve') {
  await serve(process.argv[3] as 'pglite' | 'postgres', Number(process.argv[4] ?? 30));
} else if (isMain) {
  const which = process.argv[2] ?? 'both';
  const seconds = Number(process.argv[3] ?? 10);
  const dayCount = Number(process.argv[4] ?? 30);
  for (const kind of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'pglite' | 'postgres']) await run(kind, seconds, dayCount);
}
