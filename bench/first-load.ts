// The browser's first load, measured in Chromium: how much JavaScript (gzipped) the sign-in page
// asks for before it shows (Resource Timing entries started before the sign-in button appeared), and how long after pressing "Sign in" the Service overview of the
// 20,000-service company shows its first rows (Performance API, in the page). The portal runs the
// overview benchmark's server (bench/service-overview.ts: 100,000 services) in its own process.
// Targets (issue 17): ≤ 200 kB gzipped JavaScript before the sign-in page; overview visible < 1 s.
// Usage: npx tsx bench/first-load.ts [postgres|pglite] [runs, default 5]   (needs npm run build:web)
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const kind = (process.argv[2] ?? 'postgres') as 'postgres' | 'pglite';
const runs = Number(process.argv[3] ?? 5);
const OVERVIEW = '/self-service/uc-mobile/overview';

const server = fork(fileURLToPath(new URL('./service-overview.ts', import.meta.url)), ['--serve', kind], { execArgv: ['--import', 'tsx'], stdio: 'inherit' });
const { url } = await new Promise<{ url: string }>((resolve, reject) => {
  server.once('message', (m) => resolve(m as { url: string }));
  server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const times: number[] = [];
  let scripts: { file: string; gzip: number }[] = [];
  for (let run = 0; run < runs; run++) {
    // a new profile every time: nothing cached, no session
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const bodies = new Map<string, Promise<number>>();
    page.on('response', (res) => {
      if (res.request().resourceType() === 'script') bodies.set(res.url(), res.body().then((body) => gzipSync(body).length));
    });
    // the moment the sign-in button is first in the page, on the page's clock
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (document.querySelector('button[type="submit"]')) {
          (window as unknown as { signInShownAt?: number }).signInShownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`${url}/login?next=${encodeURIComponent(OVERVIEW)}`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    if (run === 0) {
      // the scripts the page asked for before it showed (what loads once it is idle does not count)
      const asked = await page.evaluate(() => {
        const shownAt = (window as unknown as { signInShownAt: number }).signInShownAt;
        return performance
          .getEntriesByType('resource')
          .filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script' || e.name.endsWith('.js'))
          .filter((e) => e.startTime <= shownAt)
          .map((e) => e.name);
      });
      const html = await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src));
      scripts = await Promise.all([...new Set([...html, ...asked])].map(async (u) => ({ file: new URL(u).pathname, gzip: (await bodies.get(u)) ?? 0 })));
    }
    await page.getByLabel('E-mail').fill('bench@large.example');
    await page.getByRole('textbox', { name: 'Password', exact: true }).fill('Bench-overview-2026!');
    // the moment of the click and the moment the first service row is in the page, both on the page's clock
    await page.evaluate(() => {
      const w = window as unknown as { overviewShownAt?: number };
      new MutationObserver((_, observer) => {
        if (document.querySelector('table tbody tr td a[href*="/services/"]')) {
          w.overviewShownAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
      document.querySelector('button[type="submit"]')!.addEventListener('click', () => performance.mark('sign-in'), { capture: true });
    });
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForFunction(() => (window as unknown as { overviewShownAt?: number }).overviewShownAt !== undefined, undefined, { timeout: 60_000 });
    times.push(await page.evaluate(() => (window as unknown as { overviewShownAt: number }).overviewShownAt - performance.getEntriesByName('sign-in')[0]!.startTime));
    await context.close();
  }
  const total = scripts.reduce((sum, s) => sum + s.gzip, 0);
  console.log(`\nJavaScript loaded before the sign-in page shows (gzipped, ${kind}):`);
  for (const s of scripts.sort((a, b) => b.gzip - a.gzip)) console.log(`  ${s.file.padEnd(48)} ${(s.gzip / 1024).toFixed(1).padStart(7)} kB`);
  console.log(`  ${'total'.padEnd(48)} ${(total / 1024).toFixed(1).padStart(7)} kB   target ≤ 200 kB: ${total / 1024 <= 200 ? 'MET' : 'MISSED'}`);
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)]!;
  console.log(`\nSign-in pressed → first row of the Service overview (20,000 services) shown, ${runs} fresh profiles:`);
  console.log(`  ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; median ${median.toFixed(0)} ms   target < 1000 ms: ${median < 1000 ? 'MET' : 'MISSED'}`);
} finally {
  await browser.close();
  server.send('stop');
  await new Promise((r) => server.once('exit', r));
}
