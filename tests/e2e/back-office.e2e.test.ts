import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, linkFromDevMailbox, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// The operator back office in a real browser: operator staff invite a fleet administrator from the
// company's page, the invitation e-mail lands in the development mailbox, its set-password link
// works once, and the new administrator is signed in and then signs in again with that password.
// Every page on the way is scanned with axe.

const suite = browserSuite();

const setPasswordLinkFromMailbox = (page: Page, name: string) => linkFromDevMailbox(page, suite.portal.url, [name, 'Administrator invitation'], '/set-password/');

describe('operator back office', () => {
  test('operator staff invite an administrator; the set-password link works once; the administrator signs in', async () => {
    const operator = await suite.newPage();
    await operator.goto(`${suite.portal.url}/login`);
    await signIn(operator, 'operator@dstny.example');
    await operator.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await expectAccessible(operator, 'companies');
    await operator.getByRole('link', { name: 'Brightwave Consulting' }).click();
    await operator.getByRole('heading', { level: 1, name: 'Brightwave Consulting' }).waitFor();
    await expectAccessible(operator, 'company overview');
    await operator.getByRole('tab', { name: 'Offices' }).click();
    await operator.getByRole('table', { name: 'Offices' }).waitFor();
    await expectAccessible(operator, 'company offices');

    // keyboard only: the Administrators tab, the invite form, send
    await operator.getByRole('tab', { name: 'Administrators' }).click();
    await operator.getByRole('button', { name: 'Invite administrator' }).click();
    const dialog = operator.getByRole('dialog', { name: 'Invite an administrator for Brightwave Consulting' });
    await dialog.waitFor();
    await expectAccessible(operator, 'invite dialog');
    await dialog.getByLabel('Full name').fill('Lucie Martin');
    await dialog.getByLabel('E-mail').fill('lucie.martin@brightwave.example');
    await dialog.getByLabel('Preferred language').click();
    await operator.getByRole('option', { name: 'English' }).click();
    await dialog.getByRole('button', { name: 'Send invitation' }).press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const row = operator.getByRole('row').filter({ hasText: 'lucie.martin@brightwave.example' });
    await expect.poll(() => row.textContent()).toContain('Invited');

    // the same address again is refused under the field
    await operator.getByRole('button', { name: 'Invite administrator' }).click();
    await dialog.getByLabel('Full name').fill('Lucie Again');
    await dialog.getByLabel('E-mail').fill('lucie.martin@brightwave.example');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.getByText('E-mail is already used by another account.').waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    const invited = await suite.newPage();
    const link = await setPasswordLinkFromMailbox(invited, 'Lucie Martin');
    expect(link).toMatch(/\/set-password\/[A-Za-z0-9_-]{40,}$/);
    await invited.goto(link);
    await invited.getByRole('heading', { level: 1, name: 'Welcome to MyDstny' }).waitFor();
    await invited.getByText('lucie.martin@brightwave.example').waitFor();
    await expectAccessible(invited, 'set-password page');
    await invited.getByRole('textbox', { name: 'Password', exact: true }).fill('short');
    await invited.getByRole('textbox', { name: 'Repeat the password' }).fill('short');
    await invited.getByRole('button', { name: 'Save password and sign in' }).click();
    await invited.getByText('The password must be at least 12 characters.').waitFor();
    await invited.getByRole('textbox', { name: 'Password', exact: true }).fill('three green parrots sing');
    await invited.getByRole('textbox', { name: 'Repeat the password' }).fill('three green parrots sing');
    await invited.getByRole('button', { name: 'Save password and sign in' }).click();
    // signed in at once, on the administrator's home page, in their company
    await invited.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await invited.getByText('Brightwave Consulting').first().waitFor();

    // the link is used up
    const again = await suite.newPage();
    await again.goto(link);
    await again.getByRole('alert').getByText('A password was already set with this link.', { exact: false }).waitFor();
    await expectAccessible(again, 'used link');

    // and the password works on the sign-in page
    const later = await suite.newPage();
    await later.goto(`${suite.portal.url}/login`);
    await signIn(later, 'lucie.martin@brightwave.example', 'three green parrots sing');
    await later.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();

    // the operator sees them active
    await operator.reload();
    await expect.poll(() => operator.getByRole('row').filter({ hasText: 'lucie.martin@brightwave.example' }).textContent()).toContain('Active');
  });

  test('catalog: a planned price shows in the history; the porting issues list is read-only', async () => {
    const operator = await suite.newPage();
    await operator.goto(`${suite.portal.url}/login`);
    await signIn(operator, 'operator@dstny.example');
    await operator.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await operator.getByRole('link', { name: 'Catalog' }).click();
    await operator.getByRole('heading', { level: 1, name: 'Catalog' }).waitFor();
    await expectAccessible(operator, 'catalog');
    await operator.getByRole('button', { name: /Manage – Mobile S .*\(mobile-s\)/ }).click();
    const dialog = operator.getByRole('dialog');
    await dialog.getByRole('table', { name: 'Price history' }).waitFor();
    await expectAccessible(operator, 'catalog item');
    const future = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await dialog.getByRole('textbox', { name: 'New monthly price' }).fill('13.75');
    await dialog.getByLabel('Effective from').fill(future);
    await dialog.getByRole('button', { name: 'Add price' }).click();
    await dialog.getByRole('row').filter({ hasText: 'Planned' }).filter({ hasText: '13.75' }).waitFor();
    await operator.keyboard.press('Escape');
    await operator.getByRole('link', { name: 'Mobile porting issues' }).click();
    await operator.getByRole('heading', { level: 1, name: 'Mobile porting issues' }).waitFor();
    await expectAccessible(operator, 'back-office porting issues');
    expect(await operator.getByRole('button', { name: /Correct/ }).count()).toBe(0);
  });
});
