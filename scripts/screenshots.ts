// Screenshots of every page, in English, French and Dutch, for a person to look at.
// Usage: npx tsx scripts/screenshots.ts [outDir]   (needs the web build: npm run build:web)
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { loadConfig } from '../server/src/config/config.js';
import { startPortal } from '../server/src/portal.js';
import { luhnCheckDigit } from '../server/src/modules/stock/domain/iccid.js';
import enWeb from '../locales/en.web.json' with { type: 'json' };
import frWeb from '../locales/fr.web.json' with { type: 'json' };
import nlWeb from '../locales/nl.web.json' with { type: 'json' };

// to find buttons by the name a person sees in each language
const WEB_TEXT = { en: enWeb, fr: frWeb, nl: nlWeb };

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
  // the Add Service wizard: each step of a converged SIM (every step applies), set through the address
  const langIndex = ['en', 'fr', 'nl'].indexOf(lang);
  const free = (await (await page.request.get(`${portal.url}/api/mobile-users?pageSize=100`)).json()).items.filter((u: { serviceCount: number }) => u.serviceCount === 0);
  const newcomer = free[langIndex];
  const wizardStock = await (await page.request.get(`${portal.url}/api/wizard/stock`)).json();
  const fixed = await (await page.request.get(`${portal.url}/api/wizard/fixed-numbers`)).json();
  const choices = new URLSearchParams({ product: 'smartmobile', type: 'smartmobile.converged', bundle: 'smart-pro', options: 'intl-100', number: 'new', msisdn: wizardStock.freeMobileNumbers[0], sim: 'esim', fixed: 'take_over', fixedId: fixed.active[0].id, method: 'automatic', timing: 'later' });
  await page.goto(`${portal.url}/self-service/uc-mobile/waiting`);
  await snap('20-waiting-empty');
  for (let step = 1; step <= 8; step += 1) {
    await page.goto(`${portal.url}/self-service/uc-mobile/users/${newcomer.id}/add-service?${choices}&step=${step}`);
    await snap(`21-wizard-step-${step}`, true);
  }
  const saved = await (
    await page.request.post(`${portal.url}/api/mobile-users/${newcomer.id}/services`, {
      data: { productTypeCode: 'smartmobile', serviceTypeCode: 'smartmobile.converged', bundleCode: 'smart-pro', optionCodes: ['intl-100'], number: { kind: 'new', msisdn: wizardStock.freeMobileNumbers[0] }, sim: { kind: 'esim' }, fixedNumber: { kind: 'take_over', fixedNumberId: fixed.active[0].id }, activation: { method: 'automatic', timing: 'later' } },
      headers: { 'x-csrf-token': csrf },
    })
  ).json();
  await page.goto(`${portal.url}/self-service/uc-mobile/waiting`);
  await snap('22-waiting');
  await page.goto(`${portal.url}/self-service/uc-mobile/services/${saved.id}`);
  await snap('23-service-detail', true);
  await shootActivation(lang, page, csrf, snap);
  await page.request.post(`${portal.url}/api/auth/logout`, { headers: { 'x-csrf-token': csrf } });
  await page.request.post(`${portal.url}/api/auth/login`, { data: { email: 'operator@dstny.example', password: 'fleetdesk-demo' } });
  const csrf2 = (await context.cookies()).find((c) => c.name === 'fd_csrf')?.value ?? '';
  await page.request.put(`${portal.url}/api/auth/me/language`, { data: { language: lang }, headers: { 'x-csrf-token': csrf2 } });
  await page.goto(`${portal.url}/back-office/companies`);
  await snap('10-companies');
  await page.getByRole('link', { name: 'Acme Logistics' }).first().click();
  await snap('11-company-detail');
  // stock that operator staff load: a company's SIM cards and fixed numbers, a file refused line by line, the number pool
  const stock = WEB_TEXT[lang].stock;
  const companyUrl = page.url();
  await page.goto(`${companyUrl}?tab=sim-cards`);
  await snap('12-company-sim-cards');
  await page.goto(`${companyUrl}?tab=fixed-numbers`);
  await snap('13-company-fixed-numbers');
  await page.goto(`${companyUrl}?tab=sim-cards`);
  await page.getByRole('button', { name: stock.import.button }).click();
  await page.getByRole('dialog').getByLabel(stock.import.paste).fill(
    ['kind,iccid,pin,puk,smdp_address,matching_id', 'physical,8932109900000000015,1234,12345678,,', 'physical,8932109900000000024,,,,', 'physical,8932109900000000015,,,,', 'esim,8932109900000000031,,,smdp.example.com,', 'nano,123,,,,'].join('\n'),
  );
  await page.getByRole('dialog').getByRole('button', { name: stock.import.submit, exact: true }).click();
  await page.getByRole('dialog').getByRole('alert').waitFor();
  await snap('14-stock-import-refused');
  await page.keyboard.press('Escape');
  await page.goto(`${portal.url}/back-office/mobile-number-pool`);
  await snap('15-mobile-number-pool');
  await context.close();
};

