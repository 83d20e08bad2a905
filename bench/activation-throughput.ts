// How many services per second go from "start" to "active" with the network simulator at zero delay,
// starting 1,000 at once, on PGlite and on PostgreSQL (the real job runner, the real use cases).
// Usage: npx tsx bench/activation-throughput.ts [count]   (PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL)
import { benchActivations, type DbKind } from './activation-setup.js';

const COUNT = Number(process.argv[2] ?? 1000);

const run = async (kind: DbKind) => {
  const bench = await benchActivations(kind, COUNT);
  const started = performance.now();
  await bench.startAll();
  let active = 0;
  const deadline = Date.now() + 30 * 60_000;
  while (active < COUNT && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 200));
    active = (await bench.sql<{ n: number }>(`select count(*)::int as n from services where status = 'active' and id = any($1::uuid[])`, [bench.ids]))[0]!.n;
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`${kind.padEnd(9)} ${active}/${COUNT} active in ${seconds.toFixed(1)} s → ${(active / seconds).toFixed(1)} services/s`);
  await bench.close();
};

await run('pglite');
await run('postgres');
