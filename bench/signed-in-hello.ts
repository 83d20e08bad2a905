// What a signed-in request costs before any work: a hello-world route outside /api (no session
// check) against the same route under /api/ with a session cookie (the portal's session check),
// measured alternately in short rounds so that a busy machine's drift hits both alike.
// Target (issue 17): the signed-in hello-world at ≥ 70 % of the plain one's requests/s.
// Usage: npx tsx bench/signed-in-hello.ts [postgres|pglite] [rounds, default 5] [seconds per round, default 2]
//        PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';
import { ROUTE_ACCESS } from '../server/src/http/route-permissions.js';
import { openBenchDatabase } from './service-overview.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);

const serve = async (kind: 'pglite' | 'postgres') => {
  const { database, drop } = await openBenchDatabase(kind);
  const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', NETWORK_SIMULATOR_TIME_SCALE: '0' });
  const portal = await startPortal(config, { database, listen: false });
  portal.app.get('/bench/hello', async () => ({ hello: 'world' }));
  ROUTE_ACCESS['GET /api/bench/hello'] = 'signedIn'; // refused as unlisted otherwise
  portal.app.get('/api/bench/hello', async () => ({ hello: 'world' }));
  const url = await portal.app.listen({ port: 0, host: '127.0.0.1' });
  process.send!({ url });
  process.on('message', async () => {
    await portal.close().catch(() => undefined);
    await drop();
    process.exit(0);
  });
};

const rps = async (url: string, headers: Record<string, string>, seconds: number) => {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return result.requests.average;
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const run = async (kind: 'pglite' | 'postgres', rounds: number, seconds: number) => {
  const child = fork(fileURLToPath(import.meta.url), ['--serve', kind], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { url: string }));
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
  const login = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@acme.example', password: 'fleetdesk-demo' }) });
  if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  await rps(`${url}/bench/hello`, {}, 1);
  await rps(`${url}/api/bench/hello`, { cookie }, 1);
  const plain: number[] = [];
  const signedIn: number[] = [];
  for (let i = 0; i < rounds; i++) {
    plain.push(await rps(`${url}/bench/hello`, {}, seconds));
    signedIn.push(await rps(`${url}/api/bench/hello`, { cookie }, seconds));
  }
  child.send('stop');
  await new Promise((r) => child.once('exit', r));
  const ratios = plain.map((p, i) => signedIn[i]! / p);
  console.log(`\n${kind}: ${rounds} rounds of ${seconds} s each, ${CONNECTIONS} connections (median req/s)`);
  console.log(`hello world                 ${median(plain).toFixed(0).padStart(7)}`);
  console.log(`hello world, signed in      ${median(signedIn).toFixed(0).padStart(7)}`);
  const ratio = median(ratios);
  console.log(`signed in / plain, per round: ${ratios.map((r) => `${(100 * r).toFixed(0)} %`).join(', ')}; median ${(100 * ratio).toFixed(0)} %   target ≥ 70 %: ${ratio >= 0.7 ? 'MET' : 'MISSED'}`);
};

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--serve') {
  await serve(process.argv[3] as 'pglite' | 'postgres');
} else if (isMain) {
  await run((process.argv[2] ?? 'postgres') as 'pglite' | 'postgres', Number(process.argv[3] ?? 5), Number(process.argv[4] ?? 2));
}
