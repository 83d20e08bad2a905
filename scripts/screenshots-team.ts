// Screenshots of the owner's Team page (list, invite, change role refused) and of a read-only
// account's service page, in English, French and Dutch, for a person to look at.
// Usage: npx tsx scripts/screenshots-team.ts [outDir]   (needs the web build: npm run build:web)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetdesk-team-shots-'));
const portal = await startPortal(loadConfig({ ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn' }));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const signedIn = async (lang: 'en' | 'fr' | 'nl', email: string) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: `${lang}-BE` });
  const page = await context.newPage();
  await page.request.post(`${portal.url}/api/auth/login`, { data: { email, password: 'fleetdesk-demo' } });
  const csrf = (await context.cookies()).find((c) => c.name === 'fd_csrf')?.value ?? '';
  await page.request.put(`${portal.url}/api/auth/me/language`, { data: { language: lang }, headers: { 'x-csrf-token': csrf } });
  const snap = async (name: string) => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(outDir, `${lang}-${name}.png`) });
  };
  return { page, context, csrf, snap };
};

try {
  for (const lang of ['en', 'fr', 'nl'] as const) {
    const { page, context, snap } = await signedIn(lang, 'owner@acme.example');
    await page.goto(`${portal.url}/self-service/team`);
    await page.getByRole('table').getByRole('row').nth(2).waitFor();
    await snap('team-01-list');
    await page.getByRole('main').getByRole('button').first().click();
    await page.getByRole('dialog').waitFor();
    await snap('team-02-invite');
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    // the owner's own row: changing the last owner's role is refused under the field
    await page.getByRole('row').filter({ hasText: 'owner@acme.example' }).getByRole('button').click();
    await page.getByRole('menuitem').first().click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[id$="-role"]').click();
    await page.getByRole('option').nth(1).click();
    await dialog.locator('button[type="submit"]').click();
    await dialog.locator('.mantine-InputWrapper-error').waitFor();
    await snap('team-03-last-owner');
    await context.close();

    const readOnly = await signedIn(lang, 'readonly@acme.example');
    const overview = await (await readOnly.page.request.get(`${portal.url}/api/service-overview?status=active&limit=50`)).json();
    const service = overview.items.find((s: { msisdn: string | null }) => s.msisdn);
    await readOnly.page.goto(`${portal.url}/self-service/uc-mobile/services/${service.id}`);
    await readOnly.page.getByRole('main').getByRole('heading', { level: 1 }).waitFor();
    await readOnly.snap('team-04-read-only-service');
    await readOnly.context.close();
  }
} finally {
  await browser.close();
  await portal.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`screenshots in ${outDir}`);
