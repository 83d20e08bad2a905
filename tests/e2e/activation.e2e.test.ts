import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { BACKGROUND, expectAccessible } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// Activation end to end, in a real browser on a fresh demo portal whose simulated operator network
// answers at once (time scale 0, see tests/support/harness.ts): the administrator adds an eSIM line
// with e-mail activation, the employee follows the link from the development mailbox, presses
// Activate and gets a QR code that decodes to the activation code; and a port-in with a wrong
// customer number is refused, corrected under Mobile porting issues, and goes through.
// Every wait is for something to appear (the pages poll the server), never a fixed time.

const suite = browserSuite();
const newPage = suite.newPage;

const { signInAsAdmin } = suite;

type DemoUser = { id: string; firstName: string; lastName: string; email: string; language: string; serviceCount: number };

/** Demo users that have no service yet (the seed leaves a few of them). */
const usersWithoutServices = async (page: Page): Promise<DemoUser[]> => {
  const response = await page.request.get(`${suite.portal.url}/api/mobile-users?pageSize=100`);
  const body = (await response.json()) as { items: DemoUser[] };
  return body.items.filter((user) => user.serviceCount === 0);
};

const nameOf = (user: DemoUser) => `${user.firstName} ${user.lastName}`;

const step = (page: Page, heading: string) => page.getByRole('heading', { level: 2, name: heading }).waitFor();

const next = async (page: Page, heading: string) => {
  await page.getByRole('button', { name: 'Next' }).click();
  await step(page, heading);
};

const choose = (page: Page, name: string) => page.getByRole('radio', { name, exact: true }).click();

