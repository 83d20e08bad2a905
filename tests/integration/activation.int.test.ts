import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { movableClock } from '../../server/src/platform/clock.js';
import { PATIENCE_MS, waitUntil } from '../support/wait.js';

type Service = { id: string; status: string; events: { event: string; toStatus: string; reason: string | null }[]; [k: string]: unknown };

const setup = (overrides: Record<string, string> = {}, opts: Parameters<typeof createTestPortal>[1] = {}) => {
  const ctx = {} as { portal: TestPortal; acme: Client; bright: Client; q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]> };
  beforeAll(async () => {
    ctx.portal = await createTestPortal(overrides, opts);
    ctx.acme = await ctx.portal.signIn('admin@acme.example');
    ctx.bright = await ctx.portal.signIn('admin@brightwave.example');
    ctx.q = async (text, values = []) => (await ctx.portal.database.sql.executeSql(text, values)).rows as never;
  });
  afterAll(async () => ctx.portal?.close());
  return ctx;
};

let userNo = 0;
const newUser = async (client: Client, domain = 'acme.example') => {
  userNo += 1;
  const res = await client.post('/api/mobile-users', { firstName: 'Employee', lastName: `Number ${userNo}`, email: `employee.${userNo}.${Date.now()}@${domain}`, language: 'fr' });
  return res.body as { id: string; email: string };
};

/** Waits (on the real job runner) until the service satisfies `done`. */
const waitFor = (client: Client, id: string, done: (s: Service) => boolean, timeoutMs = PATIENCE_MS): Promise<Service> => {
  let last: Service | undefined;
  return waitUntil(
    () => `service ${id}, stuck in ${last?.status}: ${last?.events.map((e) => e.event).join(', ')}`,
    async () => {
      last = (await client.get(`/api/services/${id}`)).body as Service;
      return done(last) && last;
    },
    timeoutMs,
  );
};
const statusIs = (...statuses: string[]) => (s: Service) => statuses.includes(s.status);

