import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';
import {
  TmfGeographicAddressSchema,
  TmfIndividualSchema,
  TmfOrganizationSchema,
  TmfProductOrderListSchema,
  TmfProductOrderSchema,
  TmfResourceSchema,
  TmfServiceListSchema,
  TmfServiceSchema,
  TmfServiceSpecificationSchema,
} from '../../server/src/modules/public-api/tmf.schemas.js';

// the routes skip checking their answers on the way out (speed): every answer is held to its schema here
const strictly = <T extends { strict(): unknown }>(schema: T) => schema.strict() as unknown as { parse(v: unknown): unknown };

const SERVICES = '/tmf-api/serviceInventory/v4/service';
const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';

// TMF638 Service Inventory and TMF622 Product Ordering as a company's own system uses them: a
// bearer token of an API client, the portal's own use cases behind every order item.
describe(`TM Forum APIs (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let acmeToken: string;
  let brightToken: string;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const one = async <T,>(text: string, values: unknown[] = []) => (await q<T>(text, values))[0]!;

  const tokenFor = async (admin: Client, scopes: string[]) => {
    const created = (await admin.post('/api/company/api-clients', { name: 'HR system', scopes })).body;
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
    post: (url: string, body: unknown, headers: Record<string, string> = {}) => portal.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, ...headers }, payload: body as object }),
  });
  // an order is acknowledged when it comes in; its job carries the items out
  const settled = (token: string, id: string) =>
    waitUntil('the order is carried out', async () => {
      const o = (await as(token).get(`${ORDERS}/${id}`)).json();
      return o.state !== 'acknowledged' && o;
    });

  beforeAll(async () => {
    portal = await createTestPortal({ LOG_LEVEL: 'error' });
    acme = await portal.signIn('admin@acme.example');
    // API clients are the owner's to create
    acmeToken = await tokenFor(await portal.signIn('owner@acme.example'), ['services:read', 'orders:read', 'orders:write']);
    brightToken = await tokenFor(await portal.signIn('owner@brightwave.example'), ['services:read', 'orders:read', 'orders:write']);
  });
  afterAll(async () => portal?.close());

  describe('TMF638 Service Inventory', () => {
    it("lists every service of the client's company, paged, with the counts in headers", async () => {
      const { n } = await one<{ n: number }>(`select count(*)::int as n from services s join companies c on c.id = s.company_id where c.name = 'Acme Logistics'`);
      const first = await as(acmeToken).get(`${SERVICES}?limit=5`);
      expect(first.statusCode).toBe(200);
      expect(first.headers['x-total-count']).toBe(String(n));
      expect(first.headers['x-result-count']).toBe('5');
      const page1 = first.json();
      const page2 = (await as(acmeToken).get(`${SERVICES}?limit=5&offset=5`)).json();
      expect(page1.map((s: { id: string }) => s.id)).not.toEqual(expect.arrayContaining([page2[0].id]));
      const all = (await as(acmeToken).get(`${SERVICES}?limit=1000`)).json();
      expect(all).toHaveLength(n);
      TmfServiceListSchema.parse(all);
      for (const s of all) strictly(TmfServiceSchema).parse(s);
      expect(new Set(all.map((s: { id: string }) => s.id)).size).toBe(n);
    });

    it('shows a service with its specification, characteristics, resources, parties, place and state', async () => {
      const [row] = await q<{ id: string; msisdn: string; status: string; iccid: string }>(
        `select s.id, s.msisdn, s.status, sc.iccid from services s join sim_cards sc on sc.service_id = s.id and sc.status = 'assigned'
          join companies c on c.id = s.company_id where c.name = 'Acme Logistics' and s.status = 'active' limit 1`,
      );
      const res = await as(acmeToken).get(`${SERVICES}/${row!.id}`);
      expect(res.statusCode).toBe(200);
      const s = res.json();
      strictly(TmfServiceSchema).parse(s);
      expect(s).toMatchObject({ id: row!.id, href: `${SERVICES}/${row!.id}`, '@type': 'Service', state: 'active', isServiceEnabled: true, name: row!.msisdn });
      expect(s.serviceSpecification).toMatchObject({ '@referredType': 'ServiceSpecification' });
      const chars = Object.fromEntries(s.serviceCharacteristic.map((c: { name: string; value: unknown }) => [c.name, c.value]));
      expect(chars).toMatchObject({ msisdn: row!.msisdn, iccid: row!.iccid, fleetdeskStatus: 'active' });
      expect(s.supportingResource.map((r: { id: string }) => r.id)).toEqual([row!.iccid, row!.msisdn]);
      expect(s.relatedParty.map((p: { role: string }) => p.role)).toEqual(['user', 'customer']);
      expect(s.relatedParty[1]).toMatchObject({ name: 'Acme Logistics', '@referredType': 'Organization' });
    });

    it('returns exactly the fields asked for, and filters on top-level attributes', async () => {
      const res = await as(acmeToken).get(`${SERVICES}?fields=id,state&limit=3`);
      for (const s of res.json()) expect(Object.keys(s).sort()).toEqual(['href', 'id', 'state']);
      const active = await as(acmeToken).get(`${SERVICES}?state=active&fields=state&limit=1000`);
      const { n } = await one<{ n: number }>(`select count(*)::int as n from services s join companies c on c.id = s.company_id where c.name = 'Acme Logistics' and s.status = 'active'`);
      expect(active.headers['x-total-count']).toBe(String(n));
      expect(new Set(active.json().map((s: { state: string }) => s.state))).toEqual(new Set(['active']));
      const first = (await as(acmeToken).get(`${SERVICES}?limit=1`)).json()[0];
      const byName = await as(acmeToken).get(`${SERVICES}?name=${encodeURIComponent(first.name)}`);
      expect(byName.json().map((s: { id: string }) => s.id)).toContain(first.id);
      const unknown = await as(acmeToken).get(`${SERVICES}?colour=red`);
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION.FAILED', errors: [{ field: 'colour' }] });
    });

    it('lists the latest started first, and tells which service a line took its numbers from', async () => {
      const all = (await as(acmeToken).get(`${SERVICES}?limit=1000`)).json() as { id: string; startDate?: string; supportingService: { id: string; href: string }[]; serviceRelationship: { relationshipType: string; service: { id: string } }[] }[];
      const starts = all.map((s) => s.startDate ?? '');
      expect(starts).toEqual([...starts].sort().reverse());
      // the demo's SmartMobile history: an internal port replaced the earlier Mobile line, a fixed number was taken over
      const links = await q<{ id: string; port_from_service_id: string | null; fixed_number_taken_from_service_id: string | null }>(
        `select s.id, s.port_from_service_id, s.fixed_number_taken_from_service_id from services s join companies c on c.id = s.company_id where c.name = 'Acme Logistics'`,
      );
      const linked = links.filter((l) => l.port_from_service_id || l.fixed_number_taken_from_service_id);
      expect(linked.length).toBeGreaterThanOrEqual(4);
      for (const l of links) {
        const s = all.find((x) => x.id === l.id)!;
        const expected = [
          ...(l.port_from_service_id ? [{ relationshipType: 'replaces', service: { id: l.port_from_service_id } }] : []),
          ...(l.fixed_number_taken_from_service_id ? [{ relationshipType: 'tookFixedNumberFrom', service: { id: l.fixed_number_taken_from_service_id } }] : []),
        ];
        expect(s.serviceRelationship).toMatchObject(expected);
        expect(s.supportingService.map((r) => r.id)).toEqual(expected.map((e) => e.service.id));
        // every related service is one of the company's, readable at its href
        for (const r of s.supportingService) expect((await as(acmeToken).get(r.href)).statusCode).toBe(200);
      }
      // the first two (what TM Forum's kit reads) both have related services, and different states
      expect(all[0]!.supportingService.length).toBeGreaterThan(0);
      expect(all[1]!.supportingService.length).toBeGreaterThan(0);
    });

    it("resolves every reference of a service: user, company, office, SIM, number, specification (with its version); never another company's", async () => {
      const s = (await as(acmeToken).get(`${SERVICES}?limit=1`)).json()[0];
      const refs = [
        [s.relatedParty[0], TmfIndividualSchema],
        [s.relatedParty[1], TmfOrganizationSchema],
        [s.place[0], TmfGeographicAddressSchema],
        [s.supportingResource[0], TmfResourceSchema],
        [s.supportingResource[1], TmfResourceSchema],
        [s.serviceSpecification, TmfServiceSpecificationSchema],
      ] as const;
      for (const [ref, schema] of refs) {
        // links into the other TM Forum APIs are absolute URIs (TMF638 v4: format uri) on the portal's own address
        expect(ref.href, JSON.stringify(ref)).toMatch(/^https?:\/\/[^/]+\/tmf-api\//);
        const path = new URL(ref.href).pathname;
        const res = await as(acmeToken).get(path);
        expect(res.statusCode, ref.href).toBe(200);
        const body = strictly(schema).parse(res.json()) as { id: string; href: string };
        expect(body).toMatchObject({ id: ref.id, href: path });
      }
      expect(s.serviceSpecification.version).toBe('1.0');
      const pathOf = (href: string) => new URL(href).pathname;
      expect((await as(acmeToken).get(pathOf(s.serviceSpecification.href))).json()).toMatchObject({ version: '1.0', '@type': 'ServiceSpecification' });
      expect(Object.keys((await as(acmeToken).get(`${pathOf(s.relatedParty[0].href)}?fields=givenName`)).json()).sort()).toEqual(['givenName', 'href', 'id']);
      // another company's client reads none of Acme's parties, offices, SIMs or numbers (the catalog is the operator's, the same for all)
      for (const [ref] of refs.slice(0, 5)) {
        const res = await as(brightToken).get(pathOf(ref.href));
        expect(res.statusCode, ref.href).toBe(404);
        expect(res.json()).toMatchObject({ '@type': 'Error', status: '404' });
      }
      expect((await as(brightToken).get(pathOf(s.serviceSpecification.href))).statusCode).toBe(200);
      for (const path of ['/tmf-api/partyManagement/v4/individual/nope', '/tmf-api/resourceInventoryManagement/v4/resource/%2B32999', '/tmf-api/serviceCatalogManagement/v4/serviceSpecification/nope']) {
        expect((await as(acmeToken).get(path)).statusCode).toBe(404);
      }
      // an unencoded + in the number arrives as a space: the name filter still finds the number
      const byName = (await as(acmeToken).get(`${SERVICES}?name=${s.name}&fields=id`)).json();
      expect(byName.map((x: { id: string }) => x.id)).toContain(s.id);
    });

    it("answers 404 with a TMF error for unknown ids and another company's services", async () => {
      const [foreign] = await q<{ id: string }>(`select s.id from services s join companies c on c.id = s.company_id where c.name = 'Brightwave Consulting' limit 1`);
      for (const id of [foreign!.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
        const res = await as(acmeToken).get(`${SERVICES}/${id}`);
        expect(res.statusCode).toBe(404);
        expect(res.json()).toMatchObject({ '@type': 'Error', code: 'SERVICE.NOT_FOUND', status: '404' });
      }
      const brightList = (await as(brightToken).get(`${SERVICES}?limit=1000`)).json();
      expect(brightList.map((s: { id: string }) => s.id)).toContain(foreign!.id);
      const acmeList = (await as(acmeToken).get(`${SERVICES}?limit=1000&fields=id`)).json();
      expect(acmeList.map((s: { id: string }) => s.id)).not.toContain(foreign!.id);
      expect((await as(acmeToken).get(`${SERVICES}?id=${foreign!.id}`)).json()).toEqual([]);
    });
  });

  describe('TMF622 Product Ordering', () => {
    const freeNumber = async () => (await acme.get('/api/wizard/stock')).body.freeMobileNumbers[0] as string;
    const addItem = (msisdn: string, party: Record<string, unknown>, extra: { name: string; value: unknown }[] = []) => ({
      id: '1',
      action: 'add',
      productOffering: { id: 'mobile-m' },
      product: {
        productSpecification: { id: 'mobile.voice' },
        productCharacteristic: [{ name: 'numberKind', value: 'new' }, { name: 'msisdn', value: msisdn }, { name: 'simKind', value: 'esim' }, { name: 'activationMethod', value: 'automatic' }, ...extra],
        relatedParty: [{ role: 'user', ...party }],
      },
    });

    it('orders a line for a new employee with the wizard\'s own use case, and the order follows the service to completed', async () => {
      const msisdn = await freeNumber();
      const res = await as(acmeToken).post(ORDERS, { externalId: 'HR-1001', productOrderItem: [addItem(msisdn, { givenName: 'Nora', familyName: 'Peeters', email: 'nora.peeters@acme.example', language: 'nl' })] });
      expect(res.statusCode).toBe(201);
      const order = res.json();
      expect(res.headers.location).toBe(`${ORDERS}/${order.id}`);
      expect(order).toMatchObject({ '@type': 'ProductOrder', externalId: 'HR-1001', state: 'acknowledged', productOrderItem: [{ state: 'acknowledged' }] });
      const carried = await settled(acmeToken, order.id);
      expect(['inProgress', 'completed']).toContain(carried.state);
      const serviceId = carried.productOrderItem[0].product.id;
      const [service] = await q<{ msisdn: string; sim_choice: string; first_name: string }>(
        `select s.msisdn, s.sim_choice, u.first_name from services s join mobile_users u on u.id = s.mobile_user_id where s.id = $1`,
        [serviceId],
      );
      expect(service).toEqual({ msisdn, sim_choice: 'esim', first_name: 'Nora' });
      // recorded with the API client as the actor, on the timeline and in the audit log
      const detail = (await acme.get(`/api/services/${serviceId}`)).body;
      expect(detail.events[0]).toMatchObject({ event: 'created', actorName: 'HR system (API)' });
      const audit = (await acme.get('/api/audit?entityType=product_order&pageSize=50')).body.items;
      const trail = audit.filter((e: { entityId: string }) => e.entityId === order.id);
      expect(trail.map((e: { action: string; actorName: string }) => [e.action, e.actorName]).sort()).toEqual([
        ['product_order.created', 'HR system (API)'],
        ['product_order.processed', 'HR system (API)'],
      ]);
      // the simulated network activates the eSIM line: the order completes
      const done = await waitUntil('the order completes', async () => {
        const o = (await as(acmeToken).get(`${ORDERS}/${order.id}`)).json();
        return o.state === 'completed' && o;
      });
      expect(done.productOrderItem[0].state).toBe('completed');
      strictly(TmfProductOrderSchema).parse(done);
      expect(done.completionDate).not.toBeNull();
    });

    it('holds an order with a requested start date until the scheduled start', async () => {
      const [user] = (await acme.get('/api/mobile-users?pageSize=100')).body.items.filter((u: { serviceCount: number }) => u.serviceCount === 0);
      const start = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const res = await as(acmeToken).post(ORDERS, { requestedStartDate: start, productOrderItem: [addItem(await freeNumber(), { id: user.id })] });
      expect(await settled(acmeToken, res.json().id)).toMatchObject({ state: 'held', requestedStartDate: start, productOrderItem: [{ state: 'held' }] });
    });

    it('rejects an item the wizard refuses, with the reason in note and errorMessage, and keeps nothing of it', async () => {
      const [user] = (await acme.get('/api/mobile-users?pageSize=100')).body.items;
      const before = await q<{ n: number }>('select count(*)::int as n from services');
      const res = await as(acmeToken).post(ORDERS, { productOrderItem: [{ ...addItem('+32470000001', { id: user.id }), productOffering: { id: 'no-such-bundle' } }] });
      expect(res.statusCode).toBe(201);
      const order = await settled(acmeToken, res.json().id);
      expect(order.state).toBe('rejected');
      expect(order.productOrderItem[0].state).toBe('rejected');
      expect(order.errorMessage[0]).toMatchObject({ code: 'SERVICE.INVALID_CHOICES', productOrderItem: [{ itemId: '1' }] });
      expect(order.note[0].text).toMatch(/^1: /);
      expect(await q('select count(*)::int as n from services')).toEqual(before);
    });

    it('ends a line with the Remove use case, and rejects it past the 30 % rule with the reason', async () => {
      const [company] = await q<{ id: string }>(`select id from companies where name = 'Brightwave Consulting'`);
      const active = await q<{ id: string }>(`select id from services where company_id = $1 and status = 'active' order by id limit 4`, [company!.id]);
      await q(`update contracts set contracted_services = 10 where company_id = $1`, [company!.id]);
      const { used } = await one<{ used: number }>(`select count(*)::int as used from services where company_id = $1 and end_reason = 'deleted'`, [company!.id]);
      const items = active.map((s, i) => ({ id: String(i + 1), action: 'delete', product: { id: s.id } }));
      const order = await settled(brightToken, (await as(brightToken).post(ORDERS, { productOrderItem: items })).json().id);
      const allowed = Math.max(0, 3 - used);
      const states = order.productOrderItem.map((i: { state: string }) => i.state);
      expect(states.filter((s: string) => s === 'completed')).toHaveLength(Math.min(allowed, 4));
      expect(states.filter((s: string) => s === 'rejected')).toHaveLength(4 - Math.min(allowed, 4));
      expect(order.errorMessage.map((e: { code: string }) => e.code)).toEqual(Array(4 - Math.min(allowed, 4)).fill('SERVICE.DELETION_QUOTA_REACHED'));
      expect(order.state).toBe(allowed >= 4 ? 'completed' : allowed === 0 ? 'rejected' : 'partial');
    });

    it('returns the first order for a retried POST with the same Idempotency-Key, even when two race', async () => {
      const [user] = (await acme.get('/api/mobile-users?pageSize=100')).body.items.filter((u: { serviceCount: number }) => u.serviceCount === 0).slice(-1);
      const body = { productOrderItem: [addItem(await freeNumber(), { id: user.id })] };
      const headers = { 'idempotency-key': 'hr-42' };
      const [a, b] = await Promise.all([as(acmeToken).post(ORDERS, body, headers), as(acmeToken).post(ORDERS, body, headers)]);
      expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
      expect(a.json().id).toBe(b.json().id);
      const again = await as(acmeToken).post(ORDERS, body, headers);
      expect(again.json().id).toBe(a.json().id);
      expect(again.headers['idempotent-replayed']).toBe('true');
      const { n } = await one<{ n: number }>(`select count(*)::int as n from product_orders where idempotency_key = 'hr-42'`);
      expect(n).toBe(1);
      expect((await settled(acmeToken, a.json().id)).productOrderItem[0].state).not.toBe('rejected');
    });

    it("lists the company's orders with paging headers, fields and filters; never another company's", async () => {
      const list = await as(acmeToken).get(`${ORDERS}?limit=2&fields=id,state`);
      expect(list.statusCode).toBe(200);
      expect(Number(list.headers['x-total-count'])).toBeGreaterThanOrEqual(4);
      expect(list.headers['x-result-count']).toBe('2');
      for (const o of list.json()) expect(Object.keys(o).sort()).toEqual(['href', 'id', 'state']);
      const full = (await as(acmeToken).get(`${ORDERS}?limit=100`)).json();
      TmfProductOrderListSchema.parse(full);
      for (const o of full) strictly(TmfProductOrderSchema).parse(o);
      const byExternal = (await as(acmeToken).get(`${ORDERS}?externalId=HR-1001`)).json();
      expect(byExternal).toHaveLength(1);
      expect((await as(brightToken).get(`${ORDERS}?externalId=HR-1001`)).json()).toEqual([]);
      const res = await as(brightToken).get(`${ORDERS}/${byExternal[0].id}`);
      expect([res.statusCode, res.json().code]).toEqual([404, 'PRODUCT_ORDER.NOT_FOUND']);
    });

    it('needs orders:write to order and orders:read to read', async () => {
      const reader = await tokenFor(await portal.signIn('owner@acme.example'), ['services:read']);
      expect((await as(reader).post(ORDERS, { productOrderItem: [{ id: '1', action: 'delete', product: { id: 'x' } }] })).statusCode).toBe(403);
      expect((await as(reader).get(ORDERS)).statusCode).toBe(403);
      const shape = await as(acmeToken).post(ORDERS, { productOrderItem: [] });
      expect(shape.statusCode).toBe(400);
      expect(shape.json()['@type']).toBe('Error');
    });
  });
});
