// The service overview under load, on a fleet of 100,000 services: one large company with 20,000
// services over 5,000 users, and 80,000 more over 40 other companies. The portal runs in its own
// process; autocannon (in this one) measures, against the same server, a hello-world route and the
// overview API: first page, a filtered page, a search by number and a deep page (keyset cursor).
// Targets (issue 5): PostgreSQL requests/s of the overview ≥ 25 % of hello-world's; PGlite p99 < 50 ms.
// Issue 17: the server's peak RSS on PGlite ≤ 600 MB (printed after the table).
// Usage: npm run bench:overview -- [pglite|postgres|both] [seconds per endpoint, default 10]
//        PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL. BENCH_CONNECTIONS (default 10) concurrent
//        clients; BENCH_EXPLAIN=false leaves the plans out; BENCH_CPU_PROF=<dir> profiles the server.
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { loadConfig } from '../server/src/config/config.js';
import { openDatabase, type Database } from '../server/src/platform/db.js';
import { startPortal } from '../server/src/portal.js';
import { ROUTE_ACCESS } from '../server/src/http/route-permissions.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { hashPassword } from '../server/src/modules/auth/domain/password.js';
import { encodeCursor } from '../server/src/modules/services/domain/overview-query.js';
import { overviewPageQuery, type OverviewPageQuery } from '../server/src/modules/services/overview.repository.js';

const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const PASSWORD = 'Bench-overview-2026!';
const LARGE = { users: 5000, servicesPerUser: 4 };
const OTHERS = { companies: 40, users: 500, servicesPerUser: 4 };
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

type Ready = { url: string; deepCursor: string; numberQuery: string; seedSeconds: number; explains: { name: string; plan: string }[] };
type Endpoint = { name: string; path: string };

// ---------------------------------------------------------------- the server process

