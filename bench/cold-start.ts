// Measures how long `npm start` takes until /api/health answers 200: once on an empty data folder
// (initdb + migrations + demo seed + web build) and once on the folder the first run left.
// Usage: npx tsx bench/cold-start.ts
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const port = 3900 + Math.floor(Math.random() * 50);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleetdesk-bench-'));

const measure = async (label: string) => {
  const started = performance.now();
  const child = spawn('npm', ['start'], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const deadline = Date.now() + 120_000;
  let ms: number | null = null;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) {
        ms = performance.now() - started;
        break;
      }
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  process.kill(-child.pid!, 'SIGTERM');
  await new Promise((r) => child.once('exit', r));
  if (ms === null) throw new Error(`${label}: no healthy answer within 120 s\n${output}`);
  console.log(`${label.padEnd(34)} ${(ms / 1000).toFixed(2)} s`);
};

await measure('npm start, fresh data folder:');
await measure('npm start, existing data folder:');
fs.rmSync(dataDir, { recursive: true, force: true });
