import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { demoIccid } from '../../server/src/db/seed/demo.js';
import { runScheduledStart } from '../../server/src/modules/services/use-cases/start-activation.js';

type User = { id: string; lastName: string; serviceCount: number; numbers: string[] };

describe(`Add Service wizard (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let users: User[];
  let free: User[];
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) =>
    (await portal.database.sql.executeSql(text, values)).rows as T[];

  beforeAll(async () => {
    portal = await createTestPortal({ LOG_LEVEL: 'error' });
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
    users = (await acme.get('/api/mobile-users?pageSize=100')).body.items;
    free = users.filter((u) => u.serviceCount === 0);
  });
  afterAll(async () => portal?.close());

  const mobile = (over: Record<string, unknown> = {}) => ({
    productTypeCode: 'mobile',
    serviceTypeCode: 'mobile.voice',
    bundleCode: 'mobile-m',
    optionCodes: [],
    ...over,
  });
  const converged = (over: Record<string, unknown> = {}) => ({
    productTypeCode: 'smartmobile',
    serviceTypeCode: 'smartmobile.converged',
    bundleCode: 'smart-pro',
    optionCodes: [],
    ...over,
  });
  const asapEmail = { method: 'email', timing: 'asap' };
  const stock = async () => (await acme.get('/api/wizard/stock')).body;
  const inStockIccid = async (companyName = 'Acme Logistics') =>
    (
      await q<{ iccid: string }>(
        `select s.iccid from sim_cards s join companies c on c.id = s.company_id
         where c.name = $1 and s.kind = 'physical' and s.status = 'in_stock' order by s.iccid limit 1`,
        [companyName],
      )
    )[0]!.iccid;
  const fixedNumbers = async (client = acme) => (await client.get('/api/wizard/fixed-numbers')).body;

  it('offers the free numbers of the pool, the company stock and the donor operators', async () => {
    const s = await stock();
    expect(s.freeMobileNumbers).toHaveLength(12);
    expect(s.freeMobileNumbers[0]).toMatch(/^\+32470/);
    expect(s.freeMobileNumberTotal).toBe(60);
    expect(s.physicalSimsInStock).toBe(15);
    expect(s.esimProfilesFree).toBe(8);
    expect(s.fixedNumbersAvailable).toBe(10);
    expect(s.donorOperators.map((d: { code: string }) => d.code)).toContain('proximus');
  });

  it('(a) Mobile, new number, SIM entered by the user, e-mail, as soon as possible: reserved, started and queued', async () => {
    const user = free[0]!;
    const msisdn = (await stock()).freeMobileNumbers[0];
    const res = await acme.post(`/api/mobile-users/${user.id}/services`, mobile({ number: { kind: 'new', msisdn }, sim: { kind: 'user_enters' }, activation: asapEmail }));
    expect(res.status).toBe(201);
    // the activation job may already have moved it on to "waiting for the user"
    expect(res.body).toMatchObject({ msisdn, numberSource: 'new', simChoice: 'user_enters', sim: null, activationMethod: 'email' });
    expect(['activation_started', 'awaiting_user']).toContain(res.body.status);
    expect(res.body.events.map((e: { event: string }) => e.event).slice(0, 2)).toEqual(['created', 'activation_started']);
    expect(res.body.events[1]).toMatchObject({ fromStatus: 'waiting_for_activation', toStatus: 'activation_started', actorName: 'Sofie Van Damme' });
    const [number] = await q<{ status: string; service_id: string }>('select status, service_id from mobile_numbers where msisdn = $1', [msisdn]);
    expect(number).toMatchObject({ status: 'reserved', service_id: res.body.id });
    const jobs = await q<{ state: string }>(`select state from pgboss.job where name = 'service.activation' and data->>'serviceId' = $1`, [res.body.id]);
    expect(jobs).toHaveLength(1);
    const page = await acme.get(`/api/mobile-users/${user.id}`);
    expect(['activation_started', 'awaiting_user']).toContain(page.body.services.find((s: { id: string }) => s.id === res.body.id).status);
  });

  it('(b) SmartMobile converged, ported number, eSIM, active fixed number taken over, later: waits, then starts from the list', async () => {
    const user = free[1]!;
    const active = (await fixedNumbers()).active[0];
    const res = await acme.post(
      `/api/mobile-users/${user.id}/services`,
      converged({
        number: { kind: 'port_in', msisdn: '0475 12 34 56', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: 'PX-99812', holderName: 'Acme Logistics NV' },
        sim: { kind: 'esim' },
        fixedNumber: { kind: 'take_over', fixedNumberId: active.id },
        activation: { method: 'automatic', timing: 'later' },
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'waiting_for_activation',
      msisdn: '+32475123456',
      numberSource: 'port_in',
      portIn: { msisdn: '+32475123456', donorOperator: { code: 'proximus', name: 'Proximus' }, customerNumber: 'PX-99812', status: 'draft' },
      sim: { kind: 'esim' },
      fixedNumber: { id: active.id, number: active.number },
    });
    // the fixed number left its previous service, which records why
    const old = await acme.get(`/api/services/${active.serviceId}`);
    expect(old.body.fixedNumber).toBeNull();
    expect(old.body.events.at(-1)).toMatchObject({ event: 'fixed_number_taken_over', fromStatus: 'active', toStatus: 'active' });
    expect((await fixedNumbers()).active.map((f: { id: string }) => f.id)).not.toContain(active.id);

    const waiting = await acme.get('/api/services/waiting');
    expect(waiting.body.items.map((s: { id: string }) => s.id)).toContain(res.body.id);
    const started = await acme.post('/api/services/start', { serviceIds: [res.body.id] });
    expect(started.body).toEqual({ started: 1 });
    expect((await acme.get(`/api/services/${res.body.id}`)).body.status).not.toBe('waiting_for_activation');
    expect((await acme.get('/api/services/waiting')).body.items.map((s: { id: string }) => s.id)).not.toContain(res.body.id);
    const again = await acme.post('/api/services/start', { serviceIds: [res.body.id] });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SERVICE.NOT_WAITING');
  });

  it('ports a number within the organisation once, with the SIM entered by the administrator and automatic activation', async () => {
    const candidates = (await acme.get('/api/wizard/port-candidates')).body.items;
    const from = candidates[0];
    const iccid = await inStockIccid();
    const typed = `${iccid.slice(0, 4)} ${iccid.slice(4, 10)} ${iccid.slice(10)}`;
    const res = await acme.post(
      `/api/mobile-users/${free[2]!.id}/services`,
      mobile({ number: { kind: 'port_internal', serviceId: from.serviceId }, sim: { kind: 'admin_sim', iccid: typed }, activation: { method: 'automatic', timing: 'later' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ msisdn: from.msisdn, numberSource: 'port_internal', portFrom: { serviceId: from.serviceId, msisdn: from.msisdn }, sim: { kind: 'physical', iccid } });
    expect((await acme.get('/api/wizard/port-candidates')).body.items.map((c: { serviceId: string }) => c.serviceId)).not.toContain(from.serviceId);

    const second = await acme.post(
      `/api/mobile-users/${free[3]!.id}/services`,
      mobile({ number: { kind: 'port_internal', serviceId: from.serviceId }, sim: { kind: 'esim' }, activation: asapEmail }),
    );
    expect(second.status).toBe(409);
    expect(second.body.code).toBe('PORTING.INTERNAL_ALREADY_MOVING');
    expect(second.body.errors[0]).toMatchObject({ field: 'number.serviceId', rule: 'already_moving' });

    const sameSim = await acme.post(`/api/mobile-users/${free[3]!.id}/services`, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'admin_sim', iccid }, activation: asapEmail }));
    expect(sameSim.status).toBe(409);
    expect(sameSim.body.code).toBe('STOCK.SIM_TAKEN');
  });

  it('refuses a second port-in of a number already being ported, and a number that is already ours', async () => {
    const body = (msisdn: string) =>
      mobile({ number: { kind: 'port_in', msisdn, donorOperator: 'orange', accountType: 'prepaid', donorSimNumber: demoIccid('99', 1), holderName: 'Jan' }, sim: { kind: 'esim' }, activation: asapEmail });
    const first = await acme.post(`/api/mobile-users/${free[3]!.id}/services`, body('+32 476 00 11 22'));
    expect(first.status).toBe(201);
    expect(first.body.portIn).toMatchObject({ accountType: 'prepaid', donorSimNumber: demoIccid('99', 1), customerNumber: null });
    const pending = await bright.post(`/api/mobile-users/${(await bright.get('/api/mobile-users')).body.items[0].id}/services`, {
      ...body('0476001122'),
      productTypeCode: 'mobile',
    });
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('PORTING.ALREADY_PENDING');
    const ours = await acme.post(`/api/mobile-users/${free[4]!.id}/services`, body(users.find((u) => u.numbers.length)!.numbers[0]!));
    expect(ours.status).toBe(422);
    expect(ours.body.errors[0]).toMatchObject({ field: 'number.msisdn', rule: 'number_is_ours' });
  });

  it('a port-in step with its details left empty: every problem at once, each named as on the form', async () => {
    const check = await acme.post(`/api/mobile-users/${free[4]!.id}/services/check?step=5`, {
      ...mobile(),
      number: { kind: 'port_in', msisdn: '', donorOperator: 'proximus', accountType: 'postpaid', customerNumber: '', holderName: '' },
    });
    expect(check.status).toBe(422);
    const messages = Object.fromEntries(check.body.errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(messages).toEqual({
      'number.msisdn': 'Number to port is required.',
      'number.customerNumber': 'Customer number is required.',
      'number.holderName': 'Name of the holder is required.',
    });
    // and a malformed number together with a missing holder, still in one answer
    const both = await acme.post(`/api/mobile-users/${free[4]!.id}/services/check?step=5`, {
      ...mobile(),
      number: { kind: 'port_in', msisdn: '0475', donorOperator: '', accountType: 'postpaid', customerNumber: 'C-123456', holderName: ' ' },
    });
    const fields = Object.fromEntries(both.body.errors.map((e: { field: string; rule: string; message: string }) => [e.field, e]));
    expect(Object.keys(fields).sort()).toEqual(['number.donorOperator', 'number.holderName', 'number.msisdn']);
    expect(fields['number.donorOperator'].rule).toBe('required');
    expect(fields['number.msisdn'].message).toMatch(/^Number to port /);
  });

  it('checks each step on Next, in the caller language, and writes nothing', async () => {
    const user = free[4]!;
    const before = await q<{ n: number }>('select count(*)::int as n from services');
    const check = (step: number, input: Record<string, unknown>) => acme.post(`/api/mobile-users/${user.id}/services/check?step=${step}`, input);
    expect((await check(1, { productTypeCode: 'mobile' })).status).toBe(200);
    await acme.put('/api/auth/me/language', { language: 'fr' });
    try {
      const notContracted = await check(1, { productTypeCode: 'fmc' });
      expect(notContracted.status).toBe(422);
      expect(notContracted.body.errors[0]).toMatchObject({ field: 'productTypeCode', rule: 'not_in_contract', message: 'Type de produit ne fait pas partie de votre contrat.' });
      const wrongType = await check(2, { productTypeCode: 'mobile', serviceTypeCode: 'smartmobile.converged' });
      expect(wrongType.body.errors[0]).toMatchObject({ field: 'serviceTypeCode', rule: 'not_for_product' });
      const option = await check(3, mobile({ bundleCode: 'mobile-s', optionCodes: ['roaming-world', 'no-such'] }));
      expect(option.status).toBe(422);
      expect(option.body.errors.map((e: { field: string }) => e.field)).toContain('optionCodes.1');
      const sim = await check(6, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'admin_sim', iccid: '8932000000000000001' } }));
      expect(sim.body.errors[0]).toMatchObject({ field: 'sim.iccid', rule: 'iccid_checksum' });
      expect(sim.body.errors[0].message).toContain('Numéro de carte SIM (ICCID)');
      const foreignSim = await check(6, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'admin_sim', iccid: await inStockIccid('Brightwave Consulting') } }));
      expect(foreignSim.body.errors[0]).toMatchObject({ field: 'sim.iccid', rule: 'sim_not_in_stock' });
      const auto = await check(8, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'user_enters' }, activation: { method: 'automatic', timing: 'asap' } }));
      expect(auto.body.errors[0]).toMatchObject({ field: 'activation.method', rule: 'automatic_needs_sim' });
      const past = await check(8, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'esim' }, activation: { method: 'email', timing: 'later', scheduledStartAt: '2020-01-01T08:00:00Z' } }));
      expect(past.body.errors[0]).toMatchObject({ field: 'activation.scheduledStartAt', rule: 'in_past' });
      const notNeeded = await check(7, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'esim' }, fixedNumber: { kind: 'available', fixedNumberId: (await fixedNumbers()).available[0].id } }));
      expect(notNeeded.body.errors[0]).toMatchObject({ field: 'fixedNumber', rule: 'not_applicable' });
      const brightFixed = (await fixedNumbers(bright)).available[0].id;
      const foreignFixed = await check(7, converged({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'esim' }, fixedNumber: { kind: 'available', fixedNumberId: brightFixed } }));
      expect(foreignFixed.status).toBe(422);
      expect(foreignFixed.body.errors[0]).toMatchObject({ field: 'fixedNumber.fixedNumberId', rule: 'not_found' });
    } finally {
      await acme.put('/api/auth/me/language', { language: 'en' });
    }
    expect(await q<{ n: number }>('select count(*)::int as n from services')).toEqual(before);
  });

  it('a UC user needs only a fixed number and may start automatically', async () => {
    const available = (await fixedNumbers()).available[0];
    const res = await acme.post(`/api/mobile-users/${free[4]!.id}/services`, {
      productTypeCode: 'smartmobile',
      serviceTypeCode: 'smartmobile.uc',
      bundleCode: (await acme.get('/api/catalog')).body.productTypes.find((p: { code: string }) => p.code === 'smartmobile').serviceTypes.find((s: { code: string }) => s.code === 'smartmobile.uc').bundles[0].code,
      optionCodes: [],
      fixedNumber: { kind: 'available', fixedNumberId: available.id },
      activation: { method: 'automatic', timing: 'asap' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ msisdn: null, sim: null, fixedNumber: { id: available.id } });
    // nothing to wait for on the mobile network: it becomes active at once
    expect(['activation_started', 'active']).toContain(res.body.status);
  });

  it('cancelling a waiting service gives back its number, SIM and the fixed number it took over', async () => {
    // a user of their own: the demo's users without a line are taken by the tests above
    const user = (await acme.post('/api/mobile-users', { firstName: 'Cas', lastName: 'Cancelled', email: 'cas.cancelled@acme.example', language: 'en' })).body;
    const msisdn = (await stock()).freeMobileNumbers[0];
    const iccid = await inStockIccid();
    const active = (await fixedNumbers()).active[0];
    const created = await acme.post(
      `/api/mobile-users/${user.id}/services`,
      converged({ number: { kind: 'new', msisdn }, sim: { kind: 'admin_sim', iccid }, fixedNumber: { kind: 'take_over', fixedNumberId: active.id }, activation: { method: 'automatic', timing: 'later' } }),
    );
    expect(created.status).toBe(201);
    const cancelled = await acme.post(`/api/services/${created.body.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', sim: null, fixedNumber: null });
    expect(cancelled.body.endedAt).toEqual(expect.any(String));
    expect((await q('select status, service_id from mobile_numbers where msisdn = $1', [msisdn]))[0]).toEqual({ status: 'free', service_id: null });
    expect((await q('select status, service_id from sim_cards where iccid = $1', [iccid]))[0]).toEqual({ status: 'in_stock', service_id: null });
    expect((await acme.get(`/api/services/${active.serviceId}`)).body.fixedNumber).toEqual({ id: active.id, number: active.number });
    const twice = await acme.post(`/api/services/${created.body.id}/cancel`);
    expect(twice.status).toBe(409);
  });

  it('schedules a start, which the job performs at that time and only if the schedule still holds', async () => {
    const user = (await acme.post('/api/mobile-users', { firstName: 'Sam', lastName: 'Later', email: 'sam.later@acme.example', language: 'en' })).body;
    const created = await acme.post(`/api/mobile-users/${user.id}/services`, mobile({ number: { kind: 'new', msisdn: (await stock()).freeMobileNumbers[0] }, sim: { kind: 'esim' }, activation: { method: 'email', timing: 'later' } }));
    const id = created.body.id;
    const inPast = await acme.post('/api/services/schedule', { serviceIds: [id], startAt: '2021-01-01T00:00:00Z' });
    expect(inPast.status).toBe(422);
    expect(inPast.body.errors[0]).toMatchObject({ field: 'startAt', rule: 'in_past' });
    const startAt = new Date(Date.now() + 3600_000).toISOString();
    expect((await acme.post('/api/services/schedule', { serviceIds: [id], startAt })).body).toEqual({ scheduled: 1 });
    const job = (await q<{ data: { startAt: string }; start_after: Date }>(`select data, start_after from pgboss.job where name = 'service.scheduled-start' and data->>'serviceId' = $1`, [id]))[0]!;
    expect(new Date(job.start_after).toISOString()).toBe(startAt);
    const waiting = (await acme.get('/api/services/waiting?sort=scheduledStartAt')).body.items[0];
    expect(waiting).toMatchObject({ id, scheduledStartAt: startAt });

    const companyId = (await acme.get('/api/company')).body.id;
    const deps = { ...portal.deps, jobs: { send: async () => undefined } };
    // a job from an older schedule does nothing
    expect(await runScheduledStart(deps, { companyId, serviceId: id, startAt: new Date(Date.now() + 60_000).toISOString() })).toBe(false);
    expect(await runScheduledStart(deps, { companyId, serviceId: id, startAt })).toBe(true);
    const after = (await acme.get(`/api/services/${id}`)).body;
    expect(after.status).toBe('activation_started');
    expect(after.events.at(-1)).toMatchObject({ event: 'activation_started', actorName: 'system', reason: 'scheduled' });
    // the same job delivered twice starts nothing twice
    expect(await runScheduledStart(deps, { companyId, serviceId: id, startAt })).toBe(false);
  });

  it("keeps each company's services and stock to itself", async () => {
    const brightUser = (await bright.get('/api/mobile-users')).body.items[0];
    const acmeWaiting = (await acme.get('/api/services/waiting')).body.items;
    const acmeService = (await acme.get(`/api/mobile-users/${free[0]!.id}`)).body.services[0].id;
    for (const res of [
      await bright.get(`/api/services/${acmeService}`),
      await bright.post(`/api/services/${acmeService}/cancel`),
      await bright.post('/api/services/start', { serviceIds: [acmeService] }),
      await bright.post('/api/services/schedule', { serviceIds: [acmeService], startAt: new Date(Date.now() + 3600_000).toISOString() }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('SERVICE.NOT_FOUND');
    }
    for (const res of [await bright.post(`/api/mobile-users/${free[0]!.id}/services`, mobile({ activation: asapEmail })), await bright.post(`/api/mobile-users/${free[0]!.id}/services/check?step=1`, {})]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('MOBILE_USER.NOT_FOUND');
    }
    expect((await bright.get('/api/services/waiting')).body.items.map((s: { id: string }) => s.id)).not.toEqual(expect.arrayContaining(acmeWaiting.map((s: { id: string }) => s.id).slice(0, 1)));
    const candidates = (await bright.get('/api/wizard/port-candidates')).body.items;
    expect(candidates.every((c: { msisdn: string; mobileUserId: string }) => !users.some((u) => u.id === c.mobileUserId))).toBe(true);
    const acmePortable = (await acme.get('/api/wizard/port-candidates')).body.items[0].serviceId;
    const stolen = await bright.post(`/api/mobile-users/${brightUser.id}/services/check?step=5`, {
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-s',
      optionCodes: [],
      number: { kind: 'port_internal', serviceId: acmePortable },
    });
    expect(stolen.status).toBe(422);
    expect(stolen.body.errors[0]).toMatchObject({ field: 'number.serviceId', rule: 'not_found' });
    expect((await bright.get('/api/wizard/stock')).body).toMatchObject({ physicalSimsInStock: 8, esimProfilesFree: 5 });
  });

  it('operator staff and strangers cannot use the wizard', async () => {
    const operator = await portal.signIn('operator@dstny.example');
    expect((await operator.get('/api/wizard/stock')).status).toBe(403);
    expect((await operator.get('/api/services/waiting')).status).toBe(403);
    expect((await portal.anonymous().get('/api/services/waiting')).status).toBe(401);
  });
});
