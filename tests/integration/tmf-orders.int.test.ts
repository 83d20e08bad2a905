import fs from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const CANCELS = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';
const SERVICES = '/tmf-api/serviceInventory/v4/service';

// ---------------------------------------------------------------- the TMF v4 specs' own schemas
// (tests/support/tmf-specs: TM Forum's swagger documents, Apache-2.0, unmodified)
const specDir = path.join(import.meta.dirname, '../support/tmf-specs');
const definitionsOf = (file: string) => (JSON.parse(fs.readFileSync(path.join(specDir, file), 'utf8')) as { definitions: Record<string, unknown> }).definitions;
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const validatorOf = (file: string) => {
  const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
  const definitions = definitionsOf(file);
  ajv.addSchema({ $id: file, definitions });
  return { definitions, validate: (name: string) => ajv.getSchema(`${file}#/definitions/${name}`) as ValidateFunction };
};
const tmf622 = validatorOf('TMF622-ProductOrder-v4.0.0.swagger.json');
const tmf638 = validatorOf('TMF638-ServiceInventory-v4.0.0.swagger.json');
// attributes we return beyond v4: the reasons of a rejection, which TMF622 v5 added
const EXTENSIONS: Record<string, string[]> = { ProductOrder: ['errorMessage'], CancelProductOrder: ['errorMessage'], Service: ['@type'] };

/** The answer validates against the spec's schema, and each top-level attribute is one the spec defines. */
const conforms = (spec: typeof tmf622, name: string, value: Record<string, unknown>) => {
  const validate = spec.validate(name);
  expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
  const known = Object.keys((spec.definitions[name] as { properties: Record<string, unknown> }).properties);
  expect(Object.keys(value).filter((k) => !known.includes(k) && !(EXTENSIONS[name] ?? []).includes(k))).toEqual([]);
};

