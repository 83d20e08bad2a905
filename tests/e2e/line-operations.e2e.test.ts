import { createHash, randomBytes } from 'node:crypto';
import jsQR from 'jsqr';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { describe, expect, test } from 'vitest';
import { QUEUES } from '../../server/src/jobs/queues.js';
import { BACKGROUND, expectAccessible } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';
import { waitUntil } from '../support/wait.js';

// Running a live line in a real browser, on a fresh demo portal whose simulated network answers at
// once: the administrator reports a phone stolen, orders a replacement eSIM, the employee gets its QR
// code by e-mail (decoded with jsQR: the new eSIM's activation code) and the line is active again
// with the same number; a line suspended until tomorrow resumes by itself; and the employee reports
// their phone lost from the personal page. Every wait is for something to appear, never a fixed time.

const suite = browserSuite();
const { q, signInAsAdmin } = suite;

type OverviewItem = { id: string; mobileUserId: string; userName: string; msisdn: string | null; serviceType: { code: string } };
type MailItem = { id: string; to: string; template: string };
type MailMessage = { attachments: { contentType: string; cid: string | null; dataUrl: string }[] };
type Detail = {
  status: string;
  msisdn: string | null;
  sim: { kind: string; iccid: string } | null;
  replacementSim: { kind: string; iccid: string } | null;
  lineOperations: { kind: string; status: string; toIccid: string | null }[];
};

/** Acme's active Mobile lines, as the overview API lists them; each test takes its own. */
const activeMobileLines = async (page: Page): Promise<OverviewItem[]> => {
  const response = await page.request.get(`${suite.portal.url}/api/service-overview?status=active&limit=200`);
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { items: OverviewItem[] };
  return body.items.filter((item) => item.serviceType.code === 'mobile.voice' && item.msisdn);
};

/** "+32470100019" as the portal shows it. */
const shown = (msisdn: string) => msisdn.replace(/^\+32(\d{3})(\d{2})(\d{2})(\d{2})$/, '+32 $1 $2 $3 $4');

