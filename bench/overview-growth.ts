// Does the service overview stay flat as the fleet grows? Two PostgreSQL databases, seeded set-based
// (INSERT … SELECT generate_series, bench/service-overview.ts's seedFleet):
//   100,000 services — the large company has 20,000 (5,000 users), 40 others 2,000 each;
//   1,000,000 services — the large company has 100,000 (25,000 users), 45 others 20,000 each.
// On each, the large company's overview queries run as the endpoints run them (repository functions,
// prepared statements, one after another, median of BENCH_RUNS runs): the first page, a deep page
// (keyset cursor 95 % of the way down), a search by number and the count ("1–50 of N").
// Target (issue 17): each at 1,000,000 within 1.5× of its time at 100,000. The count stops reading at
// 20,000 matching services and shows the database's estimate above ("of about 92,000").
// Usage: npm run bench:overview-growth  (PostgreSQL at 127.0.0.1:5432 or BENCH_DATABASE_URL; BENCH_RUNS, default 30)
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';
import { SERVICE_STATUSES } from '../server/src/db/schema.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { encodeCursor } from '../server/src/modules/services/domain/overview-query.js';
import { countOverview, listOverview, type OverviewPageQuery } from '../server/src/modules/services/overview.repository.js';
import { openBenchDatabase, seedFleet, type FleetShape } from './service-overview.js';

const OPEN = SERVICE_STATUSES.filter((s) => s !== 'terminated' && s !== 'cancelled');
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const SIZES: { label: string; shape: FleetShape }[] = [
  { label: '100,000', shape: { large: { users: 5000, servicesPerUser: 4 }, others: { companies: 40, users: 500, servicesPerUser: 4 } } },
  { label: '1,000,000', shape: { large: { users: 25_000, servicesPerUser: 4 }, others: { companies: 45, users: 5000, servicesPerUser: 4 } } },
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const measureSize = async (shape: FleetShape) => {
  const { database, drop } = await openBenchDatabase('postgres');
  try {
    const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0' });
    // the portal migrates and seeds the catalog; its jobs would then work through the seeded fleet
    // beside the measurements, so they stop here (the overview reads run without them)
    const portal = await startPortal(config, { database, listen: false });
    await portal.app.close();
    await portal.jobs.stop();
    const started = performance.now();
    const largeId = await seedFleet(database, shape);
    const seedSeconds = (performance.now() - started) / 1000;
    const sql = async <T>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
    const services = (await sql<{ n: number }>('select count(*)::int as n from services'))[0]!.n;
    const open = (await sql<{ n: number }>(`select count(*)::int as n from services where company_id = $1 and status not in ('terminated', 'cancelled')`, [largeId]))[0]!.n;

    const [deep] = await sql<{ last_name: string; first_name: string; mobile_user_id: string; id: string }>(
      `select u.last_name, u.first_name, s.mobile_user_id, s.id from services s join mobile_users u on u.company_id = s.company_id and u.id = s.mobile_user_id
        where s.company_id = $1 and s.status not in ('terminated', 'cancelled') order by u.last_name, u.first_name, s.mobile_user_id, s.id offset $2 limit 1`,
      [largeId, Math.floor(open * 0.95)],
    );
    const deepCursor = encodeCursor('user', 'asc', [deep!.last_name, deep!.first_name, deep!.mobile_user_id, deep!.id]);
    const msisdn = (await sql<{ msisdn: string }>(`select msisdn from services where company_id = $1 order by msisdn offset $2 limit 1`, [largeId, Math.floor(open / 2)]))[0]!.msisdn;
    const numberQuery = `0${msisdn.slice(3, 6)} ${msisdn.slice(6, 9)} ${msisdn.slice(9, 11)}`;

    const scope = scopeOfCompany({ id: largeId });
    const base: OverviewPageQuery = { sort: 'user', order: 'asc', limit: 50 };
    let countAnswer = '';
    const cases: [string, () => Promise<unknown>][] = [
      ['first page', () => listOverview(database, scope, base, 'en')],
      ['deep page (95 % down)', () => listOverview(database, scope, { ...base, after: deepCursor }, 'en')],
      ['search by number', () => listOverview(database, scope, { ...base, q: numberQuery }, 'en')],
      [
        'count (1–50 of N)',
        async () => {
          const c = await countOverview(database, scope, {});
          countAnswer = `${c.estimated ? 'about ' : ''}${c.total.toLocaleString('en')}`;
        },
      ],
      // what the count cost before the estimate: every matching row read (for comparison, not on any endpoint)
      ['(exact count, as before)', () => sql(`select count(*)::int as n from services s where s.company_id = $1 and s.status = any($2::text[])`, [largeId, OPEN])],
    ];
    const times = new Map<string, number>();
    for (const [name, run] of cases) {
      for (let i = 0; i < 5; i++) await run(); // warm-up: prepared statements, caches
      const ms: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await run();
        ms.push(performance.now() - t0);
      }
      times.set(name, median(ms));
    }
    return { services, open, seedSeconds, times, countAnswer };
  } finally {
    await drop();
  }
};

const results = [];
for (const size of SIZES) {
  const r = await measureSize(size.shape);
  console.log(`${size.label}: ${r.services.toLocaleString('en')} services seeded in ${r.seedSeconds.toFixed(1)} s; large company: ${r.open.toLocaleString('en')} open services; count answers "${r.countAnswer}"`);
  results.push(r);
}
const [small, large] = results as [(typeof results)[0], (typeof results)[0]];
console.log(`\nmedian of ${RUNS} runs, ms             100,000   1,000,000   ratio  (target ≤ 1.5×)`);
let worst = 0;
for (const [name, t] of small.times) {
  const u = large.times.get(name)!;
  if (!name.startsWith('(')) worst = Math.max(worst, u / t);
  console.log(`${name.padEnd(32)} ${t.toFixed(2).padStart(9)} ${u.toFixed(2).padStart(11)} ${(u / t).toFixed(2).padStart(7)}×`);
}
console.log(`count: "${small.countAnswer}" at 100,000, "${large.countAnswer}" at 1,000,000 (exact up to 20,000 matching, an estimate above)`);
console.log(`target: worst ratio ${worst.toFixed(2)}× ${worst <= 1.5 ? 'MET' : 'MISSED'}`);
process.exit(0);
