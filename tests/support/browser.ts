import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { PATIENCE_MS } from './wait.js';

// What the browser flows share: fresh browser profiles, the sign-in form and the axe scan.

/**
 * How long one step waits for the page (an element to appear, a navigation): far above what an idle
 * machine needs, because a busy one is slow, not wrong.
 */
export const PAGE_STEP_MS = 30_000;
/** For what background work shows on a page (a job's result, an e-mail in the mailbox). */
export const BACKGROUND = { timeout: PATIENCE_MS };

export const DEMO_PASSWORD = 'fleetdesk-demo';

/** Fresh browser profiles (no cookies, no remembered language), English by default; `closeAll` at the end. */
export const browserProfiles = (browser: () => Browser) => {
  const contexts: BrowserContext[] = [];
  return {
    newPage: async (): Promise<Page> => {
      const context = await browser().newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
      contexts.push(context);
      context.setDefaultTimeout(PAGE_STEP_MS);
      return context.newPage();
    },
    closeAll: () => Promise.all(contexts.map((context) => context.close().catch(() => undefined))),
  };
};

/** Every page the flows visit is scanned (WCAG 2 A/AA): no serious or critical violation is allowed. */
export const expectAccessible = async (page: Page, where: string) => {
  // Dialogs fade in and out: scanned half-way, a button is half-transparent (contrast) or a closing
  // dialog is still in the page. Scan what the person sees once the movement stops.
  // (Spinners loop for ever and are left out.)
  await page.waitForFunction(
    () => document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
    undefined,
    { timeout: PAGE_STEP_MS },
  );
  // Sandboxed frames without scripts (the development mailbox's e-mail preview) cannot take axe's
  // script: scanning into one hangs the run. The e-mails' own HTML is checked in their unit tests.
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).exclude('iframe[sandbox]').analyze();
  const blocking = violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${where}: ${violation.id} (${violation.impact}) at ${violation.nodes.map((node) => node.target.join(' ')).join(' | ')}`);
  expect(blocking).toEqual([]);
};

/** Fills in and sends the sign-in form on the page shown. */
export const signIn = async (page: Page, email: string, password = DEMO_PASSWORD) => {
  await page.getByLabel('E-mail').fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
};

/**
 * A link out of an e-mail in the development mailbox (DEV_MAILBOX): the newest message whose row
 * shows every one of `texts`, and in it the first link whose address contains `hrefPart`.
 */
export const linkFromDevMailbox = async (page: Page, portalUrl: string, texts: string[], hrefPart: string) => {
  await page.goto(`${portalUrl}/dev/mailbox`);
  await page.getByRole('heading', { level: 1, name: 'Development mailbox' }).waitFor();
  let row = page.getByRole('table', { name: 'Messages, newest first' }).getByRole('row');
  for (const text of texts) row = row.filter({ hasText: text });
  await row.first().waitFor(BACKGROUND);
  await row.first().getByRole('link').click();
  const link = page.frameLocator('iframe[title^="E-mail:"]').locator(`a[href*="${hrefPart}"]`).first();
  await link.waitFor();
  const href = await link.getAttribute('href');
  if (!href) throw new Error(`the e-mail has no link to ${hrefPart}`);
  return href;
};
