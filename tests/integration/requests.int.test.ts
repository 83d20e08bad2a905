import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxMessages, requestEvents, requests } from '../../server/src/db/schema.js';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';

// MACD and support requests over HTTP: filing every kind, the transition table's legal and illegal
// moves (refused with a stable code and nothing written), comments from both sides, tenant
// isolation on every administrator endpoint, role checks on every endpoint, and the update e-mails
// queued in the filing administrator's language.

const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

describe(`MACD and support requests (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let operator: Client;
  let acmeOffice: { id: string; name: string; street: string; postalCode: string; city: string };
  let brightOffice: { id: string };
  let acmeService: { id: string; userName: string };
  let brightService: { id: string };

  const changeRequest = () => ({
    kind: 'change',
    officeId: acmeOffice.id,
    serviceIds: [],
    details: { serviceName: 'SmartFit Internet', currentConfiguration: 'SmartFit Internet Plus', newConfiguration: 'SmartFit Internet Extra' },
  });
  const file = async (client: Client, body: unknown) => {
    const res = await client.post('/api/requests', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; reference: string; status: string; allowedEvents: string[] };
  };
  const move = (id: string, body: Record<string, unknown>) => operator.post(`/api/back-office/requests/${id}/transitions`, body);
  const counts = async (id: string) => {
    const db = portal.database.db;
    const [[events], [mails], [row]] = await Promise.all([
      db.select({ n: count() }).from(requestEvents).where(eq(requestEvents.requestId, id)),
      db.select({ n: count() }).from(outboxMessages).where(eq(outboxMessages.template, 'request_updated')),
      db.select({ status: requests.status, updatedAt: requests.updatedAt }).from(requests).where(eq(requests.id, id)),
    ]);
    return { events: events!.n, mails: mails!.n, status: row!.status, updatedAt: row!.updatedAt.toISOString() };
  };
  const mailsTo = (address: string) =>
    portal.database.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.template, 'request_updated'), eq(outboxMessages.toAddress, address)))
      .orderBy(outboxMessages.createdAt);

  beforeAll(async () => {
    portal = await createTestPortal();
    [acme, bright, operator] = await Promise.all([portal.signIn('admin@acme.example'), portal.signIn('admin@brightwave.example'), portal.signIn('operator@dstny.example')]);
    acmeOffice = (await acme.get('/api/company')).body.offices[0];
    brightOffice = (await bright.get('/api/company')).body.offices[0];
    acmeService = (await acme.get('/api/requests/services')).body.items[0];
    brightService = (await bright.get('/api/requests/services')).body.items[0];
    expect(acmeService && brightService).toBeTruthy();
  });
  afterAll(async () => portal?.close());

  describe('filing', () => {
    it('files each kind with a human reference, status submitted and a first history line', async () => {
      const bodies = [
        { kind: 'move', officeId: acmeOffice.id, serviceIds: [acmeService.id], details: { newAddress: { street: 'Kaai 12', postalCode: '2000', city: 'Antwerpen' }, movingDate: day(40), otherServices: 'Internet line' } },
        { kind: 'add', officeId: acmeOffice.id, details: { target: 'service', wanted: 'Two extra UC users' } },
        { kind: 'add', details: { target: 'office', wanted: 'Internet and five lines', newOffice: { name: 'Leuven', street: 'Bondgenotenlaan 1', postalCode: '3000', city: 'Leuven' } } },
        changeRequest(),
        { kind: 'delete', officeId: acmeOffice.id, serviceIds: [acmeService.id], details: { target: 'service', reason: 'Employee left' } },
        { kind: 'delete', officeId: acmeOffice.id, details: { target: 'office', desiredDate: day(90) } },
        { kind: 'support', details: { topic: 'fixed_numbers', message: 'No fixed numbers left', quantity: 10 } },
        { kind: 'support', serviceIds: [acmeService.id], details: { topic: 'service_problem', message: 'No network since activation', triedSteps: ['flight_mode', 'restart'] } },
      ];
      const references = new Set<string>();
      for (const body of bodies) {
        const created = await file(acme, body);
        expect(created.reference).toMatch(/^R-\d{4}-\d{6}$/);
        references.add(created.reference);
        const detail = (await acme.get(`/api/requests/${created.id}`)).body;
        expect(detail).toMatchObject({ kind: body.kind, status: 'submitted', filedBy: 'Sofie Van Damme', assignedTo: null, allowedEvents: ['withdraw'] });
        expect(detail.events).toEqual([expect.objectContaining({ event: 'filed', fromStatus: null, toStatus: 'submitted', actorName: 'Sofie Van Damme', actorRole: 'admin' })]);
        expect(detail.services.map((s: { id: string }) => s.id)).toEqual(body.serviceIds ?? []);
      }
      expect(references.size).toBe(bodies.length);
      const list = await acme.get('/api/requests?pageSize=50');
      expect(list.body.total).toBeGreaterThanOrEqual(bodies.length);
      expect((await acme.get('/api/requests?kind=support')).body.items.every((r: { kind: string }) => r.kind === 'support')).toBe(true);
      expect((await acme.get('/api/requests?q=SmartFit')).body.items.some((r: { kind: string }) => r.kind === 'change')).toBe(true);
    });

    it('refuses what a kind lacks, every problem at once, and writes nothing', async () => {
      const [before] = await portal.database.db.select({ n: count() }).from(requests);
      const cases: [unknown, string[]][] = [
        [{ kind: 'move', officeId: acmeOffice.id, details: { newAddress: { street: 'Kaai 12', postalCode: '200', city: 'Antwerpen' }, movingDate: day(0) } }, ['details.movingDate', 'serviceIds', 'details.newAddress.postalCode']],
        [{ ...changeRequest(), details: { ...changeRequest().details, newConfiguration: 'smartfit internet plus' } }, ['details.newConfiguration']],
        [{ ...changeRequest(), officeId: null }, ['officeId']],
        [{ kind: 'add', officeId: acmeOffice.id, details: { target: 'office', wanted: 'x' } }, ['officeId', 'details.newOffice']],
        [{ kind: 'support', details: { topic: 'service_problem', message: 'x' } }, ['serviceIds']],
      ];
      for (const [body, fields] of cases) {
        const res = await acme.post('/api/requests', body);
        expect(res.status, JSON.stringify(res.body)).toBe(422);
        expect(res.body.code).toBe('REQUEST.INVALID');
        expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([...fields].sort());
        for (const e of res.body.errors) expect(e.message).not.toMatch(/^rules\./);
      }
      const shape = await acme.post('/api/requests', { kind: 'change', officeId: acmeOffice.id, details: { serviceName: '' } });
      expect(shape.status).toBe(400);
      const [after] = await portal.database.db.select({ n: count() }).from(requests);
      expect(after!.n).toBe(before!.n);
    });

    it('translates the problems into the caller’s language', async () => {
      // a signed-in caller is answered in the language of their account: French for Brightwave's administrator
      const res = await bright.post('/api/requests', { ...changeRequest(), officeId: brightOffice.id, details: { ...changeRequest().details, desiredDate: day(-1) } });
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ field: 'details.desiredDate', rule: 'in_past', message: 'Date souhaitée doit être dans le futur.' });
    });
  });

  describe('the transition table over HTTP', () => {
    it('takes a request through review, schedule and done, each step recorded and e-mailed in English', async () => {
      const { id, reference } = await file(acme, changeRequest());
      const assigned = await operator.post(`/api/back-office/requests/${id}/assign`);
      expect(assigned.status).toBe(200);
      expect(assigned.body.assignedTo).toMatchObject({ name: 'Dstny Support Desk' });
      expect(assigned.body.allowedEvents.sort()).toEqual(['reject', 'start_review']);
      expect((await move(id, { event: 'start_review' })).body.status).toBe('in_review');
      const scheduled = await move(id, { event: 'schedule', scheduledFor: day(10), reason: 'Technician booked' });
      expect(scheduled.status).toBe(200);
      expect(scheduled.body).toMatchObject({ status: 'scheduled', scheduledFor: day(10) });
      const rescheduled = await move(id, { event: 'reschedule', scheduledFor: day(12) });
      expect(rescheduled.body.scheduledFor).toBe(day(12));
      const done = await move(id, { event: 'complete' });
      expect(done.body).toMatchObject({ status: 'done', allowedEvents: [] });
      expect(done.body.events.map((e: { event: string }) => e.event)).toEqual(['filed', 'assigned', 'start_review', 'schedule', 'reschedule', 'complete']);
      expect(done.body.events[3]).toMatchObject({ fromStatus: 'in_review', toStatus: 'scheduled', scheduledFor: day(10), reason: 'Technician booked', actorRole: 'operator' });

      const mails = (await mailsTo('admin@acme.example')).filter((m) => m.subject.includes(reference));
      expect(mails.map((m) => m.subject)).toEqual([`Request ${reference}: In review`, `Request ${reference}: Scheduled`, `Request ${reference}: Scheduled`, `Request ${reference}: Done`]);
      expect(mails.every((m) => m.language === 'en')).toBe(true);
      expect(mails[1]!.html).toContain(`/self-service/requests/${id}`);
      expect(mails[1]!.text).toContain('Technician booked');
      // the admin sees it all
      const seen = (await acme.get(`/api/requests/${id}`)).body;
      expect(seen).toMatchObject({ status: 'done', allowedEvents: [] });
    });

    it('refuses illegal moves with 409 and a stable code, and writes nothing', async () => {
      const { id } = await file(acme, changeRequest());
      const before = await counts(id);
      for (const body of [{ event: 'schedule', scheduledFor: day(5) }, { event: 'complete' }, { event: 'reschedule', scheduledFor: day(5) }]) {
        const res = await move(id, body);
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ code: 'REQUEST.ILLEGAL_TRANSITION' });
      }
      expect(await counts(id)).toEqual(before);
      // the other side's event, and events without what they need
      const withdraw = await move(id, { event: 'withdraw' });
      expect(withdraw.status).toBe(403);
      expect(withdraw.body.code).toBe('REQUEST.EVENT_FORBIDDEN');
      const reject = await move(id, { event: 'reject', reason: '  ' });
      expect(reject.status).toBe(422);
      expect(reject.body.errors).toEqual([expect.objectContaining({ field: 'reason', rule: 'required' })]);
      await move(id, { event: 'start_review' });
      const past = await move(id, { event: 'schedule', scheduledFor: day(-1) });
      expect(past.status).toBe(422);
      expect(past.body.errors[0]).toMatchObject({ field: 'scheduledFor', rule: 'in_past' });
      const mid = await counts(id);
      expect(mid.status).toBe('in_review');
      const rejected = await move(id, { event: 'reject', reason: 'Not possible at this site' });
      expect(rejected.body.status).toBe('rejected');
      const after = await counts(id);
      for (const body of [{ event: 'start_review' }, { event: 'reject', reason: 'again' }, { event: 'complete' }]) expect((await move(id, body)).status).toBe(409);
      expect((await operator.post(`/api/back-office/requests/${id}/assign`)).body.code).toBe('REQUEST.CLOSED');
      expect(await counts(id)).toEqual(after);
    });

    it('lets the administrator withdraw only while the request is submitted', async () => {
      const handled = await file(acme, changeRequest());
      await move(handled.id, { event: 'start_review' });
      const before = await counts(handled.id);
      const refused = await acme.post(`/api/requests/${handled.id}/withdraw`, {});
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('REQUEST.ILLEGAL_TRANSITION');
      expect(await counts(handled.id)).toEqual(before);

      const fresh = await file(acme, changeRequest());
      const mailsBefore = (await counts(fresh.id)).mails;
      const withdrawn = await acme.post(`/api/requests/${fresh.id}/withdraw`, { reason: 'Filed twice' });
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', allowedEvents: [] });
      expect(withdrawn.body.events.at(-1)).toMatchObject({ event: 'withdraw', fromStatus: 'submitted', toStatus: 'withdrawn', reason: 'Filed twice', actorRole: 'admin' });
      // nobody is e-mailed about their own action
      expect((await counts(fresh.id)).mails).toBe(mailsBefore);
      expect((await acme.post(`/api/requests/${fresh.id}/withdraw`, {})).status).toBe(409);
    });
  });

  describe('comments', () => {
    it('shows comments from both sides in order, and e-mails operator comments to the filer in French', async () => {
      const { id, reference } = await file(bright, {
        kind: 'move',
        officeId: brightOffice.id,
        serviceIds: [brightService.id],
        details: { newAddress: { street: 'Rue Neuve 5', postalCode: '4000', city: 'Liège' }, movingDate: day(60) },
      });
      expect((await bright.post(`/api/requests/${id}/comments`, { body: 'Le déménagement est prévu un samedi.' })).status).toBe(201);
      const commented = await operator.post(`/api/back-office/requests/${id}/comments`, { body: 'Could you confirm the floor?' });
      expect(commented.status).toBe(201);
      expect(commented.body.comments.map((c: { authorRole: string; body: string }) => [c.authorRole, c.body])).toEqual([
        ['admin', 'Le déménagement est prévu un samedi.'],
        ['operator', 'Could you confirm the floor?'],
      ]);
      expect((await operator.post(`/api/back-office/requests/${id}/comments`, { body: '   ' })).status).toBe(400);
      await operator.post(`/api/back-office/requests/${id}/transitions`, { event: 'start_review' });

      const mails = (await mailsTo('admin@brightwave.example')).filter((m) => m.subject.includes(reference));
      expect(mails.map((m) => [m.language, m.subject])).toEqual([
        ['fr', `Demande ${reference} : nouveau commentaire de Dstny`],
        ['fr', `Demande ${reference} : En cours d'examen`],
      ]);
      expect(mails[0]!.text).toContain('Could you confirm the floor?');
      expect(mails[0]!.html).toContain(`/self-service/requests/${id}`);
      expect(mails[0]!.companyId).toBe((await bright.get('/api/company')).body.id);
      // the filer sees the operator's comment
      expect((await bright.get(`/api/requests/${id}`)).body.comments).toHaveLength(2);
    });
  });

  describe('tenant isolation', () => {
    it("gives another company's administrator 404 on every request endpoint, and changes nothing", async () => {
      const { id } = await file(acme, changeRequest());
      const before = await counts(id);
      const attempts = [
        await bright.get(`/api/requests/${id}`),
        await bright.post(`/api/requests/${id}/comments`, { body: 'Hijacked' }),
        await bright.post(`/api/requests/${id}/withdraw`, {}),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(404);
        expect(res.body.code).toBe('REQUEST.NOT_FOUND');
      }
      expect(await counts(id)).toEqual(before);
      expect((await acme.get(`/api/requests/${id}`)).body.comments).toEqual([]);
      const list = await bright.get('/api/requests?pageSize=200');
      expect(list.body.items.every((r: { company: { name: string } }) => r.company.name === 'Brightwave Consulting')).toBe(true);
      expect((await bright.get(`/api/requests?q=${encodeURIComponent('SmartFit')}`)).body.total).toBe(0);
    });

    it("cannot name another company's office or services, nor look them up", async () => {
      const res = await bright.post('/api/requests', { kind: 'delete', officeId: acmeOffice.id, serviceIds: [acmeService.id], details: { target: 'service' } });
      expect(res.status).toBe(422);
      expect(res.body.errors.map((e: { field: string; rule: string }) => `${e.field}:${e.rule}`).sort()).toEqual(['officeId:not_found', 'serviceIds.0:not_found']);
      expect((await bright.get(`/api/requests/services?ids=${acmeService.id}`)).body.items).toEqual([]);
      expect((await bright.get(`/api/requests/services?q=${encodeURIComponent(acmeService.userName)}`)).body.items.map((s: { id: string }) => s.id)).not.toContain(acmeService.id);
    });
  });

  describe('roles', () => {
    it('refuses administrators on every back-office request endpoint (403)', async () => {
      const { id } = await file(acme, changeRequest());
      const attempts = [
        await acme.get('/api/back-office/requests'),
        await acme.get(`/api/back-office/requests/${id}`),
        await acme.post(`/api/back-office/requests/${id}/assign`),
        await acme.post(`/api/back-office/requests/${id}/transitions`, { event: 'start_review' }),
        await acme.post(`/api/back-office/requests/${id}/comments`, { body: 'x' }),
      ];
      for (const res of attempts) {
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('AUTH.FORBIDDEN');
      }
      expect((await counts(id)).status).toBe('submitted');
    });

    it('refuses operator staff on every administrator request endpoint (403), and anonymous callers (401)', async () => {
      const { id } = await file(acme, changeRequest());
      const attempts = [
        await operator.get('/api/requests'),
        await operator.get('/api/requests/services'),
        await operator.post('/api/requests', changeRequest()),
        await operator.get(`/api/requests/${id}`),
        await operator.post(`/api/requests/${id}/comments`, { body: 'x' }),
        await operator.post(`/api/requests/${id}/withdraw`, {}),
      ];
      for (const res of attempts) expect(res.status).toBe(403);
      const anonymous = portal.anonymous();
      expect((await anonymous.get('/api/requests')).status).toBe(401);
      expect((await anonymous.get('/api/back-office/requests')).status).toBe(401);
    });
  });

  describe('the back-office queue', () => {
    it('lists every company, filters by status, kind, company and assignee, and finds by reference or company', async () => {
      const acmeReq = await file(acme, changeRequest());
      const brightReq = await file(bright, { kind: 'support', details: { topic: 'fixed_numbers', message: 'Plus de numéros fixes', quantity: 5 } });
      const all = (await operator.get('/api/back-office/requests?pageSize=200')).body;
      const companies = new Set(all.items.map((r: { company: { name: string } }) => r.company.name));
      expect(companies).toEqual(new Set(['Acme Logistics', 'Brightwave Consulting']));
      const brightId = (await bright.get('/api/company')).body.id;
      const byCompany = (await operator.get(`/api/back-office/requests?companyId=${brightId}&pageSize=200`)).body;
      expect(byCompany.items.every((r: { company: { id: string } }) => r.company.id === brightId)).toBe(true);
      expect((await operator.get(`/api/back-office/requests?q=${brightReq.reference}`)).body.items.map((r: { id: string }) => r.id)).toEqual([brightReq.id]);
      expect((await operator.get('/api/back-office/requests?q=Brightwave&pageSize=200')).body.items.map((r: { id: string }) => r.id)).toContain(brightReq.id);
      const supports = (await operator.get('/api/back-office/requests?kind=support&status=submitted&pageSize=200')).body.items;
      expect(supports.every((r: { kind: string; status: string }) => r.kind === 'support' && r.status === 'submitted')).toBe(true);
      await operator.post(`/api/back-office/requests/${acmeReq.id}/assign`);
      const mine = (await operator.get('/api/back-office/requests?assignedToMe=true&pageSize=200')).body.items;
      expect(mine.map((r: { id: string }) => r.id)).toContain(acmeReq.id);
      expect(mine.every((r: { assignedTo: { name: string } | null }) => r.assignedTo?.name === 'Dstny Support Desk')).toBe(true);
      const page = (await operator.get('/api/back-office/requests?pageSize=2&page=2')).body;
      expect(page).toMatchObject({ page: 2, pageSize: 2 });
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect((await operator.get(`/api/back-office/requests/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });
  });
});
