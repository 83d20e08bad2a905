import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, testDbKind } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// `npm start` runs the server compiled ahead of time (scripts/build-server.mjs) — one bundle of the
// sources and most dependencies — while every other test runs the sources. This file runs that
// bundle the way `npm start` does (building it first when a source changed), so a dependency that breaks once bundled fails here, not in use.

const started: ChildProcess[] = [];
const dataParent = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetdesk-start-'));

/** `node scripts/start.mjs` on a data folder; resolves with its address once it has printed it. */
const npmStart = async (dataDir: string) => {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'warn', NETWORK_SIMULATOR_TIME_SCALE: '0', NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = await waitUntil(
    () => `the portal's address in its output:\n${output}`,
    () => output.match(/running at (http:\/\/\S+)/)?.[1],
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { url, stop: () => (child.kill('SIGTERM'), exited) };
};

const healthy = (url: string) =>
  waitUntil(`${url}/api/health to answer 200`, async () => (await fetch(`${url}/api/health`).catch(() => null))?.status === 200);

const signIn = (url: string) =>
  fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@acme.example', password: DEMO_PASSWORD }) });

describe.runIf(testDbKind() === 'pglite')('npm start: the compiled server', () => {
  afterAll(() => {
    for (const child of started) child.kill('SIGKILL');
    fs.rmSync(dataParent, { recursive: true, force: true });
  });

  it('starts on a new data folder and again on it, answering the API, its documentation and the browser app', async () => {
    const dataDir = path.join(dataParent, 'data');
    const first = await npmStart(dataDir);
    await healthy(first.url);
    expect(await first.stop()).toBe(0);

    const again = await npmStart(dataDir);
    await healthy(again.url);
    const login = await signIn(again.url);
    expect(login.status).toBe(200);
    expect((await fetch(`${again.url}/api/docs/json`)).status).toBe(200);
    expect((await fetch(`${again.url}/api/docs/static/index.html`)).status).toBe(200);
    const page = await fetch(`${again.url}/login`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect(await again.stop()).toBe(0);
  });

  it('starts a second new data folder from the saved template, as complete as the first', async () => {
    const portal = await npmStart(path.join(dataParent, 'second'));
    await healthy(portal.url);
    const login = await signIn(portal.url);
    expect(login.status).toBe(200);
    expect(await portal.stop()).toBe(0);
  });
});
