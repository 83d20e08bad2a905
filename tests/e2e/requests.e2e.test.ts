import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';
import { waitUntil } from '../support/wait.js';

// A Change request end to end, in a real browser, with e-mail through a real SMTP server: the
// administrator files it, operator staff take it, comment and schedule it, and the administrator
// sees the comment and the new status on the request page and receives the update e-mails.

type Received = { raw: string; to: string[] };
const startSmtpServer = async () => {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({ raw: Buffer.concat(chunks).toString('utf8'), to: session.envelope.rcptTo.map((r) => r.address) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

/** A header of a raw message, unfolded and decoded when it is RFC 2047 encoded. */
const header = (raw: string, name: string) => {
  const match = raw.match(new RegExp(`^${name}: (.*(?:\\r?\\n[ \\t].*)*)`, 'mi'));
  if (!match) return '';
  return match[1]!.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
};

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
// registered before the suite, so it runs after the portal has closed (hooks after tests run last-in, first-out)
afterAll(async () => smtp?.close());
const suite = browserSuite(() => ({ SMTP_URL: smtp.url, DEV_MAILBOX: 'false' }));

const signInAs = async (page: Page, email: string, landing: string) => {
  await page.goto(`${suite.portal.url}/login`);
  await signIn(page, email);
  await page.getByRole('heading', { level: 1, name: landing }).waitFor();
};

const inFuture = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('MACD requests', () => {
  test('an administrator files a Change request; operator staff take, comment and schedule it; the administrator sees it all and gets the e-mails', async () => {
    // the administrator: Requests page (empty), then New request › Change
    const admin = await suite.newPage();
    await signInAs(admin, 'admin@acme.example', 'Manage users');
    await admin.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Requests' }).click();
    await admin.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    await admin.getByText('No requests yet').waitFor();
    await admin.getByRole('link', { name: 'Open Manage users' }).waitFor();
    await expectAccessible(admin, 'requests page, empty');
    await admin.getByRole('main').getByRole('link', { name: 'New request' }).first().click();
    await admin.getByRole('heading', { level: 1, name: 'New request' }).waitFor();
    await admin.getByRole('radio', { name: /^Change/ }).click();
    const form = admin.getByRole('form', { name: 'Change request' });
    await form.waitFor();
    // sending it empty: every field says what it needs
    await form.getByRole('button', { name: 'Send the request' }).click();
    await form.getByText('Office is required.').waitFor();
    await expectAccessible(admin, 'change request form with errors');
    await form.getByRole('combobox', { name: 'Office' }).click();
    await admin.getByRole('option', { name: /Antwerp HQ/ }).click();
    await form.getByRole('textbox', { name: 'Service', exact: true }).fill('SmartFit Internet');
    await form.getByRole('textbox', { name: 'Current configuration' }).fill('SmartFit Internet Plus');
    await form.getByRole('textbox', { name: 'New configuration' }).fill('SmartFit Internet Extra');
    await form.getByRole('button', { name: 'Send the request' }).click();

    const heading = admin.getByRole('heading', { level: 1, name: /^R-\d{4}-\d{6} · Change$/ });
    await heading.waitFor();
    const reference = (await heading.textContent())!.split(' · ')[0]!;
    const requestUrl = admin.url();
    expect(requestUrl).toMatch(/\/self-service\/requests\/[0-9a-f-]{36}$/);
    await admin.getByText('SmartFit Internet: SmartFit Internet Plus → SmartFit Internet Extra').first().waitFor();
    await admin.getByRole('button', { name: 'Withdraw' }).waitFor();
    await expectAccessible(admin, 'request detail');

    // operator staff: the queue, the request, take it, review, comment, schedule
    const operator = await suite.newPage();
    await signInAs(operator, 'operator@dstny.example', 'Companies');
    await operator.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Requests' }).click();
    await operator.getByRole('heading', { level: 1, name: 'Requests' }).waitFor();
    const queue = operator.getByRole('table', { name: 'Requests' });
    await queue.getByRole('link', { name: reference }).waitFor();
    await expectAccessible(operator, 'back-office request queue');
    await operator.getByRole('searchbox', { name: 'Search requests' }).fill(reference);
    await operator.waitForURL(/q=R-/);
    await queue.getByRole('link', { name: reference }).click();
    await operator.getByRole('heading', { level: 1, name: `${reference} · Change` }).waitFor();
    await operator.getByText('Acme Logistics').first().waitFor();

    await operator.getByRole('button', { name: 'Assign to me' }).click();
    await operator.getByText('Taken by Dstny Support Desk').waitFor();
    await operator.getByRole('button', { name: 'Start review' }).click();
    const review = operator.getByRole('dialog', { name: `Start the review of ${reference}` });
    await review.getByRole('button', { name: 'Start review' }).click();
    await review.waitFor({ state: 'detached' });
    await operator.getByText('Review started', { exact: true }).first().waitFor();

    await operator.getByRole('textbox', { name: 'Your comment' }).fill('Could a technician come on a weekday morning?');
    await operator.getByRole('button', { name: 'Add comment' }).click();
    await operator.getByRole('list', { name: 'Comments' }).getByText('Could a technician come on a weekday morning?').waitFor();

    const day = inFuture(9);
    await operator.getByRole('button', { name: 'Schedule', exact: true }).click();
    const schedule = operator.getByRole('dialog', { name: `Schedule ${reference}` });
    await schedule.getByRole('button', { name: 'Schedule' }).click(); // without a date: refused in place
    await schedule.getByText('Planned date is required.').waitFor();
    await schedule.getByLabel('Planned date').fill(day);
    await schedule.getByRole('textbox', { name: 'Note for the administrator' }).fill('Technician booked');
    await expectAccessible(operator, 'schedule dialog');
    await schedule.getByRole('button', { name: 'Schedule' }).click();
    await schedule.waitFor({ state: 'detached' });
    await operator.getByRole('button', { name: 'Mark as done' }).waitFor();
    await expectAccessible(operator, 'back-office request detail');

    // the administrator sees the comment and the new status
    await admin.reload();
    await admin.getByRole('list', { name: 'Comments' }).getByText('Could a technician come on a weekday morning?').waitFor();
    await admin.getByText(/^planned for /).waitFor();
    expect(await admin.getByRole('button', { name: 'Withdraw' }).count()).toBe(0);
    await admin.getByRole('link', { name: 'Requests' }).first().click();
    const row = admin.getByRole('table', { name: 'Requests' }).getByRole('row').filter({ hasText: reference });
    await row.getByText('Scheduled').waitFor();
    await expectAccessible(admin, 'requests page');

    // and receives the e-mails, through SMTP, in English, linking to the request
    const toAdmin = () => smtp.received.filter((m) => m.to.includes('admin@acme.example') && header(m.raw, 'Subject').includes(reference));
    const mails = await waitUntil('the three update e-mails', () => (toAdmin().length >= 3 ? toAdmin() : null));
    const subjects = mails.map((m) => header(m.raw, 'Subject'));
    expect(subjects).toEqual(expect.arrayContaining([`Request ${reference}: In review`, `Request ${reference}: new comment from Dstny`, `Request ${reference}: Scheduled`]));
    const scheduled = mails.find((m) => header(m.raw, 'Subject') === `Request ${reference}: Scheduled`)!;
    expect(scheduled.raw).toMatch(/^Content-Language: en/m);
    const flat = scheduled.raw.replace(/=\r?\n/g, '');
    expect(flat).toContain(new URL(requestUrl).pathname);
    expect(flat).toContain('Technician booked');
  });
});
