import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// Usage and cost control in a real browser, on a fresh demo portal (its start loads the simulated
// network's usage files): the Usage page, a line's usage on its service page, out of bundle on the
// next bill, and cost centres — in English, French and Dutch, each page scanned by axe. Screenshots
// go to SCREENSHOT_DIR when it is set, for a person to look at.

const suite = browserSuite();
const shots = process.env.SCREENSHOT_DIR;
const snap = async (page: Page, name: string) => {
  if (!shots) return;
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
};

const now = new Date();
// last month: loaded whole by the start's catch-up whatever today's date
const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);

type Line = { serviceId: string; userName: string; msisdn: string; band: string | null; outOfBundleCents: number };
type Usage = { lines: Line[]; topByData: Line[]; linesTotal: number; bands: Record<string, number>; suggestions: { serviceId: string; userName: string; toBundle: { name: string } }[] };

const signInAsAdmin = async () => {
  const page = await suite.newPage();
  await page.goto(`${suite.portal.url}/login`);
  await signIn(page, 'admin@acme.example');
  await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
  return page;
};

const csrfOf = async (page: Page) => (await page.context().cookies()).find((cookie) => cookie.name === 'fd_csrf')?.value ?? '';
const usageOf = async (page: Page, query: string): Promise<Usage> => (await (await page.request.get(`${suite.portal.url}/api/usage?${query}`)).json()) as Usage;
const shown = (msisdn: string) => msisdn.replace(/^\+32(\d{3})(\d{2})(\d{2})(\d{2})$/, '+32 $1 $2 $3 $4');

