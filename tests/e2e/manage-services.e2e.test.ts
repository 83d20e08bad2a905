import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { deletionLimit } from '../../server/src/modules/services/domain/deletion-quota.js';
import { expectAccessible } from '../support/browser.js';
import { browserSuite, csrfOf } from '../support/portal.js';

// Managing services in a real browser, on a fresh demo portal: the Service overview and its CSV,
// "Manage service" with its billing impact, "Remove" with its confirmation, and the 30 % rule.
// Each wait is for something to appear (a heading, a dialog, a row), never for a fixed time.

const suite = browserSuite();
const { q, signInAsAdmin } = suite;

type OverviewItem = { id: string; mobileUserId: string; userName: string; msisdn: string | null; bundle: { code: string; name: string }; serviceType: { code: string } };
type Quota = { limit: number; used: number; remaining: number; contractedServices: number };


/** Active Mobile lines of Acme, as the overview API lists them (by user name). */
const activeMobileLines = async (page: Page): Promise<OverviewItem[]> => {
  const response = await page.request.get(`${suite.portal.url}/api/service-overview?status=active&limit=200`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: OverviewItem[] };
  return body.items.filter((item) => item.serviceType.code === 'mobile.voice' && item.msisdn);
};

const quotaOf = async (page: Page): Promise<Quota> => (await (await page.request.get(`${suite.portal.url}/api/services/deletion-quota`)).json()) as Quota;

/** "+32470100019" as the portal shows it. */
const shown = (msisdn: string) => msisdn.replace(/^\+32(\d{3})(\d{2})(\d{2})(\d{2})$/, '+32 $1 $2 $3 $4');

