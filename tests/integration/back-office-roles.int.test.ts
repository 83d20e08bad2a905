import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Route = { method: Method; path: string };

/** Operator staff's part of the API: every path under these prefixes, except the catalog every signed-in account reads. */
const isOperatorOnly = (path: string) =>
  path.startsWith('/api/back-office/') || path.startsWith('/api/companies') || path.startsWith('/api/mobile-number-pool') || path.startsWith('/api/catalog/');

/**
 * Every route of the app, from the OpenAPI document fastify-swagger builds with its onRoute hook.
 * Cross-checked against app.printRoutes(): a route left out of the document (hidden) makes the
 * counts differ and this test fail, so nothing escapes the role checks below.
 */
const registeredRoutes = (app: TestPortal['app']): Route[] => {
  const doc = (app as unknown as { swagger(): { paths: Record<string, Record<string, unknown>> } }).swagger();
  const routes: Route[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const method of Object.keys(ops)) {
      if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method: method.toUpperCase() as Method, path: path.replace(/\{(\w+)\}/g, ':$1') });
    }
  }
  return routes;
};

/** How many method × route pairs printRoutes lists under /api (without Swagger UI's own files and HEAD). */
const printedApiRouteCount = (app: TestPortal['app']) => {
  const stack: string[] = [];
  let n = 0;
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const m = /^((?:│ {3}| {4})*)(?:├── |└── )(\S*) \(([^)]+)\)/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    stack.length = depth;
    stack.push(m[2]!);
    const path = stack.join('');
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) continue;
    n += m[3]!.split(', ').filter((x) => x !== 'HEAD').length;
  }
  return n;
};

describe(`roles: operator staff and fleet administrators are kept apart (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let admin: Client;
  let operator: Client;
  let q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  let operatorRoutes: Route[];
  const ids: Record<string, string> = {};

  /** A fingerprint of every table: a refused request must leave all of them exactly as they were. */
  const snapshot = async () => {
    const tables = await q<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    const parts: string[] = [];
    for (const { t } of tables) {
      const [row] = await q<{ h: string }>(`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`);
      parts.push(`${t}:${row!.h}`);
    }
    return parts;
  };
  const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!);

  beforeAll(async () => {
    portal = await createTestPortal();
    admin = await portal.signIn('admin@acme.example');
    operator = await portal.signIn('operator@dstny.example');
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
    const [acme] = await q<{ id: string }>(`select id from companies where name = 'Acme Logistics'`);
    const [office] = await q<{ id: string }>(`select id from offices where company_id = $1 limit 1`, [acme!.id]);
    const [account] = await q<{ id: string }>(`select id from accounts where email = 'admin@acme.example'`);
    const [price] = await q<{ id: string }>(`select id from catalog_prices limit 1`);
    // real identifiers, so a missing role check would reach real rows
    Object.assign(ids, { id: acme!.id, officeId: office!.id, accountId: account!.id, kind: 'bundles', code: 'mobile-m', itemKind: 'bundle', itemCode: 'mobile-m', priceId: price!.id });
    operatorRoutes = registeredRoutes(portal.app).filter((r) => isOperatorOnly(r.path));
  });
  afterAll(async () => portal?.close());

  it('finds every route of the app, and a plausible number of operator-only ones', () => {
    const all = registeredRoutes(portal.app).filter((r) => r.path.startsWith('/api/'));
    expect(all.length).toBe(printedApiRouteCount(portal.app));
    // companies, offices, administrators, stock, pool, catalog, porting issues, operator staff — and more as they come
    expect(operatorRoutes.length).toBeGreaterThanOrEqual(30);
    for (const expected of ['POST /api/companies', 'POST /api/companies/:id/administrators', 'POST /api/back-office/catalog/prices', 'GET /api/back-office/porting-issues', 'POST /api/mobile-number-pool']) {
      expect(operatorRoutes.map((r) => `${r.method} ${r.path}`)).toContain(expected);
    }
  });

  it('answers 403 to a signed-in fleet administrator on every operator-only endpoint, with nothing written', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    for (const r of operatorRoutes) {
      const res = await admin.request(r.method, fill(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (res.status !== 403 || res.body?.code !== 'AUTH.FORBIDDEN') wrong.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 on every operator-only endpoint when signed out', async () => {
    const anonymous = portal.anonymous();
    const wrong: string[] = [];
    for (const r of operatorRoutes) {
      const res = await anonymous.request(r.method, fill(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      if (res.status !== 401) wrong.push(`${r.method} ${r.path} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("answers 403 to operator staff on the administrator's own endpoints", async () => {
    const before = await snapshot();
    const adminOnly: Route[] = [
      { method: 'GET', path: '/api/company' },
      { method: 'POST', path: '/api/company/offices' },
      { method: 'PUT', path: '/api/company/offices/:officeId' },
      { method: 'DELETE', path: '/api/company/offices/:officeId' },
      { method: 'GET', path: '/api/mobile-users' },
      { method: 'POST', path: '/api/mobile-users' },
      { method: 'GET', path: '/api/porting-issues' },
      { method: 'POST', path: '/api/porting-issues/:id/resubmit' },
      { method: 'GET', path: '/api/services/waiting' },
      { method: 'GET', path: '/api/audit' },
      { method: 'GET', path: '/api/imports' },
      { method: 'POST', path: '/api/imports/check' },
      { method: 'POST', path: '/api/imports' },
      { method: 'GET', path: '/api/company/api-clients' },
      { method: 'POST', path: '/api/company/api-clients' },
      { method: 'DELETE', path: '/api/company/api-clients/:apiClientId' },
      { method: 'GET', path: '/api/company/webhooks/hubs' },
      { method: 'POST', path: '/api/company/webhooks/hubs/:hubId/enable' },
      { method: 'GET', path: '/api/company/webhooks/deliveries' },
      { method: 'POST', path: '/api/company/webhooks/deliveries/:deliveryId/replay' },
    ];
    for (const r of adminOnly) {
      const res = await operator.request(r.method, fill(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});
      expect(`${r.method} ${r.path} → ${res.status}`).toBe(`${r.method} ${r.path} → 403`);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers 401 on every public-API route (/tmf-api) without a bearer token, a session cookie included, with nothing written', async () => {
    const publicRoutes = registeredRoutes(portal.app).filter((r) => r.path.startsWith('/tmf-api/'));
    expect(publicRoutes.length).toBeGreaterThanOrEqual(5);
    const before = await snapshot();
    const wrong: string[] = [];
    for (const caller of [portal.anonymous(), admin, operator]) {
      for (const r of publicRoutes) {
        const res = await caller.request(r.method, fill(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : { productOrderItem: [{ id: '1', action: 'delete', product: { id: ids.id } }] });
        if (res.status !== 401 || res.body?.code !== 'API.TOKEN_INVALID') wrong.push(`${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
