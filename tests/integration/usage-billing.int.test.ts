import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

type Amount = { serviceId: string; amountCents: number };
type BillUser = { mobileUserId: string; recurring: Amount[]; changes: Amount[]; outOfBundle: Amount[]; totalCents: number };
type Centre = { costCentre: string | null; users: number; lines: number; recurringCents: number; changesCents: number; outOfBundleCents: number; totalCents: number };

const sum = (amounts: Amount[]) => amounts.reduce((s, a) => s + a.amountCents, 0);

// The next bill's out-of-bundle charges and the chargeback by cost centre, on the demo with the
// usage its start loaded: the figures are the usage aggregates' and the billing lines' sums, every
// centre adds up to the bill, and nothing of another company appears.
describe(`next bill out of bundle and chargeback (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let acmeId: string;
  const now = new Date();
  // last month: loaded whole by the start's catch-up whatever today's date
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);

  const q = async <T>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
    acmeId = (await q<{ id: string }>(`select id from companies where name = 'Acme Logistics'`))[0]!.id;
  });
  afterAll(async () => portal?.close());

  it("adds each line's out-of-bundle charges of the month to the next bill, as the usage aggregates hold them", async () => {
    const bill = await acme.get(`/api/billing/next-bill?month=${month}`);
    expect(bill.status).toBe(200);
    const users: BillUser[] = bill.body.users;
    const lines = users.flatMap((u) => u.outOfBundle);
    const rows = await q<{ service_id: string; cents: number }>(
      `select service_id, out_of_bundle_cents as cents from usage_monthly where company_id = $1 and month = $2::date and out_of_bundle_cents > 0`,
      [acmeId, `${month}-01`],
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(new Map(lines.map((l) => [l.serviceId, l.amountCents]))).toEqual(new Map(rows.map((r) => [r.service_id, Number(r.cents)])));
    expect(bill.body.outOfBundleTotalCents).toBe(sum(lines));
    const usage = await acme.get(`/api/usage?month=${month}`);
    expect(bill.body.outOfBundleTotalCents).toBe(usage.body.totals.outOfBundleCents);
    expect(bill.body.totalCents).toBe(bill.body.recurringTotalCents + bill.body.changesTotalCents + bill.body.outOfBundleTotalCents);
    for (const u of users) expect(u.totalCents).toBe(sum(u.recurring) + sum(u.changes) + sum(u.outOfBundle));
  });

  it('splits the bill by cost centre: each centre the sum of its users’ lines, all centres the bill', async () => {
    const [bill, report] = [await acme.get(`/api/billing/next-bill?month=${month}`), await acme.get(`/api/billing/chargeback?month=${month}`)];
    expect(report.status).toBe(200);
    const centres: Centre[] = report.body.centres;
    expect(centres.length).toBeGreaterThan(1);
    for (const key of ['recurring', 'changes', 'outOfBundle'] as const) {
      expect(centres.reduce((s, c) => s + c[`${key}Cents`], 0)).toBe(bill.body[`${key}TotalCents`]);
    }
    expect(report.body.totalCents).toBe(bill.body.totalCents);

    // independently of the bill: out-of-bundle and pro-rata lines per centre, straight from the tables
    const oob = await q<{ cc: string | null; cents: number }>(
      `select nullif(trim(u.cost_centre), '') as cc, sum(m.out_of_bundle_cents)::int as cents
         from usage_monthly m join services s on s.company_id = m.company_id and s.id = m.service_id
         join mobile_users u on u.company_id = s.company_id and u.id = s.mobile_user_id
        where m.company_id = $1 and m.month = $2::date group by 1`,
      [acmeId, `${month}-01`],
    );
    const changes = await q<{ cc: string | null; cents: number }>(
      `select nullif(trim(u.cost_centre), '') as cc, sum(b.amount_cents)::int as cents
         from billing_lines b join mobile_users u on u.company_id = b.company_id and u.id = b.mobile_user_id
        where b.company_id = $1 and b.billing_month = $2::date group by 1`,
      [acmeId, `${month}-01`],
    );
    const of = (rows: { cc: string | null; cents: number }[], cc: string | null) => Number(rows.find((r) => r.cc === cc)?.cents ?? 0);
    for (const c of centres) {
      expect(c.outOfBundleCents, `${c.costCentre}`).toBe(of(oob, c.costCentre));
      expect(c.changesCents, `${c.costCentre}`).toBe(of(changes, c.costCentre));
      expect(c.totalCents).toBe(c.recurringCents + c.changesCents + c.outOfBundleCents);
    }
    // and the recurring charges: the bill's users, grouped by the cost centre each user has
    const users: { id: string; costCentre: string | null }[] = (await acme.get('/api/mobile-users?pageSize=200')).body.items;
    const centreOf = new Map(users.map((u) => [u.id, u.costCentre]));
    for (const c of centres) {
      const mine = (bill.body.users as BillUser[]).filter((u) => (centreOf.get(u.mobileUserId) ?? null) === c.costCentre);
      expect(c.recurringCents).toBe(mine.reduce((s, u) => s + sum(u.recurring), 0));
      expect(c.users).toBe(mine.length);
    }
  });

  it('puts selected users in a cost centre at once, with an audit line each, and the chargeback follows', async () => {
    const users: { id: string; costCentre: string | null; serviceCount: number }[] = (await acme.get('/api/mobile-users?pageSize=200')).body.items;
    const chosen = users.filter((u) => u.serviceCount > 0).slice(0, 3);
    const res = await acme.post('/api/mobile-users/cost-centre', { userIds: chosen.map((u) => u.id), costCentre: '  CC-FLEET  ' });
    expect(res.status).toBe(200);
    expect(res.body.updated).toBe(3);
    for (const u of chosen) {
      expect((await acme.get(`/api/mobile-users/${u.id}`)).body.costCentre).toBe('CC-FLEET');
      const audit = (await acme.get(`/api/mobile-users/${u.id}/audit`)).body.items[0];
      expect(audit).toMatchObject({ action: 'mobile_user.updated' });
    }
    expect((await acme.post('/api/mobile-users/cost-centre', { userIds: chosen.map((u) => u.id), costCentre: 'CC-FLEET' })).body.updated).toBe(0);
    const report = await acme.get(`/api/billing/chargeback?month=${month}`);
    expect(report.body.centres.find((c: Centre) => c.costCentre === 'CC-FLEET')).toMatchObject({ users: 3 });
    const list = await acme.get('/api/mobile-users/cost-centres');
    expect(list.body.items).toContainEqual({ costCentre: 'CC-FLEET', users: 3 });
  });

  it('refuses a bulk change naming a user of another company, or bad input, and writes nothing', async () => {
    const own = (await acme.get('/api/mobile-users?pageSize=1')).body.items[0];
    const foreign = (await bright.get('/api/mobile-users?pageSize=1')).body.items[0];
    const res = await acme.post('/api/mobile-users/cost-centre', { userIds: [own.id, foreign.id], costCentre: 'STOLEN' });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('MOBILE_USER.NOT_FOUND');
    expect((await acme.get(`/api/mobile-users/${own.id}`)).body.costCentre).toBe(own.costCentre);
    expect((await bright.get(`/api/mobile-users/${foreign.id}`)).body.costCentre).toBe(foreign.costCentre);
    for (const body of [{ userIds: [], costCentre: 'X' }, { userIds: [own.id, own.id], costCentre: 'X' }, { userIds: [own.id], costCentre: 'x'.repeat(101) }, { userIds: ['nope'], costCentre: 'X' }]) {
      const bad = await acme.post('/api/mobile-users/cost-centre', body);
      expect(bad.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect(bad.body.errors[0].message).toMatch(/Users|Cost centre/);
    }
    expect((await acme.get(`/api/mobile-users/${own.id}`)).body.costCentre).toBe(own.costCentre);
  });

  it('writes the chargeback CSV in the reader’s language, one row per centre, amounts in euro', async () => {
    const report = await acme.get(`/api/billing/chargeback?month=${month}`);
    const csv = await acme.get(`/api/billing/chargeback.csv?month=${month}`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    const rows = String(csv.body).replace(/^\uFEFF/, '').trim().split('\n');
    expect(rows[0]).toContain('Out of bundle (EUR)');
    expect(rows).toHaveLength(report.body.centres.length + 1);
    const total = rows.slice(1).reduce((s, r) => s + Math.round(Number(r.split(',').at(-1)) * 100), 0);
    expect(total).toBe(report.body.totalCents);
    const fr = String((await bright.get(`/api/billing/chargeback.csv?month=${month}`)).body);
    expect(fr).toContain('Centre de coûts');
    expect(fr).toContain('Hors forfait (EUR)');
  });

  it("shows nothing of another company's bill, usage or cost centres", async () => {
    const acmeUsers: { id: string; costCentre: string | null }[] = (await acme.get('/api/mobile-users?pageSize=200')).body.items;
    const acmeIds = new Set(acmeUsers.map((u) => u.id));
    const bill = await bright.get(`/api/billing/next-bill?month=${month}`);
    expect((bill.body.users as BillUser[]).filter((u) => acmeIds.has(u.mobileUserId))).toEqual([]);
    const acmeServices = new Set((await q<{ id: string }>(`select id from services where company_id = $1`, [acmeId])).map((r) => r.id));
    expect((bill.body.users as BillUser[]).flatMap((u) => u.outOfBundle).filter((l) => acmeServices.has(l.serviceId))).toEqual([]);
    const brightCentres = (await bright.get('/api/mobile-users/cost-centres')).body.items.map((c: { costCentre: string }) => c.costCentre);
    expect(brightCentres).not.toContain('CC-FLEET');
    const report = await bright.get(`/api/billing/chargeback?month=${month}`);
    expect(report.body.centres.map((c: Centre) => c.costCentre)).not.toContain('CC-FLEET');
    expect(report.body.totalCents).toBe(bill.body.totalCents);
    expect(String((await bright.get(`/api/billing/chargeback.csv?month=${month}`)).body)).not.toContain('CC-FLEET');

    const operator = await portal.signIn('operator@dstny.example');
    const anon = portal.anonymous();
    for (const url of ['/api/billing/chargeback', '/api/billing/chargeback.csv', '/api/mobile-users/cost-centres']) {
      expect((await operator.get(url)).status, url).toBe(403);
      expect((await anon.get(url)).status, url).toBe(401);
    }
    expect((await operator.post('/api/mobile-users/cost-centre', { userIds: [acmeUsers[0]!.id], costCentre: 'X' })).status).toBe(403);
    expect((await acme.get('/api/billing/chargeback?month=2026-13')).status).toBe(400);
  });
});
