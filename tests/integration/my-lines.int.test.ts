import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { movableClock } from '../../server/src/platform/clock.js';
import { createTestPortal, latestEmployeeLink, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// My lines: an employee's magic-link sign-in, their own lines and nothing of anyone else's (tested
// like the tenant isolation: a colleague of the same company, an employee of another company, an
// administrator's session on the employee's routes and the other way round), the lost-phone report,
// and the requests the administrator approves or refuses.

type Person = { id: string; email: string; serviceId: string; language: string };

describe(`My lines: employee sign-in, own lines only, lost phone, requests (${process.env.TEST_DB})`, () => {
  const clock = movableClock();
  let portal: TestPortal;
  let q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  let anna: Person; // Acme
  let colleague: Person; // Acme too
  let outsider: Person; // Brightwave
  let annaClient: Client;
  let admin: Client;
  let brightAdmin: Client;

  const personWithLine = async (company: string, skip: string[] = []) => {
    const [row] = await q<Person>(
      `select u.id, u.email, u.language, s.id as "serviceId" from mobile_users u join companies c on c.id = u.company_id
       join services s on s.company_id = u.company_id and s.mobile_user_id = u.id
       where c.name = $1 and s.status = 'active' and s.service_type_code = 'mobile.voice' and not (u.email = any($2))
       and (select count(*) from services x where x.mobile_user_id = u.id) = 1
       order by u.email limit 1`,
      [company, skip],
    );
    return row!;
  };
  const signInJobsDone = () =>
    waitUntil('the sign-in requests to be handled', async () => {
      const [row] = await q<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'auth.employee-sign-in-request' and state <> 'completed'`);
      return row!.n === 0;
    });
  const mailsTo = (email: string, template: string) => q<{ subject: string; text: string; language: string }>(`select subject, text, language from outbox_messages where template = $2 and to_address = $1 order by created_at`, [email, template]);
  const fingerprint = async () => {
    const parts = [];
    // the outbox by its rows' ids: the mail job marks earlier messages sent meanwhile
    for (const t of ['services', 'line_operations', 'employee_requests', 'audit_events', 'outbox_messages', 'service_events']) {
      const [row] = await q<{ h: string }>(t === 'outbox_messages' ? `select md5(coalesce(string_agg(id::text, '|' order by id), '')) as h from outbox_messages` : `select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`);
      parts.push(`${t}:${row!.h}`);
    }
    return parts;
  };

  beforeAll(async () => {
    portal = await createTestPortal({}, { clock });
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
    anna = await personWithLine('Acme Logistics');
    colleague = await personWithLine('Acme Logistics', [anna.email]);
    outsider = await personWithLine('Brightwave Consulting');
    admin = await portal.signIn('admin@acme.example');
    brightAdmin = await portal.signIn('admin@brightwave.example');
  });
  afterAll(async () => portal?.close());

  describe('the magic link', () => {
    it('answers an employee’s address and an unknown one alike, and e-mails only the employee, in their language', async () => {
      const known = await portal.anonymous().post('/api/employee/sign-in', { email: anna.email.toUpperCase() });
      const unknown = await portal.anonymous().post('/api/employee/sign-in', { email: 'nobody.at.all@acme.example' });
      expect([known.status, unknown.status]).toEqual([202, 202]);
      expect(known.body).toEqual(unknown.body);
      expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
      await signInJobsDone();
      expect(await mailsTo('nobody.at.all@acme.example', 'employee_sign_in')).toEqual([]);
      const [mail] = await mailsTo(anna.email, 'employee_sign_in');
      expect(mail!.language).toBe(anna.language);
      // at least 128 bits (256 in base64url), and only its hash is kept
      const token = await latestEmployeeLink(portal.database, anna.email);
      expect(token.length).toBeGreaterThanOrEqual(43);
      expect(await q(`select 1 from employee_sign_in_links where token_hash = $1`, [token])).toEqual([]);
    });

    it('works once: it opens an employee session, and following it again is refused', async () => {
      const token = await latestEmployeeLink(portal.database, anna.email);
      annaClient = portal.anonymous();
      const first = await annaClient.post(`/api/employee/sign-in/${token}`);
      expect(first.status).toBe(200);
      expect(first.body.employee.email).toBe(anna.email);
      expect((await annaClient.get('/api/employee/me')).status).toBe(200);
      const again = await portal.anonymous().post(`/api/employee/sign-in/${token}`);
      expect([again.status, again.body.code]).toEqual([410, 'EMPLOYEE_SIGN_IN.USED']);
    });

    it('expires after 15 minutes, and a newer link replaces the older', async () => {
      await portal.anonymous().post('/api/employee/sign-in', { email: colleague.email });
      await signInJobsDone();
      const older = await latestEmployeeLink(portal.database, colleague.email);
      await portal.anonymous().post('/api/employee/sign-in', { email: colleague.email });
      await signInJobsDone();
      const newer = await latestEmployeeLink(portal.database, colleague.email);
      expect(newer).not.toBe(older);
      expect((await portal.anonymous().post(`/api/employee/sign-in/${older}`)).body.code).toBe('EMPLOYEE_SIGN_IN.USED');
      clock.advance(15 * 60_000 + 1_000);
      const late = await portal.anonymous().post(`/api/employee/sign-in/${newer}`);
      expect([late.status, late.body.code]).toEqual([410, 'EMPLOYEE_SIGN_IN.EXPIRED']);
      clock.set(new Date());
    });

    it('refuses a link nobody was sent', async () => {
      const res = await portal.anonymous().post(`/api/employee/sign-in/${'x'.repeat(43)}`);
      expect([res.status, res.body.code]).toEqual([404, 'EMPLOYEE_SIGN_IN.INVALID']);
    });

    it('limits requests per address, known or not, the same', async () => {
      const statuses = [];
      for (let i = 0; i < 6; i++) statuses.push((await portal.anonymous().post('/api/employee/sign-in', { email: 'limited.employee@acme.example' })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
      expect((await portal.anonymous().post('/api/employee/sign-in', { email: 'another.employee@acme.example' })).status).toBe(202);
    });
  });

  describe('own lines only', () => {
    it('shows the employee their lines and nobody else’s', async () => {
      const res = await annaClient.get('/api/employee/lines');
      expect(res.status).toBe(200);
      const mine = await q<{ id: string }>(`select id from services where mobile_user_id = $1 and status not in ('cancelled', 'terminated')`, [anna.id]);
      expect(res.body.lines.map((l: { id: string }) => l.id).sort()).toEqual(mine.map((r) => r.id).sort());
      const line = res.body.lines[0];
      expect(line).toMatchObject({ status: 'active', hasPuk: true, canReportLost: true, canAskBundleChange: true, canAskNewEsim: true, esim: null });
      expect(line.bundle.name).toBeTruthy();
    });

    it('finds nothing of a colleague’s or another company’s line, and writes nothing', async () => {
      const before = await fingerprint();
      for (const other of [colleague, outsider]) {
        expect((await annaClient.get(`/api/employee/lines/${other.serviceId}/puk`)).status).toBe(404);
        expect((await annaClient.get(`/api/employee/lines/${other.serviceId}/change-options`)).status).toBe(404);
        expect((await annaClient.post(`/api/employee/lines/${other.serviceId}/report-lost`, { cause: 'stolen' })).status).toBe(404);
        expect((await annaClient.post('/api/employee/requests', { kind: 'new_esim', serviceId: other.serviceId })).status).toBe(404);
      }
      expect(await fingerprint()).toEqual(before);
    });

    it('keeps the two session kinds apart: an employee gets no administration, an administrator no employee route', async () => {
      for (const [method, url] of [['GET', '/api/auth/me'], ['GET', '/api/mobile-users'], ['GET', `/api/services/${anna.serviceId}`], ['GET', '/api/employee-requests'], ['POST', `/api/services/${anna.serviceId}/report-lost`]] as const) {
        const res = await annaClient.request(method, url, method === 'POST' ? { cause: 'lost' } : undefined);
        expect([url, res.status, res.body.code]).toEqual([url, 403, 'AUTH.FORBIDDEN']);
      }
      for (const url of ['/api/employee/lines', '/api/employee/me', `/api/employee/lines/${anna.serviceId}/puk`]) {
        expect([url, (await admin.get(url)).status]).toEqual([url, 403]);
        expect([url, (await portal.anonymous().get(url)).status]).toEqual([url, 401]);
      }
    });

    it('shows the PUK of their own line on request, as an audit line in their name', async () => {
      const res = await annaClient.get(`/api/employee/lines/${anna.serviceId}/puk`);
      expect(res.status).toBe(200);
      const [sim] = await q<{ puk: string }>(`select puk from sim_cards where service_id = $1`, [anna.serviceId]);
      expect(res.body.puk).toBe(sim!.puk);
      const [audit] = await q<{ actor_name: string; actor_account_id: string | null }>(`select actor_name, actor_account_id from audit_events where action = 'service.puk_viewed_by_user' and entity_id = $1`, [anna.serviceId]);
      expect(audit).toMatchObject({ actor_account_id: null });
    });
  });

  describe('requests the administrator decides', () => {
    let bundleRequestId: string;

    it('asks for another bundle, once at a time, and tells the administrators', async () => {
      const options = await annaClient.get(`/api/employee/lines/${anna.serviceId}/change-options`);
      expect(options.status).toBe(200);
      const other = options.body.bundles.find((b: { code: string }) => b.code !== options.body.current.bundleCode);
      const asked = await annaClient.post('/api/employee/requests', { kind: 'bundle_change', serviceId: anna.serviceId, bundleCode: other.code, optionCodes: [], note: 'More data for travel' });
      expect(asked.status).toBe(201);
      bundleRequestId = asked.body.id;
      const twice = await annaClient.post('/api/employee/requests', { kind: 'bundle_change', serviceId: anna.serviceId, bundleCode: other.code, optionCodes: [] });
      expect([twice.status, twice.body.code]).toEqual([409, 'EMPLOYEE_REQUEST.ALREADY_PENDING']);
      const same = await annaClient.post('/api/employee/requests', { kind: 'bundle_change', serviceId: colleague.serviceId, bundleCode: other.code, optionCodes: [] });
      expect(same.status).toBe(404);
      expect((await mailsTo('admin@acme.example', 'employee_request')).length).toBe(1);
      expect((await annaClient.get('/api/employee/lines')).body.lines.find((l: { id: string }) => l.id === anna.serviceId).canAskBundleChange).toBe(false);
    });

    it('shows the pending request to its company’s administrators only', async () => {
      const list = await admin.get('/api/employee-requests');
      expect(list.body.requests.map((r: { id: string }) => r.id)).toContain(bundleRequestId);
      expect((await brightAdmin.get('/api/employee-requests')).body.requests.map((r: { id: string }) => r.id)).not.toContain(bundleRequestId);
      for (const path of ['approve', 'refuse']) {
        const res = await brightAdmin.post(`/api/employee-requests/${bundleRequestId}/${path}`, { reason: 'no' });
        expect(res.status).toBe(404);
      }
      expect((await brightAdmin.get(`/api/employee-requests/${bundleRequestId}/preview`)).status).toBe(404);
      const [row] = await q<{ status: string }>(`select status from employee_requests where id = $1`, [bundleRequestId]);
      expect(row!.status).toBe('pending');
    });

    it('approves with the billing impact shown first: Manage service’s change runs, the employee is e-mailed', async () => {
      const preview = await admin.get(`/api/employee-requests/${bundleRequestId}/preview`);
      expect(preview.status).toBe(200);
      expect(preview.body.impact.lines.length).toBeGreaterThan(0);
      const approved = await admin.post(`/api/employee-requests/${bundleRequestId}/approve`);
      expect(approved.status).toBe(200);
      const [service] = await q<{ bundle_code: string }>(`select bundle_code from services where id = $1`, [anna.serviceId]);
      const [request] = await q<{ status: string; bundle_code: string; decided_by: string }>(`select status, bundle_code, decided_by from employee_requests where id = $1`, [bundleRequestId]);
      expect(request).toMatchObject({ status: 'approved', decided_by: 'Sofie Van Damme' });
      expect(service!.bundle_code).toBe(request!.bundle_code);
      expect((await q(`select 1 from service_changes where service_id = $1`, [anna.serviceId])).length).toBeGreaterThan(0);
      const [mail] = await mailsTo(anna.email, 'employee_request');
      expect(mail!.language).toBe(anna.language);
      const again = await admin.post(`/api/employee-requests/${bundleRequestId}/approve`);
      expect([again.status, again.body.code]).toEqual([409, 'EMPLOYEE_REQUEST.ILLEGAL_TRANSITION']);
    });

    it('refuses a new eSIM with a reason (required), and lets the employee withdraw their own only', async () => {
      const asked = await annaClient.post('/api/employee/requests', { kind: 'new_esim', serviceId: anna.serviceId, note: 'New phone' });
      expect(asked.status).toBe(201);
      const noReason = await admin.post(`/api/employee-requests/${asked.body.id}/refuse`, { reason: ' ' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors[0].field).toBe('reason');
      const refused = await admin.post(`/api/employee-requests/${asked.body.id}/refuse`, { reason: 'Use the spare phone' });
      expect(refused.status).toBe(204);
      const mails = await mailsTo(anna.email, 'employee_request');
      expect(mails.at(-1)!.text).toContain('Use the spare phone');
      const second = await annaClient.post('/api/employee/requests', { kind: 'new_esim', serviceId: anna.serviceId });
      const colleagueClient = await portal.signInEmployee(colleague.email);
      expect((await colleagueClient.post(`/api/employee/requests/${second.body.id}/cancel`)).status).toBe(404);
      expect((await annaClient.post(`/api/employee/requests/${second.body.id}/cancel`)).status).toBe(204);
      expect((await annaClient.post(`/api/employee/requests/${second.body.id}/cancel`)).status).toBe(409);
    });

    it('approves a new eSIM with the line operation: a new profile reserved, its code shown on My lines until installed', async () => {
      const asked = await annaClient.post('/api/employee/requests', { kind: 'new_esim', serviceId: anna.serviceId });
      const approved = await admin.post(`/api/employee-requests/${asked.body.id}/approve`);
      expect(approved.status).toBe(200);
      const ops = await q<{ kind: string; details: { toKind: string } }>(`select kind, details from line_operations where service_id = $1 and kind = 'swap_sim'`, [anna.serviceId]);
      expect(ops[0]!.details.toKind).toBe('esim');
      const lines = await annaClient.get('/api/employee/lines');
      const line = lines.body.lines.find((l: { id: string }) => l.id === anna.serviceId);
      if (line.sim.kind === 'esim' && line.esim) expect(line.esim.activationCode).toMatch(/^LPA:1\$/);
    });
  });

  describe('lost or stolen', () => {
    it('bars the line at once with the administrator’s line operation, in the employee’s name, and e-mails the administrators', async () => {
      const colleagueClient = await portal.signInEmployee(colleague.email);
      const res = await colleagueClient.post(`/api/employee/lines/${colleague.serviceId}/report-lost`, { cause: 'stolen' });
      expect(res.status).toBe(200);
      expect(res.body.lines.find((l: { id: string }) => l.id === colleague.serviceId)).toMatchObject({ status: 'barred', canReportLost: false });
      const [op] = await q<{ requested_by: string; requested_by_account_id: string | null; details: { reportedBy: string } }>(`select requested_by, requested_by_account_id, details from line_operations where service_id = $1 and kind = 'bar'`, [colleague.serviceId]);
      expect(op).toMatchObject({ requested_by_account_id: null, details: { reportedBy: 'employee', cause: 'stolen' } });
      const [event] = await q<{ event: string; actor_name: string }>(`select event, actor_name from service_events where service_id = $1 and event = 'reported_stolen'`, [colleague.serviceId]);
      expect(event!.actor_name).toBe(op!.requested_by);
      expect((await mailsTo('admin@acme.example', 'line_reported_lost')).length).toBeGreaterThan(0);
    });
  });

  it('ends an employee’s sessions when their e-mail address changes (a leaver), on every instance', async () => {
    const client = await portal.signInEmployee(outsider.email);
    expect((await client.get('/api/employee/lines')).status).toBe(200);
    await q(`update mobile_users set email = 'gone.' || email where id = $1`, [outsider.id]);
    await waitUntil('the session to end', async () => (await client.get('/api/employee/lines')).status === 401);
  });
});
