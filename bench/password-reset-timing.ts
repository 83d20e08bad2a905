// "Forgot password" must not tell, by its answer or its timing, whether an address has an account.
// Both kinds of address cost the same work in the request (one job queued; the account is looked up
// by the job, after the answer). This sends requests for addresses with and without an account,
// alternately, one at a time, and prints the answer times of each kind.
// Usage: npx tsx bench/password-reset-timing.ts [requests of each kind, default 200]
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';
import { openBenchDatabase } from './service-overview.js';

const N = Number(process.argv[2] ?? 200);
const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]!;

const { database, drop } = await openBenchDatabase('pglite');
// each request from its own client address (X-Forwarded-For, one trusted proxy): the per-address limits stay out of the way
const config = loadConfig({ NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', TRUST_PROXY_HOPS: '1', NETWORK_SIMULATOR_TIME_SCALE: '0' });
const portal = await startPortal(config, { database, listen: false });
const url = await portal.app.listen({ port: 0, host: '127.0.0.1' });
await database.sql.executeSql(
  `insert into accounts (email, password_hash, full_name, role, company_id, language)
   select 'known' || i || '@acme.example', a.password_hash, 'Known ' || i, 'admin', a.company_id, 'en'
   from generate_series(1, $1::int) i, (select password_hash, company_id from accounts where email = 'admin@acme.example') a`,
  [N + 20],
);

const ask = async (email: string, i: number) => {
  const started = performance.now();
  const res = await fetch(`${url}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` }, body: JSON.stringify({ email }) });
  const ms = performance.now() - started;
  if (res.status !== 202) throw new Error(`${email}: ${res.status}`);
  return ms;
};

// warm-up
for (let i = 0; i < 20; i++) await ask(i % 2 ? `known${N + i}@acme.example` : `warm${i}@nowhere.example`, 60_000 + i);
const known: number[] = [];
const unknown: number[] = [];
for (let i = 0; i < N; i++) {
  known.push(await ask(`known${i + 1}@acme.example`, 2 * i));
  unknown.push(await ask(`nobody${i}@acme.example`, 2 * i + 1));
}
await portal.close().catch(() => undefined);
await drop();

const line = (name: string, xs: number[]) => `${name.padEnd(24)} median ${quantile(xs, 0.5).toFixed(2).padStart(6)} ms   p90 ${quantile(xs, 0.9).toFixed(2).padStart(6)} ms`;
console.log(`\nPOST /api/auth/password-reset, ${N} of each, alternately (pglite)`);
console.log(line('address with an account', known));
console.log(line('address without one', unknown));
console.log(`difference of medians     ${(quantile(known, 0.5) - quantile(unknown, 0.5)).toFixed(2)} ms`);
