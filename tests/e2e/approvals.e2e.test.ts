import { describe, expect, test } from 'vitest';
import { BACKGROUND, expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// Approvals in the browser: the owner turns the rule on from the Approvals page; an administrator's
// order above it waits; the owner approves it from the dashboard's card and the service exists.

const suite = browserSuite();

describe('approvals', () => {
  test('an administrator orders above the amount, the owner approves from the dashboard', async () => {
    const owner = await suite.newPage();
    await owner.goto(`${suite.portal.url}/login`);
    await signIn(owner, 'owner@acme.example');
    await owner.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await owner.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Approvals' }).click();
    await owner.getByRole('heading', { level: 1, name: 'Approvals' }).waitFor();
    await owner.getByText('Off: every order is carried out as soon as it is saved.').waitFor();
    await owner.getByText('No orders wait for approval').waitFor();
    await expectAccessible(owner, 'approvals page, empty');
    await owner.getByRole('switch', { name: 'Ask for a second approval' }).check({ force: true });
    await owner.getByRole('textbox', { name: 'Monthly amount (excl. VAT)' }).fill('30');
    await owner.getByRole('button', { name: 'Save the rule' }).click();
    await owner.getByRole('main').getByText('On: orders above €30.00 a month (excl. VAT) wait for a second person’s approval.').waitFor();

    // the administrator's order: Mobile L + Roaming World, 50.00 a month
    const admin = await suite.signInAsAdmin();
    const users = (await (await admin.request.get(`${suite.portal.url}/api/mobile-users?pageSize=100`)).json()).items as { id: string; serviceCount: number; firstName: string; lastName: string }[];
    const user = users.find((u) => u.serviceCount === 0)!;
    const msisdn = (await (await admin.request.get(`${suite.portal.url}/api/wizard/stock`)).json()).freeMobileNumbers[0];
    const res = await suite.post(admin, `/api/mobile-users/${user.id}/services`, {
      productTypeCode: 'mobile',
      serviceTypeCode: 'mobile.voice',
      bundleCode: 'mobile-l',
      optionCodes: ['roaming-world'],
      number: { kind: 'new', msisdn },
      sim: { kind: 'esim' },
      activation: { method: 'automatic', timing: 'later' },
    });
    expect(res.status()).toBe(202);
    // the requester sees it waiting, with nothing to approve
    await admin.goto(`${suite.portal.url}/self-service/approvals`);
    const adminRow = admin.getByRole('table', { name: 'Approvals' }).getByRole('row').filter({ hasText: `${user.firstName} ${user.lastName}` });
    await adminRow.getByText('Waiting for approval').waitFor();
    expect(await adminRow.getByRole('button', { name: /^Approve/ }).count()).toBe(0);
    await adminRow.getByRole('button', { name: 'Withdraw' }).waitFor();

    // the owner's dashboard: the card counts it and approves it
    await owner.goto(`${suite.portal.url}/self-service/uc-mobile/overview`);
    const card = owner.getByRole('region', { name: 'Orders waiting for approval' });
    await card.getByText(`${user.firstName} ${user.lastName}`).waitFor(BACKGROUND);
    await card.getByText('New service · €50.00 / month · Sofie Van Damme').waitFor();
    await expectAccessible(owner, 'dashboard with pending approvals');
    await card.getByRole('button', { name: `Approve the order for ${user.firstName} ${user.lastName}` }).click();
    const dialog = owner.getByRole('dialog', { name: 'Approve this order?' });
    await dialog.getByText('is carried out at once', { exact: false }).waitFor();
    await expectAccessible(owner, 'approve confirmation');
    await dialog.getByRole('button', { name: 'Approve' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await card.getByText('Nothing waits. Orders above €30.00 a month will appear here.').waitFor(BACKGROUND);

    // carried out as the wizard's save would have: the service exists, its number reserved
    const [service] = await suite.q<{ id: string; bundle_code: string; status: string }>(`select s.id, s.bundle_code, s.status from services s where s.mobile_user_id = $1`, [user.id]);
    expect(service).toMatchObject({ bundle_code: 'mobile-l', status: 'waiting_for_activation' });
    await owner.goto(`${suite.portal.url}/self-service/approvals?status=approved`);
    await owner.getByRole('table', { name: 'Approvals' }).getByRole('row').filter({ hasText: 'Approved' }).filter({ hasText: 'by Pieter Claes' }).waitFor();
    await expectAccessible(owner, 'approvals page, approved');
  });
});
