import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKGROUND, expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';
import { waitUntil } from '../support/wait.js';
import { startWebhookReceiver } from '../support/webhook-receiver.js';

// The administrator's delivery log of the public API's webhooks, in a real browser: an HR system
// subscribes and orders a line through the API; the events' deliveries are listed under Company &
// contract, and one is sent again from the page.

let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => receiver?.close());
const suite = browserSuite();

/** What the HR system does, through the public API, with a client the administrator created in the page's session. */
const hrSystemOrdersALine = async (page: Page) => {
  const base = suite.portal.url;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'fd_csrf')!.value;
  const client = await (await page.request.post(`${base}/api/company/api-clients`, { headers: { 'x-csrf-token': csrf }, data: { name: 'HR system', scopes: ['orders:write', 'events:manage'] } })).json();
  const token = (
    await (
      await fetch(`${base}/oauth/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }) })
    ).json()
  ).access_token as string;
  const call = (path: string, body: unknown) => fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  expect((await call('/tmf-api/serviceInventory/v4/hub', { callback: receiver.url('/hr/events'), query: 'eventType=ServiceCreateEvent,ServiceStateChangeEvent' })).status).toBe(201);
  const stock = await (await page.request.get(`${base}/api/wizard/stock`)).json();
  const order = await call('/tmf-api/productOrderingManagement/v4/productOrder', {
    productOrderItem: [
      {
        id: '1',
        action: 'add',
        productOffering: { id: 'mobile-m' },
        product: {
          productSpecification: { id: 'mobile.voice' },
          productCharacteristic: [{ name: 'numberKind', value: 'new' }, { name: 'msisdn', value: stock.freeMobileNumbers[0] }, { name: 'simKind', value: 'esim' }, { name: 'activationMethod', value: 'automatic' }],
          relatedParty: [{ role: 'user', givenName: 'Wendy', familyName: 'Hook', email: 'wendy.hook@acme.example' }],
        },
      },
    ],
  });
  expect(order.status).toBe(201);
};

describe('webhook delivery log', () => {
  test('the administrator reads the deliveries of the API clients\' subscriptions and sends one again', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.portal.url}/login`);
    await signIn(page, 'owner@acme.example');
    await page.waitForURL(/\/self-service\//);
    await page.goto(`${suite.portal.url}/self-service/company`);
    await page.getByRole('heading', { level: 1, name: 'Company & contract' }).waitFor();
    // before any subscription: an empty state that says how one comes
    await page.getByText('No event subscriptions yet').waitFor();

    await hrSystemOrdersALine(page);
    await waitUntil('the line is active, as its events say', () => receiver.at('/hr/events').some((r) => r.json.event.service.state === 'active'));
    await page.reload();
    const hubs = page.getByRole('table', { name: 'Event subscriptions' });
    await hubs.getByRole('row', { name: /hr\/events/ }).getByText('Active').waitFor();
    const log = page.getByRole('table', { name: 'Delivery log' });
    const delivered = log.getByRole('row').filter({ hasText: 'ServiceCreateEvent' });
    await delivered.getByText('Delivered').waitFor(BACKGROUND);
    await expect.poll(() => delivered.getByRole('cell').nth(4).textContent()).toBe('1');
    await expect.poll(() => delivered.getByRole('cell').nth(5).textContent()).toMatch(/^200/);
    await expectAccessible(page, 'delivery log');

    // filter by status: only delivered ones
    await page.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Delivered' }).click();
    await expect.poll(async () => (await log.getByRole('row').filter({ hasText: /Service\w+Event/ }).allTextContents()).every((t) => t.includes('Delivered'))).toBe(true);

    // send the creation event again: the same event id reaches the receiver once more
    const createdId = receiver.at('/hr/events').find((r) => r.json.eventType === 'ServiceCreateEvent')!.json.eventId;
    await delivered.getByRole('button', { name: /Send again/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Send this event again?' });
    await dialog.waitFor();
    await expectAccessible(page, 'send again dialog');
    await dialog.getByRole('button', { name: 'Send again' }).click();
    await page.getByText('Event sent again').waitFor();
    await waitUntil('the event arrives again', () => receiver.at('/hr/events').filter((r) => r.json.eventId === createdId).length === 2);
    await page.reload();
    await expect.poll(() => page.getByRole('table', { name: 'Delivery log' }).getByRole('row').filter({ hasText: 'ServiceCreateEvent' }).getByRole('cell').nth(4).textContent(), BACKGROUND).toBe('2');
  });

  test("an administrator reads the subscriptions and the log, but sending again and turning on are the owner's", async () => {
    const page = await suite.signInAsAdmin();
    await page.goto(`${suite.portal.url}/self-service/company`);
    const log = page.getByRole('table', { name: 'Delivery log' });
    await log.getByRole('row').filter({ hasText: 'ServiceCreateEvent' }).first().waitFor();
    await page.getByRole('table', { name: 'Event subscriptions' }).getByRole('row', { name: /hr\/events/ }).waitFor();
    expect(await log.getByRole('button', { name: /Send again/ }).count()).toBe(0);
    expect(await page.getByRole('table', { name: 'Event subscriptions' }).getByRole('button').count()).toBe(0);
    expect(await log.getByRole('columnheader', { name: 'Actions' }).count()).toBe(0);
  });
});
