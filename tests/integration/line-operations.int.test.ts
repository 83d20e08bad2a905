import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brusselsDay } from '../../server/src/platform/calendar.js';
import { sha256 } from '../../server/src/platform/tokens.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// Running a line (issue 13): suspend and resume with their bill, lost or stolen, replacement SIM or
// eSIM — each through the transition table, a recorded operation, a durable job and the simulated
// network — and the races and tenant boundaries around them.
describe(`line operations (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
  const one = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await q<T>(text, values))[0]!;
  const used = new Set<string>();
  /** An active Acme mobile line not touched by an earlier test. */
  const activeLine = async (company = 'Acme Logistics') => {
    const rows = await q<{ id: string; msisdn: string; bundle_code: string; iccid: string }>(
      `select s.id, s.msisdn, s.bundle_code, sc.iccid from services s join companies c on c.id = s.company_id
         join sim_cards sc on sc.service_id = s.id and sc.status = 'assigned'
        where c.name like $1 || '%' and s.status = 'active' and s.service_type_code = 'mobile.voice' order by s.msisdn`,
      [company],
    );
    const row = rows.find((r) => !used.has(r.id))!;
    used.add(row.id);
    return row;
  };
  const freeSim = async (company = 'Acme Logistics', kind = 'physical') =>
    (await one<{ iccid: string }>(`select sc.iccid from sim_cards sc join companies c on c.id = sc.company_id where c.name like $1 || '%' and sc.kind = $2 and sc.status = 'in_stock' order by sc.iccid desc limit 1`, [company, kind])).iccid;
  const network = (msisdn: string) => portal.deps.gateway.lineStatus(msisdn);
  const events = async (id: string) => (await acme.get(`/api/services/${id}`)).body.events.map((e: { event: string }) => e.event) as string[];

  beforeAll(async () => {
    portal = await createTestPortal();
    acme = await portal.signIn('admin@acme.example');
    bright = await portal.signIn('admin@brightwave.example');
  });
  afterAll(async () => portal?.close());

  describe('suspend and resume', () => {
    it('shows what the suspension costs first, then suspends the line on the network and bills the rest of the month at the suspended price', async () => {
      const line = await activeLine();
      const lines = async () => (await one<{ n: number }>(`select count(*)::int as n from billing_lines where service_id = $1`, [line.id])).n;
      const preview = await acme.post(`/api/services/${line.id}/suspend/preview`);
      expect((await acme.post(`/api/services/${line.id}/resume/preview`)).body.code).toBe('LINE.NOT_ALLOWED');
      expect(preview.status).toBe(200);
      expect(await lines()).toBe(0);
      // the demo catalog's suspended price of a Mobile bundle is EUR 5 a month, options included
      expect(preview.body.after.monthlyPriceCents).toBe(500);
      expect(preview.body.after.bundle.name).toMatch(/\(suspended\)$/);
      expect(preview.body.lines.map((l: { kind: string }) => l.kind)).toEqual(['credit', 'charge']);

      const res = await acme.post(`/api/services/${line.id}/suspend`, { reason: 'Parental leave' });
      expect(res.status).toBe(200);
      expect(res.body.service.status).toBe('suspended');
      expect(res.body.impact).toEqual(preview.body);
      expect(res.body.service.suspendedMonthlyPriceCents).toBe(500);
      const billed = await q<{ reason: string; item_kind: string; amount_cents: number }>(`select reason, item_kind, amount_cents from billing_lines where service_id = $1 order by amount_cents`, [line.id]);
      expect(billed.every((b) => b.reason === 'suspension')).toBe(true);
      expect(billed.reduce((s, b) => s + b.amount_cents, 0)).toBe(preview.body.totalCents);

      await waitUntil('the network to suspend the line', async () => (await network(line.msisdn)).suspended);
      expect((await network(line.msisdn)).carriesTraffic).toBe(false);
      await waitUntil('the suspension to be confirmed on the timeline', async () => (await events(line.id)).includes('suspended_on_network'));

      // this month's bill shows the suspension's lines; next month's bills the line at its suspended price
      const bill = (await acme.get('/api/billing/next-bill')).body;
      const changes = bill.users.flatMap((u: { changes: { serviceId: string; reason: string }[] }) => u.changes).filter((c: { serviceId: string }) => c.serviceId === line.id);
      expect(changes.length).toBe(billed.length);
      expect(changes.every((c: { reason: string }) => c.reason === 'suspension')).toBe(true);
      const [y, m] = brusselsDay(new Date()).split('-').map(Number) as [number, number];
      const nextMonth = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      const next = (await acme.get(`/api/billing/next-bill?month=${nextMonth}`)).body;
      const recurring = next.users.flatMap((u: { recurring: { serviceId: string; amountCents: number; description: string }[] }) => u.recurring).find((r: { serviceId: string }) => r.serviceId === line.id);
      expect(recurring).toMatchObject({ amountCents: 500, description: expect.stringMatching(/\(suspended\)$/) });

      // a suspended line changes nothing else until resumed
      expect((await acme.post(`/api/services/${line.id}/suspend`, { reason: 'again' })).body.code).toBe('LINE.NOT_ALLOWED');
      expect((await acme.post(`/api/services/${line.id}/change/preview`, { bundleCode: 'mobile-s', optionCodes: [] })).status).toBe(409);
      expect((await acme.post(`/api/services/${line.id}/report-lost`, { cause: 'lost' })).status).toBe(409);

      const resumePreview = await acme.post(`/api/services/${line.id}/resume/preview`);
      expect(resumePreview.body.totalCents).toBe(-preview.body.totalCents);
      const resumed = await acme.post(`/api/services/${line.id}/resume`);
      expect(resumed.status).toBe(200);
      expect(resumed.body.service.status).toBe('active');
      expect(resumed.body.impact).toEqual(resumePreview.body);
      await waitUntil('the resumption to be confirmed on the timeline', async () => (await events(line.id)).includes('resumed_on_network'));
      expect((await network(line.msisdn)).carriesTraffic).toBe(true);
      const ops = (await acme.get(`/api/services/${line.id}`)).body.lineOperations;
      expect(ops.map((o: { kind: string; status: string }) => `${o.kind}:${o.status}`)).toEqual(['resume:done', 'suspend:done']);
      expect(ops[1].reason).toBe('Parental leave');
    });

    it("takes the suspended price from the catalog, where operator staff set it per bundle (empty: the full price)", async () => {
      const operator = await portal.signIn('operator@dstny.example');
      const line = await activeLine();
      const patch = (body: unknown, kind = 'bundles', code = line.bundle_code) => operator.patch(`/api/back-office/catalog/${kind}/${code}`, body);
      expect((await patch({ suspendedMonthlyPriceCents: 750 })).status).toBe(204);
      expect((await acme.post(`/api/services/${line.id}/suspend/preview`)).body.after.monthlyPriceCents).toBe(750);
      expect((await patch({ suspendedMonthlyPriceCents: null })).status).toBe(204);
      const full = (await acme.get(`/api/services/${line.id}`)).body.monthlyPriceCents;
      expect((await acme.post(`/api/services/${line.id}/suspend/preview`)).body.after.monthlyPriceCents).toBe(full);
      // only bundles have one; a negative price is refused by field
      expect((await patch({ suspendedMonthlyPriceCents: 100 }, 'options', 'roaming-world')).body.errors[0]).toMatchObject({ field: 'suspendedMonthlyPriceCents', rule: 'not_applicable' });
      expect((await patch({ suspendedMonthlyPriceCents: -1 })).status).toBe(400);
      // administrators cannot set it
      expect((await acme.patch(`/api/back-office/catalog/bundles/${line.bundle_code}`, { suspendedMonthlyPriceCents: 0 })).status).toBe(403);
      await patch({ suspendedMonthlyPriceCents: 500 });
    });

    it('refuses an end date that is not after today or more than a year away, and writes nothing', async () => {
      const line = await activeLine();
      const today = brusselsDay(new Date());
      for (const until of [today, '2999-01-01']) {
        const res = await acme.post(`/api/services/${line.id}/suspend`, { reason: 'Leave', until });
        expect(res.status).toBe(422);
        expect(res.body.errors[0].field).toBe('until');
        expect(res.body.errors[0].message).toMatch(/End date/);
      }
      expect((await acme.post(`/api/services/${line.id}/suspend`, { reason: '' })).status).toBe(400);
      expect((await one<{ status: string }>(`select status from services where id = $1`, [line.id])).status).toBe('active');
      expect((await one<{ n: number }>(`select count(*)::int as n from line_operations where service_id = $1`, [line.id])).n).toBe(0);
    });

    it('with an end date, resumes by itself then: the job is queued for that day, and a line resumed by hand meanwhile is left alone', async () => {
      const { runScheduledResume } = await import('../../server/src/modules/lines/use-cases/line-network.js');
      const line = await activeLine();
      const until = brusselsDay(new Date(Date.now() + 3 * 86_400_000));
      const res = await acme.post(`/api/services/${line.id}/suspend`, { reason: 'Sabbatical', until });
      expect(res.status).toBe(200);
      expect(res.body.service.suspendedUntil).not.toBeNull();
      const job = await one<{ data: { until: string; companyId: string; serviceId: string }; start_after: Date }>(
        `select data, start_after from pgboss.job where name = 'line.scheduled-resume' and data->>'serviceId' = $1`,
        [line.id],
      );
      expect(new Date(job.start_after).toISOString()).toBe(res.body.service.suspendedUntil);
      // an older end (the line was suspended again since) does nothing
      expect(await runScheduledResume(portal.deps, { ...job.data, until: new Date(0).toISOString() })).toBe(false);
      expect(await runScheduledResume(portal.deps, job.data)).toBe(true);
      const after = (await acme.get(`/api/services/${line.id}`)).body;
      expect(after.status).toBe('active');
      expect(after.suspendedUntil).toBeNull();
      expect(after.events.map((e: { event: string }) => e.event)).toContain('resumed_automatically');
      expect(await runScheduledResume(portal.deps, job.data)).toBe(false);
    });
  });

  describe('lost or stolen, and the replacement', () => {
    it('bars the line at once, and a replacement eSIM lifts the bar once live: same number, new profile, QR e-mailed, old SIM retired', async () => {
      const line = await activeLine();
      const lost = await acme.post(`/api/services/${line.id}/report-lost`, { cause: 'stolen' });
      expect(lost.status).toBe(200);
      expect(lost.body.status).toBe('barred');
      // the bar was queued with the report: the network has it within seconds
      await waitUntil('the network to bar the line', async () => (await network(line.msisdn)).barred);
      expect((await network(line.msisdn)).carriesTraffic).toBe(false);
      // the network's answer is applied by the job a moment after the network has it
      await waitUntil('the bar to be confirmed on the timeline', async () => (await events(line.id)).includes('barred_on_network'));
      expect(await events(line.id)).toContain('reported_stolen');

      const outbox = async () => (await one<{ n: number }>(`select count(*)::int as n from outbox_messages where template = 'esim_qr'`)).n;
      const qrMails = await outbox();
      const swap = await acme.post(`/api/services/${line.id}/swap-sim`, { sim: { kind: 'esim' } });
      expect(swap.status).toBe(200);
      expect(swap.body.status).toBe('barred');
      expect(swap.body.replacementSim.kind).toBe('esim');
      const newIccid: string = swap.body.replacementSim.iccid;
      expect(await outbox()).toBe(qrMails + 1);
      // one replacement at a time
      expect((await acme.post(`/api/services/${line.id}/swap-sim`, { sim: { kind: 'esim' } })).body.code).toBe('LINE.SWAP_PENDING');

      await waitUntil('the replacement to be live and the bar lifted', async () => (await network(line.msisdn)).carriesTraffic);
      const status = await network(line.msisdn);
      expect(status.iccid).toBe(newIccid);
      const after = (await acme.get(`/api/services/${line.id}`)).body;
      expect(after.status).toBe('active');
      expect(after.msisdn).toBe(line.msisdn);
      expect(after.sim.iccid).toBe(newIccid);
      expect(after.replacementSim).toBeNull();
      const old = await one<{ status: string }>(`select status from sim_cards where iccid = $1`, [line.iccid]);
      expect(old.status).toBe('retired');
      await waitUntil('the old SIM to be released on the network', async () => (await events(line.id)).includes('old_sim_released'));
    });

    it('the employee can report it from their personal link', async () => {
      const line = await activeLine();
      const token = 'employee-token-for-line-operations-test-0001';
      await q(`insert into activation_links (company_id, service_id, token_hash, sent_to, expires_at) select company_id, id, $2, 'x@acme.example', now() + interval '1 day' from services where id = $1`, [line.id, sha256(token)]);
      const page = await portal.anonymous().get(`/api/activation/${token}`);
      expect(page.body.canReportLost).toBe(true);
      const res = await portal.anonymous().post(`/api/activation/${token}/report-lost`, { cause: 'lost' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('barred');
      expect(res.body.canReportLost).toBe(false);
      // the administrators hear of it at once, with the way to the replacement
      const mail = await one<{ n: number }>(`select count(*)::int as n from outbox_messages where template = 'line_reported_lost' and to_address = 'admin@acme.example'`);
      expect(mail.n).toBe(1);
      const detail = (await acme.get(`/api/services/${line.id}`)).body;
      const reported = detail.events.find((e: { event: string }) => e.event === 'reported_lost');
      expect(reported.actorName).not.toBe('system');
      await waitUntil('the network to bar the line', async () => (await network(line.msisdn)).barred);
      // the phone turned up: the bar is lifted
      expect((await acme.post(`/api/services/${line.id}/lift-bar`)).body.status).toBe('active');
      await waitUntil('the bar to be lifted', async () => (await network(line.msisdn)).carriesTraffic);
    });
  });

  it('the employee types the replacement card from a new personal link, as in the wizard; the swap starts then', async () => {
    const line = await activeLine();
    const res = await acme.post(`/api/services/${line.id}/swap-sim`, { sim: { kind: 'user_enters' } });
    expect(res.status).toBe(200);
    expect(res.body.replacementSim).toBeNull();
    expect(res.body.lineOperations[0]).toMatchObject({ kind: 'swap_sim', status: 'pending', toIccid: null });
    // nothing asked of the network before the card is known
    expect((await one<{ n: number }>(`select count(*)::int as n from pgboss.job where name = 'line.network' and data->>'serviceId' = $1`, [line.id])).n).toBe(0);
    const mail = await one<{ text: string; subject: string }>(`select text, subject from outbox_messages where template = 'activation' order by created_at desc limit 1`);
    // in the employee's language (the demo's Lucas reads Dutch)
    expect(mail.text).toMatch(/replacement SIM card|carte SIM de remplacement|vervangende simkaart/);
    const token = /\/activate\/([A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    const employee = portal.anonymous();
    expect((await employee.get(`/api/activation/${token}`)).body.replacementNeedsIccid).toBe(true);

    const wrong = await employee.post(`/api/activation/${token}/replacement-sim`, { iccid: '8932 0000 0000 0000 0001' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors[0].field).toBe('iccid');
    const card = await freeSim();
    const ok = await employee.post(`/api/activation/${token}/replacement-sim`, { iccid: card });
    expect(ok.status).toBe(200);
    expect(ok.body.replacementNeedsIccid).toBe(false);
    expect((await employee.post(`/api/activation/${token}/replacement-sim`, { iccid: card })).status).toBe(409);
    await waitUntil('the new card to be live', async () => (await network(line.msisdn)).iccid === card);
    await waitUntil('the swap to be recorded', async () => (await acme.get(`/api/services/${line.id}`)).body.sim.iccid === card);
  });

  describe('replacement SIM card: the stock rules of the wizard, and races', () => {
    it("refuses an ICCID failing the check digit, another company's card, an eSIM's ICCID and a used card; nothing is written", async () => {
      const line = await activeLine();
      const brightCard = await freeSim('Brightwave');
      const usedCard = (await activeLine()).iccid;
      const esimIccid = await freeSim('Acme Logistics', 'esim');
      const good = await freeSim();
      const badLuhn = good.slice(0, -1) + String((Number(good.at(-1)) + 1) % 10);
      const cases: [string, number, string][] = [
        [badLuhn, 422, 'iccid_checksum'],
        [brightCard, 422, 'sim_not_in_stock'],
        [esimIccid, 422, 'sim_is_esim'],
        [usedCard, 409, 'sim_in_use'],
      ];
      for (const [iccid, status, rule] of cases) {
        const res = await acme.post(`/api/services/${line.id}/swap-sim`, { sim: { kind: 'physical', iccid } });
        expect(res.status, iccid).toBe(status);
        expect(res.body.errors[0]).toMatchObject({ field: 'sim.iccid', rule });
      }
      expect((await one<{ n: number }>(`select count(*)::int as n from line_operations where service_id = $1`, [line.id])).n).toBe(0);
      expect((await one<{ status: string }>(`select status from sim_cards where iccid = $1`, [brightCard])).status).toBe('in_stock');
    });

    it('two administrators swapping one line to two cards at once: exactly one wins; one card offered to two lines at once: exactly one wins', async () => {
      const line = await activeLine();
      const cards = (await q<{ iccid: string }>(`select sc.iccid from sim_cards sc join companies c on c.id = sc.company_id where c.name = 'Acme Logistics' and sc.kind = 'physical' and sc.status = 'in_stock' order by sc.iccid limit 2`)).map((r) => r.iccid);
      const second = await portal.signIn('admin@acme.example');
      const both = await Promise.all(cards.map((iccid, i) => (i ? second : acme).post(`/api/services/${line.id}/swap-sim`, { sim: { kind: 'physical', iccid } })));
      expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await one<{ n: number }>(`select count(*)::int as n from sim_cards where service_id = $1 and status = 'reserved'`, [line.id])).n).toBe(1);

      const [a, b] = [await activeLine(), await activeLine()];
      const card = await freeSim();
      const race = await Promise.all([a, b].map((l, i) => (i ? second : acme).post(`/api/services/${l.id}/swap-sim`, { sim: { kind: 'physical', iccid: card } })));
      expect(race.map((r) => r.status).sort()).toEqual([200, 409]);
      expect((await q(`select 1 from sim_cards where iccid = $1 and status = 'reserved'`, [card])).length).toBe(1);
    });
  });

  it('survives a network that times out after taking the request: the job retries with the same key, and the bar is applied once', async () => {
    const { createJobRunner } = await import('../../server/src/jobs/job-runner.js');
    const { moduleJobs } = await import('../../server/src/jobs/module-jobs.js');
    const { GatewayError } = await import('../../server/src/modules/network/index.js');
    const real = portal.deps.gateway;
    let timeouts = 0;
    const gateway: typeof real = Object.assign(Object.create(real) as typeof real, {
      barLine: async (input: Parameters<typeof real.barLine>[0]) => {
        const receipt = await real.barLine(input);
        // the network took it, but the answer is lost on the way back, twice
        if (timeouts++ < 2) throw new GatewayError('timeout', 'simulated timeout after the bar was recorded');
        return receipt;
      },
    });
    await portal.jobs.stop();
    const runner = createJobRunner(portal.database, { error: () => undefined });
    await runner.start(moduleJobs({ ...portal.deps, gateway, jobs: runner.queue }, null));
    try {
      const line = await activeLine();
      const lost = await acme.post(`/api/services/${line.id}/report-lost`, { cause: 'lost' });
      expect(lost.status).toBe(200);
      await waitUntil('the bar to be confirmed', async () => (await events(line.id)).includes('barred_on_network'));
      expect(timeouts).toBeGreaterThanOrEqual(3);
      const requests = await one<{ n: number }>(`select count(*)::int as n from simulator_requests where kind = 'bar_line' and msisdn = $1`, [line.msisdn]);
      expect(requests.n).toBe(1);
      expect((await events(line.id)).filter((e) => e === 'barred_on_network')).toHaveLength(1);
    } finally {
      await runner.stop();
    }
  });

  it('a bar the network never confirmed is shown failed and can be asked again, as a new request', async () => {
    const { markLineOperationFailed } = await import('../../server/src/modules/lines/use-cases/line-network.js');
    const line = await activeLine();
    // the network is down for good: the runner is stopped, and the dead-letter job arrives as pg-boss would hand it over
    await portal.jobs.stop().catch(() => undefined);
    const lost = await acme.post(`/api/services/${line.id}/report-lost`, { cause: 'lost' });
    const op = lost.body.lineOperations[0];
    expect(await markLineOperationFailed(portal.deps, { companyId: (await one<{ company_id: string }>(`select company_id from services where id = $1`, [line.id])).company_id, serviceId: line.id, operationId: op.id, work: 'bar' })).toBe(true);
    const failed = (await acme.get(`/api/services/${line.id}`)).body;
    expect(failed.status).toBe('barred');
    expect(failed.lineOperations[0].status).toBe('failed');
    expect(failed.events.map((e: { event: string }) => e.event)).toContain('line_operation_failed');

    const retried = await acme.post(`/api/services/${line.id}/line-operations/${op.id}/retry`);
    expect(retried.status).toBe(200);
    expect(retried.body.lineOperations[0].status).toBe('pending');
    expect((await acme.post(`/api/services/${line.id}/line-operations/${op.id}/retry`)).body.code).toBe('LINE.NOT_RETRYABLE');
    const jobs = await q<{ data: { operationId: string } }>(`select data from pgboss.job where name = 'line.network' and data->>'operationId' = $1 and state = 'created'`, [op.id]);
    expect(jobs.length).toBe(2);
    // another company's administrator cannot
    expect((await bright.post(`/api/services/${line.id}/line-operations/${op.id}/retry`)).status).toBe(404);
  });

  it('a line deleted before its request reached the network: the request is superseded, nothing is sent', async () => {
    const { runLineNetworkJob } = await import('../../server/src/modules/lines/use-cases/line-network.js');
    const line = await activeLine();
    // the job runner is stopped (above): the bar waits in its queue while the line is deleted
    const lost = await acme.post(`/api/services/${line.id}/report-lost`, { cause: 'stolen' });
    const op = lost.body.lineOperations[0];
    expect((await acme.post(`/api/services/${line.id}/delete`)).status).toBe(200);
    const companyId = (await one<{ company_id: string }>(`select company_id from services where id = $1`, [line.id])).company_id;
    expect(await runLineNetworkJob(portal.deps, { companyId, serviceId: line.id, operationId: op.id, work: 'bar' })).toBe('superseded');
    expect((await one<{ status: string }>(`select status from line_operations where id = $1`, [op.id])).status).toBe('superseded');
    expect((await q(`select 1 from simulator_requests where kind = 'bar_line' and msisdn = $1`, [line.msisdn])).length).toBe(0);
  });

  it("lets no administrator touch another company's line: 404 on every line operation, nothing changed", async () => {
    const line = await activeLine('Brightwave');
    const attempts = [
      await acme.post(`/api/services/${line.id}/suspend/preview`),
      await acme.post(`/api/services/${line.id}/suspend`, { reason: 'x' }),
      await acme.post(`/api/services/${line.id}/resume`),
      await acme.post(`/api/services/${line.id}/report-lost`, { cause: 'lost' }),
      await acme.post(`/api/services/${line.id}/lift-bar`),
      await acme.post(`/api/services/${line.id}/swap-sim`, { sim: { kind: 'esim' } }),
    ];
    for (const res of attempts) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('SERVICE.NOT_FOUND');
    }
    const own = (await bright.get(`/api/services/${line.id}`)).body;
    expect(own.status).toBe('active');
    expect(own.lineOperations).toEqual([]);
  });
});
