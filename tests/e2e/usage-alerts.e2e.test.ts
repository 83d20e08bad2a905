import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { evaluateUsageAlerts } from '../../server/src/modules/usage/use-cases/usage-alerts.js';
import { BACKGROUND, expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';
import { waitUntil } from '../support/wait.js';

// Usage alerts, barring and the roaming cap in a real browser (issue 16), on a fresh demo portal
// whose simulated network answers at once. The administrator sets a line's spending alert on its
// page; once usage is evaluated (the job the loader queues after each daily file) the alert e-mail
// arrives in the development mailbox. Roaming barred from the line's page reaches the network, and a
// block of the roaming cap is lifted there. Screenshots of the card and the company's settings in
// EN/FR/NL go to SCREENSHOT_DIR when set.

const suite = browserSuite();
const q = async <T>(text: string, values: unknown[] = []) => (await suite.portal.database.sql.executeSql(text, values)).rows as T[];
const shots = process.env.SCREENSHOT_DIR;

const signInAsAdmin = async () => {
  const page = await suite.newPage();
  await page.goto(`${suite.portal.url}/login`);
  await signIn(page, 'admin@acme.example');
  await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
  return page;
};

/** The Acme line with the most out-of-bundle charges so far this month (the demo's usage). */
const spendingLine = async () => {
  const [row] = await q<{ id: string; msisdn: string; cents: number }>(
    `select s.id, s.msisdn, m.out_of_bundle_cents::int as cents from usage_monthly m join services s on s.id = m.service_id join companies c on c.id = s.company_id
      where c.name = 'Acme Logistics' and s.status = 'active' and m.month = date_trunc('month', now() at time zone 'Europe/Brussels')::date order by m.out_of_bundle_cents desc limit 1`,
  );
  if (!row || row.cents < 100) throw new Error('no Acme line has out-of-bundle charges this month');
  return row;
};

const shown = (msisdn: string) => msisdn.replace(/^\+32(\d{3})(\d{2})(\d{2})(\d{2})$/, '+32 $1 $2 $3 $4');
const card = (page: Page) => page.locator('section[aria-labelledby="line-barring-title"]');
const networkBarrings = async (msisdn: string) =>
  (
    await q<{ payload: { barring: string; barred: string } }>(
      `select payload from simulator_requests where msisdn = $1 and kind = 'set_barring' and outcome->>'status' = 'done' and ready_at <= now() order by ready_at, created_at`,
      [msisdn],
    )
  ).reduce((state, r) => ({ ...state, [r.payload.barring]: r.payload.barred === 'true' }), {} as Record<string, boolean>);

const LANGUAGES = { en: 'English', fr: 'Français', nl: 'Nederlands' } as const;
/** The language menu of the page's header, as a person switches. */
const switchTo = async (page: Page, lang: keyof typeof LANGUAGES) => {
  await page.getByRole('button', { name: /^(Taal|Langue|Language)\s?:/ }).first().click();
  await page.getByRole('menuitem', { name: LANGUAGES[lang] }).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
};

const shoot = async (page: Page, name: string, locator = page.locator('main')) => {
  if (shots) await locator.screenshot({ path: `${shots}/${name}.png` });
};

describe('usage alerts, barring and the roaming cap', () => {
  test('a spending alert set on the line arrives in the mailbox as an e-mail', async () => {
    const page = await signInAsAdmin();
    const line = await spendingLine();
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.id}`);
    await page.getByRole('heading', { level: 1, name: `Mobile — ${shown(line.msisdn)}` }).waitFor();
    await card(page).getByText('No usage alert this month.').waitFor();
    // a threshold under what the line already spent: whole euros, at least EUR 1
    const euros = Math.max(1, Math.floor(line.cents / 100));
    await card(page).getByLabel('Spending alert (out-of-bundle charges of the month)').fill(String(euros));
    await card(page).getByRole('button', { name: 'Save this line’s thresholds' }).click();
    await page.getByText('The line’s thresholds apply from the next usage file.').waitFor();
    await expectAccessible(page, 'service page with barring and usage alerts');

    // the next usage file: the company's evaluation, which the loader queues as a job (run here at
    // once, so the flow does not depend on when PGlite's one connection lets the worker fetch it)
    const [company] = await q<{ id: string }>(`select company_id as id from services where id = $1`, [line.id]);
    const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).format(new Date());
    await evaluateUsageAlerts(suite.portal.deps, { companyId: company!.id, month });

    await page.reload();
    await card(page).getByRole('cell', { name: 'Out-of-bundle spending' }).waitFor(BACKGROUND);
    await shoot(page, 'service-card-en', card(page));

    await page.goto(`${suite.portal.url}/dev/mailbox`);
    await page.getByRole('heading', { level: 1, name: 'Development mailbox' }).waitFor();
    const row = page.getByRole('table', { name: 'Messages, newest first' }).getByRole('row').filter({ hasText: 'out-of-bundle charges have reached' }).filter({ hasText: 'admin@acme.example' });
    await row.first().waitFor(BACKGROUND);
    await row.first().getByRole('link').click();
    const message = page.frameLocator('iframe[title^="E-mail:"]');
    await message.getByText(/beyond its bundle have reached/).waitFor();
    await message.locator(`a[href$="/services/${line.id}"]`).first().waitFor();
    await expectAccessible(page, 'the alert e-mail in the mailbox');
    await shoot(page, 'mailbox-alert-en');
  });

  test('roaming barred from the line’s page reaches the network; a roaming cap block is lifted there', async () => {
    const page = await signInAsAdmin();
    const [line] = await q<{ id: string; msisdn: string }>(
      `select s.id, s.msisdn from services s join companies c on c.id = s.company_id where c.name = 'Acme Logistics' and s.status = 'active' and s.service_type_code = 'mobile.voice' and s.msisdn is not null order by s.msisdn desc limit 1`,
    );
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line!.id}`);
    const roaming = card(page).getByRole('switch', { name: 'Roaming' });
    await roaming.waitFor();
    // the switch follows the server (it turns once the barring is asked), so press it and wait for it to turn
    await roaming.click({ force: true });
    await waitUntil('roaming barred on the network', async () => (await networkBarrings(line!.msisdn)).roaming === true);
    await expect.poll(() => roaming.isChecked(), BACKGROUND).toBe(true);

    // The demo's December has no roaming to reach a cap: the crossing the usage file would record is
    // written as the evaluation writes it, on the line roaming is barred on.
    await q(
      `insert into usage_alerts (company_id, service_id, month, kind, used, threshold, blocked) select company_id, id, date_trunc('month', now() at time zone 'Europe/Brussels')::date, 'roaming_cap', 1100, 1024, true from services where id = $1`,
      [line!.id],
    );
    await page.reload();
    const block = card(page).getByRole('alert').filter({ hasText: 'Roaming blocked: roaming data cap reached' });
    await block.waitFor();
    await expectAccessible(page, 'a line blocked at its roaming cap');
    await shoot(page, 'roaming-block-en', card(page));
    await block.getByRole('button', { name: 'Lift for the rest of the month' }).click();
    const dialog = page.getByRole('dialog', { name: 'Let this line roam again?' });
    await expectAccessible(page, 'lifting the roaming block');
    await dialog.getByRole('button', { name: 'Lift for the rest of the month' }).click();
    await card(page).getByText(/The roaming block of this month was lifted by/).waitFor();
    await waitUntil('roaming allowed again on the network', async () => (await networkBarrings(line!.msisdn)).roaming === false);
    const events = (await q<{ event: string }>(`select event from service_events where service_id = $1`, [line!.id])).map((e) => e.event);
    expect(events).toEqual(expect.arrayContaining(['barring_added', 'roaming_cap_lifted', 'barring_set_on_network', 'barring_lifted_on_network']));

    // the same card and the company's settings in French and Dutch, once the toasts have gone (a toast
    // fading out is half transparent, which the contrast check reads as too faint)
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), BACKGROUND).toBe(0);
    for (const lang of ['fr', 'nl'] as const) {
      await switchTo(page, lang);
      await card(page).getByRole('switch').first().waitFor();
      await expect.poll(() => page.locator('.mantine-Notification-root').count(), BACKGROUND).toBe(0);
      await expectAccessible(page, `the card in ${lang}`);
      await shoot(page, `service-card-${lang}`, card(page));
    }
    for (const lang of ['en', 'fr', 'nl'] as const) {
      await page.goto(`${suite.portal.url}/self-service/company`);
      await switchTo(page, lang);
      const settings = page.locator('section[aria-labelledby="usage-alert-settings-title"]');
      await settings.getByRole('button').first().waitFor();
      await expectAccessible(page, `the company's usage alerts in ${lang}`);
      await shoot(page, `company-settings-${lang}`, settings);
    }
  });
});
