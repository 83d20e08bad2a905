// How long the Next bill takes for the large company of the overview benchmark (20,000 services,
// 5,000 users, about 18,000 of them billed for the whole month), on PostgreSQL and PGlite.
// Usage: npx tsx bench/next-bill.ts [pglite|postgres|both]
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { nextBill } from '../server/src/modules/billing/use-cases/next-bill.js';
import { openBenchDatabase, seedFleet } from './service-overview.js';

const run = async (kind: 'pglite' | 'postgres') => {
  const { database, drop } = await openBenchDatabase(kind);
  const portal = await startPortal(loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0' }), { database, listen: false });
  const scope = scopeOfCompany({ id: await seedFleet(database) });
  await nextBill(database.db, scope, '2026-11', 'en');
  const times: number[] = [];
  let lines = 0;
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const bill = await nextBill(database.db, scope, '2026-11', 'en');
    times.push(performance.now() - t0);
    lines = bill.users.reduce((n, u) => n + u.recurring.length, 0);
  }
  times.sort((a, b) => a - b);
  console.log(`${kind}: next bill of ${lines} recurring lines in ${times[2]!.toFixed(0)} ms (median of 5; min ${times[0]!.toFixed(0)}, max ${times[4]!.toFixed(0)})`);
  await portal.app.close();
  await portal.close().catch(() => undefined);
  await drop();
};

const which = process.argv[2] ?? 'both';
for (const kind of which === 'both' ? (['postgres', 'pglite'] as const) : [which as 'pglite' | 'postgres']) await run(kind);