/** Manage users › the user › Add service, through a Mobile line with the first bundle, up to the number step. */
const startMobileLine = async (page: Page, name: string) => {
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Manage users' }).click();
  await page.getByRole('searchbox', { name: 'Search users' }).fill(name);
  await page.getByRole('table', { name: 'Mobile users' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByRole('link', { name: 'Add service' }).click();
  await step(page, 'Select a product type');
  await choose(page, 'Dstny Mobile');
  await next(page, 'Choose the service type for this user');
  await choose(page, 'Mobile');
  await next(page, 'Select your specific bundle');
  await page.getByRole('radio', { name: /^Mobile S/ }).click();
  await next(page, 'Confirm your selected bundle for this user');
  await next(page, 'Configure your telephone number');
};

/** Adds a Mobile line with a new number and an eSIM to the user, started as soon as possible; returns the service page's address. */
const orderEsimLine = async (page: Page, name: string, activation: 'email' | 'automatic') => {
  await startMobileLine(page, name);
  await choose(page, 'Request new number');
  await next(page, 'Configure the SIM card');
  await choose(page, 'eSIM');
  await next(page, 'Finalise the activation');
  await choose(page, activation === 'email' ? 'Send an e-mail to the user with instructions on how to complete the activation' : 'The activation process is started automatically');
  await choose(page, 'Activation has to start as soon as possible');
  return saveAndOpenService(page, name);
};

/** Saves the wizard, then opens the new (only) service of the user. Returns the service page's address. */
const saveAndOpenService = async (page: Page, name: string) => {
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  await page.getByText('Mobile service added').waitFor();
  await page.getByRole('table', { name: 'Services' }).getByRole('link', { name: 'Mobile', exact: true }).click();
  await page.waitForURL(/\/self-service\/uc-mobile\/services\/[0-9a-f-]+$/);
  return page.url();
};

/** The status next to "Status" on the service page (the page follows the service by itself). */
const serviceStatus = (page: Page, status: string) => page.locator('.mantine-Card-root').first().getByText(status, { exact: true });

/** Opens the newest activation e-mail of a user in the development mailbox, once it holds `count` of them; returns its personal link. */
const activationLinkFromMailbox = async (page: Page, name: string, count: number) => {
  await page.goto(`${suite.portal.url}/dev/mailbox`);
  await page.getByRole('heading', { level: 1, name: 'Development mailbox' }).waitFor();
  const rows = page.getByRole('table', { name: 'Messages, newest first' }).getByRole('row').filter({ hasText: name }).filter({ hasText: 'Activation' });
  await rows.nth(count - 1).waitFor(BACKGROUND); // the mailbox lists new mail as it arrives
  await rows.first().getByRole('link').click();
  const message = page.frameLocator('iframe[title^="E-mail:"]');
  const link = message.locator('a[href*="/activate/"]').first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  if (!href) throw new Error('the activation e-mail has no activation link');
  return href;
};

/** Decodes the QR code image the page shows (its PNG data URL) with jsQR. */
const decodeQr = async (page: Page): Promise<string> => {
  const src = await page.locator('img[data-esim-qr]').getAttribute('src');
  if (!src?.startsWith('data:image/png;base64,')) throw new Error(`the QR code is not a PNG data URL: ${src?.slice(0, 40)}`);
  const png = PNG.sync.read(Buffer.from(src.slice('data:image/png;base64,'.length), 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code found in the image');
  return found.data;
};

describe('activation by the employee', () => {
  test('an eSIM with e-mail activation: mailbox, personal link, Activate, a QR code that decodes to the activation code, active', async () => {
    const admin = await newPage();
    await signInAsAdmin(admin);
    const [user] = await usersWithoutServices(admin);
    if (!user) throw new Error('the demo has no user without services');
    const name = nameOf(user);

    const serviceUrl = await orderEsimLine(admin, name, 'email');

    // the e-mail is out: the service waits for its user, with the link's address and expiry shown
    await serviceStatus(admin, 'Waiting for the user').waitFor(BACKGROUND);
    await admin.getByText(`Sent to ${user.email}`, { exact: false }).waitFor();
    await admin.getByRole('button', { name: 'Resend activation e-mail' }).waitFor();

    const employee = await newPage();
    const firstLink = await activationLinkFromMailbox(employee, name, 1);

    // the administrator sends a new e-mail: the first link stops working
    await admin.getByRole('button', { name: 'Resend activation e-mail' }).click();
    const resend = admin.getByRole('dialog', { name: 'Resend the activation e-mail' });
    await resend.waitFor();
    expect(await resend.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(user.email);
    await resend.getByText('The link in the previous e-mail stops working.').waitFor();
    await expectAccessible(admin, 'resend activation e-mail');
    await resend.getByRole('button', { name: 'Send the e-mail' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Activation e-mail sent' }).waitFor(); // the toast (the timeline has its own line)
    await resend.waitFor({ state: 'detached' });

    await employee.goto(firstLink);
    await employee.getByRole('heading', { level: 1, name: /activation link is not valid any more|activeringslink is niet meer geldig|lien d'activation n'est plus valable/ }).waitFor();

    // the newest e-mail's link works; the page opens in the employee's language (from the server)
    const link = await activationLinkFromMailbox(employee, name, 2);
    expect(link).not.toBe(firstLink);
    await employee.goto(link);
    const heading = employee.getByRole('heading', { level: 1 });
    await heading.waitFor();
    expect(await employee.evaluate(() => document.documentElement.lang)).toBe(user.language);
    // … and the employee may switch it
    if (user.language !== 'en') {
      await employee.getByRole('button', { name: /^(Taal|Langue|Language)\s?:/ }).click();
      await employee.getByRole('menuitem', { name: 'English' }).click();
    }
    await employee.getByRole('heading', { level: 1, name: 'Activate your eSIM' }).waitFor();
    await employee.getByText('Before you start: does your phone support eSIM?').waitFor();
    await employee.getByText(/Settings > Connections > SIM Card Manager/).waitFor();
    await expectAccessible(employee, 'activation page, eSIM before Activate');

    await employee.getByRole('button', { name: 'Activate', exact: true }).click();
    const qr = employee.getByRole('img', { name: /QR code to install your eSIM/ });
    await qr.waitFor();
    await employee.getByText('For your convenience, we also sent the QR code to you by e-mail.').waitFor();
    await employee.getByRole('heading', { level: 3, name: 'On an iPhone' }).waitFor();
    await employee.getByRole('heading', { level: 3, name: 'On an Android phone' }).waitFor();

    const shownCode = (await employee.locator('[data-activation-code]').innerText()).trim();
    expect(shownCode).toMatch(/^LPA:1\$[^$]+\$[^$]+$/);
    expect(await decodeQr(employee)).toBe(shownCode);
    // the same code as the server's answer for this link
    const token = new URL(link).pathname.split('/').pop() ?? '';
    const view = (await (await employee.request.get(`${suite.portal.url}/api/activation/${token}`)).json()) as { esim: { activationCode: string } | null };
    expect(view.esim?.activationCode).toBe(shownCode);
    await expectAccessible(employee, 'activation page, eSIM QR code');

    // the page follows the network until the line is active
    await employee.getByText('Your line is active.').waitFor(BACKGROUND);
    await employee.getByRole('heading', { level: 1, name: 'Your mobile line is active' }).waitFor();
    await expectAccessible(employee, 'activation page, active');

    // the QR code was e-mailed too
    await expect
      .poll(async () => {
        const mail = (await (await employee.request.get(`${suite.portal.url}/api/dev/mailbox?pageSize=100`)).json()) as { items: { to: string; template: string }[] };
        return mail.items.some((item) => item.to === user.email && item.template === 'esim_qr');
      }, BACKGROUND)
      .toBe(true);

    // and the administrator sees it active on the service page
    if (admin.url() !== serviceUrl) await admin.goto(serviceUrl);
    await serviceStatus(admin, 'Active').waitFor(BACKGROUND);
    await admin.getByText('The service is active.').waitFor();
  });

  test('an eSIM with automatic activation: the employee is mailed the QR code, and the administrator can show it and send it again', async () => {
    const admin = await newPage();
    await signInAsAdmin(admin);
    const [, user] = await usersWithoutServices(admin);
    if (!user) throw new Error('the demo has no second user without services');
    const name = nameOf(user);
    const serviceUrl = await orderEsimLine(admin, name, 'automatic');
    await serviceStatus(admin, 'Active').waitFor(BACKGROUND);

    // nobody pressed Activate, yet the employee has the QR code
    const mailbox = async () => (await (await admin.request.get(`${suite.portal.url}/api/dev/mailbox?pageSize=100`)).json()) as { items: { to: string; template: string }[] };
    const qrMails = async () => (await mailbox()).items.filter((item) => item.to === user.email && item.template === 'esim_qr').length;
    await expect.poll(qrMails, BACKGROUND).toBe(1);

    // the administrator shows it on the service page: the QR code decodes to the code written under it
    if (admin.url() !== serviceUrl) await admin.goto(serviceUrl);
    await admin.getByRole('button', { name: 'Show eSIM QR code' }).click();
    const dialog = admin.getByRole('dialog', { name: 'eSIM activation code' });
    await dialog.locator('img[data-esim-qr]').waitFor();
    const shownCode = (await dialog.locator('pre').textContent())?.trim() ?? '';
    expect(shownCode).toMatch(/^LPA:1\$/);
    expect(await decodeQr(admin)).toBe(shownCode);
    await expectAccessible(admin, 'service page, eSIM activation code');
    await dialog.getByRole('button', { name: `E-mail it to ${user.email}` }).click();
    await admin.getByRole('alert').filter({ hasText: 'QR code sent' }).waitFor();
    await expect.poll(qrMails, BACKGROUND).toBe(2);
    await admin.getByText('eSIM QR code e-mailed', { exact: true }).first().waitFor();
  });

  test('a link that does not exist shows what to do, not an error', async () => {
    const page = await newPage();
    await page.goto(`${suite.portal.url}/activate/${'Z'.repeat(43)}`);
    await page.getByRole('heading', { level: 1, name: 'This activation link is not valid any more' }).waitFor();
    await page.getByText('ask your fleet administrator for a new one').waitFor();
    await page.getByRole('link', { name: 'support@dstny.be' }).first().waitFor();
    await expectAccessible(page, 'activation page, invalid link');
  });
});

describe('Mobile porting issues', () => {
  test('a port-in with a wrong customer number is refused, corrected and resubmitted, then goes through', async () => {
    const page = await newPage();
    await signInAsAdmin(page);
    const users = await usersWithoutServices(page);
    const user = users[users.length - 1];
    if (!user) throw new Error('the demo has no user without services');
    const name = nameOf(user);

    await startMobileLine(page, name);
    await choose(page, 'Port an existing number');
    await page.getByRole('textbox', { name: 'Number to port' }).fill('+32 475 12 34 56');
    await page.getByRole('combobox', { name: 'Current operator' }).click();
    await page.getByRole('option', { name: 'Proximus' }).click();
    await page.getByRole('radio', { name: 'Postpaid' }).check();
    await page.getByRole('textbox', { name: 'Customer number' }).fill('9999999'); // the donor knows 1234567
    await page.getByRole('textbox', { name: 'Name of the holder' }).fill('Acme Logistics NV');
    await next(page, 'Configure the SIM card');
    await choose(page, 'eSIM');
    await next(page, 'Finalise the activation');
    await choose(page, 'The activation process is started automatically');
    await choose(page, 'Activation has to start as soon as possible');
    const serviceUrl = await saveAndOpenService(page, name);

    // the donor refuses: the service page says so and points to Mobile porting issues
    await serviceStatus(page, 'Porting refused').waitFor(BACKGROUND);
    await page.getByRole('link', { name: 'Correct it under Mobile porting issues' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mobile porting issues' }).waitFor();
    await page.getByText('If you enter wrong information when porting a number, the number will be refused.', { exact: false }).waitFor();
    const table = page.getByRole('table', { name: 'Mobile porting issues' });
    const row = table.getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await row.getByText('+32 475 12 34 56').waitFor();
    await row.getByText('9999999').waitFor();
    await row.getByText('The customer number does not match').waitFor();
    await expectAccessible(page, 'porting issues');

    await row.getByRole('button', { name: /^Correct and resubmit/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Correct the port of +32 475 12 34 56' });
    await dialog.waitFor();
    const customerNumber = dialog.getByRole('textbox', { name: 'Customer number' });
    expect(await customerNumber.inputValue()).toBe('9999999');
    expect(await dialog.getByRole('textbox', { name: 'Name of the holder' }).inputValue()).toBe('Acme Logistics NV');
    expect(await dialog.getByRole('radio', { name: 'Postpaid' }).isChecked()).toBe(true);
    await expectAccessible(page, 'correct and resubmit');

    // an empty customer number is refused under its field, nothing is sent
    await customerNumber.fill('');
    await dialog.getByRole('button', { name: 'Resubmit' }).click();
    expect(await customerNumber.getAttribute('aria-invalid')).toBe('true');

    await customerNumber.fill('1234567');
    await dialog.getByRole('button', { name: 'Resubmit' }).click();
    await page.getByText('Port submitted again').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await row.waitFor({ state: 'detached' });

    // the port goes through and the line becomes active
    await page.goto(serviceUrl);
    await serviceStatus(page, 'Active').waitFor(BACKGROUND);
    // the timeline tells the story
    for (const event of ['Port-in refused', 'Port-in corrected and submitted again', 'Number ported']) await page.getByText(event, { exact: true }).first().waitFor();
  });
});
