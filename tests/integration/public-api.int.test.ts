import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

type Created = { id: string; clientId: string; clientSecret: string };

// The public API's front door: API clients, the OAuth 2.0 client-credentials exchange, bearer
// tokens, scopes, revocation and the per-client rate limit.
describe(`public API: clients and tokens (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;

  const token = (body: Record<string, string>, headers: Record<string, string> = {}) =>
    portal.app.inject({ method: 'POST', url: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(body).toString() });
  const basic = (c: Created) => ({ authorization: `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64')}` });
  const bearerOf = async (c: Created, scope?: string) => {
    const res = await token({ grant_type: 'client_credentials', ...(scope ? { scope } : {}) }, basic(c));
    expect(res.statusCode).toBe(200);
    return res.json().access_token as string;
  };
  const call = (bearer: string, url = '/tmf-api/serviceInventory/v4/service?limit=1') => portal.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${bearer}` } });

  beforeAll(async () => {
    portal = await createTestPortal({ API_RATE_LIMIT_PER_MINUTE: '5' });
    // the owner manages the company's API clients
    acme = await portal.signIn('owner@acme.example');
  });
  afterAll(async () => portal?.close());

  const auditOf = async (id: string) =>
    (await acme.get('/api/audit?entityType=api_client&pageSize=100')).body.items.filter((e: { entityId: string }) => e.entityId === id).map((e: { action: string }) => e.action);

  const create = async (scopes: string[], name = 'HR system') => {
    const res = await acme.post('/api/company/api-clients', { name, scopes });
    expect(res.status).toBe(201);
    return res.body as Created;
  };

  it('creates a client whose secret is shown once, long and random, and kept hashed', async () => {
    const client = await create(['services:read']);
    expect(client.clientSecret).toMatch(/^fds_[A-Za-z0-9_-]{43}$/); // 256 bits
    const list = await acme.get('/api/company/api-clients');
    const listed = list.body.items.find((c: { id: string }) => c.id === client.id);
    expect(listed).toMatchObject({ name: 'HR system', scopes: ['services:read'], lastUsedAt: null, revokedAt: null });
    expect(JSON.stringify(list.body)).not.toContain(client.clientSecret);
    const stored = await portal.database.sql.executeSql('select secret_hash from api_clients where id = $1', [client.id]);
    expect(JSON.stringify(stored.rows)).not.toContain(client.clientSecret);
    expect(await auditOf(client.id)).toEqual(['api_client.created']);
    const audit = await acme.get('/api/audit?entityType=api_client&pageSize=100');
    expect(JSON.stringify(audit.body)).not.toContain(client.clientSecret);
  });

  it('refuses a client without a name or with an unknown scope, and anyone but an administrator', async () => {
    expect((await acme.post('/api/company/api-clients', { name: '', scopes: ['services:read'] })).status).toBe(400);
    expect((await acme.post('/api/company/api-clients', { name: 'x', scopes: ['everything'] })).status).toBe(400);
    const operator = await portal.signIn('operator@dstny.example');
    expect((await operator.get('/api/company/api-clients')).status).toBe(403);
    // an administrator sees the clients but neither creates nor revokes one
    const admin = await portal.signIn('admin@acme.example');
    expect((await admin.get('/api/company/api-clients')).status).toBe(200);
    expect((await admin.post('/api/company/api-clients', { name: 'x', scopes: ['services:read'] })).status).toBe(403);
    expect((await portal.anonymous().get('/api/company/api-clients')).status).toBe(401);
    // the browser API keeps its CSRF defence: no token, no client
    const noCsrf = await portal.app.inject({ method: 'POST', url: '/api/company/api-clients', headers: { cookie: [...acme.cookies].map(([k, v]) => `${k}=${v}`).join('; ') }, payload: { name: 'x', scopes: ['services:read'] } });
    expect(noCsrf.statusCode).toBe(403);
  });

  it('exchanges id and secret for a short-lived bearer token, by Basic or in the body (RFC 6749 §4.4)', async () => {
    const client = await create(['services:read', 'orders:read']);
    const byBasic = await token({ grant_type: 'client_credentials' }, basic(client));
    expect(byBasic.statusCode).toBe(200);
    expect(byBasic.headers['cache-control']).toBe('no-store');
    expect(byBasic.json()).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'services:read orders:read' });
    const byBody = await token({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret, scope: 'orders:read' });
    expect(byBody.json()).toMatchObject({ scope: 'orders:read' });
    expect((await call(byBasic.json().access_token)).statusCode).toBe(200);
    const listed = (await acme.get('/api/company/api-clients')).body.items.find((c: { id: string }) => c.id === client.id);
    expect(listed.lastUsedAt).not.toBeNull();
  });

  it('answers bad token requests with the OAuth errors of RFC 6749 §5.2', async () => {
    const client = await create(['services:read']);
    const wrong = await token({ grant_type: 'client_credentials' }, basic({ ...client, clientSecret: `${client.clientSecret}x` }));
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toBe('invalid_client');
    expect(wrong.headers['www-authenticate']).toMatch(/^Basic/);
    expect((await token({ grant_type: 'client_credentials', client_id: 'fdc_unknown', client_secret: 'x' })).json().error).toBe('invalid_client');
    expect((await token({ grant_type: 'password' }, basic(client))).json().error).toBe('unsupported_grant_type');
    expect((await token({}, basic(client))).json().error).toBe('invalid_request');
    const scope = await token({ grant_type: 'client_credentials', scope: 'orders:write' }, basic(client));
    expect([scope.statusCode, scope.json().error]).toEqual([400, 'invalid_scope']);
    const twice = await token({ grant_type: 'client_credentials', client_id: client.clientId }, basic(client));
    expect(twice.json().error).toBe('invalid_request');
  });

  it('refuses calls without a valid token (401) or without the scope (403), with the RFC 6750 challenge and a TMF error body', async () => {
    const none = await portal.app.inject({ method: 'GET', url: '/tmf-api/serviceInventory/v4/service' });
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="fleetdesk"');
    expect(none.json()).toMatchObject({ '@type': 'Error', code: 'API.TOKEN_INVALID', status: '401' });
    const forged = await call('not-a-token');
    expect(forged.statusCode).toBe(401);
    expect(forged.headers['www-authenticate']).toMatch(/error="invalid_token"/);
    const ordersOnly = await create(['orders:read']);
    const noScope = await call(await bearerOf(ordersOnly));
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().code).toBe('API.SCOPE_MISSING');
    // a session cookie is no key to the public API
    const withCookie = await portal.app.inject({ method: 'GET', url: '/tmf-api/serviceInventory/v4/service', headers: { cookie: [...acme.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } });
    expect(withCookie.statusCode).toBe(401);
  });

  it("stops a revoked client's tokens at once, and its secret too", async () => {
    const client = await create(['services:read']);
    const bearer = await bearerOf(client);
    expect((await call(bearer)).statusCode).toBe(200);
    expect((await acme.delete(`/api/company/api-clients/${client.id}`)).status).toBe(204);
    expect((await call(bearer)).statusCode).toBe(401);
    expect((await token({ grant_type: 'client_credentials' }, basic(client))).statusCode).toBe(401);
    const listed = (await acme.get('/api/company/api-clients')).body.items.find((c: { id: string }) => c.id === client.id);
    expect(listed.revokedAt).not.toBeNull();
    expect(await auditOf(client.id)).toEqual(['api_client.revoked', 'api_client.created']);
  });

  it("cannot see or revoke another company's clients", async () => {
    const client = await create(['services:read']);
    const bright = await portal.signIn('owner@brightwave.example');
    expect((await bright.get('/api/company/api-clients')).body.items.map((c: { id: string }) => c.id)).not.toContain(client.id);
    const res = await bright.delete(`/api/company/api-clients/${client.id}`);
    expect([res.status, res.body.code]).toEqual([404, 'API_CLIENT.NOT_FOUND']);
    expect((await call(await bearerOf(client))).statusCode).toBe(200);
  });

  it('limits each client on its own: 429 with Retry-After, while another client goes on', async () => {
    const [a, b] = [await create(['services:read'], 'busy'), await create(['services:read'], 'calm')];
    const [ta, tb] = [await bearerOf(a), await bearerOf(b)];
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await call(ta)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await call(ta);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().code).toBe('API.RATE_LIMITED');
    expect((await call(tb)).statusCode).toBe(200);
  });

  it('serves its own OpenAPI document and page; the portal document lists the new routes too; unknown paths are JSON 404s', async () => {
    const doc = (await portal.app.inject({ method: 'GET', url: '/tmf-api/docs/json' })).json();
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/oauth/token',
      '/tmf-api/geographicAddressManagement/v4/geographicAddress/{id}',
      '/tmf-api/partyManagement/v4/individual/{id}',
      '/tmf-api/partyManagement/v4/organization/{id}',
      '/tmf-api/productOrderingManagement/v4/cancelProductOrder',
      '/tmf-api/productOrderingManagement/v4/cancelProductOrder/{id}',
      '/tmf-api/productOrderingManagement/v4/hub',
      '/tmf-api/productOrderingManagement/v4/hub/{id}',
      '/tmf-api/productOrderingManagement/v4/productOrder',
      '/tmf-api/productOrderingManagement/v4/productOrder/{id}',
      '/tmf-api/resourceInventoryManagement/v4/resource/{id}',
      '/tmf-api/serviceCatalogManagement/v4/serviceSpecification/{id}',
      '/tmf-api/serviceInventory/v4/hub',
      '/tmf-api/serviceInventory/v4/hub/{id}',
      '/tmf-api/serviceInventory/v4/service',
      '/tmf-api/serviceInventory/v4/service/{id}',
    ]);
    expect(doc.components.securitySchemes.bearer.flows.clientCredentials.tokenUrl).toBe('/oauth/token');
    expect(doc.components.schemas.TmfService).toBeDefined();
    const portalDoc = (await portal.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(portalDoc.paths['/api/company/api-clients'].post).toBeDefined();
    expect(portalDoc.paths['/tmf-api/serviceInventory/v4/service'].get).toBeDefined();
    const page = await portal.app.inject({ method: 'GET', url: '/tmf-api/docs' });
    expect([page.statusCode, page.headers['content-type']]).toEqual([200, 'text/html']);
    const client = await create(['services:read']);
    const slash = await call(await bearerOf(client), '/tmf-api/serviceInventory/v4/service/?limit=1');
    expect(slash.statusCode).toBe(200);
    const unknown = await portal.app.inject({ method: 'GET', url: '/tmf-api/nothing/here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ '@type': 'Error', code: 'NOT_FOUND' });
  });
});