const mobile = { productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-m', optionCodes: [] };

describe(`activation end to end (${process.env.TEST_DB})`, () => {
  const ctx = setup();
  const freeNumber = async () => (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers[0] as string;
  const tokenFor = async (email: string) => {
    const [row] = await ctx.q<{ text: string }>(`select text from outbox_messages where template = 'activation' and to_address = $1 order by created_at desc limit 1`, [email]);
    return /\/activate\/([A-Za-z0-9_-]{20,})/.exec(row!.text)![1]!;
  };
  const inStockIccid = async () =>
    (await ctx.q<{ iccid: string }>(`select iccid from sim_cards where kind = 'physical' and status = 'in_stock' and company_id = (select id from companies where name = 'Acme Logistics') order by iccid limit 1`))[0]!.iccid;
  const mails = async (template: string, to: string) => (await ctx.q<{ n: number }>(`select count(*)::int as n from outbox_messages where template = $1 and to_address = $2`, [template, to]))[0]!.n;

  it('e-mail × physical SIM the employee enters × new number: link, SIM entered, active', async () => {
    const user = await newUser(ctx.acme);
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn: await freeNumber() }, sim: { kind: 'user_enters' }, activation: { method: 'email', timing: 'asap' } });
    expect(created.status).toBe(201);
    const waiting = await waitFor(ctx.acme, created.body.id, statusIs('awaiting_user'));
    expect(waiting.activationLink).toMatchObject({ sentTo: user.email });
    const token = await tokenFor(user.email);
    const anon = ctx.portal.anonymous();
    const page = await anon.get(`/api/activation/${token}`);
    expect(page.body).toMatchObject({ language: 'fr', status: 'awaiting_user', simKind: 'physical', needsIccid: true, esim: null });
    // the e-mail greets the employee as the activation page does: by first name
    expect(page.body.firstName).toBe('Employee');
    const [mail] = await ctx.q<{ text: string; to_name: string }>(`select text, to_name from outbox_messages where template = 'activation' and to_address = $1`, [user.email]);
    expect(mail!.text.split('\n').map((line) => line.trim())).toContain('Bonjour Employee,');
    expect(mail!.to_name).toMatch(/^Employee Number \d+$/);
    const bad = await anon.post(`/api/activation/${token}/sim`, { iccid: '8932 0000 0000 0000 001' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'iccid', rule: 'iccid_checksum' });
    const brightIccid = (await ctx.q<{ iccid: string }>(`select iccid from sim_cards where status = 'in_stock' and kind = 'physical' and company_id = (select id from companies where name = 'Brightwave Consulting') limit 1`))[0]!.iccid;
    expect((await anon.post(`/api/activation/${token}/sim`, { iccid: brightIccid })).body.errors[0].rule).toBe('sim_not_in_stock');
    const iccid = await inStockIccid();
    const entered = await anon.post(`/api/activation/${token}/sim`, { iccid });
    expect(entered.status).toBe(200);
    expect(entered.body).toMatchObject({ needsIccid: false, iccid });
    const active = await waitFor(ctx.acme, created.body.id, statusIs('active'));
    expect(active.events.map((e) => e.event)).toEqual(expect.arrayContaining(['activation_link_sent', 'user_entered_sim', 'sim_provisioned', 'activated']));
    expect(await ctx.q(`select status from sim_cards where iccid = $1`, [iccid])).toEqual([{ status: 'assigned' }]);
    expect(await mails('service_active', user.email)).toBe(1);
    expect(await mails('activation', user.email)).toBe(1);
  });

  it('e-mail × eSIM × port-in: Activate shows the QR code, mails it, and the service is active once the number arrives', async () => {
    const user = await newUser(ctx.acme);
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, {
      ...mobile,
      number: { kind: 'port_in', msisdn: '+32 475 12 34 56', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '1234567', holderName: 'Acme Logistics NV' },
      sim: { kind: 'esim' },
      activation: { method: 'email', timing: 'asap' },
    });
    expect(created.status).toBe(201);
    await waitFor(ctx.acme, created.body.id, statusIs('awaiting_user', 'porting_refused'));
    const token = await tokenFor(user.email);
    const anon = ctx.portal.anonymous();
    expect((await anon.get(`/api/activation/${token}`)).body.esim).toBeNull();
    const activated = await anon.post(`/api/activation/${token}/activate`);
    expect(activated.status).toBe(200);
    const [profile] = await ctx.q<{ smdp_address: string; matching_id: string }>(`select smdp_address, matching_id from sim_cards where service_id = $1`, [created.body.id]);
    expect(activated.body.esim.activationCode).toBe(`LPA:1$${profile!.smdp_address}$${profile!.matching_id}`);
    expect(activated.body.esim.qrPngDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await anon.post(`/api/activation/${token}/activate`)).status).toBe(200); // pressing twice is harmless
    const active = await waitFor(ctx.acme, created.body.id, statusIs('active'));
    expect(active.events.map((e) => e.event)).toEqual(expect.arrayContaining(['port_in_submitted', 'port_in_completed', 'user_activated']));
    expect(active.portIn).toMatchObject({ status: 'completed' });
    expect(await mails('esim_qr', user.email)).toBe(1);
  });

  it('automatic × SIM entered by the administrator × number from another service: active, and the old service ends', async () => {
    const from = (await ctx.acme.get('/api/wizard/port-candidates')).body.items[0];
    const user = await newUser(ctx.acme);
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, {
      ...mobile,
      number: { kind: 'port_internal', serviceId: from.serviceId },
      sim: { kind: 'admin_sim', iccid: await inStockIccid() },
      activation: { method: 'automatic', timing: 'asap' },
    });
    expect(created.status).toBe(201);
    const active = await waitFor(ctx.acme, created.body.id, statusIs('active'));
    expect(active.events.map((e) => e.event)).toEqual(expect.arrayContaining(['sim_provisioned', 'number_moved', 'activated']));
    const old = (await ctx.acme.get(`/api/services/${from.serviceId}`)).body;
    expect(old.status).toBe('terminated');
    expect(old.sim).toBeNull();
    expect(await ctx.q(`select service_id from mobile_numbers where msisdn = $1`, [from.msisdn])).toEqual([{ service_id: created.body.id }]);
  });

  it('a refused port-in: porting refused, the administrator is told, corrects it, and the service becomes active', async () => {
    const user = await newUser(ctx.acme);
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, {
      ...mobile,
      number: { kind: 'port_in', msisdn: '0475 65 43 21', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '9999999', holderName: 'Brightwave Consulting SRL' },
      sim: { kind: 'esim' },
      activation: { method: 'automatic', timing: 'asap' },
    });
    const refused = await waitFor(ctx.acme, created.body.id, statusIs('porting_refused'));
    // the eSIM may finish on its own meanwhile; the refusal is what moved the status
    expect(refused.events).toContainEqual(expect.objectContaining({ event: 'port_in_refused', toStatus: 'porting_refused' }));
    expect(await mails('porting_refused', 'admin@acme.example')).toBe(1);
    const issues = (await ctx.acme.get('/api/porting-issues')).body;
    expect(issues.items.find((i: { serviceId: string }) => i.serviceId === created.body.id)).toMatchObject({ msisdn: '+32475654321', refusalCode: 'customer_number_mismatch', attempts: 1 });
    expect((await ctx.bright.get('/api/porting-issues')).body.items.map((i: { serviceId: string }) => i.serviceId)).not.toContain(created.body.id);
    expect((await ctx.bright.post(`/api/porting-issues/${created.body.id}/resubmit`, { donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '7654321', holderName: 'x' })).status).toBe(404);

    const wrong = await ctx.acme.post(`/api/porting-issues/${created.body.id}/resubmit`, { donorOperator: 'proximus', accountType: 'prepaid', donorSimNumber: '1234', holderName: 'Brightwave Consulting SRL' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0]).toMatchObject({ field: 'donorSimNumber', rule: 'iccid_length' });
    const fixed = await ctx.acme.post(`/api/porting-issues/${created.body.id}/resubmit`, { donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '765-43-21', holderName: 'Brightwave Consulting SRL' });
    expect(fixed.status).toBe(200);
    const active = await waitFor(ctx.acme, created.body.id, statusIs('active'));
    expect(active.events.map((e) => e.event)).toEqual(expect.arrayContaining(['port_in_refused', 'port_in_resubmitted', 'port_in_completed', 'activated']));
    expect((await ctx.acme.get('/api/porting-issues')).body.items.map((i: { serviceId: string }) => i.serviceId)).not.toContain(created.body.id);
    expect((await ctx.acme.post(`/api/porting-issues/${created.body.id}/resubmit`, { donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '7654321', holderName: 'x' })).status).toBe(409);
  });

  it('resending the activation e-mail (to a corrected address) replaces the link', async () => {
    const user = await newUser(ctx.acme);
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn: await freeNumber() }, sim: { kind: 'esim' }, activation: { method: 'email', timing: 'asap' } });
    await waitFor(ctx.acme, created.body.id, statusIs('awaiting_user'));
    const oldToken = await tokenFor(user.email);
    expect((await ctx.bright.post(`/api/services/${created.body.id}/resend-activation`, {})).status).toBe(404);
    const corrected = `corrected.${user.email}`;
    const resent = await ctx.acme.post(`/api/services/${created.body.id}/resend-activation`, { email: corrected });
    expect(resent.status).toBe(200);
    expect(resent.body.activationLink).toMatchObject({ sentTo: corrected });
    const anon = ctx.portal.anonymous();
    const gone = await anon.get(`/api/activation/${oldToken}`);
    expect(gone.status).toBe(404);
    expect(gone.body.code).toBe('ACTIVATION.LINK_INVALID');
    expect((await anon.get(`/api/activation/${await tokenFor(corrected)}`)).status).toBe(200);
    expect((await anon.get(`/api/activation/${'x'.repeat(43)}`)).status).toBe(404);
  });
});