// TMF622 beyond creating and reading: the minimal order checked afterwards, PATCH, cancelProductOrder;
// every answer held to the TMF v4 specs' schemas; the paths that are no page.
describe(`TMF622 order lifecycle and TMF v4 contract (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let acmeToken: string;
  let brightToken: string;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];

  const tokenFor = async (admin: Client, scopes: string[]) => {
    const created = (await admin.post('/api/company/api-clients', { name: 'ITSM', scopes })).body;
    const res = await portal.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: created.clientId, client_secret: created.clientSecret }).toString(),
    });
    return res.json().access_token as string;
  };
  const as = (token: string) => ({
    get: (url: string) => portal.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
    post: (url: string, body: unknown) => portal.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: body as object }),
    patch: (url: string, body: unknown, type = 'application/merge-patch+json') =>
      portal.app.inject({ method: 'PATCH', url, headers: { authorization: `Bearer ${token}`, 'content-type': type }, payload: JSON.stringify(body) }),
  });
  const orderOf = async (id: string, token = acmeToken) => (await as(token).get(`${ORDERS}/${id}`)).json();
  const settled = (id: string) => waitUntil('the order is carried out', async () => ((await orderOf(id)).state !== 'acknowledged' ? orderOf(id) : null));
  const cancellationSettled = (id: string) =>
    waitUntil('the cancellation is worked', async () => {
      const c = (await as(acmeToken).get(`${CANCELS}/${id}`)).json();
      return ['done', 'terminatedWithError'].includes(c.state) && c;
    });

  const freeUser = async () => {
    const users = (await acme.get('/api/mobile-users?pageSize=100')).body.items.filter((u: { serviceCount: number }) => u.serviceCount === 0);
    const used = new Set((await q<{ id: string }>('select distinct mobile_user_id as id from services')).map((r) => r.id));
    return users.find((u: { id: string }) => !used.has(u.id)).id as string;
  };
  const freeNumber = async () => {
    const taken = new Set((await q<{ msisdn: string }>('select msisdn from services where msisdn is not null')).map((r) => r.msisdn));
    return ((await acme.get('/api/wizard/stock')).body.freeMobileNumbers as string[]).find((n) => !taken.has(n))!;
  };
  const lineOrder = async (opts: { start?: string; method?: string } = {}) => ({
    ...(opts.start ? { requestedStartDate: opts.start } : {}),
    productOrderItem: [
      {
        id: '1',
        action: 'add',
        productOffering: { id: 'mobile-m' },
        product: {
          productSpecification: { id: 'mobile.voice' },
          productCharacteristic: [
            { name: 'numberKind', value: 'new' },
            { name: 'msisdn', value: await freeNumber() },
            { name: 'simKind', value: 'esim' },
            { name: 'activationMethod', value: opts.method ?? 'automatic' },
          ],
          relatedParty: [{ role: 'user', id: await freeUser() }],
        },
      },
    ],
  });
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
  const heldOrder = async () => {
    const res = await as(acmeToken).post(ORDERS, await lineOrder({ start: inDays(3) }));
    expect(res.statusCode).toBe(201);
    const order = await settled(res.json().id);
    expect(order.state).toBe('held');
    return order;
  };
  const serviceRow = async (id: string) => (await q<{ status: string; scheduled_start_at: Date | null; msisdn: string }>('select status, scheduled_start_at, msisdn from services where id = $1', [id]))[0]!;

  beforeAll(async () => {
    portal = await createTestPortal({ LOG_LEVEL: 'error' });
    acme = await portal.signIn('owner@acme.example');
    const bright = await portal.signIn('owner@brightwave.example');
    acmeToken = await tokenFor(acme, ['services:read', 'orders:read', 'orders:write']);
    brightToken = await tokenFor(bright, ['services:read', 'orders:read', 'orders:write']);
  });
  afterAll(async () => portal?.close());

  describe('the minimal order, checked afterwards', () => {
    it('accepts the spec\'s minimal order with 201 acknowledged, then rejects it with the reason in note and errorMessage', async () => {
      const res = await as(acmeToken).post(ORDERS, { productOrderItem: [{ id: '123', action: 'add' }], relatedParty: [{ id: '456-dd-df45', '@referredType': 'Individual' }] });
      expect(res.statusCode).toBe(201);
      const order = res.json();
      expect(order).toMatchObject({ state: 'acknowledged', productOrderItem: [{ id: '123', state: 'acknowledged' }], relatedParty: [{ id: '456-dd-df45', '@referredType': 'Individual' }] });
      for (const attr of ['productOrderItem', 'href', 'id', 'orderDate', 'relatedParty', 'state']) expect(order).toHaveProperty(attr);
      conforms(tmf622, 'ProductOrder', order);
      const rejected = await settled(order.id);
      expect(rejected.state).toBe('rejected');
      expect(rejected.productOrderItem[0].state).toBe('rejected');
      expect(rejected.errorMessage[0]).toMatchObject({ code: 'SERVICE.INVALID_CHOICES', productOrderItem: [{ itemId: '123' }] });
      expect(rejected.note[0].text).toMatch(/^123: \S/);
      expect(rejected.completionDate).toBeDefined();
      conforms(tmf622, 'ProductOrder', rejected);
      // the job is durable: pg-boss kept it, and it ran once
      const jobs = await q<{ state: string }>(`select state from pgboss.job where name = 'public-api.product-order' and data->>'productOrderId' = $1`, [order.id]);
      expect(jobs.map((j) => j.state)).toEqual(['completed']);
    });

    it('still refuses at once a body that is no order (400, the field named)', async () => {
      const res = await as(acmeToken).post(ORDERS, { productOrderItem: [{ action: 'add' }] });
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION.FAILED', errors: [{ field: 'productOrderItem.0.id' }] });
    });
  });

  describe('PATCH productOrder', () => {
    it('changes description, priority, category, externalId and notes with a merge patch; null removes one', async () => {
      const order = await heldOrder();
      const res = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { description: 'New starter', priority: '1', category: 'onboarding', externalId: 'HR-7', note: [{ text: 'Desk 4.12', author: 'HR' }] });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ description: 'New starter', priority: '1', category: 'onboarding', externalId: 'HR-7', note: [{ text: 'Desk 4.12', author: 'HR', '@type': 'Note' }], state: 'held' });
      conforms(tmf622, 'ProductOrder', res.json());
      const cleared = (await as(acmeToken).patch(`${ORDERS}/${order.id}`, { description: null })).json();
      expect(cleared).not.toHaveProperty('description');
      expect(cleared.priority).toBe('1');
      expect((await as(acmeToken).get(`${ORDERS}?priority=1&category=onboarding&fields=id`)).json()).toEqual([{ id: order.id, href: `${ORDERS}/${order.id}` }]);
      const audit = (await acme.get('/api/audit?entityType=product_order&pageSize=100')).body.items.filter((e: { entityId: string; action: string }) => e.entityId === order.id && e.action === 'product_order.updated');
      expect(audit).toHaveLength(2);
    });

    it('moves the scheduled start of a held order with the portal\'s Schedule, and removing it starts the line now', async () => {
      const order = await heldOrder();
      const serviceId = order.productOrderItem[0].product.id;
      const later = inDays(5);
      const res = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { requestedStartDate: later });
      expect([res.statusCode, res.json().requestedStartDate, res.json().state]).toEqual([200, later, 'held']);
      expect((await serviceRow(serviceId)).scheduled_start_at?.toISOString()).toBe(later);
      const timeline = (await acme.get(`/api/services/${serviceId}`)).body.events.map((e: { event: string }) => e.event);
      expect(timeline).toContain('scheduled');
      const past = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { requestedStartDate: '2020-01-01T00:00:00Z' });
      expect([past.statusCode, past.json().errors[0].field]).toEqual([400, 'requestedStartDate']);
      const now = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { requestedStartDate: null });
      expect(now.statusCode).toBe(200);
      expect((await serviceRow(serviceId)).status).not.toBe('waiting_for_activation');
      // the line is on its way: its start can no longer change
      const late = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { requestedStartDate: inDays(2) });
      expect(late.statusCode).toBe(409);
      expect(late.json()).toMatchObject({ '@type': 'Error', code: 'PRODUCT_ORDER.STATE_CONFLICT', errors: [{ field: 'requestedStartDate' }] });
    });

    it('refuses read-only and unknown attributes by name, bad values, other media types, ended and foreign orders', async () => {
      const order = await heldOrder();
      const readOnly = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { state: 'completed', orderDate: '2020-01-01T00:00:00Z', colour: 'red', description: 'x' });
      expect(readOnly.statusCode).toBe(400);
      expect(readOnly.json().errors.map((e: { field: string }) => e.field)).toEqual(['state', 'orderDate', 'colour']);
      expect(readOnly.json().errors.map((e: { rule: string }) => e.rule)).toEqual(['not_patchable', 'not_patchable', 'not_patchable']);
      expect((await orderOf(order.id)).description).toBeUndefined();
      const badDate = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { requestedStartDate: 'tomorrow' });
      expect([badDate.statusCode, badDate.json().errors[0].field]).toEqual([400, 'requestedStartDate']);
      const xml = await as(acmeToken).patch(`${ORDERS}/${order.id}`, { description: 'x' }, 'application/xml');
      expect(xml.statusCode).toBe(415);
      const foreign = await as(brightToken).patch(`${ORDERS}/${order.id}`, { description: 'x' });
      expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'PRODUCT_ORDER.NOT_FOUND']);
      const rejected = (await as(acmeToken).post(ORDERS, { productOrderItem: [{ id: '1', action: 'add' }] })).json();
      await settled(rejected.id);
      const ended = await as(acmeToken).patch(`${ORDERS}/${rejected.id}`, { description: 'x' });
      expect(ended.statusCode).toBe(409);
      expect(ended.json().errors).toEqual([expect.objectContaining({ field: 'description' })]);
    });
  });

  describe('cancelProductOrder', () => {
    it('cancels a held order with the portal\'s Cancel: the line is cancelled, its number back in stock, the order cancelled', async () => {
      const order = await heldOrder();
      const serviceId = order.productOrderItem[0].product.id;
      const { msisdn } = await serviceRow(serviceId);
      const res = await as(acmeToken).post(CANCELS, { productOrder: { id: order.id, '@referredType': 'ProductOrder' }, cancellationReason: 'The new starter withdrew' });
      expect(res.statusCode).toBe(201);
      expect(res.headers.location).toBe(`${CANCELS}/${res.json().id}`);
      expect(res.json()).toMatchObject({ '@type': 'CancelProductOrder', state: 'acknowledged', productOrder: { id: order.id }, cancellationReason: 'The new starter withdrew' });
      conforms(tmf622, 'CancelProductOrder', res.json());
      const done = await cancellationSettled(res.json().id);
      expect(done.state).toBe('done');
      expect(done.effectiveCancellationDate).toBeDefined();
      conforms(tmf622, 'CancelProductOrder', done);
      const cancelled = await orderOf(order.id);
      expect(cancelled).toMatchObject({ state: 'cancelled', cancellationReason: 'The new starter withdrew', productOrderItem: [{ state: 'cancelled' }] });
      conforms(tmf622, 'ProductOrder', cancelled);
      expect((await serviceRow(serviceId)).status).toBe('cancelled');
      expect((await acme.get('/api/wizard/stock')).body.freeMobileNumbers).toContain(msisdn);
      expect((await acme.get(`/api/services/${serviceId}`)).body.events.map((e: { event: string; actorName: string }) => [e.event, e.actorName])).toContainEqual(['cancelled', 'ITSM (API)']);
      // an ended order cannot be cancelled again
      const again = await as(acmeToken).post(CANCELS, { productOrder: { id: order.id } });
      expect([again.statusCode, again.json().code]).toEqual([409, 'PRODUCT_ORDER.NOT_CANCELLABLE']);
    });

    it('ends terminatedWithError, undoing nothing, when a line has started; refuses unknown and foreign orders', async () => {
      const res = await as(acmeToken).post(ORDERS, await lineOrder({ method: 'email' }));
      const order = await settled(res.json().id);
      expect(order.state).toBe('inProgress');
      const serviceId = order.productOrderItem[0].product.id;
      // the e-mail activation has started and waits for the employee
      await waitUntil('the line waits for its user', async () => (await serviceRow(serviceId)).status === 'awaiting_user');
      const cancel = (await as(acmeToken).post(CANCELS, { productOrder: { id: order.id } })).json();
      const failed = await cancellationSettled(cancel.id);
      expect(failed.state).toBe('terminatedWithError');
      expect(failed.errorMessage[0]).toMatchObject({ code: 'SERVICE.NOT_WAITING' });
      conforms(tmf622, 'CancelProductOrder', failed);
      expect((await serviceRow(serviceId)).status).toBe('awaiting_user');
      expect((await orderOf(order.id)).state).toBe('inProgress');
      for (const id of ['00000000-0000-4000-8000-000000000000', 'nope']) {
        const unknown = await as(acmeToken).post(CANCELS, { productOrder: { id } });
        expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'PRODUCT_ORDER.NOT_FOUND']);
      }
      const foreign = await as(brightToken).post(CANCELS, { productOrder: { id: order.id } });
      expect(foreign.statusCode).toBe(404);
      expect((await as(brightToken).get(`${CANCELS}/${cancel.id}`)).statusCode).toBe(404);
      expect((await as(brightToken).get(`${CANCELS}?fields=id`)).json().map((c: { id: string }) => c.id)).not.toContain(cancel.id);
    });

    it('lists cancellation requests with paging headers, exact fields and filters', async () => {
      const list = await as(acmeToken).get(`${CANCELS}?limit=1&fields=id,state`);
      expect(list.statusCode).toBe(200);
      expect(Number(list.headers['x-total-count'])).toBeGreaterThanOrEqual(2);
      expect(list.headers['x-result-count']).toBe('1');
      expect(Object.keys(list.json()[0]).sort()).toEqual(['href', 'id', 'state']);
      const done = (await as(acmeToken).get(`${CANCELS}?state=done`)).json();
      expect(done.length).toBeGreaterThanOrEqual(1);
      for (const c of done) {
        expect(c.state).toBe('done');
        conforms(tmf622, 'CancelProductOrder', c);
      }
      expect((await as(acmeToken).get(`${CANCELS}?colour=red`)).statusCode).toBe(400);
      expect((await as(acmeToken).get(`${CANCELS}/nope`)).json()).toMatchObject({ '@type': 'Error', code: 'CANCEL_PRODUCT_ORDER.NOT_FOUND' });
    });
  });

  describe('the TMF v4 contract', () => {
    it('every order and service we return validates against the spec, and `fields` returns what was asked and the identity (id, href)', async () => {
      const orders = await as(acmeToken).get(`${ORDERS}?limit=100`);
      expect(orders.json().length).toBeGreaterThan(0);
      for (const o of orders.json()) conforms(tmf622, 'ProductOrder', o);
      const services = await as(acmeToken).get(`${SERVICES}?limit=200`);
      for (const s of services.json()) conforms(tmf638, 'Service', s);
      for (const fields of ['href', 'id', 'orderDate', 'state,productOrderItem', 'id,nosuch']) {
        const res = (await as(acmeToken).get(`${ORDERS}?fields=${fields}&limit=5`)).json();
        const asked = [...new Set(['id', 'href', ...fields.split(',').filter((f) => f !== 'nosuch')])];
        for (const o of res) expect(Object.keys(o).sort()).toEqual(asked.sort());
      }
      const one = orders.json()[0];
      expect(Object.keys((await as(acmeToken).get(`${ORDERS}/${one.id}?fields=state`)).json()).sort()).toEqual(['href', 'id', 'state']);
      expect(Object.keys((await as(acmeToken).get(`${SERVICES}?fields=name,state&limit=1`)).json()[0]).sort()).toEqual(['href', 'id', 'name', 'state']);
    });

    it('filters on orderDate as the kit does, and pages with X-Total-Count and X-Result-Count', async () => {
      const [first] = (await as(acmeToken).get(`${ORDERS}?limit=1`)).json();
      const byDate = await as(acmeToken).get(`${ORDERS}?orderDate=${encodeURIComponent(first.orderDate)}`);
      expect(byDate.json().map((o: { id: string }) => o.id)).toContain(first.id);
      for (const o of byDate.json()) expect(o.orderDate).toBe(first.orderDate);
      expect((await as(acmeToken).get(`${ORDERS}?orderDate=yesterday`)).statusCode).toBe(400);
      const total = Number((await as(acmeToken).get(`${ORDERS}?limit=1`)).headers['x-total-count']);
      const pages = [];
      for (let offset = 0; offset < total; offset += 2) {
        const page = await as(acmeToken).get(`${ORDERS}?limit=2&offset=${offset}&fields=id`);
        expect([page.headers['x-total-count'], page.headers['x-result-count']]).toEqual([String(total), String(Math.min(2, total - offset))]);
        pages.push(...page.json().map((o: { id: string }) => o.id));
      }
      expect(new Set(pages).size).toBe(total);
    });
  });

  describe('paths that are no page', () => {
    it('answers unknown API paths with a JSON 404 (a TMF error under /tmf-api), accepts trailing slashes, and gives pages the web app', async () => {
      const tmf = await portal.app.inject({ method: 'GET', url: '/tmf-api/productOrderingManagement/v4/nothing' });
      expect([tmf.statusCode, tmf.headers['content-type']]).toEqual([404, 'application/json; charset=utf-8']);
      expect(tmf.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND', status: '404' });
      for (const url of ['/api/nothing/here', '/api/services/x/y/z', '/oauth/nothing']) {
        const res = await portal.app.inject({ method: 'GET', url });
        expect([url, res.statusCode, String(res.headers['content-type'])]).toEqual([url, 404, expect.stringMatching(/json/)]);
      }
      expect((await portal.app.inject({ method: 'POST', url: '/tmf-api/nothing', payload: {} })).statusCode).toBe(404);
      expect((await as(acmeToken).get(`${ORDERS}/?limit=1`)).statusCode).toBe(200);
      expect((await as(acmeToken).get(`${CANCELS}/`)).statusCode).toBe(200);
      expect((await acme.get('/api/mobile-users/?pageSize=1')).status).toBe(200);
      // a page of the browser app is never a JSON 404
      const page = await portal.app.inject({ method: 'GET', url: '/back-office/companies' });
      expect(page.statusCode).not.toBe(404);
    });
  });
});
