import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

// The Usage page's API and a service's usage, on the demo with the usage its start loaded: the
// figures are the records' sums, the bands follow the rule, the filters and the CSV select the same
// lines. Last month: loaded whole whatever today's date.
describe(`usage API (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  const now = new Date();
  const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
  });
  afterAll(async () => portal?.close());

  const q = async <T>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];

  it("sums the company's month from its records, day by day and line by line", async () => {
    const res = await acme.get(`/api/usage?month=${month}&pageSize=200`);
    expect(res.status).toBe(200);
    const [company] = await q<{ id: string }>(`select id from companies where name = 'Acme Logistics'`);
    const [sums] = await q<{ lines: number; data: number; cents: number; days: number }>(
      `select count(distinct service_id)::int as lines, sum(data_mb + roaming_data_mb)::int as data, sum(out_of_bundle_cents)::int as cents, count(distinct usage_day)::int as days
         from usage_records where company_id = $1 and usage_day >= $2::date and usage_day < ($2::date + interval '1 month')`,
      [company!.id, `${month}-01`],
    );
    expect(res.body.totals).toMatchObject({ lines: sums!.lines, dataMb: sums!.data, outOfBundleCents: sums!.cents });
    expect(res.body.days).toHaveLength(sums!.days);
    expect(res.body.days.reduce((n: number, d: { dataMb: number }) => n + d.dataMb, 0)).toBe(sums!.data);
    const { under, near, over } = res.body.bands;
    expect(under + near + over).toBe(res.body.lines.filter((l: { band: string | null }) => l.band !== null).length);
    for (const l of res.body.lines) {
      if (l.band === 'under') expect(l.dataMb * 100).toBeLessThan(l.dataAllowanceMb * 80);
      if (l.band === 'over') expect(l.dataMb).toBeGreaterThan(l.dataAllowanceMb);
    }
    const costs = res.body.topByCost.map((l: { outOfBundleCents: number }) => l.outOfBundleCents);
    expect(costs).toEqual([...costs].sort((a: number, b: number) => b - a));
  });

  it('selects by band and roaming, the same lines on the page and in the CSV', async () => {
    for (const band of ['under', 'near', 'over'] as const) {
      const res = await acme.get(`/api/usage?month=${month}&band=${band}&pageSize=200`);
      expect(res.body.lines.every((l: { band: string }) => l.band === band)).toBe(true);
      expect(res.body.linesTotal).toBe(res.body.bands[band]);
      const csv = await acme.get(`/api/usage/export.csv?month=${month}&band=${band}`);
      expect(csv.headers['content-type']).toMatch(/text\/csv/);
      const rows = String(csv.body).trim().split('\n').slice(1).filter(Boolean);
      expect(rows).toHaveLength(res.body.linesTotal);
    }
    const roaming = await acme.get(`/api/usage?month=${month}&roaming=true`);
    expect(roaming.body.linesTotal).toBe(roaming.body.roamingLines);
    expect((await acme.get('/api/usage?band=most')).status).toBe(400);
    expect((await acme.get('/api/usage?month=2026-13')).status).toBe(400);
  });

  it('pages through the selected lines and finds a line by name or number, on the page and in the CSV', async () => {
    const all = (await acme.get(`/api/usage?month=${month}&pageSize=200`)).body;
    const first = (await acme.get(`/api/usage?month=${month}&pageSize=10`)).body;
    const second = (await acme.get(`/api/usage?month=${month}&pageSize=10&page=2`)).body;
    expect(first).toMatchObject({ page: 1, pageSize: 10, linesTotal: all.linesTotal });
    expect([...first.lines, ...second.lines]).toEqual(all.lines.slice(0, 20));
    const line = all.lines[3];
    const byName = (await acme.get(`/api/usage?month=${month}&q=${encodeURIComponent(line.userName.split(' ')[1])}`)).body;
    expect(byName.lines.map((l: { serviceId: string }) => l.serviceId)).toContain(line.serviceId);
    expect(byName.lines.every((l: { userName: string }) => l.userName.includes(line.userName.split(' ')[1]))).toBe(true);
    const local = `0${line.msisdn.slice(3)}`; // +32470… typed as 0470…
    const byNumber = (await acme.get(`/api/usage?month=${month}&q=${local}`)).body;
    expect(byNumber.lines.map((l: { serviceId: string }) => l.serviceId)).toEqual([line.serviceId]);
    const csv = String((await acme.get(`/api/usage/export.csv?month=${month}&q=${local}`)).body).trim().split('\n');
    expect(csv).toHaveLength(2);
    expect((await acme.get(`/api/usage?month=${month}&pageSize=500`)).status).toBe(400);
  });

  it('writes the CSV header in the reader’s language', async () => {
    const bright = await portal.signIn('admin@brightwave.example'); // reads French
    expect(String((await bright.get(`/api/usage/export.csv?month=${month}`)).body)).toContain('Hors forfait (EUR)');
    expect(String((await acme.get(`/api/usage/export.csv?month=${month}`)).body)).toContain('Out of bundle (EUR)');
  });

  it("shows a service's month against its bundle and its last six months", async () => {
    const page = await acme.get(`/api/usage?month=${month}`);
    const line = page.body.topByData[0];
    const res = await acme.get(`/api/services/${line.serviceId}/usage?month=${month}`);
    expect(res.status).toBe(200);
    expect(res.body.line).toEqual(line);
    expect(res.body.months.at(-1)).toMatchObject({ month, dataMb: line.dataMb, outOfBundleCents: line.outOfBundleCents });
    expect(res.body.months.length).toBeGreaterThanOrEqual(1);
    expect(res.body.months.length).toBeLessThanOrEqual(6);
    const months = res.body.months.map((m: { month: string }) => m.month);
    expect(months).toEqual([...months].sort());
    expect((await acme.get('/api/services/00000000-0000-4000-8000-000000000000/usage')).status).toBe(404);
  });
});
