// Screenshots of approvals: the Service overview's card and the Approvals page (rule, list, reject
// with a reason), as the owner, and the administrator's "waits for approval" after Manage service,
// in English, French and Dutch, for a person to look at.
// Usage: npx tsx scripts/screenshots-approvals.ts [outDir]   (needs the web build: npm run build:web)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';

const outDir = path.resolve(process.argv[2] ?? 'screenshots');
fs.mkdirSync(outDir, { recursive: true });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetdesk-approval-shots-'));
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
  const snap = async (name: string, fullPage = false) => {
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(outDir, `${lang}-${name}.png`), fullPage });
  };
  return { page, context, csrf, snap };
};

try {
  // the owner's rule, and a few orders of the administrator above it
  const owner = await signedIn('en', 'owner@acme.example');
  await owner.page.request.put(`${portal.url}/api/company/approval-settings`, { data: { thresholdCents: 3000 }, headers: { 'x-csrf-token': owner.csrf } });
  await owner.context.close();
  const admin = await signedIn('en', 'admin@acme.example');
  const post = (url: string, data: unknown) => admin.page.request.post(`${portal.url}${url}`, { data, headers: { 'x-csrf-token': admin.csrf } });
  const users = (await (await admin.page.request.get(`${portal.url}/api/mobile-users?pageSize=100`)).json()).items as { id: string; serviceCount: number }[];
  const stock = await (await admin.page.request.get(`${portal.url}/api/wizard/stock`)).json();
  const free = users.filter((u) => u.serviceCount === 0);
  for (const [i, options] of [['roaming-world'], ['intl-500'], ['data-10', 'intl-100']].entries()) {
    const res = await post(`/api/mobile-users/${free[i]!.id}/services`, {
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-l',
      optionCodes: options,
      number: { kind: 'new', msisdn: stock.freeMobileNumbers[i] },
      sim: { kind: 'esim' },
      activation: { method: 'automatic', timing: 'later' },
    });
    if (res.status() !== 202) throw new Error(`order ${i}: ${res.status()} ${await res.text()}`);
  }
  await admin.context.close();

  for (const lang of ['en', 'fr', 'nl'] as const) {
    const { page, context, snap } = await signedIn(lang, 'owner@acme.example');
    await page.goto(`${portal.url}/self-service/uc-mobile/overview`);
    const card = page.locator('section[aria-labelledby="pending-approvals-title"]');
    await card.waitFor();
    await card.scrollIntoViewIfNeeded();
    await snap('approvals-01-dashboard-card');
    await page.goto(`${portal.url}/self-service/approvals`);
    await page.getByRole('table').getByRole('row').nth(1).waitFor();
    await snap('approvals-02-page', true);
    await page.getByRole('table').getByRole('row').nth(1).getByRole('button').nth(1).click();
    await page.getByRole('dialog').waitFor();
    await snap('approvals-03-reject');
    await page.keyboard.press('Escape');
    await context.close();
  }
} finally {
  await browser.close();
  await portal.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
console.log(`screenshots in ${outDir}`);
