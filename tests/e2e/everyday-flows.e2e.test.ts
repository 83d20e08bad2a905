import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// Things an administrator runs into every day, each of which once went wrong (issue 11, "The
// browser app"): support requests from a page, a page that fails, the port-in step's messages, the
// waiting list, ICCIDs, the Delete request of the 30 % limit, toasts over dialogs, the Move form.
// Each wait is for something to appear or go, never for a fixed time.

const suite = browserSuite();
const { q, signInAsAdmin, post } = suite;

type OverviewItem = { id: string; mobileUserId: string; userName: string; msisdn: string | null; sim: { kind: 'physical' | 'esim'; iccid: string } | null; serviceType: { code: string } };
type User = { id: string; firstName: string; lastName: string; serviceCount: number; officeId: string | null };

/** Active Mobile lines with a physical SIM card, as the overview lists them. */
const activeLines = async (page: Page): Promise<OverviewItem[]> => {
  const body = (await (await page.request.get(`${suite.portal.url}/api/service-overview?status=active&limit=200`)).json()) as { items: OverviewItem[] };
  return body.items.filter((item) => item.serviceType.code === 'mobile.voice' && item.msisdn && item.sim?.kind === 'physical');
};

const usersWithoutServices = async (page: Page): Promise<User[]> => {
  const body = (await (await page.request.get(`${suite.portal.url}/api/mobile-users?pageSize=100`)).json()) as { items: User[] };
  return body.items.filter((user) => user.serviceCount === 0);
};

const grouped = (iccid: string) => iccid.replace(/(\d{4})(?=\d)/g, '$1 ');
const GROUPED_ICCID = /^\d{4}( \d{4}){3} \d{3,4}$/;

