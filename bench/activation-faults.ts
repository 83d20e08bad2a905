// Activations on a faulty operator network: `count` services (default 1,000) started at once with
// the simulator failing 30 % of calls ("unavailable") and timing out 10 % (some after the network did
// the work). Prints how long until every service is either active or visibly failed (activation
// failed, with its Retry), the spread of the per-service times, and how many failed.
// Usage: npx tsx bench/activation-faults.ts [count] [pglite|postgres|both]
//        (PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL; BENCH_ERROR_RATE, BENCH_TIMEOUT_RATE)
import { benchActivations, type DbKind } from './activation-setup.js';

const COUNT = Number(process.argv[2] ?? 1000);
const WHICH = (process.argv[3] ?? 'postgres') as DbKind | 'both';
const ERROR_RATE = process.env.BENCH_ERROR_RATE ?? '0.3';
const TIMEOUT_RATE = process.env.BENCH_TIMEOUT_RATE ?? '0.1';
const LIMIT_MS = 10 * 60_000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

const run = async (kind: DbKind) => {
  const bench = await benchActivations(kind, COUNT, { NETWORK_SIMULATOR_ERROR_RATE: ERROR_RATE, NETWORK_SIMULATOR_TIMEOUT_RATE: TIMEOUT_RATE, NETWORK_SIMULATOR_SEED: '20261206' });
  const started = performance.now();
  await bench.startAll();
  type Count = { active: number; failed: number };
  let counts: Count = { active: 0, failed: 0 };
  let lastReport = 0;
  while (counts.active + counts.failed < COUNT && performance.now() - started < LIMIT_MS * 1.5) {
    await new Promise((r) => setTimeout(r, 500));
    [counts] = await bench.sql<Count>(
      `select count(*) filter (where status = 'active')::int as active, count(*) filter (where status = 'activation_failed')::int as failed from services where id = any($1::uuid[])`,
      [bench.ids],
    ) as [Count];
    const elapsed = performance.now() - started;
    if (elapsed - lastReport > 30_000) {
      lastReport = elapsed;
      console.log(`  ${kind} ${(elapsed / 1000).toFixed(0)} s: ${counts.active} active, ${counts.failed} failed`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const times = (
    await bench.sql<{ s: number }>(`select extract(epoch from activated_at - activation_started_at)::float as s from services where id = any($1::uuid[]) and status = 'active'`, [bench.ids])
  )
    .map((r) => r.s)
    .sort((a, b) => a - b);
  const calls = (await bench.sql<{ n: number }>(`select count(*)::int as n from simulator_requests`))[0]!.n;
  const settled = counts.active + counts.failed;
  console.log(
    `${kind.padEnd(9)} errors ${ERROR_RATE}, time-outs ${TIMEOUT_RATE}: ${settled}/${COUNT} settled in ${seconds.toFixed(1)} s ` +
      `(${counts.active} active, ${counts.failed} activation failed, ${COUNT - settled} still in progress); ` +
      `time to active p50 ${percentile(times, 50).toFixed(1)} s, p99 ${percentile(times, 99).toFixed(1)} s, max ${(times.at(-1) ?? NaN).toFixed(1)} s; ` +
      `${calls} network requests; ${seconds * 1000 <= LIMIT_MS && settled === COUNT ? 'within' : 'NOT within'} 10 minutes`,
  );
  await bench.close();
};

if (WHICH === 'pglite' || WHICH === 'both') await run('pglite');
if (WHICH === 'postgres' || WHICH === 'both') await run('postgres');
