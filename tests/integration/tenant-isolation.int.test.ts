import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../support/wait.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

// An administrator of Acme must not read or change anything of Brightwave, endpoint by endpoint.
describe(`tenant isolation (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let brightUser: { id: string; email: string; lastName: string; numbers: string[] };

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
    const list = await bright.get('/api/mobile-users?pageSize=100');
    brightUser = list.body.items.find((u: { numbers: string[] }) => u.numbers.length > 0);
    // give the Brightwave user an audit trail
    await bright.patch(`/api/mobile-users/${brightUser.id}`, { department: 'Moved' });
  });
  afterAll(async () => portal?.close());

  it("gets 404 for another company's user by id, on every user endpoint", async () => {
    const id = brightUser.id;
    const attempts = [
      await acme.get(`/api/mobile-users/${id}`),
      await acme.patch(`/api/mobile-users/${id}`, { firstName: 'Hijacked' }),
      await acme.get(`/api/mobile-users/${id}/audit`),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('MOBILE_USER.NOT_FOUND');
    }
    const untouched = await bright.get(`/api/mobile-users/${id}`);
    expect(untouched.body.firstName).not.toBe('Hijacked');
  });

  it("finds nothing of another company by name, e-mail or number", async () => {
    for (const q of [brightUser.lastName, brightUser.email, brightUser.numbers[0]!]) {
      const res = await acme.get(`/api/mobile-users?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(res.body.items.map((u: { id: string }) => u.id)).not.toContain(brightUser.id);
    }
    const all = await acme.get('/api/mobile-users?pageSize=200');
    expect(all.body.items.every((u: { email: string }) => u.email.endsWith('@acme.example'))).toBe(true);
  });

  it("never shows another company's audit lines, by subject or in the full log", async () => {
    const own = await bright.get(`/api/audit?pageSize=200`);
    expect(own.body.items.some((e: { entityId: string }) => e.entityId === brightUser.id)).toBe(true);
    const foreign = await acme.get(`/api/audit?pageSize=200`);
    expect(foreign.body.items.some((e: { entityId: string }) => e.entityId === brightUser.id)).toBe(false);
    const byType = await acme.get(`/api/audit?entityType=mobile_user&pageSize=200`);
    expect(byType.body.items.some((e: { entityId: string }) => e.entityId === brightUser.id)).toBe(false);
  });

  it('cannot create a user inside another company', async () => {
    const brightOffice = (await bright.get('/api/company')).body.offices[0].id;
    const res = await acme.post('/api/mobile-users', { firstName: 'Sneaky', lastName: 'Office', email: 'sneaky@acme.example', language: 'en', officeId: brightOffice });
    expect(res.status).toBe(422);
    expect((await bright.get('/api/mobile-users?q=sneaky')).body.total).toBe(0);
  });

  it('cannot link rows of two companies even by writing to the database directly', async () => {
    const acmeId = (await acme.get('/api/company')).body.id;
    const brightOffice = (await bright.get('/api/company')).body.offices[0].id;
    const { mobileUsers, services } = await import('../../server/src/db/schema.js');
    await expect(
      portal.database.db.insert(mobileUsers).values({ companyId: acmeId, firstName: 'X', lastName: 'Y', email: 'xy@acme.example', language: 'en', officeId: brightOffice }),
    ).rejects.toThrow();
    await expect(
      portal.database.db.insert(services).values({ companyId: acmeId, mobileUserId: brightUser.id, serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-s', status: 'active' }),
    ).rejects.toThrow();
  });

  it("sees only its own company and contract", async () => {
    expect((await acme.get('/api/company')).body.name).toBe('Acme Logistics');
    expect((await bright.get('/api/company')).body.name).toBe('Brightwave Consulting');
  });

  it('keeps administrators out of the back office and operator staff out of company pages', async () => {
    const brightId = (await bright.get('/api/company')).body.id;
    expect((await acme.get('/api/companies')).status).toBe(403);
    expect((await acme.get(`/api/companies/${brightId}`)).status).toBe(403);
    const operator = await portal.signIn('operator@dstny.example');
    expect((await operator.get('/api/mobile-users')).status).toBe(403);
    expect((await operator.get('/api/company')).status).toBe(403);
    const companies = await operator.get('/api/companies');
    expect(companies.body.items.map((c: { name: string }) => c.name)).toEqual(['Acme Logistics', 'Brightwave Consulting']);
    const detail = await operator.get(`/api/companies/${brightId}`);
    expect(detail.body).toMatchObject({ name: 'Brightwave Consulting', mobileUserCount: 12 });
    expect((await operator.get('/api/companies/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it("shows no usage of another company: not on the Usage page, its CSV, nor a service's usage", async () => {
    // last month: loaded whole by the start's catch-up whatever today's date
    const now = new Date();
    const month = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
    const own = await bright.get(`/api/usage?month=${month}`);
    expect(own.status).toBe(200);
    const brightLines: { serviceId: string; msisdn: string }[] = [...own.body.lines, ...own.body.topByData];
    expect(brightLines.length).toBeGreaterThan(0);
    const ids = new Set(brightLines.map((l) => l.serviceId));
    const numbers = brightLines.map((l) => l.msisdn);

    const foreign = await acme.get(`/api/usage?month=${month}`);
    expect(foreign.status).toBe(200);
    const seen = [...foreign.body.lines, ...foreign.body.topByData, ...foreign.body.topByCost, ...foreign.body.suggestions];
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((l: { serviceId: string }) => ids.has(l.serviceId))).toEqual([]);
    const csv = await acme.get(`/api/usage/export.csv?month=${month}`);
    expect(csv.status).toBe(200);
    expect(numbers.filter((n) => String(csv.body).includes(n))).toEqual([]);
    expect(String((await bright.get(`/api/usage/export.csv?month=${month}`)).body)).toContain(numbers[0]);

    const serviceId = brightLines[0]!.serviceId;
    expect((await bright.get(`/api/services/${serviceId}/usage?month=${month}`)).body.line.serviceId).toBe(serviceId);
    const stolen = await acme.get(`/api/services/${serviceId}/usage?month=${month}`);
    expect(stolen.status).toBe(404);
    expect(stolen.body.code).toBe('SERVICE.NOT_FOUND');

    const operator = await portal.signIn('operator@dstny.example');
    for (const url of ['/api/usage', '/api/usage/export.csv', `/api/services/${serviceId}/usage`]) expect((await operator.get(url)).status, url).toBe(403);
  });

  it('answers anonymous callers with 401 on every company endpoint', async () => {
    const anon = portal.anonymous();
    for (const url of ['/api/mobile-users', `/api/mobile-users/${brightUser.id}`, `/api/mobile-users/${brightUser.id}/audit`, '/api/audit', '/api/company', '/api/companies', '/api/catalog', '/api/usage', '/api/usage/export.csv']) {
      expect((await anon.get(url)).status, url).toBe(401);
    }
  });

  it("gives a company's API client nothing of another company: services, orders, clients", async () => {
    const tokenOf = async (admin: Client) => {
      const c = (await admin.post('/api/company/api-clients', { name: 'isolation', scopes: ['services:read', 'orders:read', 'orders:write'] })).body;
      const res = await portal.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret } });
      return { id: c.id as string, token: res.json().access_token as string };
    };
    // API clients are the owner's to create and revoke
    const [acmeOwner, brightOwner] = [await portal.signIn('owner@acme.example'), await portal.signIn('owner@brightwave.example')];
    const [a, b] = [await tokenOf(acmeOwner), await tokenOf(brightOwner)];
    const get = (token: string, url: string) => portal.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const brightServices = (await get(b.token, '/tmf-api/serviceInventory/v4/service?limit=1000&fields=id')).json().map((s: { id: string }) => s.id);
    expect(brightServices.length).toBeGreaterThan(0);
    const acmeServices = (await get(a.token, '/tmf-api/serviceInventory/v4/service?limit=1000&fields=id')).json().map((s: { id: string }) => s.id);
    expect(acmeServices.filter((id: string) => brightServices.includes(id))).toEqual([]);
    expect((await get(a.token, `/tmf-api/serviceInventory/v4/service/${brightServices[0]}`)).statusCode).toBe(404);
    // ordering the end of another company's line is refused like an unknown service, and nothing ends
    const order = await portal.app.inject({
      method: 'POST',
      url: '/tmf-api/productOrderingManagement/v4/productOrder',
      headers: { authorization: `Bearer ${a.token}` },
      payload: { productOrderItem: [{ id: '1', action: 'delete', product: { id: brightServices[0] } }] },
    });
    const orderUrl = `/tmf-api/productOrderingManagement/v4/productOrder/${order.json().id}`;
    const settled = await waitUntil('the order is carried out', async () => {
      const o = (await get(a.token, orderUrl)).json();
      return o.state !== 'acknowledged' && o;
    });
    expect(settled).toMatchObject({ state: 'rejected', errorMessage: [{ code: 'SERVICE.NOT_FOUND' }] });
    expect((await get(b.token, `/tmf-api/serviceInventory/v4/service/${brightServices[0]}?fields=state`)).json().state).not.toBe('terminated');
    expect((await get(b.token, `/tmf-api/productOrderingManagement/v4/productOrder/${order.json().id}`)).statusCode).toBe(404);
    expect((await get(b.token, '/tmf-api/productOrderingManagement/v4/productOrder')).json().map((o: { id: string }) => o.id)).not.toContain(order.json().id);
    // nor change or cancel another company's order, nor see its cancellations
    const patch = await portal.app.inject({ method: 'PATCH', url: orderUrl, headers: { authorization: `Bearer ${b.token}`, 'content-type': 'application/merge-patch+json' }, payload: '{"description":"x"}' });
    expect(patch.statusCode).toBe(404);
    const cancel = await portal.app.inject({ method: 'POST', url: '/tmf-api/productOrderingManagement/v4/cancelProductOrder', headers: { authorization: `Bearer ${b.token}` }, payload: { productOrder: { id: order.json().id } } });
    expect(cancel.statusCode).toBe(404);
    expect((await get(a.token, orderUrl)).json().description).toBeUndefined();
    expect((await get(b.token, '/tmf-api/productOrderingManagement/v4/cancelProductOrder')).headers['x-total-count']).toBe('0');
    expect((await brightOwner.delete(`/api/company/api-clients/${a.id}`)).status).toBe(404);
    expect((await brightOwner.get('/api/company/api-clients')).body.items.map((c: { id: string }) => c.id)).not.toContain(a.id);
  });

  it("shows no company another's event subscriptions or deliveries, and lets none change them", async () => {
    // API clients are the owner's (issue 18); their subscriptions are read by every administrator
    const [acmeOwner, brightOwner] = [await portal.signIn('owner@acme.example'), await portal.signIn('owner@brightwave.example')];
    const c = (await brightOwner.post('/api/company/api-clients', { name: 'events', scopes: ['events:manage'] })).body;
    const token = (await portal.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: c.clientId, client_secret: c.clientSecret } })).json().access_token;
    const hub = (
      await portal.app.inject({ method: 'POST', url: '/tmf-api/serviceInventory/v4/hub', headers: { authorization: `Bearer ${token}` }, payload: { callback: 'http://127.0.0.1:9/events' } })
    ).json();
    expect((await bright.get('/api/company/webhooks/hubs')).body.items.map((h: { id: string }) => h.id)).toContain(hub.id);
    expect((await acme.get('/api/company/webhooks/hubs')).body.items.map((h: { id: string }) => h.id)).not.toContain(hub.id);
    expect((await acmeOwner.post(`/api/company/webhooks/hubs/${hub.id}/enable`)).status).toBe(404);
    expect((await acme.get(`/api/company/webhooks/deliveries?hubId=${hub.id}`)).body).toMatchObject({ total: 0, items: [] });
    // (replaying another company's delivery: tests/integration/webhooks.int.test.ts)
    const acmeClient = (await acmeOwner.post('/api/company/api-clients', { name: 'events', scopes: ['events:manage'] })).body;
    const acmeToken = (await portal.app.inject({ method: 'POST', url: '/oauth/token', payload: { grant_type: 'client_credentials', client_id: acmeClient.clientId, client_secret: acmeClient.clientSecret } })).json().access_token;
    expect((await portal.app.inject({ method: 'DELETE', url: `/tmf-api/serviceInventory/v4/hub/${hub.id}`, headers: { authorization: `Bearer ${acmeToken}` } })).statusCode).toBe(404);
    expect((await bright.get('/api/company/webhooks/hubs')).body.items.find((h: { id: string }) => h.id === hub.id).status).toBe('active');
  });

  it("lets no company read, approve, reject or withdraw another's approvals, nor see them counted", async () => {
    const [acmeOwner, brightOwner] = [await portal.signIn('owner@acme.example'), await portal.signIn('owner@brightwave.example')];
    expect((await brightOwner.put('/api/company/approval-settings', { thresholdCents: 0 })).status).toBe(200);
    // Acme's rule is untouched by Brightwave's
    expect((await acmeOwner.get('/api/company/approval-settings')).body.thresholdCents).toBeNull();
    const users = (await bright.get('/api/mobile-users?pageSize=100')).body.items as { id: string; serviceCount: number }[];
    const msisdn = (await bright.get('/api/wizard/stock')).body.freeMobileNumbers[0];
    const held = await bright.post(`/api/mobile-users/${users.find((u) => u.serviceCount === 0)!.id}/services`, {
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-m',
      optionCodes: [],
      number: { kind: 'new', msisdn },
      sim: { kind: 'esim' },
      activation: { method: 'automatic', timing: 'later' },
    });
    expect(held.status).toBe(202);
    const id = held.body.approval.id;
    for (const client of [acme, acmeOwner]) {
      expect((await client.get(`/api/approvals/${id}`)).status).toBe(404);
      for (const event of ['approve', 'reject', 'cancel']) expect((await client.post(`/api/approvals/${id}/${event}`, { reason: 'not yours' })).status, event).toBe(404);
      expect((await client.get('/api/approvals')).body.items.map((a: { id: string }) => a.id)).not.toContain(id);
      expect((await client.get('/api/approvals/summary')).body.pending).toBe(0);
    }
    expect((await brightOwner.get(`/api/approvals/${id}`)).body.status).toBe('pending');
  });
});