describe('Usage and cost centres', () => {
  test('the Usage page: figures, chart, bands, filters, search, paging and the CSV', async () => {
    const page = await signInAsAdmin();
    const api = await usageOf(page, `month=${lastMonth}&pageSize=200`);
    expect(api.linesTotal).toBeGreaterThan(0);

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Usage' }).click();
    await page.getByRole('heading', { level: 1, name: 'Usage' }).waitFor();
    await page.getByLabel('Month').first().click();
    await page.getByRole('option').nth(1).click();
    await page.waitForURL(new RegExp(`month=${lastMonth}`));
    // the chart arrives in its own chunk and draws its days
    await page.locator('.recharts-surface').first().waitFor();
    await page.getByRole('img', { name: /Chart of data and call minutes by day/ }).waitFor();
    const table = page.getByRole('table', { name: 'Usage per line' });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByText(new RegExp(`^1–\\d+ of ${api.linesTotal}$`)).waitFor();
    await expectAccessible(page, 'usage page');
    await snap(page, 'en-usage');

    // a band tile lists its lines; the table and the CSV follow the filter
    const band = (['over', 'near', 'under'] as const).find((b) => api.bands[b]! > 0)!;
    const label = { under: 'Under 80 %', near: '80–100 %', over: 'Over 100 %' }[band];
    await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    await page.waitForURL(new RegExp(`band=${band}`));
    await page.getByText(new RegExp(`of ${api.bands[band]}$`)).waitFor();
    expect(await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')).toContain(`band=${band}`);
    await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    await page.waitForURL((url) => !url.search.includes('band='));

    // search by number as people type it
    const line = api.lines[2]!;
    await page.getByRole('searchbox', { name: 'Search lines' }).fill(`0${line.msisdn.slice(3)}`);
    await page.waitForURL(/q=0/);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    await table.getByRole('link', { name: line.userName }).waitFor();
    const csv = await page.request.get(`${suite.portal.url}${await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')}`);
    expect((await csv.text()).trim().split('\n')).toHaveLength(2);

    // nothing matches: say so, and offer the way back
    await page.getByRole('searchbox', { name: 'Search lines' }).fill('nobody-at-all');
    await page.getByText('No lines match these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText(new RegExp(`^1–\\d+ of ${api.linesTotal}$`)).waitFor();
  });

  test('a bundle suggestion opens Manage service on the suggested bundle, with its billing impact', async () => {
    const page = await signInAsAdmin();
    const api = await usageOf(page, '');
    expect(api.suggestions.length).toBeGreaterThan(0);
    const suggestion = api.suggestions[0]!;
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/usage`);
    await page.getByRole('heading', { level: 2, name: 'Bundle suggestions' }).waitFor();
    await page.getByRole('button', { name: `Manage service of ${suggestion.userName}` }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Manage service' });
    await dialog.getByRole('radio', { name: new RegExp(suggestion.toBundle.name), checked: true }).waitFor();
    await expectAccessible(page, 'manage service from a suggestion');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('dialog', { name: 'Confirm the change' }).getByRole('table', { name: 'Billing impact' }).waitFor();
  });

  test("a line's usage on its service page, and out of bundle on the next bill", async () => {
    const page = await signInAsAdmin();
    const api = await usageOf(page, `month=${lastMonth}`);
    const line = api.topByData[0]!;
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.serviceId}`);
    await page.getByRole('heading', { level: 1, name: `Mobile — ${shown(line.msisdn)}` }).waitFor();
    const card = page.getByRole('region', { name: 'Usage this month' });
    await card.waitFor();
    await card.getByRole('img', { name: /Chart of data used per month/ }).waitFor();
    await card.locator('.recharts-surface').waitFor();
    await expectAccessible(page, 'service usage');
    await snap(page, 'en-service-usage');

    await page.goto(`${suite.portal.url}/self-service/uc-mobile/next-bill?month=${lastMonth}`);
    await page.getByRole('heading', { level: 1, name: 'Next bill' }).waitFor();
    await page.getByRole('columnheader', { name: 'Out of bundle' }).waitFor();
    await expectAccessible(page, 'next bill');
    await snap(page, 'en-next-bill');
  });

  test('cost centres: set on selected users, then the chargeback report and its CSV', async () => {
    const page = await signInAsAdmin();
    const table = page.getByRole('table', { name: 'Mobile users' });
    await table.getByRole('row').nth(2).waitFor();
    const names = [await table.getByRole('row').nth(1).getByRole('link').first().innerText(), await table.getByRole('row').nth(2).getByRole('link').first().innerText()];
    for (const name of names) await page.getByRole('checkbox', { name: `Select ${name}` }).check();
    await page.getByRole('button', { name: 'Set cost centre' }).click();
    const dialog = page.getByRole('dialog', { name: 'Cost centre of 2 users' });
    await dialog.waitFor();
    await dialog.getByLabel('Cost centre').fill('CC-FIELD');
    await expectAccessible(page, 'set cost centre');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Cost centre set to CC-FIELD').waitFor();
    for (const name of names) await table.getByRole('row').filter({ hasText: name }).getByText('CC-FIELD').waitFor();

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Cost centres' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cost centres' }).waitFor();
    const report = page.getByRole('table', { name: /Chargeback per cost centre/ });
    await report.getByRole('row').filter({ hasText: 'CC-FIELD' }).waitFor();
    await expectAccessible(page, 'cost centres');
    await snap(page, 'en-cost-centres');
    const csv = await page.request.get(`${suite.portal.url}${await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href')}`);
    expect(await csv.text()).toContain('CC-FIELD');
  });

  test('the Usage page and a line’s usage in French and Dutch', async () => {
    const page = await signInAsAdmin();
    const api = await usageOf(page, `month=${lastMonth}`);
    const line = api.topByData[0]!;
    const words = {
      fr: { usage: 'Consommation', table: 'Consommation par ligne', card: 'Consommation ce mois-ci', bill: 'Prochaine facture', centres: 'Centres de coûts' },
      nl: { usage: 'Verbruik', table: 'Verbruik per lijn', card: 'Verbruik deze maand', bill: 'Volgende factuur', centres: 'Kostenplaatsen' },
    } as const;
    for (const lang of ['fr', 'nl'] as const) {
      const put = await page.request.put(`${suite.portal.url}/api/auth/me/language`, { data: { language: lang }, headers: { 'x-csrf-token': await csrfOf(page) } });
      expect(put.status()).toBeLessThan(300);
      await page.goto(`${suite.portal.url}/self-service/uc-mobile/usage?month=${lastMonth}`);
      await page.getByRole('heading', { level: 1, name: words[lang].usage }).waitFor();
      await page.getByRole('table', { name: words[lang].table }).getByRole('row').nth(1).waitFor();
      await page.locator('.recharts-surface').first().waitFor();
      await expectAccessible(page, `usage page (${lang})`);
      await snap(page, `${lang}-usage`);
      await page.goto(`${suite.portal.url}/self-service/uc-mobile/services/${line.serviceId}`);
      await page.getByRole('region', { name: words[lang].card }).locator('.recharts-surface').waitFor();
      await expectAccessible(page, `service usage (${lang})`);
      await snap(page, `${lang}-service-usage`);
      await page.goto(`${suite.portal.url}/self-service/uc-mobile/next-bill?month=${lastMonth}`);
      await page.getByRole('heading', { level: 1, name: words[lang].bill }).waitFor();
      await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
      await expectAccessible(page, `next bill (${lang})`);
      await snap(page, `${lang}-next-bill`);
      await page.goto(`${suite.portal.url}/self-service/uc-mobile/cost-centres?month=${lastMonth}`);
      await page.getByRole('heading', { level: 1, name: words[lang].centres }).waitFor();
      await page.getByRole('table').first().getByRole('row').nth(1).waitFor();
      await expectAccessible(page, `cost centres (${lang})`);
      await snap(page, `${lang}-cost-centres`);
    }
  });
});
