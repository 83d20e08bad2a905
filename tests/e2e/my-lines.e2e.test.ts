import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BACKGROUND, expectAccessible } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';
import { startSmtpServer, type Received } from '../support/smtp.js';
import { waitUntil } from '../support/wait.js';

// My lines end to end, in a real browser on a phone-sized screen, with e-mail through a real SMTP
// server: an employee asks for a sign-in link, follows it from the e-mail, sees their line, reports
// the phone stolen (the line is barred at once) and asks for a new eSIM; the administrator is told
// by e-mail, sees the bar on the line's page and approves the request under Manage users.

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
// registered before the suite, so it runs after the portal has closed
afterAll(async () => smtp?.close());
const suite = browserSuite(() => ({ SMTP_URL: smtp.url, DEV_MAILBOX: 'false' }));

/** The decoded text of a raw message (quoted-printable soft breaks and escapes undone). */
const decoded = (m: Received) => m.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16)));
/** The Subject header, unfolded and decoded when it is RFC 2047 encoded. */
const subjectOf = (m: Received) => {
  const match = m.raw.match(/^Subject: (.*(?:\r?\n[ \t].*)*)/im);
  if (!match) return '';
  return match[1]!.replace(/\r?\n[ \t]/g, ' ').replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_h, hex: string) => String.fromCharCode(parseInt(hex, 16))),
  );
};

describe('My lines', () => {
  test('an employee signs in by e-mail link, reports a stolen phone (the line is barred) and asks for a new eSIM; the administrator is told and approves', async () => {
    const [person] = await suite.q<{ email: string; first_name: string; last_name: string; service_id: string; msisdn: string }>(
      `select u.email, u.first_name, u.last_name, s.id as service_id, s.msisdn from mobile_users u join companies c on c.id = u.company_id
       join services s on s.company_id = u.company_id and s.mobile_user_id = u.id
       where c.name = 'Acme Logistics' and u.language = 'en' and s.status = 'active' and s.service_type_code = 'mobile.voice'
       and (select count(*) from services x where x.mobile_user_id = u.id) = 1 order by u.email limit 1`,
    );
    const employeeName = `${person!.first_name} ${person!.last_name}`;

    // on a phone: My lines sends a stranger to the sign-in page
    const phone = await suite.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${suite.portal.url}/my-lines`);
    await phone.getByRole('heading', { level: 1, name: 'Employee sign-in' }).waitFor();
    await expectAccessible(phone, 'employee sign-in');
    await phone.getByRole('textbox', { name: 'Work e-mail address' }).fill(person!.email);
    await phone.getByRole('button', { name: 'E-mail me a sign-in link' }).click();
    await phone.getByText('Check your e-mail').waitFor();

    // the link, read at the SMTP server
    const mail = await waitUntil('the sign-in e-mail', () => smtp.received.find((m) => m.to.includes(person!.email) && /sign-in link/i.test(subjectOf(m))), BACKGROUND.timeout);
    const link = /https?:\/\/[^\s"<>]+\/my-lines\/sign-in\/[A-Za-z0-9_-]{43,}/.exec(decoded(mail))?.[0];
    expect(link).toBeTruthy();
    await phone.goto(link!.replace(/^https?:\/\/[^/]+/, suite.portal.url));
    await phone.getByRole('heading', { level: 1, name: 'My lines' }).waitFor();
    const line = phone.getByRole('region', { name: /^\+32 4/ });
    await line.getByText('Active', { exact: true }).waitFor();
    await expectAccessible(phone, 'my lines');

    // the phone is stolen: barred at once
    await line.getByRole('button', { name: 'Report my phone lost or stolen' }).click();
    const dialog = phone.getByRole('dialog', { name: 'Report your phone lost or stolen' });
    await dialog.getByRole('radio', { name: 'My phone was stolen' }).check();
    await expectAccessible(phone, 'report lost dialog');
    await dialog.getByRole('button', { name: 'Bar my line' }).click();
    await dialog.waitFor({ state: 'detached' });
    await line.getByText('Barred (lost or stolen)', { exact: true }).waitFor();
    await line.getByText('Your line is barred').waitFor();
    const [service] = await suite.q<{ status: string }>(`select status from services where id = $1`, [person!.service_id]);
    expect(service!.status).toBe('barred');

    // and a new eSIM for the next phone, for the administrator to approve
    await line.getByRole('button', { name: 'Ask for a new eSIM' }).click();
    const ask = phone.getByRole('dialog', { name: 'Ask for a new eSIM' });
    await ask.getByRole('textbox', { name: /Message to your administrator/ }).fill('My new phone arrives tomorrow');
    await expectAccessible(phone, 'ask for a new eSIM');
    await ask.getByRole('button', { name: 'Send the request' }).click();
    await ask.waitFor({ state: 'detached' });
    await line.getByText('Waiting for approval').waitFor();

    // the administrator: told by e-mail, the bar on the line's page, the request under Manage users
    await waitUntil('the lost-phone e-mail to the administrator', () => smtp.received.find((m) => m.to.includes('admin@acme.example') && subjectOf(m).includes('reported their phone stolen')), BACKGROUND.timeout);
    const admin = await suite.signInAsAdmin();
    await admin.goto(`${suite.portal.url}/self-service/uc-mobile/services/${person!.service_id}`);
    await admin.getByText('Barred: the phone was reported stolen').waitFor();
    await admin.getByText(new RegExp(`Reported stolen on .* by ${employeeName}`)).waitFor();
    await admin.goto(`${suite.portal.url}/self-service/uc-mobile/users`);
    await admin.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    const requests = admin.getByRole('region', { name: 'Employee requests' });
    await requests.getByText('A new eSIM (new phone)').waitFor();
    await expectAccessible(admin, 'employee requests on Manage users');
    await requests.getByRole('button', { name: `Approve: request of ${employeeName}` }).click();
    const approve = admin.getByRole('dialog', { name: 'Approve the request' });
    await approve.getByText(/A new eSIM profile is taken from the company/).waitFor();
    await expectAccessible(admin, 'approve employee request dialog');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await approve.waitFor({ state: 'detached' });
    await requests.waitFor({ state: 'detached' });
    // the new eSIM is ordered with the line operation (its QR code goes to the employee)
    await waitUntil('the swap to a new eSIM', async () => (await suite.q(`select 1 from line_operations where service_id = $1 and kind = 'swap_sim'`, [person!.service_id])).length > 0, BACKGROUND.timeout);

    // the employee sees the answer
    await phone.reload();
    await phone.getByRole('region', { name: /^\+32 4/ }).getByText('Approved', { exact: true }).waitFor();
    await waitUntil('the approval e-mail to the employee', () => smtp.received.find((m) => m.to.includes(person!.email) && subjectOf(m).startsWith('Approved')), BACKGROUND.timeout);
  });
});
