// Screenshots of every page, in English, French and Dutch, for a person to look at.
// Usage: npx tsx scripts/screenshots.ts [outDir]   (needs the web build: npm run build:web)
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetdesk-shots-'));
const portal = await startPortal(loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const shoot = async (lang: 'en' | 'fr' | 'nl') => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: `${lang}-BE` });
  const page = await context.newPage();
  const snap = async (name: string, fullPage = false) => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(outDir, `${lang}-${name}.png`), fullPage });
  };
  await page.goto(`${portal.url}/login`);
  await page.evaluate((l) => localStorage.setItem('fd.language', l), lang);
  await page.reload();
  await snap('01-login');
  await page.locator('input[type="email"]').fill('admin@acme.example');
  await page.locator('input[type="password"]').fill('wrong');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').waitFor();
  await snap('01b-login-error');
  // sign in through the API with the page's cookies, then set the account language
  await page.request.post(`${portal.url}/api/auth/login`, { data: { email: 'admin@acme.example', password: 'fleetdesk-demo' } });
  const csrf = (await context.cookies()).find((c) => c.name === 'fd_csrf')?.value ?? '';
  await page.request.put(`${portal.url}/api/auth/me/language`, { data: { language: lang }, headers: { 'x-csrf-token': csrf } });
  // a change of each kind, so the audit log and the history have lines to show (once per run is enough)
  const found = await (await page.request.get(`${portal.url}/api/mobile-users?q=janssens`)).json();
  const lotte = found.items[0];
  await page.request.patch(`${portal.url}/api/mobile-users/${lotte.id}`, {
    data: { department: `Sales ${lang.toUpperCase()}`, costCentre: null },
    headers: { 'x-csrf-token': csrf },
  });
  await page.goto(`${portal.url}/self-service/uc-mobile/users`);
  await snap('02-users');
  await page.goto(`${portal.url}/self-service/uc-mobile/users?q=zzzz`);
  await snap('03-users-empty');
  await page.goto(`${portal.url}/self-service/uc-mobile/users/new`);
  await snap('04-user-new');
  await page.goto(`${portal.url}/self-service/uc-mobile/users?q=janssens`);
  await page.getByRole('link', { name: /Janssens/ }).first().click();
  await snap('05-user-view');
  const userUrl = page.url();
  await page.goto(`${userUrl}?tab=history`);
  await snap('05b-user-history');
  await page.goto(`${userUrl}/edit`);
  await snap('06-user-edit');
  await page.goto(`${portal.url}/self-service/company`);
  await snap('07-company');
  await page.goto(`${portal.url}/self-service/audit`);
  await snap('08-audit');
  await page.goto(`${portal.url}/self-service/nothing`);
  await snap('09-not-found');
  await page.request.post(`${portal.url}/api/auth/logout`, { headers: { 'x-csrf-token': csrf } });
  await page.request.post(`${portal.url}/api/auth/login`, { data: { email: 'operator@dstny.example', password: 'fleetdesk-demo' } });
  const csrf2 = (await context.cookies()).find((c) => c.name === 'fd_csrf')?.value ?? '';
  await page.request.put(`${portal.url}/api/auth/me/language`, { data: { language: lang }, headers: { 'x-csrf-token': csrf2 } });
  await page.goto(`${portal.url}/back-office/companies`);
  await snap('10-companies');
  await page.getByRole('link', { name: 'Acme Logistics' }).first().click();
  await snap('11-company-detail');
  await context.close();
};

try {
  for (const lang of ['en', 'fr', 'nl'] as const) await shoot(lang);
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await portal.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