const openService = async (page: Page, item: OverviewItem) => {
  await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${item.id}`);
  await page.getByRole('heading', { level: 1, name: `Mobile — ${shown(item.msisdn ?? '')}` }).waitFor();
};

const detailOf = async (page: Page, id: string) => (await (await page.request.get(`${suite.portal.url}/api/services/${id}`)).json()) as Detail;

/** The status badge next to "Status" on the service page. */
const serviceStatus = (page: Page, status: string) => page.locator('.mantine-Card-root').first().getByText(status, { exact: true });

const lineMenu = async (page: Page, item: string) => {
  await page.getByRole('button', { name: 'Line operations' }).click();
  await page.getByRole('menuitem', { name: item }).click();
};

const mailbox = async (page: Page) => ((await (await page.request.get(`${suite.portal.url}/api/dev/mailbox?pageSize=100`)).json()) as { items: MailItem[] }).items;

/** The activation code an e-mail's inline QR image holds, decoded with jsQR. */
const qrOfMail = async (page: Page, id: string): Promise<string> => {
  const message = (await (await page.request.get(`${suite.portal.url}/api/dev/mailbox/${id}`)).json()) as MailMessage;
  const image = message.attachments.find((attachment) => attachment.cid && attachment.contentType === 'image/png');
  if (!image) throw new Error('the e-mail has no inline QR image');
  const png = PNG.sync.read(Buffer.from(image.dataUrl.slice(image.dataUrl.indexOf(',') + 1), 'base64'));
  const found = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  if (!found) throw new Error('no QR code found in the e-mailed image');
  return found.data;
};

/** Tomorrow in Brussels, as a date input takes it. */
const tomorrowInBrussels = () => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const day = new Date(`${today}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

describe('Line operations', () => {
  test('a stolen phone: the line is barred, a replacement eSIM is e-mailed as a QR code, and the line is active again with the same number', async () => {
    const admin = await signInAsAdmin();
    const [line] = await activeMobileLines(admin);
    if (!line?.msisdn) throw new Error('the demo has no active Mobile line');
    const [user] = await q<{ email: string }>('select email from mobile_users where id = $1', [line.mobileUserId]);
    if (!user) throw new Error('the line has no user');
    const before = await detailOf(admin, line.id);
    await openService(admin, line);
    await serviceStatus(admin, 'Active').waitFor();
    await expectAccessible(admin, 'service page, active line with its operations');

    // report it stolen: a red confirmation, then the offer of a replacement
    await lineMenu(admin, 'Report lost or stolen…');
    const report = admin.getByRole('dialog', { name: 'Report a lost or stolen phone' });
    await report.waitFor();
    await expectAccessible(admin, 'report lost or stolen dialog');
    await report.getByRole('radio', { name: 'The phone was stolen' }).check();
    await report.getByRole('button', { name: 'Bar the line' }).click();
    const offer = admin.getByRole('dialog', { name: 'The line is being barred' });
    await offer.waitFor();
    await expectAccessible(admin, 'line barred, replacement offered');
    await serviceStatus(admin, 'Barred (lost or stolen)').waitFor();
    await admin.getByText(/^Reported stolen on .+ by /).waitFor();

    // order a new eSIM from the offer
    const mailsBefore = (await mailbox(admin)).filter((item) => item.to === user.email && item.template === 'esim_qr').length;
    await offer.getByRole('button', { name: 'Order a replacement' }).click();
    const swap = admin.getByRole('dialog', { name: 'Replacement SIM or new eSIM' });
    await swap.waitFor();
    await swap.getByRole('radio', { name: 'A new eSIM' }).check();
    await expectAccessible(admin, 'replacement SIM dialog');
    await swap.getByRole('button', { name: 'Order the replacement' }).click();
    await swap.waitFor({ state: 'detached' });

    // the employee is mailed the new eSIM's QR code at once
    const qrMail = await waitUntil('the replacement eSIM QR e-mail', async () => {
      const mails = (await mailbox(admin)).filter((item) => item.to === user.email && item.template === 'esim_qr');
      return mails.length > mailsBefore ? mails[0] : null;
    });
    const decoded = await qrOfMail(admin, qrMail.id);
    expect(decoded).toMatch(/^LPA:1\$/);

    // the page follows the swap until the new eSIM is live: the bar is lifted, the number is the same
    await serviceStatus(admin, 'Active').waitFor(BACKGROUND);
    await admin.getByText('A replacement is on its way').waitFor({ state: 'detached', ...BACKGROUND });
    const after = await detailOf(admin, line.id);
    expect(after).toMatchObject({ status: 'active', msisdn: line.msisdn, sim: { kind: 'esim' }, replacementSim: null });
    await admin.getByRole('heading', { level: 1, name: `Mobile — ${shown(line.msisdn)}` }).waitFor();
    await expectAccessible(admin, 'service page, replacement live');

    // the QR code in the e-mail is the new eSIM's: the service page shows the same activation code
    await admin.getByRole('button', { name: 'Show eSIM QR code' }).click();
    const code = admin.getByRole('dialog', { name: 'eSIM activation code' });
    await code.locator('pre').waitFor();
    expect((await code.locator('pre').textContent())?.trim()).toBe(decoded);
    // … of the SIM the swap asked for, which is the line's SIM now
    const swapped = after.lineOperations.find((operation) => operation.kind === 'swap_sim');
    expect(swapped).toMatchObject({ status: 'done', toIccid: after.sim?.iccid });
    expect(after.sim?.iccid).not.toBe(before.sim?.iccid);
  });

  test('suspended until tomorrow, with its price shown first: the line resumes by itself', async () => {
    const admin = await signInAsAdmin();
    const [, line] = await activeMobileLines(admin);
    if (!line?.msisdn) throw new Error('the demo has no second active Mobile line');
    await openService(admin, line);

    await lineMenu(admin, 'Suspend…');
    const dialog = admin.getByRole('dialog', { name: 'Suspend the line' });
    await dialog.waitFor();
    // the suspended price and this month's pro-rata lines, before anything is done
    await dialog.getByText('While suspended:').waitFor();
    await dialog.getByRole('table', { name: 'What the suspension costs' }).getByText(/\(suspended\)/).first().waitFor();
    // a reason is needed: the field says so
    await dialog.getByRole('button', { name: 'Suspend the line' }).click();
    await dialog.getByText('Enter the reason for the suspension.').waitFor();
    await expectAccessible(admin, 'suspend dialog with its price');
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('Parental leave');
    const until = tomorrowInBrussels();
    await dialog.getByLabel('Resume automatically on').fill(until);
    await dialog.getByRole('button', { name: 'Suspend the line' }).click();
    await dialog.waitFor({ state: 'detached' });

    await serviceStatus(admin, 'Suspended').waitFor();
    await admin.getByText(/^Resumes by itself on /).waitFor();
    await admin.getByText('Parental leave', { exact: true }).first().waitFor();
    // "resume it first" is now true: Manage service waits, Resume is there
    await admin.getByRole('button', { name: 'Manage service' }).and(admin.locator('[aria-disabled="true"]')).waitFor();
    await admin.getByRole('button', { name: 'Resume' }).first().waitFor();
    await expectAccessible(admin, 'service page, suspended');

    // the end date's job (queued with startAfter = that midnight) is sent now, as the day had come
    const [row] = await q<{ company_id: string; suspended_until: Date | string }>('select company_id, suspended_until from services where id = $1', [line.id]);
    if (!row?.suspended_until) throw new Error('the suspension has no end');
    await suite.portal.jobs.boss.send(QUEUES.scheduledResume, { companyId: row.company_id, serviceId: line.id, until: new Date(row.suspended_until).toISOString() });
    await waitUntil('the line resumed by itself', async () => (await detailOf(admin, line.id)).status === 'active');
    await admin.reload();
    await serviceStatus(admin, 'Active').waitFor();
    await admin.getByText('Line resumed at the end of its suspension', { exact: true }).first().waitFor();
  });

  test('the employee reports their phone lost from the personal page: the line is barred and the administrator arranges a replacement', async () => {
    const admin = await signInAsAdmin();
    // a line of an English-speaking employee (the personal page opens in the employee's language), not one the other tests use
    const lines = (await activeMobileLines(admin)).slice(2);
    const english = new Set((await q<{ id: string }>(`select id from mobile_users where language = 'en'`)).map((row) => row.id));
    const line = lines.find((item) => english.has(item.mobileUserId));
    if (!line?.msisdn) throw new Error('the demo has no other active Mobile line of an English-speaking user');
    // the employee's personal link: demo lines were activated without one, so the test records one as the activation would
    const token = randomBytes(32).toString('base64url');
    const [service] = await q<{ company_id: string }>('select company_id from services where id = $1', [line.id]);
    await q(`insert into activation_links (company_id, service_id, token_hash, sent_to, expires_at) values ($1, $2, $3, 'employee@acme.example', now() + interval '30 days')`, [
      service?.company_id,
      line.id,
      createHash('sha256').update(token).digest('hex'),
    ]);
    const employee = await suite.newPage();
    await employee.goto(`${suite.portal.url}/activate/${token}`);
    await employee.getByRole('heading', { level: 2, name: 'Lost or stolen phone?' }).waitFor();
    await employee.getByRole('button', { name: 'Report my phone lost or stolen' }).click();
    const dialog = employee.getByRole('dialog', { name: 'Report your phone lost or stolen' });
    await dialog.waitFor();
    await expectAccessible(employee, 'employee: report lost dialog');
    await dialog.getByRole('button', { name: 'Bar my line' }).click();
    await employee.getByRole('heading', { level: 1, name: 'Your mobile line is barred' }).waitFor();
    await expectAccessible(employee, 'employee: line barred');
    await openService(admin, line);
    await serviceStatus(admin, 'Barred (lost or stolen)').waitFor();
    await admin.getByRole('button', { name: 'Order a replacement' }).waitFor();
  });
});
