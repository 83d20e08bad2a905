import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { QUEUES } from '../../server/src/jobs/queues.js';
import { BACKGROUND, expectAccessible, signIn } from '../support/browser.js';
import { browserSuite, csrfOf } from '../support/portal.js';

// An activation whose network work failed for good, as the administrator meets it: the service says
// so, with a Retry that takes the process up where it stopped. The simulated network runs at real
// speed here, so a started activation stays "Activating" while the test looks at it.

const suite = browserSuite(() => ({ NETWORK_SIMULATOR_TIME_SCALE: '1' }));

const { q } = suite;

describe('a failed activation', () => {
  test('shows as failed with what happened, and Retry takes it up again', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.portal.url}/login`);
    await signIn(page, 'admin@acme.example');
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    const headers = { 'x-csrf-token': await csrfOf(page) };
    const user = await (await page.request.post(`${suite.portal.url}/api/mobile-users`, { data: { firstName: 'Nora', lastName: 'Failed', email: `nora.${Date.now()}@acme.example`, language: 'en' }, headers })).json();
    const msisdn = ((await (await page.request.get(`${suite.portal.url}/api/wizard/stock`)).json()) as { freeMobileNumbers: string[] }).freeMobileNumbers[0];
    const saved = await page.request.post(`${suite.portal.url}/api/mobile-users/${user.id}/services`, {
      data: { productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-m', optionCodes: [], number: { kind: 'new', msisdn }, sim: { kind: 'esim' }, activation: { method: 'automatic', timing: 'asap' } },
      headers,
    });
    expect(saved.status()).toBe(201);
    const service = (await saved.json()) as { id: string; companyId?: string };
    await expect.poll(async () => (await q<{ status: string }>(`select status from services where id = $1`, [service.id]))[0]?.status, BACKGROUND).toBe('provisioning');

    // the network job gives up: it asks after a request the network never issued (an error no retry can fix)
    const [{ company_id: companyId }] = (await q<{ company_id: string }>(`select company_id from services where id = $1`, [service.id])) as [{ company_id: string }];
    await suite.portal.jobs.boss.send(QUEUES.network, { companyId, serviceId: service.id, work: 'provision', attempt: 1, requestId: randomUUID() });

    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${service.id}`);
    const badge = page.getByText('Activation failed', { exact: true }).first();
    await badge.waitFor(BACKGROUND);
    await page.getByText('The activation stopped: the operator network kept failing.', { exact: false }).waitFor();
    await page.getByText('Activation stopped: the operator network kept failing', { exact: true }).waitFor();
    await expectAccessible(page, 'service with a failed activation');

    await page.getByRole('button', { name: 'Retry activation' }).click();
    await page.getByRole('alert').filter({ hasText: 'Activation retried' }).waitFor();
    await page.getByText('Activating', { exact: true }).first().waitFor();
    await page.getByText('Activation retried', { exact: true }).last().waitFor();
    expect(await page.getByRole('button', { name: 'Retry activation' }).count()).toBe(0);
  });
});
