import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner } from '../../server/src/jobs/job-runner.js';
import { moduleJobs } from '../../server/src/jobs/module-jobs.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// Bulk actions of the Service overview (issue 14): one durable job per action, each service by the
// single-service use case in a transaction that records its outcome; the preview sums the billing
// impact and applies the 30 % rule to the whole batch.
describe(`bulk actions on services (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let successor: ReturnType<typeof createJobRunner> | null = null;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const taken = new Set<string>();
  /** Active Acme mobile lines (on a bundle, or any), not used by an earlier test; n = Infinity takes all that are left. */
  const activeLines = async (n: number, bundle?: string) => {
    const rows = await q<{ id: string }>(
      `select s.id from services s join companies c on c.id = s.company_id where c.name like 'Acme%' and s.status = 'active' and s.service_type_code = 'mobile.voice' and ($1::text is null or s.bundle_code = $1) order by s.msisdn`,
      [bundle ?? null],
    );
    const picked = rows.map((r) => r.id).filter((id) => !taken.has(id)).slice(0, n);
    if (picked.length < Math.min(n, 8)) throw new Error(`the demo has only ${picked.length} free active ${bundle ?? ''} lines`);
    for (const id of picked) taken.add(id);
    return picked;
  };
  const finished = async (id: string, client = acme) =>
    waitUntil(`bulk action ${id} finished`, async () => {
      const res = await client.get(`/api/service-bulk-actions/${id}`);
      return res.body.status === 'finished' ? res.body : null;
    });

  beforeAll(async () => {
    portal = await createTestPortal({ LOG_LEVEL: 'error' });
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
  });
  afterAll(async () => {
    await successor?.stop();
    await portal?.close();
  });

  it('changes the bundle of many lines: the preview sums what each line\'s own preview says, and writes nothing', async () => {
    const ids = await activeLines(3, 'mobile-m');
    const action = { kind: 'change', bundleCode: 'mobile-l', optionCodes: [] };
    const changesBefore = (await q<{ n: number }>(`select count(*)::int as n from service_changes`))[0]!.n;
    const preview = await acme.post('/api/service-bulk-actions/preview', { action, selection: { serviceIds: ids } });
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({ kind: 'change', selected: 3, eligible: 3, ineligible: [], refused: [] });
    const single = await Promise.all(ids.map((id) => acme.post(`/api/services/${id}/change/preview`, { bundleCode: 'mobile-l', optionCodes: [] })));
    expect(preview.body.impact.totalCents).toBe(single.reduce((s, r) => s + r.body.totalCents, 0));
    expect(preview.body.impact.monthlyDifferenceCents).toBe(single.reduce((s, r) => s + r.body.monthlyDifferenceCents, 0));
    expect((await q<{ n: number }>(`select count(*)::int as n from service_changes`))[0]!.n).toBe(changesBefore);

    const started = await acme.post('/api/service-bulk-actions', { action, selection: { serviceIds: ids } });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ kind: 'change', total: 3, status: 'running' });
    const done = await finished(started.body.id);
    expect(done).toMatchObject({ total: 3, done: 3, failed: 0, pending: 0 });
    const rows = await q<{ bundle_code: string }>(`select bundle_code from services where id = any($1::uuid[])`, [ids]);
    expect(rows.every((r) => r.bundle_code === 'mobile-l')).toBe(true);
    // billed and on the timeline like a change made one by one
    const billed = await q<{ n: number }>(`select count(*)::int as n from service_changes where service_id = any($1::uuid[]) and to_bundle_code = 'mobile-l'`, [ids]);
    expect(billed[0]!.n).toBe(3);
    for (const id of ids) expect((await acme.get(`/api/services/${id}`)).body.events.map((e: { event: string }) => e.event)).toContain('changed');
    const items = await acme.get(`/api/service-bulk-actions/${started.body.id}/items`);
    expect(items.body.total).toBe(3);
    expect(items.body.items.every((i: { status: string; message: string | null }) => i.status === 'done' && i.message === null)).toBe(true);
  });

  it('counts services the action does not apply to by status, and refuses what the rules refuse, with the reason in the reader\'s language', async () => {
    const [line] = await activeLines(1, 'mobile-l');
    const waiting = await q<{ id: string }>(`select s.id from services s join companies c on c.id = s.company_id where c.name like 'Acme%' and s.status = 'waiting_for_activation' limit 2`);
    const selection = { serviceIds: [line!, ...waiting.map((w) => w.id)] };
    // the line is on mobile-l already: the change's own rule refuses it
    acme.lang = 'fr';
    const preview = await acme.post('/api/service-bulk-actions/preview', { action: { kind: 'change', bundleCode: 'mobile-l', optionCodes: [] }, selection });
    acme.lang = 'en';
    expect(preview.body.eligible).toBe(0);
    expect(preview.body.ineligible).toEqual(waiting.length ? [{ status: 'waiting_for_activation', count: waiting.length }] : []);
    expect(preview.body.refused).toEqual([{ count: 1, message: expect.stringMatching(/forfait|options/i) }]);
    const refused = await acme.post('/api/service-bulk-actions', { action: { kind: 'change', bundleCode: 'mobile-l', optionCodes: [] }, selection });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BULK.NOTHING_ELIGIBLE');
    // bad input names its field, and nothing is written
    const bad = await acme.post('/api/service-bulk-actions', { action: { kind: 'schedule', startAt: '2001-01-01T00:00:00Z' }, selection });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].field).toBe('startAt');
    expect((await acme.get('/api/service-bulk-actions')).body.items.some((a: { kind: string }) => a.kind === 'schedule')).toBe(false);
  });

  it('takes "all matching the filter" as the overview counts it, and suspends then resumes them', async () => {
    const filter = { bundle: 'mobile-l', status: 'active' };
    const count = (await acme.get(`/api/service-overview/count?${new URLSearchParams(filter)}`)).body.total as number;
    expect(count).toBeGreaterThan(0);
    const preview = await acme.post('/api/service-bulk-actions/preview', { action: { kind: 'suspend', reason: 'Summer closure' }, selection: { filter } });
    expect(preview.body).toMatchObject({ selected: count, eligible: count });
    expect(preview.body.impact.monthlyDifferenceCents).toBeLessThan(0);
    const suspended = await finished((await acme.post('/api/service-bulk-actions', { action: { kind: 'suspend', reason: 'Summer closure' }, selection: { filter } })).body.id);
    expect(suspended).toMatchObject({ total: count, done: count, failed: 0 });
    expect((await acme.get('/api/service-overview/count?bundle=mobile-l&status=suspended')).body.total).toBe(count);
    const resumed = await finished((await acme.post('/api/service-bulk-actions', { action: { kind: 'resume' }, selection: { filter: { bundle: 'mobile-l', status: 'suspended' } } })).body.id);
    expect(resumed).toMatchObject({ total: count, done: count });
    expect((await acme.get(`/api/service-overview/count?${new URLSearchParams(filter)}`)).body.total).toBe(count);
  });

  it('refuses a delete batch past the 30 % rule as a whole, with the numbers, and deletes nothing', async () => {
    const quota = (await acme.get('/api/services/deletion-quota')).body as { remaining: number; limit: number; used: number };
    const active = await q<{ id: string }>(`select s.id from services s join companies c on c.id = s.company_id where c.name like 'Acme%' and s.status = 'active' limit $1`, [quota.remaining + 1]);
    expect(active.length).toBe(quota.remaining + 1);
    const selection = { serviceIds: active.map((a) => a.id) };
    const preview = await acme.post('/api/service-bulk-actions/preview', { action: { kind: 'delete' }, selection });
    expect(preview.body.deletionQuota).toEqual({ limit: quota.limit, used: quota.used, remaining: quota.remaining, allowed: false });
    const refused = await acme.post('/api/service-bulk-actions', { action: { kind: 'delete' }, selection });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'BULK.DELETION_QUOTA_EXCEEDED', params: { requested: quota.remaining + 1, remaining: quota.remaining } });
    expect(refused.body.detail).toContain(String(quota.remaining + 1));
    expect((await q<{ n: number }>(`select count(*)::int as n from services where id = any($1::uuid[]) and status = 'terminated'`, [selection.serviceIds]))[0]!.n).toBe(0);
    // within the rule, the batch goes through
    const two = await activeLines(2, 'mobile-m');
    const done = await finished((await acme.post('/api/service-bulk-actions', { action: { kind: 'delete' }, selection: { serviceIds: two } })).body.id);
    expect(done).toMatchObject({ done: 2, failed: 0 });
    expect((await acme.get('/api/services/deletion-quota')).body.used).toBe(quota.used + 2);
  });

  it('keeps another company out: its ids select nothing, its actions are not found', async () => {
    const [line] = await activeLines(1);
    const preview = await bright.post('/api/service-bulk-actions/preview', { action: { kind: 'suspend', reason: 'x' }, selection: { serviceIds: [line] } });
    expect(preview.body).toMatchObject({ selected: 0, eligible: 0 });
    expect((await bright.post('/api/service-bulk-actions', { action: { kind: 'suspend', reason: 'x' }, selection: { serviceIds: [line] } })).status).toBe(422);
    const mine = (await acme.get('/api/service-bulk-actions')).body.items[0];
    expect((await bright.get(`/api/service-bulk-actions/${mine.id}`)).status).toBe(404);
    expect((await bright.get(`/api/service-bulk-actions/${mine.id}/items`)).status).toBe(404);
    expect((await bright.get('/api/service-bulk-actions')).body.items.some((a: { id: string }) => a.id === mine.id)).toBe(false);
    expect((await q<{ status: string }>(`select status from services where id = $1`, [line]))[0]!.status).toBe('active');
  });

  it('a worker stopped mid-action: its successor finishes, every service changed exactly once', async () => {
    const ids = await activeLines(Infinity);
    const n = ids.length;
    const started = await acme.post('/api/service-bulk-actions', { action: { kind: 'suspend', reason: 'Office move' }, selection: { serviceIds: ids } });
    await waitUntil('some services done', async () => (await acme.get(`/api/service-bulk-actions/${started.body.id}`)).body.done > 0);
    await portal.jobs.stop();
    successor = createJobRunner(portal.database, { error: () => undefined });
    await successor.start(moduleJobs({ ...portal.deps, jobs: successor.queue }, null));
    const done = await finished(started.body.id);
    expect(done).toMatchObject({ total: n, done: n, failed: 0 });
    const billed = await q<{ n: number; services: number }>(`select count(*)::int as n, count(distinct service_id)::int as services from service_changes where service_id = any($1::uuid[]) and to_suspended and created_at >= $2`, [ids, started.body.createdAt]);
    expect(billed).toEqual([{ n, services: n }]);
    const asked = await q<{ n: number }>(`select count(*)::int as n from line_operations where service_id = any($1::uuid[]) and kind = 'suspend' and created_at >= $2`, [ids, started.body.createdAt]);
    expect(asked[0]!.n).toBe(n);
    const timeline = await q<{ n: number }>(`select count(*)::int as n from service_events where service_id = any($1::uuid[]) and event = 'suspended' and created_at >= $2`, [ids, started.body.createdAt]);
    expect(timeline[0]!.n).toBe(n);
  });
});