describe(`every activation path (${process.env.TEST_DB})`, () => {
  const ctx = setup();
  const donors = [
    { msisdn: '+32477101010', donorOperator: 'proximus', customerNumber: '9.876.543', holderName: 'Van den Bossche Transport BV' },
    { msisdn: '+32478303030', donorOperator: 'proximus', customerNumber: 'BE-00451-22', holderName: 'Vermeulen & Zonen BV' },
    { msisdn: '+32479505050', donorOperator: 'proximus', customerNumber: '5551234', holderName: 'Daniel Murphy' },
    { msisdn: '+32494123123', donorOperator: 'base', customerNumber: 'B7731902', holderName: 'Acme Logistics NV' },
  ];
  const paths = (['email', 'automatic'] as const).flatMap((method) =>
    (['physical', 'esim'] as const).flatMap((sim) => (['new', 'port_in', 'port_internal'] as const).map((number) => ({ method, sim, number }))),
  );

  it.each(paths)('$method × $sim × $number ends active', async ({ method, sim, number }) => {
    const q = ctx.q;
    const acmeId = (await q<{ id: string }>(`select id from companies where name = 'Acme Logistics'`))[0]!.id;
    const user = await newUser(ctx.acme);
    const iccid = (await q<{ iccid: string }>(`select iccid from sim_cards where kind = 'physical' and status = 'in_stock' and company_id = $1 order by iccid limit 1`, [acmeId]))[0]!.iccid;
    const numberChoice =
      number === 'new'
        ? { kind: 'new', msisdn: (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers[0] }
        : number === 'port_in'
          ? { kind: 'port_in', accountType: 'postpaid', ...donors.shift()! }
          : { kind: 'port_internal', serviceId: (await ctx.acme.get('/api/wizard/port-candidates')).body.items[0].serviceId };
    const simChoice = sim === 'esim' ? { kind: 'esim' } : method === 'automatic' ? { kind: 'admin_sim', iccid } : { kind: 'user_enters' };
    const res = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: numberChoice, sim: simChoice, activation: { method, timing: 'asap' } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    if (method === 'email') {
      await waitFor(ctx.acme, res.body.id, statusIs('awaiting_user'));
      const [row] = await q<{ text: string }>(`select text from outbox_messages where template = 'activation' and to_address = $1`, [user.email]);
      const token = /\/activate\/([A-Za-z0-9_-]{20,})/.exec(row!.text)![1]!;
      const anon = ctx.portal.anonymous();
      const done = sim === 'physical' ? await anon.post(`/api/activation/${token}/sim`, { iccid }) : await anon.post(`/api/activation/${token}/activate`);
      expect(done.status, JSON.stringify(done.body)).toBe(200);
    }
    const active = await waitFor(ctx.acme, res.body.id, statusIs('active'));
    expect(active.simProvisionedAt).toEqual(expect.any(String));
    expect(active.numberLiveAt).toEqual(expect.any(String));
  });
});

describe(`an automatic eSIM (${process.env.TEST_DB})`, () => {
  const ctx = setup();
  const mailsTo = async (template: string, to: string) =>
    ctx.q<{ subject: string; text: string }>(`select subject, text from outbox_messages where template = $1 and to_address = $2 order by created_at`, [template, to]);

  it('mails the employee the QR code once the profile is ready, and the administrator can see and resend it', async () => {
    const user = await newUser(ctx.acme);
    const msisdn = (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers[0];
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn }, sim: { kind: 'esim' }, activation: { method: 'automatic', timing: 'asap' } });
    expect(created.status).toBe(201);
    const active = await waitFor(ctx.acme, created.body.id, statusIs('active'));
    expect(active.events.map((e) => e.event)).toEqual(expect.arrayContaining(['sim_provisioned', 'esim_qr_sent', 'activated']));
    // the employee gets the QR code (nobody pressed Activate) and, separately, "your line is active"
    const qr = await mailsTo('esim_qr', user.email);
    expect(qr).toHaveLength(1);
    expect(qr[0]!.text).toContain('LPA:1$');
    expect(await mailsTo('service_active', user.email)).toHaveLength(1);
    // the administrator who ordered it hears that the line is active
    const told = await mailsTo('service_active', 'admin@acme.example');
    expect(told.some((m) => m.subject.includes('Employee Number'))).toBe(true);

    // the administrator sees the activation code; the look is in the audit log
    const code = await ctx.acme.get(`/api/services/${created.body.id}/esim-code`);
    expect(code.status).toBe(200);
    expect(code.body).toMatchObject({ activationCode: expect.stringMatching(/^LPA:1\$/), qrPngDataUrl: expect.stringMatching(/^data:image\/png;base64,/), sentTo: user.email });
    const looks = await ctx.acme.get('/api/audit?action=service.esim_code_viewed');
    expect(looks.body.items.some((line: { entityId: string }) => line.entityId === created.body.id)).toBe(true);
    // and sends it again
    const resent = await ctx.acme.post(`/api/services/${created.body.id}/resend-esim-qr`);
    expect(resent.status).toBe(200);
    expect(resent.body.events.filter((e: { event: string }) => e.event === 'esim_qr_sent')).toHaveLength(2);
    expect(await mailsTo('esim_qr', user.email)).toHaveLength(2);

    // another company sees nothing of it
    expect((await ctx.bright.get(`/api/services/${created.body.id}/esim-code`)).status).toBe(404);
    expect((await ctx.bright.post(`/api/services/${created.body.id}/resend-esim-qr`)).status).toBe(404);
    expect(await mailsTo('esim_qr', user.email)).toHaveLength(2);
  });

  it("shows a SIM's PIN and PUK to its company's administrator and the employee their own PUK, each look audited", async () => {
    const user = await newUser(ctx.acme);
    const [sim] = await ctx.q<{ iccid: string; pin: string; puk: string }>(
      `select iccid, pin, puk from sim_cards where kind = 'physical' and status = 'in_stock' and puk is not null and company_id = (select id from companies where name = 'Acme Logistics') order by iccid desc limit 1`,
    );
    const msisdn = (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers[0];
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn }, sim: { kind: 'admin_sim', iccid: sim!.iccid }, activation: { method: 'email', timing: 'asap' } });
    expect(created.status).toBe(201);
    const waiting = await waitFor(ctx.acme, created.body.id, statusIs('awaiting_user'));
    // the service says the codes are on record, never what they are
    expect(waiting.sim).toEqual({ kind: 'physical', iccid: sim!.iccid, codesRecorded: true });
    expect(JSON.stringify(waiting)).not.toContain(sim!.puk);

    const codes = await ctx.acme.get(`/api/services/${created.body.id}/sim-codes`);
    expect(codes.status).toBe(200);
    expect(codes.body).toEqual({ iccid: sim!.iccid, pin: sim!.pin, puk: sim!.puk });
    const looks = await ctx.acme.get('/api/audit?action=service.sim_codes_viewed');
    const line = (looks.body.items as { entityId: string; changes: unknown[] }[]).find((item) => item.entityId === created.body.id);
    expect(line).toBeDefined();
    expect(JSON.stringify(looks.body)).not.toContain(sim!.puk);
    expect((await ctx.bright.get(`/api/services/${created.body.id}/sim-codes`)).status).toBe(404);

    // the employee, from their personal link
    const [row] = await ctx.q<{ text: string }>(`select text from outbox_messages where template = 'activation' and to_address = $1`, [user.email]);
    const token = /\/activate\/([A-Za-z0-9_-]{20,})/.exec(row!.text)![1]!;
    const anon = ctx.portal.anonymous();
    const page = await anon.get(`/api/activation/${token}`);
    expect(page.body.hasPuk).toBe(true);
    expect(JSON.stringify(page.body)).not.toContain(sim!.puk);
    expect((await anon.get(`/api/activation/${token}/puk`)).body).toEqual({ puk: sim!.puk });
    const byUser = await ctx.acme.get('/api/audit?action=service.puk_viewed_by_user');
    const seen = (byUser.body.items as { entityId: string; actorName: string }[]).find((item) => item.entityId === created.body.id);
    expect(seen?.actorName).toMatch(/^Employee Number \d+$/);
    expect((await anon.get(`/api/activation/${'x'.repeat(43)}/puk`)).status).toBe(404);
  });

  it('has no activation code for a physical SIM', async () => {
    const [physical] = await ctx.q<{ id: string }>(`select s.id from services s join sim_cards c on c.service_id = s.id where c.kind = 'physical' and s.status = 'active' and s.company_id = (select id from companies where name = 'Acme Logistics') limit 1`);
    const res = await ctx.acme.get(`/api/services/${physical!.id}/esim-code`);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('SERVICE.NO_ESIM');
  });
});