const openService = async (page: Page, item: OverviewItem) => {
  await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${item.id}`);
  await page.getByRole('heading', { level: 1, name: `Mobile — ${shown(item.msisdn ?? '')}` }).waitFor();
};

describe('Managing services', () => {
  test('the Service overview: dashboard, search, and the page of a service', async () => {
    const page = await signInAsAdmin();
    const [line] = await activeMobileLines(page);
    if (!line?.msisdn) throw new Error('the demo has no active Mobile line');
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Service overview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Service overview' }).waitFor();
    await page.getByRole('list', { name: 'Lines by status' }).getByRole('link', { name: 'Active' }).waitFor();
    await page.getByText(/deletions? left until/).waitFor();
    const table = page.getByRole('table', { name: 'Mobile services' });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByText(/^1–\d+ of \d+$/).waitFor();
    await expectAccessible(page, 'service overview');

    // search by the number as people type it (0470 …): the address keeps it, Back returns to all
    await page.getByRole('searchbox', { name: 'Search mobile services' }).fill(`0${line.msisdn.slice(3)}`);
    await page.waitForURL(/q=0470/);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('row').filter({ hasText: line.userName }).waitFor();
    await page.getByText('1–1 of 1').waitFor();
    await table.getByRole('link', { name: shown(line.msisdn) }).click();
    await page.getByRole('heading', { level: 1, name: `Mobile — ${shown(line.msisdn)}` }).waitFor();
    await page.goBack();
    await page.waitForURL(/q=0470/);
    await table.getByRole('row').filter({ hasText: line.userName }).waitFor();

    // nothing matches: a clear empty state with a way back
    await page.getByRole('searchbox', { name: 'Search mobile services' }).fill('nobody-at-all');
    await page.getByText('No services match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear all filters' }).first().click();
    await page.getByText(/^1–\d+ of \d+$/).waitFor();

    // the Users tab lists the users of the company
    await page.getByRole('tab', { name: 'Users' }).click();
    await page.getByRole('table', { name: 'Users of your organisation' }).getByRole('link', { name: line.userName }).waitFor();
    await expectAccessible(page, 'service overview users');
  });

  test('change a bundle: the billing impact first, then Continue', async () => {
    const page = await signInAsAdmin();
    const lines = await activeMobileLines(page);
    const line = lines.find((item) => item.bundle.code !== 'mobile-s');
    if (!line?.msisdn) throw new Error('the demo has no active Mobile line on a bundle other than Mobile S');
    await openService(page, line);

    await page.getByRole('button', { name: 'Manage service' }).click();
    const dialog = page.getByRole('dialog', { name: 'Manage service' });
    await dialog.getByRole('radio', { name: /^Mobile S/ }).waitFor();
    // the current bundle is chosen: Save waits for a change
    expect(await dialog.getByRole('radio', { name: line.bundle.name, exact: true }).getAttribute('aria-checked')).toBe('true');
    expect(await dialog.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: /^Mobile S/ }).click();
    await dialog.getByRole('checkbox', { name: 'Extra international call minutes (100 min)' }).check();
    await dialog.getByText('€18.50 per month').waitFor();
    await expectAccessible(page, 'manage service');
    await dialog.getByRole('button', { name: 'Save' }).click();

    // what changes and what it costs this month; nothing is written yet
    const confirm = page.getByRole('dialog', { name: 'Confirm the change' });
    await confirm.waitFor();
    const changes = confirm.getByRole('table', { name: 'What changes' });
    await changes.getByText(line.bundle.name, { exact: false }).first().waitFor();
    await changes.getByText('€18.50 per month').waitFor();
    const impact = confirm.getByRole('table', { name: 'Billing impact this month' });
    await impact.getByRole('row').filter({ hasText: 'Credit' }).filter({ hasText: line.bundle.name }).waitFor();
    await impact.getByRole('row').filter({ hasText: 'Charge' }).filter({ hasText: /^Mobile S/ }).waitFor();
    await impact.getByRole('row').filter({ hasText: 'Extra international call minutes (100 min)' }).getByText(/\d+ of (28|29|30|31) days/).waitFor();
    await confirm.getByText(/Takes effect today/).waitFor();
    await expectAccessible(page, 'change confirmation');
    const before = (await (await page.request.get(`${suite.portal.url}/api/services/${line.id}`)).json()) as { bundle: { code: string } };
    expect(before.bundle.code).toBe(line.bundle.code);

    // Back keeps the choice; Continue changes the service
    await confirm.getByRole('button', { name: 'Back' }).click();
    expect(await dialog.getByRole('checkbox', { name: 'Extra international call minutes (100 min)' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await confirm.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Service changed').waitFor();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Bundle or options changed').waitFor();
    await page.getByText('€18.50 per month').first().waitFor();

    // on the next bill, and on the user's page with prices and options
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Next bill' }).click();
    await page.getByRole('heading', { level: 1, name: 'Next bill' }).waitFor();
    await page.getByRole('searchbox', { name: 'Search the bill' }).fill(line.userName);
    await page.getByRole('button', { name: `Show the lines of ${line.userName}` }).click();
    const billLines = page.getByRole('table', { name: `Changed services of ${line.userName}` });
    await billLines.getByRole('row').filter({ hasText: 'Change' }).filter({ hasText: 'Credit' }).waitFor();
    expect(await billLines.getByRole('row').filter({ hasText: 'Change' }).count()).toBe(3);
    await expectAccessible(page, 'next bill');

    await page.getByRole('link', { name: line.userName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: line.userName }).waitFor();
    const services = page.getByRole('table', { name: 'Services' });
    const row = services.getByRole('row').filter({ hasText: shown(line.msisdn) });
    await row.getByText('Extra international call minutes (100 min)', { exact: false }).waitFor();
    await row.getByRole('cell', { name: '€18.50', exact: true }).waitFor();
    await expectAccessible(page, 'user services');
  });

  test('delete with the confirmation: No keeps it, Yes ends it', async () => {
    const page = await signInAsAdmin();
    const lines = await activeMobileLines(page);
    const line = lines[lines.length - 1];
    if (!line?.msisdn) throw new Error('the demo has no active Mobile line');
    const quota = await quotaOf(page);
    await openService(page, line);

    await page.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Are you sure you want to delete this bundle?' });
    await dialog.waitFor();
    await dialog.getByText(`${quota.used} of ${quota.limit} deletions used in this contract period`).waitFor();
    await dialog.getByText(new RegExp(`mobile number ${shown(line.msisdn).replace(/\+/g, '\\+')} is quarantined`)).waitFor();
    // an ICCID is shown in groups of four, as on the card (and everywhere else in the portal)
    await dialog.getByText(/SIM card \d{4}( \d{4}){3} \d{3,4} is retired/).waitFor();
    await expectAccessible(page, 'delete confirmation');
    await dialog.getByRole('button', { name: 'No' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Manage service' }).waitFor();

    await page.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByRole('button', { name: 'Yes' }).click();
    await page.getByText('Service deleted', { exact: true }).first().waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Deleted by an administrator').waitFor();
    // ended: no more Manage service or Remove
    expect(await page.getByRole('button', { name: 'Remove' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Manage service' }).count()).toBe(0);
    expect((await quotaOf(page)).used).toBe(quota.used + 1);
  });

  test('the 30 % limit: the server refuses with its message, and the ways out', async () => {
    const page = await signInAsAdmin();
    const csrf = await csrfOf(page);
    const lines = await activeMobileLines(page);
    const [victim, other] = lines;
    if (!victim?.msisdn || !other) throw new Error('the demo has too few active Mobile lines');
    // a smaller contract, so that exactly one deletion is left
    const { used } = await quotaOf(page);
    let contracted = 1;
    while (deletionLimit(contracted) < used + 1) contracted += 1;
    await q(`update contracts set contracted_services = $1 where company_id = (select company_id from mobile_users where id = $2)`, [contracted, victim.mobileUserId]);
    expect(await quotaOf(page)).toMatchObject({ limit: used + 1, used, remaining: 1 });

    await openService(page, victim);
    await page.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Are you sure you want to delete this bundle?' });
    await dialog.getByText(`${used} of ${used + 1} deletions used in this contract period`).waitFor();
    // meanwhile, the last deletion is used elsewhere
    const elsewhere = await page.request.post(`${suite.portal.url}/api/services/${other.id}/delete`, { data: {}, headers: { 'x-csrf-token': csrf } });
    expect(elsewhere.status()).toBe(200);
    await dialog.getByRole('button', { name: 'Yes' }).click();

    const refusal = dialog.getByRole('alert').filter({ hasText: 'Deletion limit reached' });
    await refusal.waitFor();
    await refusal.getByText(`You may delete at most ${used + 1} services in this contract period (30 % of the ${contracted} services of your contract), and ${used + 1} have been deleted already.`, { exact: false }).waitFor();
    const request = refusal.getByRole('link', { name: 'Send a Delete request' });
    expect(await request.getAttribute('href')).toBe(`/self-service/requests/new?kind=delete&serviceIds=${victim.id}`);
    expect(await refusal.getByRole('link', { name: 'sales@dstny.be' }).getAttribute('href')).toBe('mailto:sales@dstny.be');
    await expectAccessible(page, 'deletion limit reached');
    const service = (await (await page.request.get(`${suite.portal.url}/api/services/${victim.id}`)).json()) as { status: string };
    expect(service.status).toBe('active');

    // opened again, the limit is known before asking: no Yes to press
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Remove' }).click();
    await dialog.getByText(`${used + 1} of ${used + 1} deletions used in this contract period`).first().waitFor();
    await dialog.getByRole('alert').filter({ hasText: 'Deletion limit reached' }).waitFor();
    expect(await dialog.getByRole('button', { name: 'Yes' }).count()).toBe(0);
  });

  test('export the overview to CSV: the filters apply, every matching row, a header in English', async () => {
    const page = await signInAsAdmin();
    const [line] = await activeMobileLines(page);
    if (!line?.msisdn) throw new Error('the demo has no active Mobile line');
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/overview?status=active&product=mobile`);
    const table = page.getByRole('table', { name: 'Mobile services' });
    await table.getByRole('row').nth(1).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Export CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^services-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = text.slice(1).trim().split(/\r?\n/);
    expect(rows[0]).toBe('User,Department,Product,Service type,Bundle,Options,Monthly price (EUR),Mobile number,Fixed number,SIM,ICCID,Status,Activated at');
    const row = rows.find((r) => r.includes(line.msisdn ?? '-'));
    expect(row).toBeDefined();
    expect(row).toContain(line.userName);
    expect(row).toContain(',Active,');
    // only what the filters match: Dstny Mobile lines, all of them (not one page)
    const { total } = (await (await page.request.get(`${suite.portal.url}/api/service-overview/count?status=active&product=mobile`)).json()) as { total: number };
    expect(rows.length - 1).toBe(total);
    expect(rows.slice(1).every((r) => r.includes('Dstny Mobile'))).toBe(true);
  });
});
