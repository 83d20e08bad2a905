import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

type User = { id: string; serviceCount: number };
const HEADER = 'first_name,last_name,email,product_type,service_type,bundle,options,number_choice,number,sim,iccid,activation_method,activation_start';

describe(`approvals of orders above the company's monthly amount (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let owner: Client;
  let admin: Client;
  let readOnly: Client;
  let bright: Client;
  let free: User[];
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const stock = async () => (await admin.get('/api/wizard/stock')).body as { freeMobileNumbers: string[]; esimProfilesFree: number };
  // Mobile M 22.00 + Extra data 7.00 = 29.00 a month; Mobile M alone 22.00
  const order = (msisdn: string, optionCodes: string[] = ['data-10']) => ({
    productTypeCode: 'mobile',
    serviceTypeCode: 'mobile.voice',
    bundleCode: 'mobile-m',
    optionCodes,
    number: { kind: 'new', msisdn },
    sim: { kind: 'esim' },
    activation: { method: 'automatic', timing: 'later' },
  });
  const counts = async () =>
    (await q<Record<string, number>>(`select (select count(*)::int from services) as services, (select count(*)::int from mobile_numbers where status <> 'free') as numbers,
       (select count(*)::int from sim_cards where status <> 'in_stock') as sims`))[0]!;
  const mails = async (template: string) => q<{ to_address: string; language: string; subject: string }>(`select to_address, language, subject from outbox_messages where template = $1 order by created_at`, [template]);

  beforeAll(async () => {
    portal = await createTestPortal({ LOG_LEVEL: 'error' });
    owner = await portal.signIn('owner@acme.example');
    admin = await portal.signIn('admin@acme.example');
    readOnly = await portal.signIn('readonly@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
    free = ((await admin.get('/api/mobile-users?pageSize=100')).body.items as User[]).filter((u) => u.serviceCount === 0);
  });
  afterAll(async () => portal?.close());

  it('the owner alone sets the monthly amount; everyone of the fleet reads it', async () => {
    expect((await admin.get('/api/company/approval-settings')).body).toEqual({ thresholdCents: null });
    const refused = await admin.put('/api/company/approval-settings', { thresholdCents: 2200 });
    expect(refused.status).toBe(403);
    const bad = await owner.put('/api/company/approval-settings', { thresholdCents: -1 });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['thresholdCents']);
    expect((await owner.put('/api/company/approval-settings', { thresholdCents: 2200 })).body).toEqual({ thresholdCents: 2200 });
    expect((await readOnly.get('/api/company/approval-settings')).body).toEqual({ thresholdCents: 2200 });
    // another company's rule is its own
    expect((await bright.get('/api/company/approval-settings')).body).toEqual({ thresholdCents: null });
    const [audit] = await q<{ after: unknown }>(`select after from audit_events where action = 'company.approval_threshold_changed'`);
    expect(audit!.after).toEqual({ approvalThresholdCents: 2200 });
  });

  it('at the amount exactly, a new service is saved as before', async () => {
    const msisdn = (await stock()).freeMobileNumbers[0]!;
    const res = await admin.post(`/api/mobile-users/${free[0]!.id}/services`, order(msisdn, []));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ msisdn, bundle: { code: 'mobile-m' } });
  });

  let approvalId: string;
  let heldMsisdn: string;

  it('above it, the order waits: nothing created, nothing reserved, the other owners and administrators are told', async () => {
    const before = await counts();
    heldMsisdn = (await stock()).freeMobileNumbers[0]!;
    const res = await admin.post(`/api/mobile-users/${free[1]!.id}/services`, order(heldMsisdn));
    expect(res.status).toBe(202);
    expect(res.body.approval).toMatchObject({ kind: 'new_service', status: 'pending', monthlyAmountCents: 2900, thresholdCents: 2200, requestedBy: 'Sofie Van Damme', serviceId: null, actions: ['cancel'] });
    approvalId = res.body.approval.id;
    expect(await counts()).toEqual(before);
    expect((await stock()).freeMobileNumbers).toContain(heldMsisdn);
    // the owner is asked, in their language; not the requester, not read-only
    expect((await mails('approval_requested')).map((m) => m.to_address)).toEqual(['owner@acme.example']);
    expect((await mails('approval_requested'))[0]!.subject).toContain('Sofie Van Damme');
    const [audit] = await q<{ action: string; actor_name: string }>(`select action, actor_name from audit_events where entity_id = $1`, [approvalId]);
    expect(audit).toMatchObject({ action: 'approval.requested', actor_name: 'Sofie Van Damme' });
    // a bad order is refused at once as before, never held
    const bad = await admin.post(`/api/mobile-users/${free[1]!.id}/services`, order('+32 470 00'));
    expect(bad.status).toBe(422);
  });

  it('shows on the dashboard summary and the list, searchable, with each person’s actions', async () => {
    const summary = (await owner.get('/api/approvals/summary')).body;
    expect(summary.pending).toBe(1);
    expect(summary.latest[0]).toMatchObject({ id: approvalId, actions: ['approve', 'reject'] });
    const list = (await owner.get('/api/approvals?status=pending&q=sofie')).body;
    expect(list).toMatchObject({ total: 1, page: 1 });
    expect((await owner.get('/api/approvals?q=nobody-like-this')).body.total).toBe(0);
    expect((await readOnly.get(`/api/approvals/${approvalId}`)).body.actions).toEqual([]);
  });

  it('the requester cannot approve their own order, nor can read-only; another company sees nothing of it', async () => {
    const own = await admin.post(`/api/approvals/${approvalId}/approve`, {});
    expect(own.status).toBe(403);
    expect(own.body).toMatchObject({ code: 'APPROVAL.OWN_REQUEST', title: 'Not your own order' });
    expect((await admin.post(`/api/approvals/${approvalId}/reject`, { reason: 'x' })).body.code).toBe('APPROVAL.OWN_REQUEST');
    expect((await readOnly.post(`/api/approvals/${approvalId}/approve`, {})).status).toBe(403);
    expect((await owner.post(`/api/approvals/${approvalId}/cancel`, {})).body.code).toBe('APPROVAL.NOT_REQUESTER');
    for (const res of [
      await bright.get(`/api/approvals/${approvalId}`),
      await bright.post(`/api/approvals/${approvalId}/approve`, {}),
      await bright.post(`/api/approvals/${approvalId}/reject`, { reason: 'no' }),
      await bright.post(`/api/approvals/${approvalId}/cancel`, {}),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('APPROVAL.NOT_FOUND');
    }
    expect((await bright.get('/api/approvals')).body.total).toBe(0);
    expect((await bright.get('/api/approvals/summary')).body.pending).toBe(0);
    expect((await q<{ status: string }>(`select status from approvals where id = $1`, [approvalId]))[0]!.status).toBe('pending');
  });

  it('approved by the owner, the order is carried out as the wizard would have: service, number, eSIM, timeline, e-mail back', async () => {
    const res = await owner.post(`/api/approvals/${approvalId}/approve`, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved', decidedBy: 'Pieter Claes', actions: [] });
    const service = (await admin.get(`/api/services/${res.body.serviceId}`)).body;
    expect(service).toMatchObject({ msisdn: heldMsisdn, bundle: { code: 'mobile-m' }, options: [{ code: 'data-10' }], simChoice: 'esim', status: 'waiting_for_activation' });
    expect(service.events.map((e: { event: string }) => e.event)).toEqual(['created', 'approval_approved']);
    expect(service.events[0].actorName).toBe('Sofie Van Damme');
    expect(service.events[1].actorName).toBe('Pieter Claes');
    const [number] = await q<{ status: string; service_id: string }>(`select status, service_id from mobile_numbers where msisdn = $1`, [heldMsisdn]);
    expect(number).toMatchObject({ status: 'reserved', service_id: res.body.serviceId });
    expect((await mails('approval_decided')).map((m) => m.to_address)).toEqual(['admin@acme.example']);
    const again = await owner.post(`/api/approvals/${approvalId}/approve`, {});
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('APPROVAL.NOT_PENDING');
  });

  it('a rejection needs a reason, records it and creates nothing; the requester can withdraw their own', async () => {
    const placed = async () => (await admin.post(`/api/mobile-users/${free[2]!.id}/services`, order((await stock()).freeMobileNumbers[0]!))).body.approval.id as string;
    const id = await placed();
    const before = await counts();
    const noReason = await owner.post(`/api/approvals/${id}/reject`, { reason: '  ' });
    expect(noReason.status).toBe(422);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason', rule: 'required' })]);
    const rejected = await owner.post(`/api/approvals/${id}/reject`, { reason: 'Mobile M is enough for this role' });
    expect(rejected.body).toMatchObject({ status: 'rejected', reason: 'Mobile M is enough for this role' });
    expect(await counts()).toEqual(before);
    const [audit] = await q<{ after: { reason: string } }>(`select after from audit_events where entity_id = $1 and action = 'approval.reject'`, [id]);
    expect(audit!.after.reason).toBe('Mobile M is enough for this role');
    const withdrawn = await admin.post(`/api/approvals/${await placed()}/cancel`);
    expect(withdrawn.body).toMatchObject({ status: 'cancelled' });
  });

  it('an approval whose stock went meanwhile fails with the reason, not a 500, and nothing is half-written', async () => {
    const msisdn = (await stock()).freeMobileNumbers[0]!;
    const first = (await admin.post(`/api/mobile-users/${free[3]!.id}/services`, order(msisdn))).body.approval.id;
    const second = (await admin.post(`/api/mobile-users/${free[4]!.id}/services`, order(msisdn))).body.approval.id;
    expect((await owner.post(`/api/approvals/${first}/approve`, {})).body.status).toBe('approved');
    const before = await counts();
    const failed = await owner.post(`/api/approvals/${second}/approve`, {});
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.reason).toMatch(/number/i);
    expect(await counts()).toEqual(before);
    expect((await q<{ action: string }>(`select action from audit_events where entity_id = $1 order by created_at desc limit 1`, [second]))[0]!.action).toBe('approval.fail');
  });

  it('a bundle change upwards above the amount waits, on the service timeline, and is made on approval', async () => {
    await owner.put('/api/company/approval-settings', { thresholdCents: 1000 });
    const [svc] = await q<{ id: string }>(`select s.id from services s join companies c on c.id = s.company_id where c.name = 'Acme Logistics' and s.status = 'active' and s.bundle_code = 'mobile-m' and s.option_codes = '{}' limit 1`);
    // a small rise (+6.00) goes through at once
    const small = await admin.post(`/api/services/${svc!.id}/change`, { bundleCode: 'mobile-m', optionCodes: ['intl-100'] });
    expect(small.status).toBe(200);
    // Mobile M + 100 min → Mobile L + 100 min: +13.00 a month
    const held = await admin.post(`/api/services/${svc!.id}/change`, { bundleCode: 'mobile-l', optionCodes: ['intl-100'] });
    expect(held.status).toBe(202);
    expect(held.body.approval).toMatchObject({ kind: 'bundle_change', monthlyAmountCents: 1300, serviceId: svc!.id });
    let service = (await admin.get(`/api/services/${svc!.id}`)).body;
    expect(service.bundle.code).toBe('mobile-m');
    expect(service.events.at(-1).event).toBe('approval_requested');
    // going down never waits
    expect((await admin.post(`/api/services/${svc!.id}/change`, { bundleCode: 'mobile-m', optionCodes: [] })).status).toBe(200);
    const approved = await owner.post(`/api/approvals/${held.body.approval.id}/approve`, {});
    expect(approved.body.status).toBe('approved');
    service = (await admin.get(`/api/services/${svc!.id}`)).body;
    expect(service).toMatchObject({ bundle: { code: 'mobile-l' }, options: [{ code: 'intl-100' }] });
    expect(service.events.slice(-2).map((e: { event: string }) => e.event)).toEqual(['changed', 'approval_approved']);
  });

  it('an import above the amount waits with nothing imported; approved, it runs', async () => {
    await owner.put('/api/company/approval-settings', { thresholdCents: 4000 });
    const file = [HEADER, `Ann,Approve,ann.approve@acme.example,mobile,mobile.voice,mobile-m,,new,,esim,,automatic,later`, `Bob,Approve,bob.approve@acme.example,mobile,mobile.voice,mobile-m,,new,,esim,,automatic,later`].join('\n');
    const before = await q<{ n: number }>(`select count(*)::int as n from mobile_users`);
    const res = await admin.request('POST', '/api/imports?fileName=team.csv', file, { 'content-type': 'text/csv' });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ awaitingApproval: true });
    expect((await admin.get(`/api/imports/${res.body.id}`)).body).toMatchObject({ status: 'awaiting_approval', pending: 2 });
    const approval = (await owner.get(`/api/approvals/${res.body.approvalId}`)).body;
    expect(approval).toMatchObject({ kind: 'bulk_import', subject: 'team.csv', monthlyAmountCents: 4400, importId: res.body.id });
    expect(await q(`select count(*)::int as n from mobile_users`)).toEqual(before);
    expect((await owner.post(`/api/approvals/${approval.id}/approve`, {})).body.status).toBe('approved');
    const done = await waitUntil('import finished', async () => {
      const r = (await admin.get(`/api/imports/${res.body.id}`)).body;
      return r.status === 'finished' ? r : null;
    });
    expect(done).toMatchObject({ done: 2, failed: 0 });
  });

  it('a rejected import is cancelled with its rows skipped', async () => {
    const file = [HEADER, `Cy,Reject,cy.reject@acme.example,mobile,mobile.voice,mobile-l,,new,,esim,,automatic,later`, `Di,Reject,di.reject@acme.example,mobile,mobile.voice,mobile-l,,new,,esim,,automatic,later`].join('\n');
    const res = await admin.request('POST', '/api/imports?fileName=more.csv', file, { 'content-type': 'text/csv' });
    expect(res.body.awaitingApproval).toBe(true);
    expect((await owner.post(`/api/approvals/${res.body.approvalId}/reject`, { reason: 'Not this quarter' })).body.status).toBe('rejected');
    expect((await admin.get(`/api/imports/${res.body.id}`)).body).toMatchObject({ status: 'cancelled', pending: 0, skipped: 2 });
  });
});
