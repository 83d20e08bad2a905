import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { BACKGROUND, DEMO_PASSWORD, expectAccessible, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';
import { waitUntil } from '../support/wait.js';

// Signing in securely, in Chromium with an axe scan of every step: setting up two-step sign-in and
// signing in with a code the test computes as an authenticator app does (the same library), and
// "forgot password" from the sign-in page through the link of the e-mail.

const suite = browserSuite();

/** The app's code 30 seconds ahead: inside the accepted window, and never the step just used to set it up. */
const nextCode = (secret: string) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate({ timestamp: Date.now() + 30_000 });

const openUserMenu = async (page: Page) => page.getByRole('button', { name: /^Account menu of/ }).click();

describe('signing in securely', () => {
  test('an administrator sets up two-step sign-in, saves the recovery codes, and signs in with a code', async () => {
    const page = await suite.newPage();
    await page.goto(`${suite.portal.url}/login`);
    await signIn(page, 'admin@acme.example');
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();

    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Two-step sign-in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Two-step sign-in' }).waitFor();
    await page.getByText('Off', { exact: true }).waitFor();
    await expectAccessible(page, 'two-step sign-in, off');

    await page.getByRole('button', { name: 'Set up two-step sign-in' }).click();
    await page.getByRole('img', { name: 'QR code to add this account to an authenticator app' }).waitFor();
    const secret = (await page.getByTestId('totp-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expectAccessible(page, 'two-step sign-in, set-up');
    // a wrong code is refused under the field
    await page.getByLabel('6-digit code').fill('12345');
    await page.getByRole('button', { name: 'Turn on' }).click();
    await page.getByText('Enter the 6 digits the app shows.').waitFor();
    await page.getByLabel('6-digit code').fill(new TOTP({ secret: Secret.fromBase32(secret) }).generate());
    await page.getByRole('button', { name: 'Turn on' }).click();

    const codes = page.getByTestId('recovery-codes').getByRole('listitem');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    const recoveryCode = await codes.first().innerText();
    await expectAccessible(page, 'recovery codes');
    await page.getByRole('button', { name: 'I have saved them' }).click();
    await page.getByText('On', { exact: true }).waitFor();
    await page.getByText('10 recovery codes left.').waitFor();

    // sign out, and in again: the code after the password
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to MyDstny' }).waitFor();
    await signIn(page, 'admin@acme.example');
    await page.getByRole('heading', { level: 1, name: 'Two-step sign-in' }).waitFor();
    await expectAccessible(page, 'sign-in, code step');
    // half signed in: the API answers nothing else
    expect((await page.request.get(`${suite.portal.url}/api/auth/me`)).status()).toBe(401);
    await page.getByLabel('6-digit code').fill(nextCode(secret));
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();

    // and once more with a recovery code, which then is used up
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await signIn(page, 'admin@acme.example');
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await page.getByLabel('Recovery code').fill(recoveryCode);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();

    // My account › Sessions: this device, and signing out everywhere else
    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Sessions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sessions' }).waitFor();
    const table = page.getByRole('table', { name: 'Sessions' });
    await table.getByText('This device').waitFor();
    expect(await table.getByText(/Chrome on Linux/).count()).toBeGreaterThanOrEqual(1);
    await expectAccessible(page, 'sessions');
  });

  test('forgot password: from the sign-in page, through the e-mail’s link, to a new password', async () => {
    const page = await suite.newPage();
    // signed in elsewhere too: that session ends with the new password
    const elsewhere = await suite.newPage();
    await elsewhere.goto(`${suite.portal.url}/login`);
    await signIn(elsewhere, 'operator@dstny.example');
    await elsewhere.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();

    await page.goto(`${suite.portal.url}/login`);
    await page.getByLabel('E-mail').fill('operator@dstny.example');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Choose a new password' }).waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe('operator@dstny.example');
    await expectAccessible(page, 'forgot password');
    await page.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText('Check your e-mail').waitFor();
    await expectAccessible(page, 'forgot password, sent');

    const mail = await waitUntil(
      'the reset e-mail',
      async () => ((await suite.portal.database.sql.executeSql(`select text from outbox_messages where template = 'password_reset' and to_address = 'operator@dstny.example'`, [])).rows as { text: string }[])[0],
      BACKGROUND.timeout,
    );
    const link = /(https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+)/.exec(mail.text)![1]!;
    await page.goto(link);
    await page.getByText('operator@dstny.example').waitFor();
    await expectAccessible(page, 'reset password');
    await page.getByRole('textbox', { name: 'New password', exact: true }).fill('a brand new pass phrase');
    await page.getByRole('textbox', { name: 'Repeat the password' }).fill('a brand new pass phrase');
    await page.getByRole('button', { name: 'Save the new password' }).click();

    await page.getByText('Your new password is saved and you were signed out everywhere.').waitFor();
    expect(await page.getByLabel('E-mail').inputValue()).toBe('operator@dstny.example');
    await expectAccessible(page, 'sign-in after reset');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'The e-mail address or password is incorrect.' }).waitFor();
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('a brand new pass phrase');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    // the other browser was signed out
    expect((await elsewhere.request.get(`${suite.portal.url}/api/auth/me`)).status()).toBe(401);
    // the link works once
    await page.goto(link);
    await page.getByText('A new password was already chosen with this link.').waitFor();
  });
});
