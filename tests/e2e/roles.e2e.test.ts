import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, linkFromDevMailbox, signIn } from '../support/browser.js';
import { browserSuite, csrfOf } from '../support/portal.js';

// Roles in the browser: the owner invites a read-only colleague from the Team page; the colleague
// chooses a password through the usual link and sees the fleet without a single change button,
// and the API refuses a change they try anyway, in their language.

const suite = browserSuite();

const setPasswordLinkFromMailbox = (page: Page, name: string) => linkFromDevMailbox(page, suite.portal.url, [name], '/set-password/');

describe('roles', () => {
  test('the owner invites a read-only colleague, who sees no change buttons and whom the API refuses', async () => {
    const owner = await suite.newPage();
    await owner.goto(`${suite.portal.url}/login`);
    await signIn(owner, 'owner@acme.example');
    await owner.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await owner.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Team' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Team' }).waitFor();
    const table = owner.getByRole('table', { name: 'Team' });
    await table.getByRole('row').filter({ hasText: 'readonly@acme.example' }).waitFor();
    await expectAccessible(owner, 'team page');

    // search narrows the list
    await owner.getByRole('searchbox', { name: 'Search accounts' }).fill('billing');
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await owner.getByRole('searchbox', { name: 'Search accounts' }).fill('');

    await owner.getByRole('button', { name: 'Invite a colleague' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Invite a colleague' });
    await dialog.getByLabel('Full name').fill('Tom Jacobs');
    await dialog.getByLabel('E-mail').fill('tom.jacobs@acme.example');
    await dialog.getByLabel('Role').click();
    await owner.getByRole('option', { name: 'Read-only' }).click();
    await dialog.getByText('Sees everything and exports lists, changes nothing.').waitFor();
    await expectAccessible(owner, 'invite dialog');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'tom.jacobs@acme.example' }).textContent()).toContain('Invited');

    // the last owner cannot step down: the form says why, under the field
    await table.getByRole('button', { name: 'Actions for Pieter Claes' }).click();
    await owner.getByRole('menuitem', { name: 'Change role' }).click();
    const roleDialog = owner.getByRole('dialog', { name: 'Change the role of Pieter Claes' });
    await roleDialog.getByLabel('Role').click();
    await owner.getByRole('option', { name: 'Administrator' }).click();
    await roleDialog.getByRole('button', { name: 'Save role' }).click();
    await roleDialog.getByText('Role: the company must keep at least one active owner.', { exact: false }).waitFor();
    await expectAccessible(owner, 'change role refused');
    await roleDialog.getByRole('button', { name: 'Cancel' }).click();

    // the colleague chooses a password and lands in the portal, read-only
    const tom = await suite.newPage();
    await tom.goto(await setPasswordLinkFromMailbox(tom, 'Tom Jacobs'));
    await tom.getByRole('textbox', { name: 'Password', exact: true }).fill('four grey cats sleeping');
    await tom.getByRole('textbox', { name: 'Repeat the password' }).fill('four grey cats sleeping');
    await tom.getByRole('button', { name: 'Save password and sign in' }).click();
    await tom.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    const main = tom.getByRole('main');
    await main.getByRole('table').getByRole('row').nth(1).waitFor();
    expect(await main.getByRole('link', { name: 'Create user' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Import' }).count()).toBe(0);
    const nav = tom.getByRole('navigation', { name: 'Main menu' });
    await nav.getByRole('link', { name: 'Next bill' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Team' }).count()).toBe(0);
    await expectAccessible(tom, 'users, read-only');

    // a user and an active service: facts, no actions (at the address the e-mail's link opened)
    const at = new URL(tom.url()).origin;
    const overview = await tom.request.get(`${at}/api/service-overview?status=active&limit=50`);
    expect(overview.status()).toBe(200);
    const services = (await overview.json()) as { items: { id: string; mobileUserId: string; msisdn: string | null }[] };
    const service = services.items.find((s) => s.msisdn)!;
    await tom.goto(`${at}/self-service/uc-mobile/users/${service.mobileUserId}`);
    await main.getByRole('heading', { level: 1 }).waitFor();
    await main.locator(`a[href$="/services/${service.id}"]`).first().waitFor();
    expect(await main.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await main.getByRole('link', { name: 'Add service' }).count()).toBe(0);
    await tom.goto(`${at}/self-service/uc-mobile/services/${service.id}`);
    await main.getByText('Bundle', { exact: true }).first().waitFor();
    for (const name of ['Manage service', 'Line operations', 'Remove', 'Report a problem', 'Show PIN and PUK']) {
      expect(await main.getByRole('button', { name }).count(), name).toBe(0);
    }
    await expectAccessible(tom, 'service, read-only');
    // a change page typed in sends them home
    await tom.goto(`${at}/self-service/uc-mobile/users/new`);
    await tom.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();

    // the API refuses what the page does not offer, and says why
    const refused = await tom.request.post(`${at}/api/services/${service.id}/suspend`, { headers: { 'x-csrf-token': await csrfOf(tom) }, data: {} });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'AUTH.FORBIDDEN', title: 'Not allowed', detail: 'Your account is not allowed to do this.' });
    // reading and exporting is allowed
    expect((await tom.request.get(`${at}/api/service-overview/export.csv`)).status()).toBe(200);
  });
});
