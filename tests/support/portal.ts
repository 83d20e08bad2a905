import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { browserProfiles, signIn } from './browser.js';
import { startPortal as start } from '../../server/src/portal.js';
import type { JobRunner } from '../../server/src/jobs/job-runner.js';
import type { Database } from '../../server/src/platform/db.js';
import type { Deps } from '../../server/src/deps.js';
import { openTestDatabase, testConfig } from './harness.js';

/** A listening portal on a fresh copy of the demo data (embedded database), for browser tests. */
export type BrowserPortal = { url: string; database: Database; jobs: JobRunner; deps: Deps; close(): Promise<void> };

export const startPortal = async (overrides: Record<string, string> = {}): Promise<BrowserPortal> => {
  const { database, drop } = await openTestDatabase('pglite');
  // overrides: e.g. SMTP_URL of a test SMTP server, for flows that check the e-mail itself
  const portal = await start(testConfig({ HOST: '127.0.0.1', PORT: '0', ...overrides }), { database });
  return {
    url: portal.url,
    // for flows that must set up a state no screen offers (e.g. a smaller contract)
    database,
    // for flows that must put work on a queue as the process would (e.g. a job that fails for good)
    jobs: portal.jobs,
    // for flows that run a job's use case at a moment of their choosing
    deps: portal.deps,
    close: async () => {
      await portal.close().catch(() => undefined);
      await drop().catch(() => undefined);
    },
  };
};

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium driven by playwright-core; the flags keep it off the (closed) network. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });

/**
 * One file's browser flows: a fresh demo portal (with `overrides`, read when it starts) and Chromium,
 * started before the file's tests and closed after them, with fresh browser profiles in between.
 */
export const browserSuite = (overrides: () => Record<string, string> = () => ({})) => {
  let portal: BrowserPortal | undefined;
  let browser: Browser | undefined;
  const profiles = browserProfiles(() => browser!);
  beforeAll(async () => {
    [portal, browser] = await Promise.all([startPortal(overrides()), launchChromium()]);
  });
  afterAll(async () => {
    await profiles.closeAll();
    await browser?.close();
    await portal?.close();
  });
  return {
    get portal(): BrowserPortal {
      if (!portal) throw new Error('the portal starts in beforeAll');
      return portal;
    },
    newPage: profiles.newPage,
    /** Rows of a query on the portal's database, to check what a flow wrote. */
    q: async <T>(text: string, values: unknown[] = []) => (await portal!.database.sql.executeSql(text, values)).rows as T[],
    /** The demo company's administrator, signed in on `page` (a fresh profile when none is given). */
    signInAsAdmin: async (page?: Page) => {
      const tab = page ?? (await profiles.newPage());
      await tab.goto(`${portal!.url}/login`);
      await signIn(tab, 'admin@acme.example');
      await tab.getByRole('heading', { level: 1, name: 'Manage users' }).waitFor();
      return tab;
    },
    /** A POST from the signed-in page's session, with its CSRF token, as the app sends it. */
    post: async (page: Page, path: string, data: unknown) => page.request.post(`${portal!.url}${path}`, { data, headers: { 'x-csrf-token': await csrfOf(page) } }),
  };
};

/** The CSRF token the app sends back with every change (double-submit cookie). */
export const csrfOf = async (page: Page) => (await page.context().cookies()).find((cookie) => cookie.name === 'fd_csrf')?.value ?? '';
