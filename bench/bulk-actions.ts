// Bulk actions of the Service overview: services per second one action's job works through, on
// PGlite and PostgreSQL, for 1,000 services waiting for activation (schedule them, then start them).
// The job runs the single-service use case per service, each in its own transaction with its outcome.
// Usage: npx tsx bench/bulk-actions.ts [count] [pglite|postgres]   (PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL)
import { scopeOfCompany } from '../server/src/platform/tenant.js';
import { startBulkAction } from '../server/src/modules/bulk-actions/use-cases/plan-bulk-action.js';
import { benchActivations, type DbKind } from './activation-setup.js';

const COUNT = Number(process.argv[2] ?? 1000);

const run = async (kind: DbKind) => {
  const bench = await benchActivations(kind, COUNT);
  const [{ id: companyId }] = (await bench.sql<{ id: string }>(`select id from companies where name = 'Acme Logistics'`)) as [{ id: string }];
  const [{ id: accountId }] = (await bench.sql<{ id: string }>(`select id from accounts where email = 'admin@acme.example'`)) as [{ id: string }];
  const scope = scopeOfCompany({ id: companyId });
  const actor = { accountId, name: 'bench' };
  const deps = { ...bench.deps, database: bench.database };
  const timed = async (label: string, action: Parameters<typeof startBulkAction>[3]['action']) => {
    const started = performance.now();
    const id = await startBulkAction(deps, scope, actor, { action, selection: { serviceIds: bench.ids } }, 'en');
    const planned = performance.now();
    for (;;) {
      const [row] = await bench.sql<{ status: string; done: number }>(`select status, (select count(*)::int from bulk_action_items i where i.bulk_action_id = a.id and i.status <> 'pending') as done from bulk_actions a where id = $1`, [id]);
      if (row?.status === 'finished') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - started) / 1000;
    const [{ failed }] = (await bench.sql<{ failed: number }>(`select count(*)::int as failed from bulk_action_items where bulk_action_id = $1 and status = 'failed'`, [id])) as [{ failed: number }];
    console.log(`${kind.padEnd(9)} ${label.padEnd(9)} ${COUNT} services in ${seconds.toFixed(1)} s (preview + record ${((planned - started) / 1000).toFixed(1)} s) → ${(COUNT / seconds).toFixed(0)} services/s, ${failed} refused`);
  };
  await timed('schedule', { kind: 'schedule', startAt: new Date(Date.now() + 86_400_000).toISOString() });
  await timed('start', { kind: 'start' });
  await bench.close();
};

const only = process.argv[3] as DbKind | undefined;
for (const kind of ['pglite', 'postgres'] as const) if (!only || only === kind) await run(kind);