describe(`activation on a faulty network (${process.env.TEST_DB})`, () => {
  const ctx = setup({ NETWORK_SIMULATOR_ERROR_RATE: '0.3', NETWORK_SIMULATOR_SEED: '20261122' });

  it('every service still ends active, and no e-mail goes out twice', async () => {
    const free = (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers as string[];
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const user = await newUser(ctx.acme);
      const res = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn: free[i] }, sim: { kind: 'esim' }, activation: { method: 'automatic', timing: 'asap' } });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    for (const id of ids) await waitFor(ctx.acme, id, statusIs('active'), 120_000);
    // one "service active" e-mail per service, to its own user: none lost, none doubled (the
    // administrator who ordered them gets their own, counted apart)
    const sent = await ctx.q<{ n: number; people: number }>(`select count(*)::int as n, count(distinct to_address)::int as people from outbox_messages where template = 'service_active' and to_address like 'employee.%'`);
    expect(sent).toEqual([{ n: ids.length, people: ids.length }]);
    const requests = await ctx.q<{ n: number; keys: number }>(`select count(*)::int as n, count(distinct idempotency_key)::int as keys from simulator_requests`);
    expect(requests[0]!.n).toBe(requests[0]!.keys);
  });
});

describe(`activation across a restart (${process.env.TEST_DB})`, () => {
  const ctx = setup({ NETWORK_SIMULATOR_ERROR_RATE: '0.2', NETWORK_SIMULATOR_SEED: '7' });

  it('stopping the job runner mid-process and starting a new one loses nothing and does nothing twice', async () => {
    const free = (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers as string[];
    const ids: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      const user = await newUser(ctx.acme);
      const res = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn: free[i] }, sim: { kind: 'esim' }, activation: { method: i % 2 ? 'email' : 'automatic', timing: 'asap' } });
      ids.push(res.body.id);
    }
    // the process "dies" while jobs are queued or running, and comes back
    const { createJobRunner } = await import('../../server/src/jobs/job-runner.js');
    const { moduleJobs } = await import('../../server/src/jobs/module-jobs.js');
    await ctx.portal.jobs.stop();
    // a new runner on the same database, with the portal's network (20 % errors, seed 7)
    const again = createJobRunner(ctx.portal.database, { error: () => undefined });
    await again.start(moduleJobs({ ...ctx.portal.deps, jobs: again.queue }, null));
    try {
      for (const [i, id] of ids.entries()) await waitFor(ctx.acme, id, statusIs(i % 2 ? 'awaiting_user' : 'active'), 120_000);
      const links = await ctx.q<{ n: number; services: number }>(`select count(*)::int as n, count(distinct service_id)::int as services from activation_links where service_id = any($1::uuid[])`, [ids]);
      expect(links).toEqual([{ n: 2, services: 2 }]);
      const activeMails = await ctx.q<{ n: number }>(`select count(*)::int as n from outbox_messages where template = 'service_active' and to_address like 'employee.%'`);
      expect(activeMails).toEqual([{ n: 2 }]);
    } finally {
      await again.stop();
    }
  });
});

