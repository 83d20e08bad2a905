// The bulk import from upload to active lines: N rows (a new user each, with a Mobile line on a new
// number from the pool and an eSIM, activated automatically at once), through the HTTP API as the
// browser sends it: the dry run, the commit, the import's job until every row is done, then the
// activation of every line by the network simulator at zero delay. Prints rows/s of the dry run and
// of the commit, the time until all lines are active, and the process's peak memory (server and
// bench share the process: the figure is an upper bound of the server's).
// Usage: npx tsx bench/bulk-import.ts [rows=20000] [pglite|postgres=postgres]
//        (PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL; BENCH_ACTIVE_WAIT_S caps the wait for active lines, default 1800)
import { loadConfig } from '../server/src/config/config.js';
import { demoIccid } from '../server/src/db/seed/demo.js';
import { DEMO_PASSWORD } from '../server/src/db/seed/demo.js';
import { startPortal } from '../server/src/portal.js';
import { openBenchDatabase } from './service-overview.js';

const ROWS = Number(process.argv[2] ?? 20_000);
const KIND = (process.argv[3] ?? 'postgres') as 'pglite' | 'postgres';
const ACTIVE_WAIT_S = Number(process.env.BENCH_ACTIVE_WAIT_S ?? 1800);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);

const { database, drop } = await openBenchDatabase(KIND);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' });
const portal = await startPortal(config, { database, listen: false });
const sql = async <T>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
const [{ id: companyId }] = (await sql<{ id: string }>(`select id from companies where name = 'Acme Logistics'`)) as [{ id: string }];

// stock for every row: free numbers in the pool and eSIM profiles of the company
await sql(`insert into mobile_numbers (msisdn) select '+32471' || lpad(g::text, 6, '0') from generate_series(1, $1::int) g`, [ROWS]);
await sql(
  `insert into sim_cards (company_id, kind, iccid, smdp_address, matching_id)
   select $1, 'esim', i, 'smdp.simulator.fleetdesk.example', 'BENCH-' || i from unnest($2::text[]) i`,
  [companyId, Array.from({ length: ROWS }, (_, i) => demoIccid('19', i + 1))],
);

// signed in as Acme's administrator, with the CSRF token the browser app sends
const app = portal.app;
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@acme.example', password: DEMO_PASSWORD } });
const cookies = Object.fromEntries(login.cookies.map((c) => [c.name, c.value]));
const headers = { cookie: Object.entries(cookies).map(([k, v]) => `${k}=${v}`).join('; '), 'x-csrf-token': cookies.fd_csrf ?? '', 'content-type': 'text/csv' };

const file = [
  'row_id,first_name,last_name,email,product_type,service_type,bundle,number_choice,sim,activation_method,activation_start',
  ...Array.from({ length: ROWS }, (_, i) => `B${i},Bench,User ${i},bench.${i}@acme.example,mobile,mobile.voice,mobile-s,new,esim,automatic,now`),
].join('\n');
console.log(`${KIND}: ${ROWS.toLocaleString('en')} rows, ${mb(Buffer.byteLength(file))} file`);

const started = performance.now();
let t = performance.now();
const dry = await app.inject({ method: 'POST', url: '/api/imports/check?fileName=bench.csv', headers, payload: file });
const dryBody = dry.json() as { counts: { total: number; refused: number } };
if (dry.statusCode !== 200 || dryBody.counts.refused > 0) throw new Error(`dry run: ${dry.statusCode} ${dry.body.slice(0, 500)}`);
const drySeconds = (performance.now() - t) / 1000;
console.log(`dry run   ${drySeconds.toFixed(1)} s → ${(ROWS / drySeconds).toFixed(0)} rows/s`);

t = performance.now();
const commit = await app.inject({ method: 'POST', url: '/api/imports?fileName=bench.csv', headers, payload: file });
if (commit.statusCode !== 202) throw new Error(`commit: ${commit.statusCode} ${commit.body.slice(0, 500)}`);
const { id } = commit.json() as { id: string };
const accepted = (performance.now() - t) / 1000;
let progress = { status: 'running', done: 0, failed: 0 };
while (progress.status !== 'finished') {
  await new Promise((r) => setTimeout(r, 250));
  progress = (await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers })).json();
}
const commitSeconds = (performance.now() - t) / 1000;
console.log(`commit    ${commitSeconds.toFixed(1)} s → ${(ROWS / commitSeconds).toFixed(0)} rows/s (upload answered in ${accepted.toFixed(1)} s; ${progress.done} done, ${progress.failed} failed)`);

const deadline = Date.now() + ACTIVE_WAIT_S * 1000;
let active = 0;
while (active < ROWS && Date.now() < deadline) {
  await new Promise((r) => setTimeout(r, 500));
  active = (await sql<{ n: number }>(`select count(*)::int as n from services where company_id = $1 and status = 'active' and created_at >= now() - interval '1 day' and mobile_user_id in (select id from mobile_users where email like 'bench.%')`, [companyId]))[0]!.n;
}
const total = (performance.now() - started) / 1000;
console.log(`active    ${active}/${ROWS} lines active ${(total).toFixed(1)} s after the upload (activation alone: ${(total - drySeconds - commitSeconds).toFixed(1)} s)`);
clearInterval(sampler);
console.log(`peak RSS  ${mb(Math.max(peakRss, process.resourceUsage().maxRSS * 1024))} (whole process: server and bench)`);
await portal.close();
await drop();
