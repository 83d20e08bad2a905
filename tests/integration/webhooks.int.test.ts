import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type Client, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';
import { startWebhookReceiver, type Received } from '../support/webhook-receiver.js';

const ORDERS = '/tmf-api/productOrderingManagement/v4/productOrder';
const ORDER_HUB = '/tmf-api/productOrderingManagement/v4/hub';
const SERVICE_HUB = '/tmf-api/serviceInventory/v4/hub';

// The receiver's check exactly as the README documents it (section "Webhooks"): HMAC-SHA256 of
// `t + "." + body` with the hub's secret, compared in constant time, and not older than 5 minutes.
function verify(secret: string, header: string, body: string, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=')));
  const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(parts.t)) <= toleranceSeconds;
}

/** A real SMTP peer: the e-mail of a disabled hub goes out through it. */
const startSmtp = async () => {
  const received: { to: string[]; raw: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

describe(`webhooks of the public API (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let acme: Client;
  let bright: Client;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let acmeClient: { id: string; token: string };
  let brightClient: { id: string; token: string };
  const q = async <T = Record<string, unknown>>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];

  const clientFor = async (admin: Client, scopes: string[], name = 'HR system') => {
    const created = (await admin.post('/api/company/api-clients', { name, scopes })).body;
    const res = await portal.app.inject({
      method: 'POST',
      url: '/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ grant_type: 'client_credentials', client_id: created.clientId, client_secret: created.clientSecret }).toString(),
    });
    return { id: created.id as string, token: res.json().access_token as string };
  };
  const as = (token: string) => ({
    post: (url: string, body: unknown) => portal.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload: body as object }),
    delete: (url: string) => portal.app.inject({ method: 'DELETE', url, headers: { authorization: `Bearer ${token}` } }),
    get: (url: string) => portal.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
  });
  const subscribe = async (token: string, hub: string, path: string, query?: string) => {
    const res = await as(token).post(hub, { callback: receiver.url(path), ...(query ? { query } : {}) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; callback: string; query: string | null; secret: string };
  };

  const freeNumber = async () => (await acme.get('/api/wizard/stock')).body.freeMobileNumbers[0] as string;
  let employee = 0;
  /** Orders a new eSIM line for a new employee through TMF622; the simulated network activates it at once. */
  const orderLine = async (token: string, extra: { name: string; value: unknown }[] = []) => {
    employee += 1;
    const number = extra.some((c) => c.name === 'numberKind') ? [] : [{ name: 'numberKind', value: 'new' }, { name: 'msisdn', value: await freeNumber() }];
    const res = await as(token).post(ORDERS, {
      productOrderItem: [
        {
          id: '1',
          action: 'add',
          productOffering: { id: 'mobile-m' },
          product: {
            productSpecification: { id: 'mobile.voice' },
            productCharacteristic: [...number, { name: 'simKind', value: 'esim' }, { name: 'activationMethod', value: 'automatic' }, ...extra],
            relatedParty: [{ role: 'user', givenName: 'Hook', familyName: `Tester ${employee}`, email: `hook.tester.${employee}.${Date.now()}@acme.example` }],
          },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const orderId = res.json().id as string;
    // the order is acknowledged at once; its job then adds the line (TMF622's flow)
    const serviceId = await waitUntil('the order to add its line', async () => (await as(token).get(`${ORDERS}/${orderId}`)).json().productOrderItem[0].product?.id as string | undefined);
    return { orderId, serviceId };
  };
  const eventsAt = (path: string, filter: (r: Received) => boolean = () => true) => receiver.at(path).filter(filter);
  const deliveries = async (hubId: string) => q<{ event_id: string; status: string; attempts: number; last_status_code: number | null }>(`select event_id, status, attempts, last_status_code from event_deliveries where hub_id = $1`, [hubId]);

  beforeAll(async () => {
    [receiver, smtp] = await Promise.all([startWebhookReceiver(), startSmtp()]);
    portal = await createTestPortal({ LOG_LEVEL: 'error', SMTP_URL: smtp.url });
    acme = await portal.signIn('owner@acme.example');
    bright = await portal.signIn('owner@brightwave.example');
    acmeClient = await clientFor(acme, ['orders:read', 'orders:write', 'services:read', 'events:manage']);
    brightClient = await clientFor(bright, ['orders:read', 'services:read', 'events:manage']);
  });
  afterAll(async () => {
    await portal?.close();
    await Promise.all([receiver?.close(), smtp?.close()]);
  });

  it('registers a hub on each API with the events:manage scope, checks its callback and query, and deletes it', async () => {
    const hub = await subscribe(acmeClient.token, ORDER_HUB, '/register', 'eventType=ProductOrderStateChangeEvent');
    expect(hub).toMatchObject({ callback: receiver.url('/register'), query: 'eventType=ProductOrderStateChangeEvent' });
    expect(hub.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    // the secret is shown once: the administrator's list never holds it
    const listed = (await acme.get('/api/company/webhooks/hubs')).body.items.find((h: { id: string }) => h.id === hub.id);
    expect(listed).toMatchObject({ api: 'productOrdering', status: 'active', clientName: 'HR system' });
    expect(JSON.stringify(listed)).not.toContain(hub.secret);

    const refused = [
      [{ callback: 'ftp://hooks.example/x' }, 'callback', 'callback_invalid_url'],
      [{ callback: 'http://user:pw@127.0.0.1/x' }, 'callback', 'callback_credentials_in_url'],
      [{ callback: receiver.url('/x'), query: 'eventType=ServiceCreateEvent' }, 'query.eventType', 'unknown_event_type'],
      [{ callback: receiver.url('/x'), query: 'colour=red' }, 'query.colour', 'unknown_filter'],
    ] as const;
    for (const [body, field, rule] of refused) {
      const res = await as(acmeClient.token).post(ORDER_HUB, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ '@type': 'Error', code: 'VALIDATION.FAILED', errors: [{ field, rule }] });
      expect(res.json().errors[0].message).not.toMatch(/rules\./);
    }
    // the scope is needed; a token without it is refused
    const reader = await clientFor(acme, ['services:read'], 'Reader');
    expect((await as(reader.token).post(SERVICE_HUB, { callback: receiver.url('/x') })).statusCode).toBe(403);

    // another company's client, and the other API's path, do not find it
    expect((await as(brightClient.token).delete(`${ORDER_HUB}/${hub.id}`)).statusCode).toBe(404);
    expect((await as(acmeClient.token).delete(`${SERVICE_HUB}/${hub.id}`)).statusCode).toBe(404);
    expect((await as(acmeClient.token).delete(`${ORDER_HUB}/${hub.id}`)).statusCode).toBe(204);
    expect((await as(acmeClient.token).delete(`${ORDER_HUB}/${hub.id}`)).statusCode).toBe(404);
    expect((await as(acmeClient.token).delete(`${ORDER_HUB}/not-an-id`)).statusCode).toBe(404);
    const audit = (await acme.get('/api/audit?entityType=event_hub&pageSize=50')).body.items;
    expect(audit.filter((e: { entityId: string }) => e.entityId === hub.id).map((e: { action: string; actorName: string }) => [e.action, e.actorName])).toEqual([
      ['event_hub.deleted', 'HR system (API)'],
      ['event_hub.created', 'HR system (API)'],
    ]);
  });

  it("sends an ordered line's order and service events, signed as the README shows, each once, and none to another company", async () => {
    const orderHub = await subscribe(acmeClient.token, ORDER_HUB, '/acme/orders');
    const serviceHub = await subscribe(acmeClient.token, SERVICE_HUB, '/acme/services');
    await subscribe(brightClient.token, ORDER_HUB, '/bright/orders');
    await subscribe(brightClient.token, SERVICE_HUB, '/bright/services');

    const { orderId, serviceId } = await orderLine(acmeClient.token);
    const completed = await waitUntil('the order-completed event', () =>
      eventsAt('/acme/orders').find((r) => r.json.eventType === 'ProductOrderStateChangeEvent' && r.json.event.productOrder.state === 'completed'),
    );
    expect(completed.json.event.productOrder.id).toBe(orderId);
    await waitUntil('the service-active event', () => eventsAt('/acme/services').find((r) => r.json.eventType === 'ServiceStateChangeEvent' && r.json.event.service.state === 'active'));

    // deliveries may arrive in any order (each is its own job): read once all have settled
    for (const hub of [orderHub, serviceHub]) {
      await waitUntil('every delivery settled', async () => (await deliveries(hub.id)).every((d) => d.status !== 'pending' && d.status !== 'sending'));
    }
    const orders = eventsAt('/acme/orders');
    expect(orders.find((r) => r.json.eventType === 'ProductOrderCreateEvent')!.json).toMatchObject({ event: { productOrder: { id: orderId, '@type': 'ProductOrder' } } });
    const services = eventsAt('/acme/services').filter((r) => r.json.event.service.id === serviceId);
    const created = services.filter((r) => r.json.eventType === 'ServiceCreateEvent');
    expect(created).toHaveLength(1);
    expect(created[0]!.json.event.service).toMatchObject({ '@type': 'Service', id: serviceId, state: 'reserved' });
    expect(services.filter((r) => r.json.eventType === 'ServiceStateChangeEvent').map((r) => r.json.event.service.state)).toEqual(expect.arrayContaining(['designed', 'active']));

    for (const [hub, got] of [[orderHub, orders], [serviceHub, services]] as const) {
      for (const r of got) {
        // the TMF event envelope
        expect(r.json).toMatchObject({ eventId: expect.stringMatching(/^[0-9a-f-]{36}$/), eventTime: expect.any(String), eventType: expect.any(String) });
        expect(r.headers['content-type']).toBe('application/json');
        expect(r.headers['fleetdesk-event-id']).toBe(r.json.eventId);
        // the README's recipe verifies it; a changed body or another secret does not
        const header = String(r.headers['fleetdesk-signature']);
        expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
        expect(verify(hub.secret, header, r.body)).toBe(true);
        expect(verify(hub.secret, header, r.body.replace('"eventType"', '"eventtype"'))).toBe(false);
        expect(verify(orderHub === hub ? serviceHub.secret : orderHub.secret, header, r.body)).toBe(false);
      }
      // each event once
      const ids = got.map((r) => r.json.eventId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    const log = await waitUntil('every delivery settled', async () => {
      const rows = await deliveries(serviceHub.id);
      return rows.every((d) => d.status !== 'pending' && d.status !== 'sending') && rows;
    });
    expect(log.filter((d) => !(d.status === 'delivered' && d.attempts === 1 && d.last_status_code === 200))).toEqual([]);

    // Brightwave's hubs heard nothing of Acme's order
    expect(eventsAt('/bright/orders')).toEqual([]);
    expect(eventsAt('/bright/services')).toEqual([]);
    for (const hub of [orderHub, serviceHub]) await as(acmeClient.token).delete(`${hub.id === orderHub.id ? ORDER_HUB : SERVICE_HUB}/${hub.id}`);
  });

  it('tells the order hub when a refused port-in needs corrected details', async () => {
    const hub = await subscribe(acmeClient.token, ORDER_HUB, '/acme/info', 'eventType=ProductOrderInformationRequiredEvent,ProductOrderStateChangeEvent');
    const { orderId } = await orderLine(acmeClient.token, [
      { name: 'numberKind', value: 'port_in' },
      { name: 'msisdn', value: '+32475654321' },
      { name: 'donorOperator', value: 'proximus' },
      { name: 'accountType', value: 'postpaid' },
      { name: 'customerNumber', value: '9999999' },
      { name: 'holderName', value: 'Acme Logistics NV' },
    ]);
    const info = await waitUntil('the information-required event', () => eventsAt('/acme/info').find((r) => r.json.eventType === 'ProductOrderInformationRequiredEvent'));
    expect(info.json.event.productOrder).toMatchObject({ id: orderId, state: 'pending', productOrderItem: [{ state: 'pending' }] });
    // the query left the create event out
    expect(eventsAt('/acme/info').map((r) => r.json.eventType)).not.toContain('ProductOrderCreateEvent');
    await as(acmeClient.token).delete(`${ORDER_HUB}/${hub.id}`);
  });

  it('delivers to a receiver that was down once it is back, exactly once per event id, and lets the administrator replay it', async () => {
    receiver.answer('/flaky', 503);
    const hub = await subscribe(acmeClient.token, SERVICE_HUB, '/flaky', 'eventType=ServiceCreateEvent');
    const { serviceId } = await orderLine(acmeClient.token);
    await waitUntil('a failed try', () => eventsAt('/flaky').length >= 1);
    receiver.answer('/flaky', 'drop');
    await waitUntil('a dropped try', () => eventsAt('/flaky').length >= 2);
    receiver.answer('/flaky', 200);
    const ok = await waitUntil('the event, delivered', () => eventsAt('/flaky').find((r) => r.answered === 200));
    expect(ok.json.event.service.id).toBe(serviceId);
    // every try carried the same event; it was taken once
    expect(new Set(eventsAt('/flaky').map((r) => r.json.eventId))).toEqual(new Set([ok.json.eventId]));
    const [d] = await deliveries(hub.id);
    expect(d).toMatchObject({ event_id: ok.json.eventId, status: 'delivered', last_status_code: 200 });
    expect(d!.attempts).toBe(eventsAt('/flaky').length);
    // nothing more comes: the job is done
    const tries = eventsAt('/flaky').length;
    const log = (await acme.get(`/api/company/webhooks/deliveries?hubId=${hub.id}`)).body;
    expect(log).toMatchObject({ total: 1, items: [{ eventType: 'ServiceCreateEvent', status: 'delivered', attempts: tries, lastStatusCode: 200, lastError: null }] });

    // the administrator sends it again: the same event id, once more
    const replay = await acme.post(`/api/company/webhooks/deliveries/${log.items[0].id}/replay`);
    expect(replay.status).toBe(204);
    await waitUntil('the replayed event', () => eventsAt('/flaky').length === tries + 1);
    expect(eventsAt('/flaky').at(-1)!.json.eventId).toBe(ok.json.eventId);
    await waitUntil('the replay settles', async () => (await deliveries(hub.id))[0]!.status === 'delivered');
    // another company's administrator finds neither the log nor the delivery
    expect((await bright.get(`/api/company/webhooks/deliveries?hubId=${hub.id}`)).body).toMatchObject({ total: 0, items: [] });
    expect((await bright.post(`/api/company/webhooks/deliveries/${log.items[0].id}/replay`)).status).toBe(404);
    expect((await bright.post(`/api/company/webhooks/hubs/${hub.id}/enable`)).status).toBe(404);
    expect((await bright.get('/api/company/webhooks/hubs')).body.items.map((h: { id: string }) => h.id)).not.toContain(hub.id);
    await as(acmeClient.token).delete(`${SERVICE_HUB}/${hub.id}`);
  });

  it("stops a revoked client's hubs: what was queued is dropped and nothing new is sent", async () => {
    const client = await clientFor(acme, ['orders:write', 'events:manage'], 'Soon revoked');
    receiver.answer('/revoked', 503);
    const hub = await subscribe(client.token, SERVICE_HUB, '/revoked', 'eventType=ServiceCreateEvent');
    await orderLine(acmeClient.token);
    await waitUntil('a first failed try', () => eventsAt('/revoked').length >= 1);
    expect((await acme.delete(`/api/company/api-clients/${client.id}`)).status).toBe(204);
    receiver.answer('/revoked', 200);
    await waitUntil('the queued delivery is dropped', async () => (await deliveries(hub.id))[0]?.status === 'cancelled');
    const tries = eventsAt('/revoked').length;
    await orderLine(acmeClient.token);
    expect(await deliveries(hub.id)).toHaveLength(1);
    expect(eventsAt('/revoked')).toHaveLength(tries);
    expect(eventsAt('/revoked').every((r) => r.answered === 503)).toBe(true);
  });

  it('disables a hub after ten deliveries in a row failed, and e-mails the administrators in their language', async () => {
    await q(`update accounts set language = 'nl' where email = 'admin@acme.example'`);
    receiver.answer('/broken', 500);
    const hub = await subscribe(acmeClient.token, SERVICE_HUB, '/broken');
    while ((await q<{ n: number }>(`select count(*)::int as n from event_deliveries where hub_id = $1`, [hub.id]))[0]!.n < 10) await orderLine(acmeClient.token);
    const disabled = await waitUntil(async () => `the hub is disabled: ${JSON.stringify(await q(`select status, consecutive_failures from event_hubs where id = $1`, [hub.id]))} ${JSON.stringify(await q(`select status, attempts, last_error from event_deliveries where hub_id = $1`, [hub.id]))}`, async () => (await acme.get('/api/company/webhooks/hubs')).body.items.find((h: { id: string; status: string }) => h.id === hub.id && h.status === 'disabled'));
    expect(disabled.consecutiveFailures).toBe(10);
    const [mail] = await waitUntil('the e-mail is sent', () =>
      q<{ subject: string; language: string; status: string; delivery: string }>(`select subject, language, status, delivery from outbox_messages where template = 'event_hub_disabled' and to_address = 'admin@acme.example' and status = 'sent'`).then((r) => r.length && r),
    );
    expect(mail).toMatchObject({ language: 'nl', delivery: 'smtp', subject: 'Gebeurtenissen voor HR system worden niet meer verstuurd: de ontvanger bleef falen' });
    expect(smtp.received.some((m) => m.to.includes('admin@acme.example'))).toBe(true);
    const audit = (await acme.get('/api/audit?entityType=event_hub&pageSize=50')).body.items.find((e: { entityId: string; action: string }) => e.entityId === hub.id && e.action === 'event_hub.disabled');
    expect(audit).toMatchObject({ actorName: 'system' });

    // nothing more goes to it; once the receiver works, the administrator turns it back on and replays a failed event
    const tries = eventsAt('/broken').length;
    await orderLine(acmeClient.token);
    await waitUntil('no pending delivery left', async () => (await q(`select 1 from event_deliveries where hub_id = $1 and status in ('pending', 'sending')`, [hub.id])).length === 0);
    expect(eventsAt('/broken').length).toBe(tries);
    const failed = (await acme.get(`/api/company/webhooks/deliveries?hubId=${hub.id}&status=failed&pageSize=1`)).body.items[0];
    expect((await acme.post(`/api/company/webhooks/deliveries/${failed.id}/replay`)).body.code).toBe('EVENT_HUB.NOT_ACTIVE');
    receiver.answer('/broken', 200);
    expect((await acme.post(`/api/company/webhooks/hubs/${hub.id}/enable`)).status).toBe(204);
    expect((await acme.post(`/api/company/webhooks/deliveries/${failed.id}/replay`)).status).toBe(204);
    await waitUntil('the replayed event arrives', () => eventsAt('/broken').some((r) => r.answered === 200 && r.json.eventId === failed.eventId));
    const after = (await acme.get('/api/company/webhooks/hubs')).body.items.find((h: { id: string }) => h.id === hub.id);
    expect(after).toMatchObject({ status: 'active', consecutiveFailures: 0 });
  });
});
