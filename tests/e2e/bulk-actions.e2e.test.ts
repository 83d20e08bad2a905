import { describe, expect, test } from 'vitest';
import { BACKGROUND, expectAccessible } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// Bulk actions of the Service overview (issue 14), as an administrator meets them: tick a page of
// lines, choose Suspend, give the reason, read what it costs, confirm, and watch one job work them;
// then select "all N matching" the filter and resume them. Waits are for what appears, never for time.

const suite = browserSuite();
const { q, signInAsAdmin } = suite;

describe('bulk actions in the Service overview', () => {
  test('suspend a page of lines with the summed cost first, follow the progress, then resume all matching lines', async () => {
    const page = await signInAsAdmin();
    const [{ n: lines }] = (await q<{ n: number }>(`select count(*)::int as n from services s join companies c on c.id = s.company_id where c.name like 'Acme%' and s.status = 'active'`)) as [{ n: number }];
    // more than a page (20): "select all matching" is the way to take them all
    expect(lines).toBeGreaterThan(20);
    // the demo's history already has a suspended line; it is resumed with the others at the end
    const [{ n: alreadySuspended }] = (await q<{ n: number }>(`select count(*)::int as n from services s join companies c on c.id = s.company_id where c.name like 'Acme%' and s.status = 'suspended'`)) as [{ n: number }];
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/overview?status=active&limit=20`);
    const table = page.getByRole('table', { name: 'Mobile services' });
    await table.getByRole('row').nth(20).waitFor();

    await page.getByRole('checkbox', { name: 'Select all services on this page' }).check();
    const bar = page.getByRole('region', { name: 'Actions on the selected services' });
    await bar.getByText('20 services selected').waitFor();
    await page.getByRole('button', { name: `Select all ${lines} services matching the filters` }).click();
    await bar.getByText(`${lines} services selected`).waitFor();
    await bar.getByRole('button', { name: 'Suspend' }).click();

    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Reason/ }).fill('Office closed for renovation');
    await dialog.getByRole('button', { name: 'Show what this does' }).click();
    await dialog.getByText(`Suspends ${lines} of the ${lines} selected lines, from today.`).waitFor();
    await dialog.getByText('Billing impact').waitFor();
    await expectAccessible(page, 'bulk suspend preview');
    await dialog.getByRole('button', { name: `Suspend ${lines} lines` }).click();

    const progress = page.getByLabel('Progress: Suspend').first();
    await progress.waitFor();
    await page.getByText(`${lines} done · 0 refused · of ${lines}`).waitFor(BACKGROUND);
    const suspended = await q<{ n: number }>(`select count(*)::int as n from services s join companies c on c.id = s.company_id where c.name like 'Acme%' and s.status = 'suspended'`);
    expect(suspended[0]!.n).toBe(lines + alreadySuspended);
    await expectAccessible(page, 'overview with bulk progress');

    await page.getByRole('button', { name: 'View results' }).first().click();
    const results = page.getByRole('dialog');
    await results.getByRole('table', { name: 'Services of the bulk action' }).getByText('Done').first().waitFor();
    await expectAccessible(page, 'bulk results');
    await results.getByRole('button', { name: 'Close' }).click();

    // the same lines are now suspended: select all matching that filter, and resume them
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/overview?status=suspended&limit=20`);
    await table.getByRole('row').nth(20).waitFor();
    await page.getByRole('checkbox', { name: 'Select all services on this page' }).check();
    const toResume = lines + alreadySuspended;
    await page.getByRole('button', { name: `Select all ${toResume} services matching the filters` }).click();
    await bar.getByRole('button', { name: 'Resume' }).click();
    await dialog.getByText(`Resumes ${toResume} of the ${toResume} selected lines, from today.`).waitFor();
    await dialog.getByRole('button', { name: `Resume ${toResume} lines` }).click();
    await page.getByText(`${toResume} done · 0 refused · of ${toResume}`).first().waitFor(BACKGROUND);
    await expect
      .poll(async () => (await q<{ n: number }>(`select count(*)::int as n from services where status = 'suspended'`))[0]!.n, { timeout: 60_000 })
      .toBe(0);
  });

  test('a delete batch past the 30 % rule is refused before anything is deleted', async () => {
    const page = await signInAsAdmin();
    const terminated = async () => (await q<{ n: number }>(`select count(*)::int as n from services where status = 'terminated'`))[0]!.n;
    const terminatedBefore = await terminated();
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/overview?status=active`);
    const table = page.getByRole('table', { name: 'Mobile services' });
    await table.getByRole('row').nth(1).waitFor();
    await page.getByRole('checkbox', { name: 'Select all services on this page' }).check();
    await page.getByRole('region', { name: 'Actions on the selected services' }).getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('This would pass the 30 % rule').waitFor();
    expect(await dialog.getByRole('button', { name: /^Delete \d+ services$/ }).count()).toBe(0);
    await expectAccessible(page, 'bulk delete refused');
    await dialog.getByRole('button', { name: 'Close' }).last().click();
    expect(await terminated()).toBe(terminatedBefore);
  });
});
