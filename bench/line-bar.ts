// How soon a line reported lost or stolen is barred on the (simulated) network: the report queues the
// bar in its own transaction, and a job carries it to the network. Reports the demo's active lines
// lost one after the other, as administrators would, and prints, per line, the time from the report
// (the HTTP-free use case) until the simulator answers that the number carries no traffic.
//   npx tsx bench/line-bar.ts [pglite|postgres] [lines] [timeScale]
// timeScale 0: the network answers at once, so the figure is the portal's own delay (job pick-up,
// the request, the poll); the simulator's real figure for a bar is 2–20 s (modules/network/domain/timings.ts).
import { loadConfig } from '../server/src/config/config.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { startPortal } from '../server/src/portal.js';
import { reportLost } from '../server/src/modules/lines/use-cases/line-operations.js';
import { openBenchDatabase } from './service-overview.js';

const kind = (process.argv[2] ?? 'pglite') as 'pglite' | 'postgres';
const count = Number(process.argv[3] ?? 20);
const timeScale = process.argv[4] ?? '0';

const { database, drop } = await openBenchDatabase(kind);
const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: timeScale });
const portal = await startPortal(config, { database, listen: false });
try {
  const sql = async <T>(text: string, values: unknown[] = []) => (await database.sql.executeSql(text, values)).rows as T[];
  const lines = await sql<{ id: string; msisdn: string; company_id: string }>(
    `select s.id, s.msisdn, s.company_id from services s where s.status = 'active' and s.msisdn is not null order by s.msisdn limit $1`,
    [count],
  );
  const actor = { accountId: null, name: 'bench' };
  const times: number[] = [];
  for (const line of lines) {
    const started = performance.now();
    await reportLost(portal.deps, scopeOfCompany({ id: line.company_id }), actor, line.id, 'lost');
    for (;;) {
      if ((await portal.deps.gateway.lineStatus(line.msisdn)).barred) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    times.push(performance.now() - started);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  console.log(`line-bar (${kind}, simulator time scale ${timeScale}): ${times.length} lines reported lost one after the other`);
  console.log(`  report → barred on the network: median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms`);
} finally {
  await portal.close();
  await drop();
}