export const openBenchDatabase = async (kind: 'pglite' | 'postgres') => {
  if (kind === 'pglite') return { database: await openDatabase({ kind: 'pglite', dataDir: null }), url: null, drop: async () => {} };
  const name = `fd_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 10 });
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
};

export type FleetShape = { large: { users: number; servicesPerUser: number }; others: { companies: number; users: number; servicesPerUser: number } };

/** The fleet, set-based (one INSERT … SELECT generate_series per table and company); bench/overview-growth.ts seeds a larger one. */
export const seedFleet = async (database: Database, shape: FleetShape = { large: LARGE, others: OTHERS }) => {
  const sql = (text: string, values: unknown[] = []) => database.sql.executeSql(text, values);
  const companies = [
    { name: 'Bench Large NV', ...shape.large },
    ...Array.from({ length: shape.others.companies }, (_, i) => ({ name: `Bench Company ${String(i + 1).padStart(2, '0')}`, users: shape.others.users, servicesPerUser: shape.others.servicesPerUser })),
  ];
  let numberBase = 0;
  for (const [index, c] of companies.entries()) {
    const [{ id }] = (await sql(`insert into companies (name) values ($1) returning id`, [c.name])).rows as [{ id: string }];
    await sql(
      `insert into contracts (company_id, reference, product_types, contracted_services, starts_on, ends_on)
       values ($1, $2, array['mobile', 'smartmobile'], $3, '2026-01-01', '2028-12-31')`,
      [id, `BENCH-${index}`, c.users * c.servicesPerUser],
    );
    // names from small lists, so that sorting and searching by name meet many equal last names
    await sql(
      `insert into mobile_users (company_id, first_name, last_name, email, language, department)
       select $1,
              (array['Anna','Bart','Chloé','Dirk','Emma','Filip','Griet','Hugo','Ines','Jan','Karel','Lotte','Marc','Nora','Olivier','Paula','Quinten','Rita','Sven','Tine'])[1 + g % 20],
              (array['Peeters','Janssens','Maes','Jacobs','Mertens','Willems','Claes','Goossens','Wouters','De Smet','Dubois','Lambert','Dupont','Martin','Simon','Laurent','Leclercq','Lemaire','Declercq','Hermans'])[1 + (g / 20) % 20] || ' ' || (g / 400 + 1),
              'user' || g || '@' || $3 || '.example', (array['en','fr','nl'])[1 + g % 3],
              (array['Sales','Operations','Finance','IT','Logistics','Marketing'])[1 + g % 6]
         from generate_series(1, $2::int) g`,
      [id, c.users, `c${index}`],
    );
    // four lines per user: mostly voice, some data and SmartMobile; mostly active, a few in every other status
    await sql(
      `with u as (select id, row_number() over (order by id) as n from mobile_users where company_id = $1),
            lines as (select u.id as user_id, (u.n - 1) * $2 + k as n from u cross join generate_series(1, $2::int) k)
       insert into services (company_id, mobile_user_id, service_type_code, bundle_code, option_codes, msisdn, status, number_source, sim_choice, activation_method, activation_timing, activated_at, ended_at, end_reason)
       select $1, user_id, t.type, t.bundle, case when n % 7 = 0 then array['roaming-world'] else '{}'::text[] end,
              '+3248' || lpad(($3 + n)::text, 7, '0'), st.status, 'new', 'admin_sim', 'automatic', 'asap',
              case when st.status in ('active', 'terminated') then timestamptz '2026-01-01' + (n % 300) * interval '1 day' + (n % 86400) * interval '1 second' end,
              case when st.status = 'terminated' then timestamptz '2026-11-01' end,
              case when st.status = 'terminated' then 'deleted' end
         from lines
         cross join lateral (select (array['mobile.voice','mobile.voice','mobile.voice','mobile.internet','smartmobile.converged'])[1 + n % 5] as type) tt
         cross join lateral (select tt.type, case tt.type when 'mobile.voice' then (array['mobile-s','mobile-m','mobile-l'])[1 + n % 3] when 'mobile.internet' then 'internet-10' else 'smart-pro' end as bundle) t
         cross join lateral (select case when n % 50 = 1 then 'waiting_for_activation' when n % 50 = 2 then 'porting' when n % 100 = 3 then 'porting_refused' when n % 25 = 4 then 'terminated' else 'active' end as status) st`,
      [id, c.servicesPerUser, numberBase],
    );
    await sql(
      `insert into sim_cards (company_id, kind, iccid, status, service_id)
       select company_id, 'physical', '8932' || lpad(substr(msisdn, 6), 15, '0'), case when status = 'terminated' then 'retired' else 'assigned' end, id
         from services where company_id = $1 and msisdn like '+3248%'`,
      [id],
    );
    numberBase += c.users * c.servicesPerUser;
  }
  // the steady state of a live database: statistics and visibility map up to date
  await sql('vacuum analyze');
  const [{ id: largeId }] = (await sql(`select id from companies where name = 'Bench Large NV'`)).rows as [{ id: string }];
  await sql(`insert into accounts (email, password_hash, full_name, role, company_role, company_id, language) values ('bench@large.example', $1, 'Bench Administrator', 'admin', 'administrator', $2, 'en')`, [
    await hashPassword(PASSWORD),
    largeId,
  ]);
  return largeId;
};

const serve = async (kind: 'pglite' | 'postgres') => {
  const { database, drop, url: pgUrl } = await openBenchDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', NETWORK_SIMULATOR_TIME_SCALE: '0' });
  const portal = await startPortal(config, { database, listen: false });
  const started = Date.now();
  const largeId = await seedFleet(database);
  const seedSeconds = (Date.now() - started) / 1000;
  const sql = (text: string, values: unknown[] = []) => database.sql.executeSql(text, values);
  const [{ n }] = (await sql(`select count(*)::int as n from services`)).rows as [{ n: number }];
  if (n < 100_000) throw new Error(`seeded ${n} services, expected at least 100,000`);

  // a deep page: the cursor of the 19,000th service of the large company in the default sort
  const [deep] = (
    await sql(
      `select u.last_name, u.first_name, s.mobile_user_id, s.id from services s join mobile_users u on u.company_id = s.company_id and u.id = s.mobile_user_id
        where s.company_id = $1 and s.status not in ('terminated', 'cancelled') order by u.last_name, u.first_name, s.mobile_user_id, s.id offset 19000 limit 1`,
      [largeId],
    )
  ).rows as [{ last_name: string; first_name: string; mobile_user_id: string; id: string }];
  const deepCursor = encodeCursor('user', 'asc', [deep.last_name, deep.first_name, deep.mobile_user_id, deep.id]);
  const [{ msisdn }] = (await sql(`select msisdn from services where company_id = $1 order by msisdn offset 12345 limit 1`, [largeId])).rows as [{ msisdn: string }];
  const numberQuery = `0${msisdn.slice(3, 6)} ${msisdn.slice(6, 9)} ${msisdn.slice(9, 11)}`;

  // EXPLAIN ANALYZE of exactly the queries the endpoints run
  const scope = scopeOfCompany({ id: largeId });
  const base: OverviewPageQuery = { sort: 'user', order: 'asc', limit: 50 };
  const explains = [];
  const queries: [string, OverviewPageQuery][] = [
    ['first page', base],
    ['filtered page (active, SmartMobile)', { ...base, status: ['active'], product: 'smartmobile' }],
    ['search by number', { ...base, q: numberQuery }],
    ['deep page (after the 19,000th)', { ...base, after: deepCursor }],
  ];
  for (const [name, query] of queries) {
    const built = await overviewPageQuery(database, scope, query);
    const plan = (await sql(`explain (analyze, costs off, timing off, summary on) ${built.text}`, built.values)).rows as { 'QUERY PLAN': string }[];
    explains.push({ name, plan: plan.map((r) => r['QUERY PLAN']).join('\n') });
    if (kind === 'postgres') {
      // the endpoint runs it as a prepared statement: after a few runs PostgreSQL may switch to its generic plan, so show that one too
      const literal = (v: unknown): string =>
        Array.isArray(v) ? `'{${v.map((x) => `"${String(x).replace(/["\\]/g, '\\$&')}"`).join(',')}}'` : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
      // one connection of its own: the prepared statement and the plan setting must not leak into the pool
      const client = new pg.Client({ connectionString: pgUrl! });
      await client.connect();
      await client.query('set plan_cache_mode = force_generic_plan');
      await client.query(`prepare bench_query as ${built.text}`);
      const generic = (await client.query(`explain (analyze, costs off, timing off, summary on) execute bench_query(${built.values.map(literal).join(', ')})`)).rows as { 'QUERY PLAN': string }[];
      await client.end();
      explains.push({ name: `${name} — generic plan`, plan: generic.map((r) => r['QUERY PLAN']).join('\n') });
    }
  }

  const app = portal.app;
  app.get('/bench/hello', async () => ({ hello: 'world' }));
  // the same, behind the portal's session lookup (every /api/ route with a cookie pays it)
  // a route like any signed-in one (GET /api/auth/me): the permission check refuses unlisted routes
  ROUTE_ACCESS['GET /api/bench/hello'] = 'signedIn';
  app.get('/api/bench/hello', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ url, deepCursor, numberQuery, seedSeconds, explains } satisfies Ready);
  process.on('message', async () => {
    // the server's peak memory over the whole run (seed, warm-up and every measured endpoint)
    process.send!({ peakRssMb: process.resourceUsage().maxRSS / 1024 });
    await app.close();
    await portal.close().catch(() => undefined);
    await drop();
    process.exit(0);
  });
};

// ---------------------------------------------------------------- the measuring process

const measure = async (url: string, path: string, headers: Record<string, string>, seconds: number) => {
  const result = await autocannon({ url: url + path, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total };
};

const run = async (kind: 'pglite' | 'postgres', seconds: number) => {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], { execArgv: ['--import', 'tsx', ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])], stdio: 'inherit' });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const login = await fetch(`${ready.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@large.example', password: PASSWORD }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const endpoints: Endpoint[] = [
    { name: 'hello world', path: '/bench/hello' },
    { name: 'hello world, signed in (/api/)', path: '/api/bench/hello' },
    { name: 'overview: first page', path: '/api/service-overview?limit=50' },
    { name: 'overview: filtered page', path: '/api/service-overview?status=active&product=smartmobile&limit=50' },
    { name: 'overview: search by number', path: `/api/service-overview?q=${encodeURIComponent(ready.numberQuery)}&limit=50` },
    { name: 'overview: deep page', path: `/api/service-overview?limit=50&after=${ready.deepCursor}` },
    { name: 'overview: count (for "1–50 of N")', path: '/api/service-overview/count' },
  ];
  // a short warm-up of every endpoint, then the measured runs one after another
  for (const e of endpoints) await measure(ready.url, e.path, { cookie }, 1);
  const results = [];
  for (const e of endpoints) results.push({ ...e, ...(await measure(ready.url, e.path, { cookie }, seconds)) });
  const peak = new Promise<number>((resolve) => child.once('message', (m) => resolve((m as { peakRssMb: number }).peakRssMb)));
  child.send('stop');
  const peakRssMb = await peak;
  await new Promise((r) => child.once('exit', r));

  const hello = results[0]!.rps;
  console.log(`\n${kind}: 100,000 services seeded in ${ready.seedSeconds.toFixed(1)} s; ${seconds} s per endpoint, ${CONNECTIONS} connections; large company = 20,000 services / 5,000 users`);
  console.log('endpoint                               req/s   p50 ms  p99 ms  % of hello-world');
  for (const r of results) {
    console.log(`${r.name.padEnd(38)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${((100 * r.rps) / hello).toFixed(1).padStart(8)} %`);
  }
  const overview = results.slice(2, 6);
  if (kind === 'postgres') {
    const worst = Math.min(...overview.map((r) => r.rps / hello));
    console.log(`target: overview ≥ 25 % of hello-world → worst ${(100 * worst).toFixed(1)} % ${worst >= 0.25 ? 'MET' : 'MISSED'}`);
    const signedIn = results[1]!.rps;
    console.log(`(against the signed-in hello-world, which pays the same session lookup: worst ${((100 * Math.min(...overview.map((r) => r.rps))) / signedIn).toFixed(1)} %)`);
  } else {
    const worst = Math.max(...overview.map((r) => r.p99));
    console.log(`target: overview p99 < 50 ms → worst ${worst} ms ${worst < 50 ? 'MET' : 'MISSED'}`);
  }
  console.log(`server peak RSS: ${peakRssMb.toFixed(0)} MB${kind === 'pglite' ? ` (target ≤ 600 MB: ${peakRssMb <= 600 ? 'MET' : 'MISSED'})` : ''}`);
  if (process.env.BENCH_EXPLAIN !== 'false') {
    // (set BENCH_EXPLAIN=false to leave the plans out)
    for (const e of ready.explains) console.log(`\n-- EXPLAIN ANALYZE (${kind}) ${e.name}\n${e.plan}`);
  }
};

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--serve') {
  await serve(process.argv[3] as 'pglite' | 'postgres');
} else if (isMain) {
  const which = process.argv[2] ?? 'both';
  const seconds = Number(process.argv[3] ?? 10);
  for (const kind of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'pglite' | 'postgres']) await run(kind, seconds);
}