describe('everyday flows of an administrator', () => {
  test('Report a problem › Send to support: the page stays, and the toast opens the request', async () => {
    const page = await signInAsAdmin();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const [line] = await activeLines(page);
    if (!line) throw new Error('the demo has no active Mobile line');
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.id}`);
    const heading = page.getByRole('heading', { level: 1, name: /^Mobile — / });
    await heading.waitFor();

    await page.getByRole('button', { name: 'Report a problem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a problem to support' });
    await dialog.getByRole('checkbox', { name: /flight mode/i }).check();
    await dialog.getByRole('textbox', { name: 'Message' }).fill('No data since this morning, calls work.');
    await expectAccessible(page, 'report a problem');
    await dialog.getByRole('button', { name: 'Send to support' }).click();
    await dialog.waitFor({ state: 'detached' });

    // the request is filed, the page is still there, and nothing broke on the way
    const toast = page.getByRole('alert').filter({ hasText: 'Request sent to support' });
    const link = toast.getByRole('link', { name: /^Open request R-\d{4}-\d{6}$/ });
    await link.waitFor();
    await heading.waitFor();
    expect(errors).toEqual([]);
    await link.click();
    await page.getByRole('heading', { level: 1, name: /^R-\d{4}-\d{6} · Support$/ }).waitFor();
    await page.getByText('No data since this morning, calls work.').waitFor();
  });

  test('a page that fails says what happened inside the portal, and the rest keeps working', async () => {
    const page = await signInAsAdmin();
    const [user] = (await (await page.request.get(`${suite.portal.url}/api/mobile-users?pageSize=1`)).json()).items as User[];
    // an answer the page cannot draw (as a bug would give it): just an id
    await page.route(`**/api/mobile-users/${user!.id}`, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ id: user!.id }) }));
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/users/${user!.id}`);
    const report = page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
    await report.waitFor();
    await report.getByText('What happened').waitFor();
    // the shell is still there and works
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await menu.waitFor();
    await expectAccessible(page, 'a page that failed');
    await menu.getByRole('link', { name: 'Manage users' }).click();
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await page.getByRole('table', { name: 'Mobile users' }).getByRole('row').nth(1).waitFor();
  });

  test('the port-in step shows every problem at once, each named as its field is labelled', async () => {
    const page = await signInAsAdmin();
    const [user] = await usersWithoutServices(page);
    if (!user) throw new Error('the demo has no user without services');
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/users/${user.id}/add-service?product=mobile&type=mobile.voice&bundle=mobile-m&step=5`);
    await page.getByRole('heading', { level: 2, name: 'Configure your telephone number' }).waitFor();
    await page.getByRole('radio', { name: /^Port an existing number/ }).click();
    await page.getByRole('textbox', { name: 'Number to port' }).waitFor();
    await page.getByRole('combobox', { name: 'Current operator' }).click();
    await page.getByRole('option', { name: 'Proximus' }).click();
    await page.getByRole('radio', { name: /^Postpaid/ }).click();
    await page.getByRole('button', { name: 'Next' }).click();

    for (const message of ['Number to port is required.', 'Customer number is required.', 'Name of the holder is required.']) await page.getByText(message, { exact: true }).waitFor();
    expect(await page.getByText('Mobile number is required.').count()).toBe(0);
    await expectAccessible(page, 'port-in step with its errors');

    // filled in, a wrong number gets the server's word, under the same label
    await page.getByRole('textbox', { name: 'Number to port' }).fill('0475');
    await page.getByRole('textbox', { name: 'Customer number' }).fill('1234567');
    await page.getByRole('textbox', { name: 'Name of the holder' }).fill('Acme Logistics');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/^Number to port (is not|must)/).first().waitFor();
  });

  test('a service whose scheduled start comes leaves Services waiting for activation by itself', async () => {
    const page = await signInAsAdmin();
    const [, , user] = await usersWithoutServices(page);
    if (!user) throw new Error('the demo has too few users without services');
    const stock = (await (await page.request.get(`${suite.portal.url}/api/wizard/stock`)).json()) as { freeMobileNumbers: string[] };
    const saved = await post(page, `/api/mobile-users/${user.id}/services`, {
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-m',
      optionCodes: [],
      number: { kind: 'new', msisdn: stock.freeMobileNumbers[0] },
      sim: { kind: 'user_enters' },
      activation: { method: 'email', timing: 'later' },
    });
    expect(saved.status()).toBe(201);
    const serviceId = ((await saved.json()) as { id: string }).id;

    // scheduled a little ahead; the list is opened meanwhile and then left alone (no reload)
    const startAt = new Date(Date.now() + 25_000).toISOString();
    expect((await post(page, '/api/services/schedule', { serviceIds: [serviceId], startAt })).status()).toBe(200);
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/waiting`);
    const row = page.getByRole('table', { name: 'Services waiting for activation' }).getByRole('row').filter({ hasText: `${user.firstName} ${user.lastName}` });
    await row.waitFor();
    expect(await row.getByText('Start by hand').count()).toBe(0);
    // the list asks again while a start is due: the started service goes by itself
    await row.waitFor({ state: 'detached', timeout: 60_000 });
    const service = (await (await page.request.get(`${suite.portal.url}/api/services/${serviceId}`)).json()) as { status: string };
    expect(service.status).not.toBe('waiting_for_activation');
    // a cap, not a wait: the start is 25 s ahead and the list then follows it
  }, 150_000);

  test('ICCIDs are grouped in fours everywhere, and the overview finds one typed either way', async () => {
    const page = await signInAsAdmin();
    const [line] = await activeLines(page);
    if (!line?.sim) throw new Error('the demo has no active line with a physical SIM');
    const shown = grouped(line.sim.iccid);
    expect(shown).toMatch(GROUPED_ICCID);

    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.id}`);
    await page.getByText(shown, { exact: true }).first().waitFor();
    await page.getByRole('button', { name: 'Remove' }).click();
    const dialog = page.getByRole('dialog', { name: 'Are you sure you want to delete this bundle?' });
    await dialog.getByText(`the SIM card ${shown} is retired;`, { exact: false }).waitFor();
    await dialog.getByRole('button', { name: 'No' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.goto(`${suite.portal.url}/self-service/uc-mobile/users/${line.mobileUserId}`);
    await page.getByRole('table', { name: 'Services' }).getByText(shown, { exact: true }).waitFor();

    for (const typed of [shown, line.sim.iccid]) {
      await page.goto(`${suite.portal.url}/self-service/uc-mobile/overview`);
      const table = page.getByRole('table', { name: 'Mobile services' });
      await table.getByRole('row').nth(1).waitFor();
      await page.getByRole('searchbox', { name: 'Search mobile services' }).fill(typed);
      await expect.poll(async () => table.getByRole('row').count(), { timeout: 10_000 }).toBe(2);
      await table.getByRole('row').nth(1).getByText(shown, { exact: true }).waitFor();
    }
  });

  test('the Delete request offered by the 30 % limit comes with the service and its office', async () => {
    const page = await signInAsAdmin();
    const [line] = await activeLines(page);
    if (!line) throw new Error('the demo has no active Mobile line');
    const { items } = (await (await page.request.get(`${suite.portal.url}/api/requests/services?ids=${line.id}`)).json()) as { items: { id: string; officeId: string | null }[] };
    const company = (await (await page.request.get(`${suite.portal.url}/api/company`)).json()) as { offices: { id: string; name: string }[] };
    const office = company.offices.find((o) => o.id === items[0]?.officeId);
    if (!office) throw new Error("the line's user has no office in the demo");

    await page.goto(`${suite.portal.url}/self-service/requests/new?kind=delete&serviceIds=${line.id}`);
    const form = page.getByRole('form', { name: 'Delete request' });
    await form.waitFor();
    await expect.poll(async () => form.getByRole('combobox', { name: 'Office' }).inputValue(), { timeout: 10_000 }).toMatch(new RegExp(`^${office.name} — `));
    await form.getByText(line.userName, { exact: false }).first().waitFor();
    await expectAccessible(page, 'delete request, prefilled');
  });

  test('the Move form names whom to ask about a relocation, instead of a section that does not exist', async () => {
    const page = await signInAsAdmin();
    await page.goto(`${suite.portal.url}/self-service/requests/new?kind=move`);
    const form = page.getByRole('form', { name: 'Move request' });
    await form.waitFor();
    expect(await page.getByText(/relocation section/i).count()).toBe(0);
    await form.getByText('your account manager tells you which', { exact: false }).waitFor();
    const contact = form.getByRole('link', { name: /@/ });
    expect(await contact.getAttribute('href')).toMatch(/^mailto:[^@\s]+@[^@\s]+$/);
    await expectAccessible(page, 'move request form');
  });

  test('a toast never covers the controls of an open dialog, even in a small window', async () => {
    const page = await suite.newPage();
    await page.setViewportSize({ width: 800, height: 600 });
    await signInAsAdmin(page);
    const [line] = await activeLines(page);
    if (!line) throw new Error('the demo has no active Mobile line');
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.id}`);
    await page.getByRole('heading', { level: 1, name: /^Mobile — / }).waitFor();
    const send = async () => {
      await page.getByRole('button', { name: 'Report a problem' }).click();
      const dialog = page.getByRole('dialog', { name: 'Report a problem to support' });
      await dialog.getByRole('textbox', { name: 'Message' }).fill('Calls drop after a minute.');
      await dialog.getByRole('button', { name: 'Send to support' }).click();
      await dialog.waitFor({ state: 'detached' });
    };
    await send();
    await page.getByRole('alert').filter({ hasText: 'Request sent to support' }).waitFor();
    // the toast is still up when the next dialog opens: each of the dialog's buttons is on top where it is
    await page.getByRole('button', { name: 'Report a problem' }).click();
    const dialog = page.getByRole('dialog', { name: 'Report a problem to support' });
    await dialog.getByRole('button', { name: 'Send to support' }).waitFor();
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity));
    expect(await page.getByRole('alert').filter({ hasText: 'Request sent to support' }).count()).toBeGreaterThan(0);
    const covered = await dialog.getByRole('button').evaluateAll((buttons) =>
      buttons
        .filter((button) => {
          const box = button.getBoundingClientRect();
          const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          return box.width > 0 && !(top && (top === button || button.contains(top)));
        })
        .map((button) => button.getAttribute('aria-label') ?? button.textContent),
    );
    expect(covered).toEqual([]);
  });

  test('no fixed numbers left: Request new numbers › Send to support, and the wizard keeps its choices', async () => {
    const page = await signInAsAdmin();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const [user] = await usersWithoutServices(page);
    if (!user) throw new Error('the demo has no user without services');
    // Acme has used up its fixed numbers (the last test of the file: nothing after it needs them)
    await q(`delete from fixed_numbers where status = 'available' and company_id = (select id from companies where name = 'Acme Logistics')`);
    const stock = (await (await page.request.get(`${suite.portal.url}/api/wizard/stock`)).json()) as { freeMobileNumbers: string[]; fixedNumbersAvailable: number };
    expect(stock.fixedNumbersAvailable).toBe(0);
    const wizard = `${suite.portal.url}/self-service/uc-mobile/users/${user.id}/add-service?product=smartmobile&type=smartmobile.converged&bundle=smart-pro&number=new&msisdn=${encodeURIComponent(stock.freeMobileNumbers[0]!)}&sim=esim&step=7`;
    await page.goto(wizard);
    await page.getByRole('heading', { level: 2, name: 'Select your fixed number' }).waitFor();
    const before = page.url();

    await page.getByRole('button', { name: 'Request new numbers' }).click();
    const dialog = page.getByRole('dialog', { name: 'Request new fixed numbers' });
    await dialog.getByRole('textbox', { name: 'Number of fixed numbers' }).waitFor();
    await dialog.getByRole('button', { name: 'Send to support' }).click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByRole('alert').filter({ hasText: 'Request sent to support' }).getByRole('link', { name: /^Open request R-/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Select your fixed number' }).waitFor();
    expect(page.url()).toBe(before);
    expect(errors).toEqual([]);
  });

  test("a locked SIM: the administrator looks up its PIN and PUK on the service page, and the look is in the audit log", async () => {
    const page = await signInAsAdmin();
    const [line] = await activeLines(page);
    if (!line) throw new Error('the demo has no active Mobile line');
    const [card] = await q<{ pin: string; puk: string }>(`select pin, puk from sim_cards where service_id = $1 and status = 'assigned'`, [line.id]);
    if (!card?.puk) throw new Error('the demo line has no PUK on record');
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.id}`);
    await page.getByRole('heading', { level: 1, name: /^Mobile — / }).waitFor();
    // nothing of the codes is on the page until asked for
    expect(await page.getByText(card.puk).count()).toBe(0);
    await page.getByRole('button', { name: 'Show PIN and PUK' }).click();
    const dialog = page.getByRole('dialog', { name: 'PIN and PUK of the SIM card' });
    await dialog.getByText(card.puk, { exact: true }).waitFor();
    await dialog.getByText(card.pin, { exact: true }).waitFor();
    await expectAccessible(page, 'PIN and PUK dialog');
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByText('PIN and PUK viewed').first().waitFor();
  });
});
