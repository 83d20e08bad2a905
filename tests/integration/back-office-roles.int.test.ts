import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { ROUTE_ACCESS, routeKey, type RouteAccess } from '../../server/src/http/route-permissions.js';
import { PERMISSIONS, type Role } from '../../server/src/modules/auth/domain/roles.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type Route = { method: Method; path: string };
type Caller = Role | 'anonymous';
const CALLERS: Caller[] = ['owner', 'administrator', 'read_only', 'billing', 'operator', 'employee', 'anonymous'];
const SIGN_INS: Record<Exclude<Role, 'employee'>, string> = {
  owner: 'owner@acme.example',
  administrator: 'admin@acme.example',
  read_only: 'readonly@acme.example',
  billing: 'billing@acme.example',
  operator: 'operator@dstny.example',
};

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

/** The table's answer for a route (the public API's own routes are all by bearer token). */
const accessOf = (r: Route): RouteAccess | undefined => ROUTE_ACCESS[routeKey(r.method, r.path)] ?? (r.path.startsWith('/tmf-api/') && !r.path.startsWith('/tmf-api/docs') ? 'apiClient' : undefined);

/** What the table says a caller gets: through (the route's own answer), 401 or 403. */
const expected = (access: RouteAccess, caller: Caller): 'through' | 401 | 403 => {
  if (access === 'public') return 'through';
  if (access === 'apiClient') return 401;
  if (caller === 'anonymous') return 401;
  // an employee's session (My lines) is no account: the account-wide routes refuse it too
  if (access === 'signedIn') return caller === 'employee' ? 403 : 'through';
  return (PERMISSIONS[access] as readonly Role[]).includes(caller) ? 'through' : 403;
};

const isChange = (r: Route) => r.method !== 'GET';

