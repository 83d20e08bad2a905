// The public API under load (issue 15): TMF638 `GET service` for one company of 20,000 services, in
// the fleet of 100,000 the overview benchmark seeds, beside the same server's hello-world. The
// portal runs in its own process; autocannon (in this one) measures with an API client's bearer
// token: first page, a deep page (offset 19,000), a state filter, `fields`, one service by id.
// Usage: npm run bench:public-api -- [pglite|postgres|both] [seconds per endpoint, default 10]
//        PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL; BENCH_CONNECTIONS (default 10).
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { createApiClient } from '../server/src/modules/public-api/use-cases/api-clients.js';
import { openBenchDatabase, seedFleet } from './service-overview.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const SERVICES = '/tmf-api/serviceInventory/v4/service';
type Ready = { url: string; clientId: string; clientSecret: string; serviceId: string; seedSeconds: number };

const serve = async (kind: 'pglite' | 'postgres') => {
  const { database, drop } = await openBenchDatabase(kind);
  // a limit no benchmark reaches: this measures the API, not the limiter's refusals
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0', API_RATE_LIMIT_PER_MINUTE: '100000000' });
  const portal = await startPortal(config, { database, listen: false });
  const started = Date.now();
  const largeId = await seedFleet(database);
  const seedSeconds = (Date.now() - started) / 1000;
  // the demo's jobs would otherwise work through the seeded fleet (usage, activations) in this very
  // process, beside the measurements: this measures the API alone
  await portal.jobs.stop();
  const [account] = (await database.sql.executeSql(`select id, full_name from accounts where email = 'bench@large.example'`)).rows as [{ id: string; full_name: string }];
  const client = await createApiClient(database.db, scopeOfCompany({ id: largeId }), { accountId: account.id, name: account.full_name }, { name: 'bench', scopes: ['services:read'] });
  const [{ id: serviceId }] = (await database.sql.executeSql(`select id from services where company_id = $1 order by id offset 10000 limit 1`, [largeId])).rows as [{ id: string }];
  const app = portal.app;
  app.get('/bench/hello', async () => ({ hello: 'world' }));
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ url, clientId: client.clientId, clientSecret: client.clientSecret, serviceId, seedSeconds } satisfies Ready);
  process.on('message', async () => {
    await app.close();
    await portal.close().catch(() => undefined);
    await drop();
    process.exit(0);
  });
};

const measure = async (url: string, path: string, headers: Record<string, string>, seconds: number) => {
  const result = await autocannon({ url: url + path, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
};

const run = async (kind: 'pglite' | 'postgres', seconds: number) => {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (m) => resolve(m as Ready));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const token = await fetch(`${ready.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${ready.clientId}:${ready.clientSecret}`).toString('base64')}` },
    body: 'grant_type=client_credentials',
  });
  if (!token.ok) throw new Error(`token request failed: ${token.status}`);
  const headers = { authorization: `Bearer ${((await token.json()) as { access_token: string }).access_token}` };
  const endpoints = [
    { name: 'hello world', path: '/bench/hello' },
    { name: 'GET service: first page (100)', path: `${SERVICES}?limit=100` },
    { name: 'GET service: deep page (offset 19,000)', path: `${SERVICES}?limit=100&offset=19000` },
    { name: 'GET service: state=active (100)', path: `${SERVICES}?state=active&limit=100` },
    { name: 'GET service: fields=id,state (100)', path: `${SERVICES}?fields=id,state&limit=100` },
    { name: 'GET service/{id}', path: `${SERVICES}/${ready.serviceId}` },
  ];
  for (const e of endpoints) await measure(ready.url, e.path, headers, 1);
  const results = [];
  for (const e of endpoints) results.push({ ...e, ...(await measure(ready.url, e.path, headers, seconds)) });
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const hello = results[0]!.rps;
  console.log(`\n${kind}: 100,000 services seeded in ${ready.seedSeconds.toFixed(1)} s; ${seconds} s per endpoint, ${CONNECTIONS} connections; one company = 20,000 services`);
  console.log('endpoint                                  req/s   p50 ms  p99 ms  % of hello-world');
  for (const r of results) console.log(`${r.name.padEnd(40)} ${r.rps.toFixed(0).padStart(6)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${((100 * r.rps) / hello).toFixed(1).padStart(8)} %`);
};

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--serve') {
  await serve(process.argv[3] as 'pglite' | 'postgres');
} else if (isMain) {
  const which = process.argv[2] ?? 'postgres';
  const seconds = Number(process.argv[3] ?? 10);
  for (const kind of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'pglite' | 'postgres']) await run(kind, seconds);
}
