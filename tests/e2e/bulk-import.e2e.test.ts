import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { BACKGROUND, expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// The bulk import in a real browser: the template, a file with three good rows and two bad ones,
// the dry run's table, the import's progress (kept across a reload) and the failed rows' file.

const suite = browserSuite();
const { q } = suite;

describe('Bulk import of mobile users and services', () => {
  test('template, dry run of 3 good and 2 bad rows, import with progress, failed rows to download', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.portal.url}/login`);
    await signIn(page, 'admin@acme.example');
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await page.getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import users and services' }).waitFor();
    await expectAccessible(page, 'import page');

    // the template, in the page's language, names its columns as the import reads them
    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the template (CSV)' }).click()]);
    expect(template.suggestedFilename()).toBe('fleetdesk-import-template.csv');
    const header = fs.readFileSync(await template.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    expect(header).toContain('First name,Last name,E-mail');

    const [iccid] = await q<{ iccid: string }>(
      `select s.iccid from sim_cards s join companies c on c.id = s.company_id where c.name = 'Acme Logistics' and s.kind = 'physical' and s.status = 'in_stock' order by s.iccid limit 1`,
    );
    const columns = header.split(',');
    const at = (name: string) => columns.indexOf(name);
    const row = (values: Record<string, string>) => {
      const cells = columns.map(() => '');
      for (const [name, value] of Object.entries(values)) cells[at(name)] = value;
      return cells.join(',');
    };
    const mobile = { 'Product type': 'mobile', 'Service type': 'mobile.voice', Bundle: 'mobile-m' };
    const file = [
      header,
      row({ 'First name': 'Iris', 'Last name': 'Import', 'E-mail': 'iris.import@acme.example' }),
      row({ 'First name': 'Jan', 'Last name': 'Import', 'E-mail': 'jan.import@acme.example', ...mobile, 'Number choice': 'new', SIM: 'esim', 'Activation method': 'automatic', 'Activation start': 'now' }),
      row({ 'First name': 'Kim', 'Last name': 'Import', 'E-mail': 'kim.import@acme.example', ...mobile, 'Number choice': 'new', SIM: 'admin_sim', 'SIM card number (ICCID)': iccid!.iccid, 'Activation method': 'email', 'Activation start': 'later' }),
      row({ 'First name': 'Lou', 'Last name': 'Import', 'E-mail': 'lou.import-at-acme' }),
      row({ 'First name': 'Max', 'Last name': 'Import', 'E-mail': 'max.import@acme.example', ...mobile, Bundle: 'mobile-xxl', 'Number choice': 'new', SIM: 'esim', 'Activation method': 'email' }),
    ].join('\n');
    const filePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fd-import-')), 'new-staff.csv');
    fs.writeFileSync(filePath, file);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('File to import').click()]);
    await chooser.setFiles(filePath);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('5 rows: 3 new users, 0 existing users, 0 already imported, 2 with problems.').waitFor();
    const table = page.getByRole('table', { name: 'Rows of the file' });
    await table.getByRole('row').filter({ hasText: 'lou.import-at-acme' }).getByText('E-mail is not a valid e-mail address.').waitFor();
    await table.getByRole('row').filter({ hasText: 'max.import@acme.example' }).getByText('Bundle does not belong to the chosen service type.').waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'New user' }).count()).toBe(3);
    await page.screenshot({ path: path.join(os.tmpdir(), 'fd-import-dry-run-en.png'), fullPage: true });
    await expectAccessible(page, 'dry run');
    // the dry run wrote nothing
    expect(await q(`select 1 from mobile_users where last_name = 'Import'`)).toEqual([]);

    await page.getByRole('button', { name: 'Import 3 rows' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await page.waitForURL(/\/users\/import\/[0-9a-f-]{36}$/);
    await page.getByText('5 of 5 rows handled').waitFor(BACKGROUND);
    // a reload shows the same import, read from the server
    await page.reload();
    await page.getByText('5 of 5 rows handled').waitFor();
    await page.getByText('Finished, some rows failed').waitFor();
    await page.screenshot({ path: path.join(os.tmpdir(), 'fd-import-progress-en.png'), fullPage: true });
    await expectAccessible(page, 'import progress');

    const [failed] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download failed rows' }).click()]);
    const lines = fs.readFileSync(await failed.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/,Problem$/);
    expect(lines[1]).toContain('lou.import-at-acme');
    expect(lines[2]).toContain('mobile-xxl');
    expect(await q(`select email from mobile_users where last_name = 'Import' order by email`)).toEqual([
      { email: 'iris.import@acme.example' },
      { email: 'jan.import@acme.example' },
      { email: 'kim.import@acme.example' },
    ]);

    // the same page in French and Dutch (for the eye: screenshots)
    for (const [lang, label] of [
      ['fr', 'Français'],
      ['nl', 'Nederlands'],
    ] as const) {
      await page.getByRole('button', { name: /^(Language|Langue|Taal)/ }).click();
      await page.getByRole('menuitem', { name: label }).click();
      await page.screenshot({ path: path.join(os.tmpdir(), `fd-import-progress-${lang}.png`), fullPage: true });
    }
  });

  test('operator staff import for a company from its back-office page', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.portal.url}/login`);
    await signIn(page, 'operator@dstny.example');
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    await page.getByRole('link', { name: 'Brightwave Consulting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brightwave Consulting' }).waitFor();
    await page.getByRole('link', { name: 'Import users and services' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import users and services' }).waitFor();
    // the trail leads back to the company, not to an administrator's Manage users
    await page.getByRole('navigation', { name: /breadcrumb/i }).getByRole('link', { name: 'Brightwave Consulting' }).waitFor();
    await expectAccessible(page, 'back-office import page');

    const [template] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the template (CSV)' }).click()]);
    const header = fs.readFileSync(await template.path(), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    const cells = header.split(',').map(() => '');
    cells[header.split(',').indexOf('First name')] = 'Olga';
    cells[header.split(',').indexOf('Last name')] = 'Onboarded';
    cells[header.split(',').indexOf('E-mail')] = 'olga.onboarded@brightwave.example';
    const filePath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'fd-import-')), 'brightwave.csv');
    fs.writeFileSync(filePath, `${header}\n${cells.join(',')}\n`);

    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByLabel('File to import').click()]);
    await chooser.setFiles(filePath);
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByText('1 rows: 1 new users, 0 existing users, 0 already imported, 0 with problems.').waitFor();
    await page.getByRole('button', { name: 'Import 1 row' }).click();
    await page.waitForURL(/\/back-office\/companies\/[0-9a-f-]{36}\/import\/[0-9a-f-]{36}$/);
    await page.getByText('1 of 1 rows handled').waitFor(BACKGROUND);
    await page.getByRole('heading', { name: 'Progress' }).locator('..').getByText('Finished', { exact: true }).waitFor();
    await expectAccessible(page, 'back-office import progress');
    expect(await q(`select c.name from mobile_users u join companies c on c.id = u.company_id where u.email = 'olga.onboarded@brightwave.example'`)).toEqual([{ name: 'Brightwave Consulting' }]);
  });
});
