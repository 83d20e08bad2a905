import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectAccessible, signIn } from '../support/browser.js';
import { startTestProvider, type TestProvider } from '../support/oidc-provider.js';
import { browserSuite } from '../support/portal.js';

// Single sign-on in Chromium against a real OpenID Connect provider (oidc-provider) that the test
// starts on loopback: the owner sets it up on Company & contract, then people of acme.example go
// from the sign-in page to the provider's login and consent pages and come back signed in — or
// back on the sign-in page with the reason. Axe scans the panel and the sign-in page's SSO state.

const suite = browserSuite();
let provider: TestProvider;
/** The portal's public address (localhost): the redirect URI registered at the provider, and where the browser goes. */
let base: string;

beforeAll(async () => {
  base = suite.portal.deps.links.publicUrl();
  provider = await startTestProvider({ redirectUris: [`${base}/api/auth/sso/callback`] });
});
afterAll(async () => provider?.close());

const openUserMenu = async (page: Page) => page.getByRole('button', { name: /^Account menu of/ }).click();

/** Types the address on the sign-in page, continues to the provider, signs in and consents there. */
const ssoSignIn = async (page: Page, email: string) => {
  await page.goto(`${base}/login`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('E-mail').press('Tab');
  const go = page.getByRole('button', { name: 'Continue with single sign-on' });
  await go.waitFor();
  // no password is asked
  expect(await page.getByRole('textbox', { name: 'Password', exact: true }).count()).toBe(0);
  await go.click();
  // the provider's own pages (oidc-provider's development interactions)
  await page.waitForURL((url) => url.href.startsWith(provider.issuer));
  expect(await page.locator('input[name="login"]').inputValue()).toBe(email);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.waitForURL((url) => url.href.startsWith(base));
};

describe('single sign-on', () => {
  test('the owner sets it up; a known person signs in through the provider; the sign-in page says when SSO applies', async () => {
    const page = await suite.newPage();
    await page.goto(`${base}/login`);
    await signIn(page, 'owner@acme.example');
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    await page.goto(`${base}/self-service/company`);
    const panel = page.getByRole('region', { name: 'Single sign-on' });
    await panel.waitFor();
    await panel.getByText(`${base}/api/auth/sso/callback`).waitFor();
    // discovery when saving: a wrong address is named under the field
    await panel.getByLabel('Issuer URL').fill('http://127.0.0.1:9');
    await panel.getByLabel('Client ID').fill(provider.clientId);
    await panel.getByLabel('Client secret').fill(provider.clientSecret);
    await panel.getByLabel('E-mail domains').fill('acme.example');
    await panel.getByRole('button', { name: 'Save single sign-on' }).click();
    await panel.getByText('Issuer URL: no OpenID Connect provider answers at this address.').waitFor();
    await expectAccessible(page, 'single sign-on panel with an error');

    await panel.getByLabel('Issuer URL').fill(provider.issuer);
    await panel.getByLabel('Client secret').fill(provider.clientSecret);
    await panel.getByRole('combobox', { name: 'People without a Fleetdesk account' }).click();
    await page.getByRole('option', { name: 'Create their account as Read-only' }).click();
    await panel.getByRole('switch', { name: 'Sign in through the identity provider' }).check();
    await panel.getByRole('button', { name: 'Save single sign-on' }).click();
    await page.getByText('Single sign-on saved').first().waitFor();
    await panel.getByText('A secret is stored. Leave empty to keep it.').waitFor();
    await expectAccessible(page, 'single sign-on panel, on');

    await openUserMenu(page);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to MyDstny' }).waitFor();

    // another company's address still asks a password
    await page.getByLabel('E-mail').fill('admin@brightwave.example');
    await page.getByLabel('E-mail').press('Tab');
    await page.getByRole('textbox', { name: 'Password', exact: true }).waitFor();

    await page.getByLabel('E-mail').fill('admin@acme.example');
    await page.getByLabel('E-mail').press('Tab');
    await page.getByText('Acme Logistics signs in with its own identity provider.', { exact: false }).waitFor();
    await expectAccessible(page, 'sign-in page, single sign-on');

    await ssoSignIn(page, 'admin@acme.example');
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    const audit = await suite.q<{ n: number }>(`select count(*)::int as n from audit_events where action = 'account.signed_in_sso'`);
    expect(audit[0]!.n).toBe(1);
  });

  test('someone new is created with the chosen role', async () => {
    provider.person({ email: 'new.colleague@acme.example', emailVerified: true, name: 'New Colleague' });
    const page = await suite.newPage();
    await ssoSignIn(page, 'new.colleague@acme.example');
    await page.waitForURL((url) => !url.pathname.startsWith('/login') && !url.pathname.startsWith('/api/'));
    const me = await page.request.get(`${base}/api/auth/me`);
    expect(me.status()).toBe(200);
    expect((await me.json()).account).toMatchObject({ email: 'new.colleague@acme.example', fullName: 'New Colleague', companyRole: 'read_only' });
  });

  test('a deactivated person is refused, with the reason on the sign-in page', async () => {
    await suite.q(`update accounts set status = 'deactivated' where email = 'billing@acme.example'`);
    const page = await suite.newPage();
    await ssoSignIn(page, 'billing@acme.example');
    await page.getByText('Your Fleetdesk account has been deactivated.', { exact: false }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    expect((await page.request.get(`${base}/api/auth/me`)).status()).toBe(401);
    await expectAccessible(page, 'sign-in page, single sign-on refused');
  });
});
