import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUEUES } from '../../server/src/jobs/queues.js';
import { brusselsDay } from '../../server/src/platform/calendar.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const fields = (res: { body: { errors?: { field: string; rule: string }[] } }) => (res.body.errors ?? []).map((e) => `${e.field}:${e.rule}`);

describe(`catalog: prices effective from a date (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let operator: Client;
  let admin: Client;
  let q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  const today = brusselsDay(new Date());
  const listPrice = async (code: string) => (await q<{ c: number }>(`select monthly_price_cents as c from bundles where code = $1`, [code]))[0]!.c;
  const wizardPrice = async (code: string) => {
    const catalog = (await admin.get('/api/catalog')).body;
    for (const p of catalog.productTypes) for (const st of p.serviceTypes) for (const b of st.bundles) if (b.code === code) return b.monthlyPriceCents as number;
    return null;
  };
  const billing = async () => (await q<{ n: number; s: number }>(`select count(*)::int as n, coalesce(sum(amount_cents), 0)::int as s from billing_lines`))[0]!;
  /** Runs the daily job as if it were `asOf`, on the portal's real job runner, and waits until it completed. */
  const runPriceJob = async (asOf: string) => {
    const id = await portal.jobs.boss.send(QUEUES.catalogPrices, { asOf });
    expect(id).toBeTruthy();
    const job = await waitUntil('the price job to finish', async () => {
      const found = await portal.jobs.boss.getJobById(QUEUES.catalogPrices, id!);
      return (found?.state === 'completed' || found?.state === 'failed') && found;
    });
    expect(job.state).toBe('completed');
  };

  beforeAll(async () => {
    portal = await createTestPortal();
    operator = await portal.signIn('operator@dstny.example');
    admin = await portal.signIn('admin@acme.example');
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
  });
  afterAll(async () => portal?.close());

  it('shows the whole catalog to operator staff, with names in every language and allowed options', async () => {
    const res = await operator.get('/api/back-office/catalog');
    expect(res.status).toBe(200);
    expect(res.body.today).toBe(today);
    expect(res.body.productTypes.map((p: { code: string }) => p.code)).toEqual(['mobile', 'smartmobile', 'fmc', 'mobile_data']);
    const m = res.body.bundles.find((b: { code: string }) => b.code === 'mobile-m');
    expect(m).toMatchObject({ name: { en: expect.any(String), fr: expect.any(String), nl: expect.any(String) }, monthlyPriceCents: 2200, active: true, nextPrice: null });
    expect(m.optionCodes).toContain('intl-100');
    expect(res.body.options.find((o: { code: string }) => o.code === 'intl-100').bundleCodes).toContain('mobile-m');
  });

  it("a price from today changes the list price in the same transaction; billing lines keep their amounts", async () => {
    const bill = await billing();
    const res = await operator.post('/api/back-office/catalog/prices', { itemKind: 'bundle', itemCode: 'mobile-m', monthlyPriceCents: 2300, effectiveFrom: today });
    expect(res.status).toBe(201);
    expect(res.body.appliedNow).toBe(true);
    expect(await listPrice('mobile-m')).toBe(2300);
    expect(await wizardPrice('mobile-m')).toBe(2300);
    expect(await billing()).toEqual(bill);
    const history = (await operator.get('/api/back-office/catalog/prices/bundle/mobile-m')).body.items;
    expect(history.map((h: { effectiveFrom: string; status: string; monthlyPriceCents: number }) => [h.effectiveFrom, h.status, h.monthlyPriceCents])).toEqual([
      [today, 'current', 2300],
      ['2025-01-01', 'past', 2200],
    ]);
    expect(history[0].createdByName).toBe('Dstny Support Desk');
    // a price that has taken effect is never rewritten
    const again = await operator.post('/api/back-office/catalog/prices', { itemKind: 'bundle', itemCode: 'mobile-m', monthlyPriceCents: 2250, effectiveFrom: today });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CATALOG.PRICE_EXISTS');
    expect(await listPrice('mobile-m')).toBe(2300);
  });

  it('refuses a price before today, naming the date, and writes nothing', async () => {
    const before = await q(`select * from catalog_prices order by id`);
    const res = await operator.post('/api/back-office/catalog/prices', { itemKind: 'bundle', itemCode: 'mobile-l', monthlyPriceCents: 100, effectiveFrom: addDays(today, -1) });
    expect(res.status).toBe(422);
    expect(fields(res)).toEqual(['effectiveFrom:price_in_past']);
    expect(res.body.errors[0].message).toMatch(/Effective from/);
    const bad = await operator.post('/api/back-office/catalog/prices', { itemKind: 'bundle', itemCode: 'mobile-l', monthlyPriceCents: -5, effectiveFrom: '2030-02-30' });
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['effectiveFrom:invalid_format', 'monthlyPriceCents:too_small']);
    const unknown = await operator.post('/api/back-office/catalog/prices', { itemKind: 'option', itemCode: 'no-such-option', monthlyPriceCents: 100, effectiveFrom: today });
    expect(unknown.status).toBe(404);
    expect(await q(`select * from catalog_prices order by id`)).toEqual(before);
    expect(await listPrice('mobile-l')).toBe(3500);
  });

  it('a future price waits; the daily job applies it when its day comes', async () => {
    const tomorrow = addDays(today, 1);
    const res = await operator.post('/api/back-office/catalog/prices', { itemKind: 'bundle', itemCode: 'mobile-s', monthlyPriceCents: 1400, effectiveFrom: tomorrow });
    expect(res.status).toBe(201);
    expect(res.body.appliedNow).toBe(false);
    // replaced before its day: still one planned price for that day
    expect((await operator.post('/api/back-office/catalog/prices', { itemKind: 'bundle', itemCode: 'mobile-s', monthlyPriceCents: 1450, effectiveFrom: tomorrow })).status).toBe(201);
    expect(await listPrice('mobile-s')).toBe(1250);
    const catalog = (await operator.get('/api/back-office/catalog')).body;
    expect(catalog.bundles.find((b: { code: string }) => b.code === 'mobile-s').nextPrice).toEqual({ monthlyPriceCents: 1450, effectiveFrom: tomorrow });
    const history = (await operator.get('/api/back-office/catalog/prices/bundle/mobile-s')).body.items;
    expect(history.map((h: { status: string; monthlyPriceCents: number }) => [h.status, h.monthlyPriceCents])).toEqual([
      ['planned', 1450],
      ['current', 1250],
    ]);

    await runPriceJob(today);
    expect(await listPrice('mobile-s')).toBe(1250);
    expect(await listPrice('mobile-m')).toBe(2300);
    await runPriceJob(tomorrow);
    expect(await listPrice('mobile-s')).toBe(1450);
    // the column follows the price list for that day, whatever it held
    await q(`update bundles set monthly_price_cents = 1 where code = 'mobile-l'`);
    await runPriceJob(tomorrow);
    expect(await listPrice('mobile-l')).toBe(3500);
    expect(await wizardPrice('mobile-s')).toBe(1450);
  });

  it('withdraws a planned price, never one in effect', async () => {
    const day = addDays(today, 30);
    const planned = await operator.post('/api/back-office/catalog/prices', { itemKind: 'option', itemCode: 'intl-100', monthlyPriceCents: 700, effectiveFrom: day });
    expect((await operator.delete(`/api/back-office/catalog/prices/${planned.body.id}`)).status).toBe(204);
    const current = (await operator.get('/api/back-office/catalog/prices/option/intl-100')).body.items[0];
    expect(current.status).toBe('current');
    const refused = await operator.delete(`/api/back-office/catalog/prices/${current.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CATALOG.PRICE_IN_EFFECT');
    const actions = await q<{ action: string; company_id: string | null }>(`select action, company_id from audit_events where action like 'catalog.price.%' order by created_at`);
    expect(actions.map((a) => a.action)).toEqual(['catalog.price.added', 'catalog.price.added', 'catalog.price.replaced', 'catalog.price.added', 'catalog.price.withdrawn']);
    expect(actions.every((a) => a.company_id === null)).toBe(true);
  });

  it('renames entries and takes a bundle out of the offer for new services', async () => {
    const renamed = await operator.patch('/api/back-office/catalog/bundles/mobile-l', { name: { en: 'Mobile L+', fr: 'Mobile L+', nl: 'Mobiel L+' } });
    expect(renamed.status).toBe(204);
    admin.lang = 'nl';
    expect((await admin.get('/api/catalog')).status).toBe(200);
    const off = await operator.patch('/api/back-office/catalog/bundles/mobile-l', { active: false });
    expect(off.status).toBe(204);
    expect(await wizardPrice('mobile-l')).toBeNull();
    expect((await operator.get('/api/back-office/catalog')).body.bundles.find((b: { code: string }) => b.code === 'mobile-l')).toMatchObject({ active: false, name: { nl: 'Mobiel L+' } });
    expect((await operator.patch('/api/back-office/catalog/bundles/mobile-l', { active: true })).status).toBe(204);
    expect((await operator.patch('/api/back-office/catalog/product-types/fmc', { name: { en: 'FMC', fr: 'FMC', nl: 'FMC' } })).status).toBe(204);
    const wrong = await operator.patch('/api/back-office/catalog/product-types/fmc', { active: false });
    expect(wrong.status).toBe(400);
    expect(fields(wrong)).toEqual(['active:not_applicable']);
    const empty = await operator.patch('/api/back-office/catalog/options/intl-100', { name: { en: 'x', fr: '', nl: 'y' } });
    expect(fields(empty)).toEqual(['name.fr:required']);
    expect((await operator.patch('/api/back-office/catalog/options/nope', { active: false })).status).toBe(404);
    // nothing to change: a no-op, not a server error, and nothing audited
    expect((await operator.patch('/api/back-office/catalog/bundles/mobile-l', {})).status).toBe(204);
    expect((await operator.patch('/api/back-office/catalog/bundles/nope', {})).status).toBe(404);
    const audit = await q<{ action: string }>(`select action from audit_events where action like 'catalog.%.updated' order by created_at`);
    expect(audit.map((a) => a.action)).toEqual(['catalog.bundles.updated', 'catalog.bundles.updated', 'catalog.bundles.updated', 'catalog.product-types.updated']);
  });
});
