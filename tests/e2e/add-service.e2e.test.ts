import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// The Add Service wizard and "Services waiting for activation" in a real browser, on a fresh
// demo suite.portal. Steps are found by their headings, choices by their labels, and each wait is for
// something to appear (a heading, a row, an address), never for a fixed time.

const suite = browserSuite();
const newPage = suite.newPage;

const { signInAsAdmin } = suite;

/** Names of demo users that have no service yet (the seed leaves a few of them). */
const usersWithoutServices = async (page: Page): Promise<string[]> => {
  const response = await page.request.get(`${suite.portal.url}/api/mobile-users?pageSize=100`);
  const body = (await response.json()) as { items: { firstName: string; lastName: string; serviceCount: number }[] };
  return body.items.filter((user) => user.serviceCount === 0).map((user) => `${user.firstName} ${user.lastName}`);
};

/** Manage users › search › the user's page › Add service. */
const openWizardFor = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Manage users' }).click();
  await page.getByRole('searchbox', { name: 'Search users' }).fill(name);
  await page.getByRole('table', { name: 'Mobile users' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('No services yet').waitFor();
  await page.getByRole('link', { name: 'Add service' }).click();
  await page.getByRole('heading', { level: 1, name: 'Add service' }).waitFor();
  await step(page, 'Select a product type');
};

/** Waits for a step's heading, which also has the focus after Next or Back. */
const step = async (page: Page, heading: string) => {
  const title = page.getByRole('heading', { level: 2, name: heading });
  await title.waitFor();
  return title;
};

const next = async (page: Page, heading: string) => {
  await page.getByRole('button', { name: 'Next' }).click();
  const title = await step(page, heading);
  await page.waitForFunction((text) => document.activeElement?.textContent === text, heading);
  return title;
};

const choose = (page: Page, name: string) => page.getByRole('radio', { name, exact: true }).click();

/** Waits until the user's (only) service shows this status. */
const expectServiceStatus = (page: Page, status: string | RegExp) =>
  page.getByRole('table', { name: 'Services' }).getByRole('row').nth(1).getByRole('cell', { name: status, exact: true }).waitFor();

describe('Add Service wizard', () => {
  test('a Mobile line with a new number, the SIM entered by the user, by e-mail, as soon as possible', async () => {
    const page = await newPage();
    await signInAsAdmin(page);
    const [name] = await usersWithoutServices(page);
    if (!name) throw new Error('the demo has no user without services');
    await openWizardFor(page, name);
    await expectAccessible(page, 'wizard step 1');

    // Next without a choice: a message under the choice, nothing else happens
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText('Choose a product type.').first().waitFor();

    await choose(page, 'Dstny Mobile');
    await next(page, 'Choose the service type for this user');
    await choose(page, 'Mobile');
    await next(page, 'Select your specific bundle');
    await page.getByRole('radio', { name: /^Mobile S/ }).click();
    await page.getByRole('checkbox', { name: 'Extra international call minutes (100 min)' }).click();
    await page.waitForURL(/options=intl-100/);
    // the choices live in the address: a reload keeps them
    await page.reload();
    await step(page, 'Select your specific bundle');
    expect(await page.getByRole('radio', { name: /^Mobile S/ }).getAttribute('aria-checked')).toBe('true');
    expect(await page.getByRole('checkbox', { name: 'Extra international call minutes (100 min)' }).isChecked()).toBe(true);
    await expectAccessible(page, 'wizard bundle');

    await next(page, 'Confirm your selected bundle for this user');
    const summary = page.getByRole('table', { name: 'Selected bundle' });
    await summary.getByText('€18.50 per month').waitFor();
    // Back and Next behave like the browser's: the bundle is still chosen
    await page.getByRole('button', { name: 'Back' }).click();
    await step(page, 'Select your specific bundle');
    await next(page, 'Confirm your selected bundle for this user');

    await next(page, 'Configure your telephone number');
    await choose(page, 'Request new number');
    const freeNumbers = page.getByRole('radiogroup', { name: 'Free numbers' });
    const picked = freeNumbers.getByRole('radio').first();
    expect(await picked.isChecked()).toBe(true); // the first free number is preselected
    const number = (await freeNumbers.locator('label').first().innerText()).trim();
    await page.getByText('This number will be reserved when you save.').waitFor();
    await expectAccessible(page, 'wizard number');

    await next(page, 'Configure the SIM card');
    await choose(page, 'My user has an unused SIM card and will enter it during activation');
    // a Mobile line has no fixed number: step 7 is skipped
    await next(page, 'Finalise the activation');
    expect(await page.getByRole('radio', { name: 'The activation process is started automatically' }).isDisabled()).toBe(true);
    await page.getByText(/Starting automatically is not available/).waitFor();
    await choose(page, 'Send an e-mail to the user with instructions on how to complete the activation');
    await choose(page, 'Activation has to start as soon as possible');
    await expectAccessible(page, 'wizard activation');
    await page.getByRole('button', { name: 'Save' }).click();

    // back on the user's page: the new line, its activation started
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('Mobile service added').waitFor();
    const services = page.getByRole('table', { name: 'Services' });
    await services.getByRole('cell', { name: number }).waitFor();
    await expectServiceStatus(page, /^(Activation started|Waiting for the user)$/);

    // the service's own page, with its timeline
    await services.getByRole('link', { name: 'Mobile', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Mobile — ${number}` }).waitFor();
    await page.getByText('Physical SIM, entered by the user').waitFor();
    await page.getByText('Service created').waitFor();
    await expectAccessible(page, 'service detail');
  });

  test('a SmartMobile converged SIM with a ported number, an eSIM and a taken-over fixed number, started later', async () => {
    const page = await newPage();
    await signInAsAdmin(page);
    const [, name] = await usersWithoutServices(page);
    if (!name) throw new Error('the demo has too few users without services');
    await openWizardFor(page, name);

    await choose(page, 'Dstny SmartMobile');
    await next(page, 'Choose the service type for this user');
    await choose(page, 'Converged SIM');
    await next(page, 'Select your specific bundle');
    await page.getByRole('radio', { name: /^SmartMobile Pro/ }).click();
    await next(page, 'Confirm your selected bundle for this user');
    await next(page, 'Configure your telephone number');

    // port an existing number from another operator
    await choose(page, 'Port an existing number');
    await page.getByText(/the port of the number will be refused/).waitFor();
    await page.getByText(/keeps working until the port is complete/).waitFor();
    await page.getByRole('textbox', { name: 'Number to port' }).fill('+32 475 12 34 56');
    await page.getByRole('combobox', { name: 'Current operator' }).click();
    await page.getByRole('option', { name: 'Orange Belgium' }).click();
    await page.getByRole('radio', { name: 'Postpaid' }).check();
    await page.getByRole('textbox', { name: 'Name of the holder' }).fill(name);
    // the server checks the step: the missing customer number is shown under its field
    await page.getByRole('button', { name: 'Next' }).click();
    const customerNumber = page.getByRole('textbox', { name: 'Customer number' });
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await customerNumber.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Customer number' }).waitFor();
    await expectAccessible(page, 'wizard port-in with errors');
    await customerNumber.fill('1234567');
    // the personal port-in details never go into the address
    expect(page.url()).not.toContain('1234567');
    await next(page, 'Configure the SIM card');

    await choose(page, 'eSIM');
    await page.getByText("Check that the user's phone supports eSIM").waitFor();
    await page.getByText(/iOS: go to Settings/).waitFor();
    await next(page, 'Select your fixed number');

    // take over a fixed number that another user has now
    await choose(page, 'Choose an active fixed number');
    const inUse = page.getByRole('radiogroup', { name: 'Fixed numbers in use' });
    await inUse.getByRole('radio').first().check();
    await page.getByText(/is removed from .+ and added to .+ when you save/).waitFor();
    await expectAccessible(page, 'wizard fixed number');

    await next(page, 'Finalise the activation');
    await choose(page, 'The activation process is started automatically');
    await choose(page, 'I opt to start the activation process later');
    await page.getByLabel('Start automatically at').waitFor();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    await page.getByText('Converged SIM service added').waitFor();
    await expectServiceStatus(page, 'Waiting for activation');

    // Self-service › UC & Mobile › Services waiting for activation
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Services waiting for activation' }).click();
    await page.getByRole('heading', { level: 1, name: 'Services waiting for activation' }).waitFor();
    const waiting = page.getByRole('table', { name: 'Services waiting for activation' });
    const row = waiting.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await row.getByText('+32 475 12 34 56').waitFor();
    await expectAccessible(page, 'waiting list');

    await row.getByRole('checkbox', { name: `Select Converged SIM of ${name}` }).check();
    await page.getByText('1 selected').waitFor();
    await page.getByRole('button', { name: 'Start activation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start the activation of 1 service?' });
    await dialog.waitFor();
    await expectAccessible(page, 'start confirmation');
    await dialog.getByRole('button', { name: 'Start activation' }).click();
    await page.getByText('Activation started for 1 service').waitFor();
    await row.waitFor({ state: 'detached' });

    // on the user's page it reads "Activation started"
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Manage users' }).click();
    await page.getByRole('searchbox', { name: 'Search users' }).fill(name);
    await page.getByRole('table', { name: 'Mobile users' }).getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
    // the activation process then runs on (the simulated network is quick in tests)
    await expectServiceStatus(page, /^(Activation started|Activating|Porting|Active)$/);
  });
});