// The employee's activation page in each of its states, the service page waiting for its user, and
// Mobile porting issues. The simulated network runs at the demo's speed: each state is caught as the
// page shows it, by waiting for its words, never for a time.
type Snap = (name: string, fullPage?: boolean) => Promise<void>;
const ACTIVATION_USERS = { en: ['Emily', 'Carter'], fr: ['Sophie', 'Renard'], nl: ['Hanne', 'Verbruggen'] } as const;
// a listed donor number each (network/domain/donor-register.ts), sent with a wrong customer number
const REFUSED_PORTS = { en: ['+32475123456', '9999999'], fr: ['+32477101010', '9.876.000'], nl: ['+32479505050', '5551111'] } as const;

const shootActivation = async (lang: 'en' | 'fr' | 'nl', page: import('playwright-core').Page, csrf: string, snap: Snap) => {
  const text = WEB_TEXT[lang];
  const api = async (method: 'get' | 'post', url: string, data?: unknown) => {
    const res = await page.request[method](`${portal.url}${url}`, { data, headers: { 'x-csrf-token': csrf } });
    if (!res.ok()) throw new Error(`${method} ${url}: ${res.status()} ${await res.text()}`);
    return res.json();
  };
  const until = async <T>(what: string, read: () => Promise<T | undefined>): Promise<T> => {
    for (const started = Date.now(); Date.now() - started < 120_000; await new Promise((r) => setTimeout(r, 250))) {
      const value = await read();
      if (value !== undefined) return value;
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const statusOf = (id: string, status: string) =>
    until(`service ${id} to be ${status}`, async () => ((await api('get', `/api/services/${id}`)).status === status ? true : undefined));
  // unused SIM cards of Acme, as operator staff see them
  const ops = await browser.newContext();
  await ops.request.post(`${portal.url}/api/auth/login`, { data: { email: 'operator@dstny.example', password: 'fleetdesk-demo' } });
  const companies = await (await ops.request.get(`${portal.url}/api/companies?q=Acme`)).json();
  const sims = await (await ops.request.get(`${portal.url}/api/companies/${companies.items[0].id}/sim-cards?kind=physical&status=in_stock&pageSize=10`)).json();
  await ops.close();
  const [firstName, lastName] = ACTIVATION_USERS[lang];
  const email = `${firstName}.${lastName}@acme.example`.toLowerCase();
  const user = await api('post', '/api/mobile-users', { firstName, lastName, email, language: lang });
  const stock = await api('get', '/api/wizard/stock');
  const addService = (sim: object, number: object = { kind: 'new', msisdn: stock.freeMobileNumbers[0] }, method = 'email') =>
    api('post', `/api/mobile-users/${user.id}/services`, { productTypeCode: 'mobile', serviceTypeCode: 'mobile.voice', bundleCode: 'mobile-s', optionCodes: [], number, sim, activation: { method, timing: 'asap' } });
  const linkFor = async (serviceId: string) => {
    await statusOf(serviceId, 'awaiting_user');
    const mail = await until('the activation e-mail', async () => (await api('get', '/api/dev/mailbox?pageSize=100')).items.find((m: { to: string; template: string }) => m.to === email && m.template === 'activation'));
    const message = await api('get', `/api/dev/mailbox/${mail.id}`);
    return new URL((message.text as string).match(/https?:\/\/\S+\/activate\/[\w-]+/)![0]).pathname;
  };
  const seeText = (words: string) => page.getByText(words, { exact: false }).first().waitFor({ timeout: 120_000 });

  // a physical SIM card the employee enters: before, with the server's field error, in progress, active
  const physical = await addService({ kind: 'user_enters' });
  await page.goto(`${portal.url}/self-service/uc-mobile/services/${physical.id}`);
  await seeText(text.serviceDetail.resend.action);
  await snap('30-service-awaiting-user', true);
  await page.getByRole('button', { name: text.serviceDetail.resend.action }).click();
  await page.getByRole('dialog').waitFor();
  await snap('30b-resend-activation');
  await page.keyboard.press('Escape');
  await page.goto(`${portal.url}${await linkFor(physical.id)}`);
  await seeText(text.activation.sim.title);
  await snap('31-activation-physical-iccid', true);
  const notOurs = '893299000000000001';
  await page.getByRole('textbox').fill(`${notOurs}${luhnCheckDigit(notOurs)}`.replace(/(\d{4})/g, '$1 '));
  await page.getByRole('button', { name: text.activation.activate }).click();
  await page.locator('[aria-invalid="true"]').waitFor();
  await snap('32-activation-physical-iccid-error');
  await page.getByRole('textbox').fill(sims.items[0].iccid);
  await page.getByRole('button', { name: text.activation.activate }).click();
  await page.getByRole('textbox').waitFor({ state: 'detached' });
  await snap('33-activation-physical-progress', true);
  await seeText(text.activation.headingActive);
  await snap('34-activation-physical-active', true);

  // an eSIM: the compatibility check, the QR code after Activate, active
  const esim = await addService({ kind: 'esim' }, { kind: 'new', msisdn: (await api('get', '/api/wizard/stock')).freeMobileNumbers[0] });
  await page.goto(`${portal.url}${await linkFor(esim.id)}`);
  await seeText(text.activation.esim.checkTitle);
  await snap('35-activation-esim-before', true);
  await page.getByRole('button', { name: text.activation.activate, exact: true }).click();
  await page.locator('img[data-esim-qr]').waitFor();
  await snap('36-activation-esim-qr', true);
  await seeText(text.activation.headingActive);
  await snap('37-activation-esim-active', true);
  await page.goto(`${portal.url}/activate/${'0'.repeat(43)}`);
  await seeText(text.activation.invalid.title);
  await snap('38-activation-invalid-link');

  // Mobile porting issues: empty (the first time), then a refused port and its correction
  const [msisdn, wrong] = REFUSED_PORTS[lang];
  if (lang === 'en') {
    await page.goto(`${portal.url}/self-service/uc-mobile/porting-issues`);
    await seeText(text.portingIssues.emptyTitle);
    await snap('39-porting-issues-empty');
  }
  const port = await addService({ kind: 'admin_sim', iccid: sims.items[1].iccid }, { kind: 'port_in', msisdn, donorOperator: 'proximus', accountType: 'postpaid', customerNumber: wrong, holderName: 'Acme Logistics NV' }, 'automatic');
  await statusOf(port.id, 'porting_refused');
  await page.goto(`${portal.url}/self-service/uc-mobile/porting-issues`);
  await page.getByRole('table').getByRole('row').nth(1).waitFor();
  await snap('40-porting-issues', true);
  await page.getByRole('row').filter({ hasText: wrong }).getByRole('button').click();
  await page.getByRole('dialog').waitFor();
  await snap('41-porting-issues-correct');
  await page.keyboard.press('Escape');
};

try {
  for (const lang of ['en', 'fr', 'nl'] as const) await shoot(lang);
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await portal.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