describe(`an activation whose network work fails for good (${process.env.TEST_DB})`, () => {
  const ctx = setup();

  it('is shown as failed with a Retry, operator staff are told, and the retry finishes it', async () => {
    const { createJobRunner } = await import('../../server/src/jobs/job-runner.js');
    const { moduleJobs } = await import('../../server/src/jobs/module-jobs.js');
    const { IdempotencyKeyReusedError } = await import('../../server/src/modules/network/index.js');
    // The network refuses this one's provisioning with an error its contract calls final, which no
    // retry can fix: the job gives up at once (as it would after its last retry).
    const network = ctx.portal.deps.gateway;
    let broken = true;
    const gateway: typeof network = Object.assign(Object.create(network) as typeof network, {
      provisionSim: async (input: Parameters<typeof network.provisionSim>[0]) => {
        if (broken) throw new IdempotencyKeyReusedError(input.idempotencyKey);
        return network.provisionSim(input);
      },
    });
    await ctx.portal.jobs.stop();
    const runner = createJobRunner(ctx.portal.database, { error: () => undefined });
    await runner.start(moduleJobs({ ...ctx.portal.deps, gateway, jobs: runner.queue }, null));
    try {
      const user = await newUser(ctx.acme);
      const msisdn = (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers[0];
      const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn }, sim: { kind: 'esim' }, activation: { method: 'automatic', timing: 'asap' } });
      expect(created.status).toBe(201);
      const failed = await waitFor(ctx.acme, created.body.id, statusIs('activation_failed'));
      expect(failed.events.at(-1)).toMatchObject({ event: 'activation_failed', toStatus: 'activation_failed' });
      // in the audit log, as every change of a service
      const audit = await ctx.acme.get('/api/audit?action=service.activation_failed');
      const line = (audit.body.items as { entityId: string; changes: { field: string; after: unknown }[] }[]).find((item) => item.entityId === created.body.id);
      expect(line?.changes).toEqual(expect.arrayContaining([{ field: 'status', before: 'provisioning', after: 'activation_failed' }, { field: 'failedStep', before: null, after: 'provision' }]));
      // operator staff hear of it: Acme's account manager
      const [told] = await ctx.q<{ to_address: string; subject: string }>(
        `select o.to_address, o.subject from outbox_messages o where o.template = 'activation_failed' and o.to_address = (select a.email from companies c join accounts a on a.id = c.account_manager_id where c.name = 'Acme Logistics')`,
      );
      expect(told?.subject).toContain('Acme Logistics');
      // another company cannot see or retry it
      expect((await ctx.bright.post(`/api/services/${created.body.id}/retry-activation`)).status).toBe(404);
      // the network is fixed: the retry goes on where it stopped
      broken = false;
      const retried = await ctx.acme.post(`/api/services/${created.body.id}/retry-activation`);
      expect(retried.status).toBe(200);
      expect(retried.body.status).toBe('provisioning');
      const active = await waitFor(ctx.acme, created.body.id, statusIs('active'));
      expect(active.events.map((e) => e.event)).toEqual(expect.arrayContaining(['activation_failed', 'activation_retried', 'sim_provisioned', 'activated']));
      // a retry of a service that has not failed is refused, saying why
      const again = await ctx.acme.post(`/api/services/${created.body.id}/retry-activation`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SERVICE.NOT_ACTIVATION_FAILED');
    } finally {
      await runner.stop();
    }
  });
});

