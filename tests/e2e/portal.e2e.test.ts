import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectAccessible, PAGE_STEP_MS, signIn } from '../support/browser.js';
import { browserSuite } from '../support/portal.js';

// The portal in a real browser: one Chromium and one portal (fresh demo data) for the whole file.
// Pages are found the way people find them — by role, label and visible text — and every page
// the flows visit is scanned with axe (WCAG 2 A/AA): no serious or critical violation is allowed.

const suite = browserSuite();
const newPage = suite.newPage;

/** The error text a form shows under an input (Mantine links it with aria-describedby). */
const errorUnder = async (input: Locator): Promise<string> => {
  expect(await input.getAttribute('aria-invalid')).toBe('true');
  const ids = (await input.getAttribute('aria-describedby'))?.split(/\s+/) ?? [];
  const texts = await Promise.all(ids.map((id) => input.page().locator(`[id="${id}"]`).innerText().catch(() => '')));
  return texts.join(' ');
};

/** Every page sets its own document title once it has rendered. */
const expectTitle = async (page: Page, title: string) => {
  await page.waitForFunction((expected) => document.title === expected, title, { timeout: PAGE_STEP_MS }).catch(() => undefined);
  expect(await page.title()).toBe(title);
};

describe('Fleetdesk portal in the browser', () => {
  test('a wrong password gets a clear message, in the page language', async () => {
    const page = await newPage();
    await page.goto(`${suite.portal.url}/login`);
    await page.getByRole('heading', { name: 'Sign in to MyDstny' }).waitFor();
    await expectTitle(page, 'Sign in · MyDstny');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    // the operator's support contact is on the sign-in page
    await page.getByRole('contentinfo').getByRole('link', { name: 'support@dstny.be' }).waitFor();
    await expectAccessible(page, 'login');

    await signIn(page, 'admin@acme.example', 'not-the-password');
    const alert = page.getByRole('alert').filter({ hasText: 'The e-mail address or password is incorrect.' });
    await alert.waitFor();
    await expectAccessible(page, 'login with error');
    expect(page.url()).toContain('/login');
  });

  test('a fleet administrator creates a user, finds it, opens it, works in French and signs out', async () => {
    const page = await newPage();
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/users`);
    // not signed in: the sign-in page, which brings us back afterwards
    await page.getByRole('heading', { name: 'Sign in to MyDstny' }).waitFor();
    await signIn(page, 'admin@acme.example');

    // Self-service › UC & Mobile › Manage users
    await page.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
    await expectTitle(page, 'Manage users · MyDstny');
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    expect(await menu.getByRole('button', { name: 'Self-service' }).getAttribute('aria-expanded')).toBe('true');
    expect(await menu.getByRole('link', { name: 'Manage users' }).getAttribute('aria-current')).toBe('page');
    const users = page.getByRole('table', { name: 'Mobile users' });
    await users.getByRole('link').first().waitFor();
    expect(await users.getByRole('columnheader', { name: 'Name' }).getAttribute('aria-sort')).toBe('ascending');
    await expectAccessible(page, 'users list');

    // sorting is a button in the column header
    await users.getByRole('button', { name: 'Created' }).click();
    await page.waitForURL(/sort=createdAt/);
    await users.locator('th[aria-sort="descending"]', { hasText: 'Created' }).waitFor();

    // Create user: the server's field errors land under the right field
    await page.getByRole('link', { name: 'Create user' }).click();
    await page.getByRole('heading', { level: 1, name: 'Create user' }).waitFor();
    const form = page.getByRole('form', { name: 'Create user' });
    await form.getByLabel('First name').fill('Lotte');
    await form.getByLabel('Last name').fill('Verbruggen');
    await form.getByLabel('E-mail').fill('mila.aerts@acme.example'); // a colleague already has it
    await form.getByRole('button', { name: 'Create user' }).click();
    const email = form.getByRole('textbox', { name: 'E-mail' });
    await page.locator('[aria-invalid="true"]').first().waitFor();
    expect(await errorUnder(email)).toContain('already used');
    await expectAccessible(page, 'user form with errors');

    await email.fill('lotte.verbruggen@acme.example');
    await form.getByLabel('Department').fill('Logistics');
    await form.getByRole('combobox', { name: 'Office' }).click();
    await page.getByRole('option', { name: /Ghent warehouse/ }).click();
    await form.getByRole('button', { name: 'Create user' }).click();

    // the new user's page
    await page.getByRole('heading', { level: 1, name: 'Lotte Verbruggen' }).waitFor();
    await page.getByText('No services yet').waitFor();
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByRole('table', { name: 'History' }).getByText('User created').waitFor();
    await expectAccessible(page, 'user view');

    // find it again by search; the search is in the address, so a reload keeps it
    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Manage users' }).click();
    await page.getByRole('searchbox', { name: 'Search users' }).fill('verbrugg');
    await page.waitForURL(/q=verbrugg/);
    await page.reload();
    expect(await page.getByRole('searchbox', { name: 'Search users' }).inputValue()).toBe('verbrugg');
    const found = page.getByRole('table', { name: 'Mobile users' }).getByRole('link', { name: 'Lotte Verbruggen' });
    await found.waitFor();
    expect(await page.getByRole('table', { name: 'Mobile users' }).getByRole('row').count()).toBe(2); // header + 1
    await found.click();
    await page.getByRole('heading', { level: 1, name: 'Lotte Verbruggen' }).waitFor();

    // Company & contract, Audit log
    await menu.getByRole('link', { name: 'Company & contract' }).click();
    await page.getByRole('heading', { level: 1, name: 'Company & contract' }).waitFor();
    await page.getByRole('table', { name: 'Offices' }).getByText('Ghent warehouse').waitFor();
    await expectAccessible(page, 'company');
    await menu.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    await page.getByRole('table', { name: 'Audit log' }).getByRole('link', { name: 'Lotte Verbruggen' }).first().waitFor();
    await expectAccessible(page, 'audit log');

    // switch to French: every label changes, and <html lang> follows
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Français' }).click();
    await page.getByRole('heading', { level: 1, name: "Journal d'audit" }).waitFor();
    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Gestion des utilisateurs' }).click();
    await page.getByRole('heading', { level: 1, name: 'Gestion des utilisateurs' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    await expectTitle(page, 'Gestion des utilisateurs · MyDstny');
    await page.getByRole('link', { name: 'Créer un utilisateur' }).waitFor();

    // sign out; the sign-in page stays in French
    await page.getByRole('button', { name: /Menu du compte/ }).click();
    await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
    await page.getByRole('button', { name: 'Se connecter' }).waitFor();
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/users`);
    await page.getByRole('button', { name: 'Se connecter' }).waitFor(); // the session is really gone

    // the account remembers French: signing in from a fresh (English) browser shows French
    const other = await newPage();
    await other.goto(`${suite.portal.url}/login`);
    await signIn(other, 'admin@acme.example');
    await other.getByRole('heading', { level: 1, name: 'Gestion des utilisateurs' }).waitFor();
    await other.getByRole('button', { name: 'Langue : Français' }).click();
    await other.getByRole('menuitem', { name: 'English' }).click();
    await other.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
  });

  test('operator staff see the companies back office, also in Dutch', async () => {
    const page = await newPage();
    await page.goto(`${suite.portal.url}/login`);
    await signIn(page, 'operator@dstny.example');
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
    const menu = page.getByRole('navigation', { name: 'Main menu' });
    await menu.getByRole('button', { name: 'Back office' }).waitFor();
    expect(await menu.getByRole('link', { name: 'Manage users' }).count()).toBe(0);
    const companies = page.getByRole('table', { name: 'Companies' });
    await companies.getByRole('link', { name: 'Acme Logistics' }).waitFor();
    await expectAccessible(page, 'operator companies');

    await page.getByRole('searchbox', { name: 'Search companies' }).fill('bright');
    await page.waitForURL(/q=bright/);
    await companies.getByRole('link', { name: 'Acme Logistics' }).waitFor({ state: 'detached' });
    await companies.getByRole('link', { name: 'Brightwave Consulting' }).click();
    await page.getByRole('heading', { level: 1, name: 'Brightwave Consulting' }).waitFor();
    // the administrators have their own tab on the company page (issue 6)
    await page.getByRole('tab', { name: 'Administrators' }).click();
    await page.getByRole('table', { name: 'Fleet administrators' }).getByRole('link', { name: 'admin@brightwave.example' }).waitFor();
    await expectAccessible(page, 'operator company detail');

    // an administrator's page is not for operator staff: back to their own home
    await page.goto(`${suite.portal.url}/self-service/uc-mobile/users`);
    await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();

    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitem', { name: 'Nederlands' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedrijven' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('nl');

    // unknown addresses inside the portal get a real "not found" page
    await page.goto(`${suite.portal.url}/back-office/nowhere`);
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await page.getByRole('link', { name: 'Naar de startpagina' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bedrijven' }).waitFor();
  });
});
