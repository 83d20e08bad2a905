import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

type AuditLine = { action: string; actorName: string; entityType: string; entityId: string; changes: { field: string; before: unknown; after: unknown }[] };

// The README: every change to company data writes an audit line (who, when, before and after).
// A service's changes all go through one writer, which decides the line once.
describe(`every change to a service is in the audit log (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  const admin = 'Sofie Van Damme';
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const activeLine = async (offset: number) =>
    (
      await q<{ id: string; bundle_code: string }>(
        `select s.id, s.bundle_code from services s join companies c on c.id = s.company_id
          where c.name = 'Acme Logistics' and s.status = 'active' and s.service_type_code = 'mobile.voice' and s.bundle_code = 'mobile-m'
          order by s.msisdn offset $1 limit 1`,
        [offset],
      )
    )[0]!;
  /** The administrator's audit log, as the Audit log page reads it. */
  const lineOf = async (action: string, serviceId: string) => {
    const page = (await acme.get(`/api/audit?action=${action}&pageSize=100`)).body as { items: AuditLine[] };
    return page.items.find((l) => l.entityId === serviceId);
  };
  let userNo = 0;
  const waitingService = async (over: Record<string, unknown> = {}) => {
    userNo += 1;
    const user = (await acme.post('/api/mobile-users', { firstName: 'Audited', lastName: `Employee ${userNo}`, email: `audited.${userNo}@acme.example`, language: 'en' })).body;
    const msisdn = (await acme.get('/api/wizard/stock')).body.freeMobileNumbers[0];
    const res = await acme.post(`/api/mobile-users/${user.id}/services`, {
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-m',
      optionCodes: [],
      number: { kind: 'new', msisdn },
      sim: { kind: 'esim' },
      activation: { method: 'automatic', timing: 'later' },
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
  });
  afterAll(async () => portal?.close());

  it('a change of bundle and options', async () => {
    const line = await activeLine(0);
    expect((await acme.post(`/api/services/${line.id}/change`, { bundleCode: 'mobile-l', optionCodes: [] })).status).toBe(200);
    const audit = await lineOf('service.changed', line.id);
    expect(audit).toMatchObject({ actorName: admin, entityType: 'service' });
    expect(audit!.changes).toContainEqual({ field: 'bundleCode', before: 'mobile-m', after: 'mobile-l' });
  });

  it('a deletion', async () => {
    const line = await activeLine(1);
    expect((await acme.post(`/api/services/${line.id}/delete`)).status).toBe(200);
    const audit = await lineOf('service.deleted', line.id);
    expect(audit).toMatchObject({ actorName: admin, entityType: 'service' });
    expect(audit!.changes).toContainEqual({ field: 'status', before: 'active', after: 'terminated' });
    expect(audit!.changes).toContainEqual(expect.objectContaining({ field: 'endReason', before: null, after: 'deleted' }));
  });

  it('scheduling a start, and starting', async () => {
    const [scheduled, started] = [await waitingService(), await waitingService()];
    const startAt = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await acme.post('/api/services/schedule', { serviceIds: [scheduled], startAt })).status).toBe(200);
    const schedule = await lineOf('service.scheduled', scheduled);
    expect(schedule).toMatchObject({ actorName: admin });
    expect(schedule!.changes).toContainEqual({ field: 'scheduledStartAt', before: null, after: startAt });

    expect((await acme.post('/api/services/start', { serviceIds: [started] })).status).toBe(200);
    const start = await lineOf('service.activation_started', started);
    expect(start).toMatchObject({ actorName: admin });
    expect(start!.changes).toContainEqual({ field: 'status', before: 'waiting_for_activation', after: 'activation_started' });
  });

  it('resubmitting a corrected port-in', async () => {
    const id = await waitingService({
      number: { kind: 'port_in', msisdn: '0475 65 43 21', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '9999999', holderName: 'Brightwave Consulting SRL' },
      activation: { method: 'automatic', timing: 'asap' },
    });
    const deadline = Date.now() + 45_000;
    while ((await acme.get(`/api/services/${id}`)).body.status !== 'porting_refused') {
      if (Date.now() > deadline) throw new Error('the port-in was not refused');
      await new Promise((r) => setTimeout(r, 250));
    }
    const fix = { donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '7654321', holderName: 'Brightwave Consulting SRL' };
    expect((await acme.post(`/api/porting-issues/${id}/resubmit`, fix)).status).toBe(200);
    const audit = await lineOf('service.port_in_resubmitted', id);
    expect(audit).toMatchObject({ actorName: admin });
    expect(audit!.changes).toContainEqual({ field: 'customerNumber', before: '9999999', after: '7654321' });
    expect(audit!.changes).toContainEqual(expect.objectContaining({ field: 'status', before: 'porting_refused' }));
  });
});