describe(`the portal's clock (${process.env.TEST_DB})`, () => {
  // the use cases read the time from the portal's one clock, so a test moves it instead of waiting
  const clock = movableClock();
  const ctx = setup({ ACTIVATION_LINK_TTL_DAYS: '30' }, { clock });

  it('a personal activation link stops working when its 30 days are over', async () => {
    const user = await newUser(ctx.acme);
    const msisdn = (await ctx.acme.get('/api/wizard/stock')).body.freeMobileNumbers[0];
    const created = await ctx.acme.post(`/api/mobile-users/${user.id}/services`, { ...mobile, number: { kind: 'new', msisdn }, sim: { kind: 'esim' }, activation: { method: 'email', timing: 'asap' } });
    await waitFor(ctx.acme, created.body.id, statusIs('awaiting_user'));
    const [row] = await ctx.q<{ text: string }>(`select text from outbox_messages where template = 'activation' and to_address = $1`, [user.email]);
    const token = /\/activate\/([A-Za-z0-9_-]{20,})/.exec(row!.text)![1]!;
    const anon = ctx.portal.anonymous();
    clock.advance(29 * 86_400_000);
    expect((await anon.get(`/api/activation/${token}`)).status).toBe(200);
    clock.advance(2 * 86_400_000);
    const expired = await anon.get(`/api/activation/${token}`);
    expect(expired.status).toBe(404);
    expect(expired.body.code).toBe('ACTIVATION.LINK_INVALID');
  });
});
