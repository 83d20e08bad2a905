// Screenshots of the back-office pages of issue 6 (company tabs, invitation, set-password page,
// catalog prices) and the administrator's offices, in the languages given (default en and fr).
// Usage: npx tsx scripts/screenshots-back-office.ts [outDir] [en,fr,nl]   (needs npm run build:web)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
const langs = (process.argv[3] ?? 'en,fr').split(',') as ('en' | 'fr' | 'nl')[];
fs.mkdirSync(outDir, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetdesk-bo-shots-'));
const portal = await startPortal(loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const sql = async <T>(text: string, values: unknown[] = []) => (await portal.database.sql.executeSql(text, values)).rows as T[];
const tomorrow = () => {
  const d = new Date(Date.now() + 36 * 3600_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(d);
};

const signedIn = async (email: string, lang: string) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: `${lang}-BE` });
  const page = await context.newPage();
  await page.request.post(`${portal.url}/api/auth/login`, { data: { email, password: 'fleetdesk-demo' } });
  const csrf = (await context.cookies()).find((c) => c.name === 'fd_csrf')?.value ?? '';
  await page.request.put(`${portal.url}/api/auth/me/language`, { data: { language: lang }, headers: { 'x-csrf-token': csrf } });
  return { context, page, csrf };
};

const snap = async (page: Page, name: string, fullPage = false) => {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(outDir, name), fullPage });
};

const shoot = async (lang: 'en' | 'fr' | 'nl') => {
  const { context, page, csrf } = await signedIn('operator@dstny.example', lang);
  const headers = { 'x-csrf-token': csrf };
  const acme = (await (await page.request.get(`${portal.url}/api/companies?q=Acme`)).json()).items[0].id as string;
  // an invited administrator, so the list shows every status
  await page.request.post(`${portal.url}/api/companies/${acme}/administrators`, { data: { email: `invited.${lang}@acme.example`, fullName: lang === 'fr' ? 'Amélie Lambert' : 'Jan Peeters', language: lang }, headers });
  await page.goto(`${portal.url}/back-office/companies/${acme}`);
  await snap(page, `${lang}-bo-01-company-overview.png`, true);
  await page.goto(`${portal.url}/back-office/companies/${acme}?tab=offices`);
  await snap(page, `${lang}-bo-02-company-offices.png`, true);
  await page.getByRole('button', { name: /Ghent|Gand|Gent|Antwerp|Anvers|Brussels|Bruxelles|Brussel/ }).first().focus().catch(() => undefined);
  await page.goto(`${portal.url}/back-office/companies/${acme}?tab=administrators`);
  await snap(page, `${lang}-bo-03-company-administrators.png`, true);
  await page.getByRole('button', { name: { en: 'Invite administrator', fr: 'Inviter un gestionnaire', nl: 'Beheerder uitnodigen' }[lang] }).click();
  await page.getByRole('dialog').waitFor();
  await page.getByRole('dialog').getByRole('textbox').first().fill('Marc Dupont');
  await page.getByRole('dialog').locator('input[type="email"]').fill('marc.dupont@acme.example');
  await snap(page, `${lang}-bo-04-invite.png`);
  await page.keyboard.press('Escape');
  await page.goto(`${portal.url}/back-office/companies/${acme}?tab=sim-cards`);
  await snap(page, `${lang}-bo-05-company-sims.png`);
  await page.goto(`${portal.url}/back-office/companies/${acme}`);
  await page.getByRole('button', { name: { en: 'Edit contract', fr: 'Modifier le contrat', nl: 'Contract wijzigen' }[lang] }).click();
  await page.getByRole('dialog').waitFor();
  await snap(page, `${lang}-bo-06-contract-form.png`);
  await page.keyboard.press('Escape');

  // a planned price, so the history shows past, current and planned
  await page.request.post(`${portal.url}/api/back-office/catalog/prices`, { data: { itemKind: 'bundle', itemCode: 'mobile-m', monthlyPriceCents: 2390, effectiveFrom: tomorrow() }, headers });
  await page.goto(`${portal.url}/back-office/catalog`);
  await snap(page, `${lang}-bo-07-catalog.png`, true);
  await page.getByRole('button', { name: /mobile-m\)/ }).click();
  await page.getByRole('dialog').getByRole('table').waitFor();
  await snap(page, `${lang}-bo-08-catalog-prices.png`);
  await page.keyboard.press('Escape');
  await page.goto(`${portal.url}/back-office/catalog?tab=types`);
  await snap(page, `${lang}-bo-09-catalog-types.png`, true);
  await page.goto(`${portal.url}/back-office/porting-issues`);
  await snap(page, `${lang}-bo-10-porting-issues.png`);
  await context.close();

  // the invited person's page, from the link in the e-mail
  const [mail] = await sql<{ text: string }>(`select text from outbox_messages where template = 'admin_invite' and to_address = $1 order by created_at desc limit 1`, [`invited.${lang}@acme.example`]);
  const link = /(\/set-password\/[A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
  const anon = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: `${lang}-BE` });
  const p = await anon.newPage();
  await p.goto(`${portal.url}/login`);
  await p.evaluate((l) => localStorage.setItem('fd.language', l), lang);
  await p.goto(`${portal.url}${link}`);
  await snap(p, `${lang}-bo-11-set-password.png`);
  await p.locator('input[type="password"]').first().fill('short');
  await p.locator('input[type="password"]').nth(1).fill('other');
  await p.keyboard.press('Enter');
  await snap(p, `${lang}-bo-12-set-password-errors.png`);
  await p.goto(`${portal.url}/set-password/${'x'.repeat(43)}`);
  await snap(p, `${lang}-bo-13-set-password-bad-link.png`);
  await anon.close();

  const admin = await signedIn('admin@acme.example', lang);
  await admin.page.goto(`${portal.url}/self-service/company`);
  await snap(admin.page, `${lang}-bo-14-admin-company.png`, true);
  await admin.context.close();
};

try {
  for (const lang of langs) await shoot(lang);
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await portal.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