describe(`roles: every route × every role, from the one permission table (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  const clients = {} as Record<Caller, Client>;
  let q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  let routes: Route[];
  const ids: Record<string, string> = {};

  /** A fingerprint of every table: a refused request must leave all of them exactly as they were. */
  const snapshot = async () => {
    const tables = await q<{ t: string }>(`select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`);
    const parts: string[] = [];
    for (const { t } of tables) {
      // sign-ins touch accounts.last_login_at and sessions; the rows that matter are compared without them
      const [row] = await q<{ h: string }>(t === 'accounts' ? `select md5(coalesce(string_agg((id, email, company_role, status)::text, '|' order by id), '')) as h from accounts` : `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`);
      parts.push(`${t}:${row!.h}`);
    }
    return parts;
  };
  const fill = (path: string) => path.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!);
  const call = (caller: Caller, r: Route) => clients[caller].request(r.method, fill(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : {});

  beforeAll(async () => {
    portal = await createTestPortal();
    for (const role of Object.keys(SIGN_INS) as (keyof typeof SIGN_INS)[]) clients[role] = await portal.signIn(SIGN_INS[role]);
    clients.anonymous = portal.anonymous();
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
    // an employee of Acme with a line, signed in to My lines by a magic link
    const [employee] = await q<{ email: string }>(`select u.email from mobile_users u join companies c on c.id = u.company_id join services s on s.mobile_user_id = u.id where c.name = 'Acme Logistics' and s.status = 'active' order by u.email limit 1`);
    clients.employee = await portal.signInEmployee(employee!.email);
    const [acme] = await q<{ id: string }>(`select id from companies where name = 'Acme Logistics'`);
    const [office] = await q<{ id: string }>(`select id from offices where company_id = $1 limit 1`, [acme!.id]);
    // another company's account: an allowed call on it must find nothing (404), never change it
    const [elsewhere] = await q<{ id: string }>(`select id from accounts where email = 'admin@brightwave.example'`);
    const [price] = await q<{ id: string }>(`select id from catalog_prices limit 1`);
    // real identifiers, so a missing role check would reach real rows
    Object.assign(ids, { id: acme!.id, officeId: office!.id, accountId: elsewhere!.id, kind: 'bundles', code: 'mobile-m', itemKind: 'bundle', itemCode: 'mobile-m', priceId: price!.id });
    routes = registeredRoutes(portal.app).filter((r) => r.path.startsWith('/api/') || r.path.startsWith('/tmf-api/') || r.path.startsWith('/oauth/'));
  });
  afterAll(async () => portal?.close());

  it('finds every route of the app, and the table classifies each one', () => {
    const api = routes.filter((r) => r.path.startsWith('/api/'));
    expect(api.length).toBe(printedApiRouteCount(portal.app));
    expect(api.length).toBeGreaterThanOrEqual(120);
    expect(routes.filter((r) => !accessOf(r)).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    // and names no route that does not exist (a renamed route would leave a stale entry behind)
    const stale = Object.keys(ROUTE_ACCESS).filter((key) => {
      const [method, url] = key.split(' ') as [Method, string];
      return !portal.app.hasRoute({ method, url });
    });
    expect(stale).toEqual([]);
  });

  it('gives read-only and billing no way to change anything, and keeps the owner’s rights to the owner', () => {
    // independent of the table's details: what each role is for
    const changes = routes.filter((r) => isChange(r) && !['public', 'signedIn', 'apiClient'].includes(accessOf(r)!));
    expect(changes.length).toBeGreaterThan(60);
    for (const caller of ['read_only', 'billing'] as const) {
      expect(changes.filter((r) => expected(accessOf(r)!, caller) !== 403).map((r) => `${r.method} ${r.path}`)).toEqual([]);
    }
    const at = (method: Method, path: string) => accessOf({ method, path })!;
    const verdicts = (method: Method, path: string) => CALLERS.map((c) => `${c}:${expected(at(method, path), c)}`).join(' ');
    expect(verdicts('POST', '/api/company/accounts')).toBe('owner:through administrator:403 read_only:403 billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('POST', '/api/company/api-clients')).toBe('owner:through administrator:403 read_only:403 billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('POST', '/api/services/:id/suspend')).toBe('owner:through administrator:through read_only:403 billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('GET', '/api/mobile-users')).toBe('owner:through administrator:through read_only:through billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('GET', '/api/billing/next-bill')).toBe('owner:through administrator:through read_only:through billing:through operator:403 employee:403 anonymous:401');
    expect(verdicts('GET', '/api/usage/export.csv')).toBe('owner:through administrator:through read_only:through billing:through operator:403 employee:403 anonymous:401');
    expect(verdicts('GET', '/api/service-overview/export.csv')).toBe('owner:through administrator:through read_only:through billing:through operator:403 employee:403 anonymous:401');
    expect(verdicts('GET', '/api/employee/lines')).toBe('owner:403 administrator:403 read_only:403 billing:403 operator:403 employee:through anonymous:401');
    expect(verdicts('POST', '/api/employee/lines/:id/report-lost')).toBe('owner:403 administrator:403 read_only:403 billing:403 operator:403 employee:through anonymous:401');
    expect(verdicts('GET', '/api/auth/me')).toBe('owner:through administrator:through read_only:through billing:through operator:through employee:403 anonymous:401');
    expect(verdicts('POST', '/api/employee-requests/:id/approve')).toBe('owner:through administrator:through read_only:403 billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('POST', '/api/approvals/:approvalId/approve')).toBe('owner:through administrator:through read_only:403 billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('PUT', '/api/company/approval-settings')).toBe('owner:through administrator:403 read_only:403 billing:403 operator:403 employee:403 anonymous:401');
    expect(verdicts('POST', '/api/companies')).toBe('owner:403 administrator:403 read_only:403 billing:403 operator:through employee:403 anonymous:401');
  });

  it('refuses every role on every route it may not call (403 signed in, 401 signed out), with nothing written', async () => {
    const before = await snapshot();
    const wrong: string[] = [];
    let refused = 0;
    for (const caller of CALLERS) {
      for (const r of routes) {
        const want = expected(accessOf(r)!, caller);
        if (want === 'through') continue;
        refused++;
        const res = await call(caller, r);
        const code = want === 403 ? 'AUTH.FORBIDDEN' : accessOf(r) === 'apiClient' ? 'API.TOKEN_INVALID' : 'AUTH.NOT_SIGNED_IN';
        if (res.status !== want || res.body?.code !== code) wrong.push(`${caller} ${r.method} ${r.path} → ${res.status} ${res.body?.code}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThan(300);
    expect(await snapshot()).toEqual(before);
  });

  it('lets every role through on every route it may call (whatever the route then answers to an empty request)', async () => {
    const wrong: string[] = [];
    for (const caller of CALLERS) {
      // signing out last: it ends the caller's session
      const last = (r: Route) => Number(r.path === '/api/auth/logout' || r.path === '/api/employee/sign-out');
      const mine = routes.filter((r) => expected(accessOf(r)!, caller) === 'through').sort((a, b) => last(a) - last(b));
      for (const r of mine) {
        const res = await call(caller, r);
        // a 401 of the route's own (the second step without its challenge cookie) is an answer, not the gate's refusal
        const gateRefused = (res.status === 401 && res.body?.code !== 'AUTH.CHALLENGE_INVALID') || res.body?.code === 'AUTH.FORBIDDEN';
        if (gateRefused || res.status >= 500) wrong.push(`${caller} ${r.method} ${r.path} → ${res.status} ${res.body?.code}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('says why in the caller’s language', async () => {
    const readOnly = await portal.signIn('readonly@acme.example');
    const res = await readOnly.post('/api/mobile-users', { firstName: 'Eva' });
    expect(res.status).toBe(403);
    // readonly@acme.example's account language is Dutch
    expect(res.body).toMatchObject({ code: 'AUTH.FORBIDDEN', title: 'Niet toegestaan' });
  });

  it('answers 401 on every public-API route (/tmf-api) without a bearer token, a session cookie included, with nothing written', async () => {
    const publicRoutes = routes.filter((r) => accessOf(r) === 'apiClient');
    expect(publicRoutes.length).toBeGreaterThanOrEqual(5);
    const fresh = await Promise.all([portal.signIn('owner@acme.example'), portal.signIn('operator@dstny.example')]);
    const before = await snapshot();
    const wrong: string[] = [];
    for (const caller of [portal.anonymous(), ...fresh]) {
      for (const r of publicRoutes) {
        const res = await caller.request(r.method, fill(r.path), r.method === 'GET' || r.method === 'DELETE' ? undefined : { productOrderItem: [{ id: '1', action: 'delete', product: { id: ids.id } }] });
        if (res.status !== 401 || res.body?.code !== 'API.TOKEN_INVALID') wrong.push(`${r.method} ${r.path} → ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });
});
