// Two instances of the portal on one PostgreSQL database, behind nothing but their two ports (the
// overview benchmark's 100,000 services): the overview's first page measured against one instance,
// then against both at once (the sum beside the one). A session opened on one is used on the other.
// Then 500 e-mails are queued and both instances' job runners send them to a local SMTP server,
// which counts what arrives: every job is done once, none twice.
// Usage: npx tsx bench/two-instances.ts [seconds per run, default 10]   (PostgreSQL: 127.0.0.1:5432, or BENCH_DATABASE_URL)
import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../server/src/config/config.js';
import { queueMail } from '../server/src/modules/mail/index.js';
import { startPortal } from '../server/src/portal.js';
import { openBenchDatabase, seedFleet } from './service-overview.js';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const MAILS = 500;
const quiet = { NODE_ENV: 'development', LOG_LEVEL: 'silent', SEED_DEMO: 'true', PORT: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', NETWORK_SIMULATOR_TIME_SCALE: '0' };

// ---------------------------------------------------------------- one instance (a child process)

const serve = async (databaseUrl: string, smtpUrl: string) => {
  const portal = await startPortal(loadConfig({ ...quiet, DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl }));
  process.send!({ url: portal.url.replace('localhost', '127.0.0.1') });
  process.on('message', async (m: { queueMails?: number; stop?: true }) => {
    if (m.queueMails) {
      await portal.deps.db.transaction(async (tx) => {
        for (let i = 0; i < m.queueMails!; i++) {
          await queueMail(tx, portal.deps.jobs, { companyId: null, to: { address: `bench${i}@example.test` }, language: 'en', template: 'service_active', data: { audience: 'user', msisdn: `+3247${String(i).padStart(7, '0')}` } });
        }
      });
      process.send!({ queued: m.queueMails });
    }
    if (m.stop) {
      const peakRssMb = process.resourceUsage().maxRSS / 1024;
      await portal.close();
      process.send!({ peakRssMb });
      process.exit(0);
    }
  });
};

// ---------------------------------------------------------------- the measuring process

const startSmtp = async () => {
  const messageIds: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    onData(stream, _session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        messageIds.push(raw.match(/^Message-ID: *(<[^>]+>)/im)?.[1] ?? 'no id');
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`, messageIds, close: () => new Promise<void>((r) => server.close(() => r())) };
};

const nextMessage = <T>(child: ChildProcess, key: string) =>
  new Promise<T>((resolve, reject) => {
    const onMessage = (m: Record<string, unknown>) => {
      if (key in m) {
        child.off('message', onMessage);
        resolve(m as T);
      }
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });

const measure = async (url: string, path: string, cookie: string, seconds: number) => {
  const result = await autocannon({ url: url + path, connections: CONNECTIONS, duration: seconds, headers: { cookie } });
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}${path}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
};

const main = async (seconds: number) => {
  const { database, url: databaseUrl, drop } = await openBenchDatabase('postgres');
  const smtp = await startSmtp();
  const instances: ChildProcess[] = [];
  try {
    // the demo and the catalog first (as a first start does), then the fleet
    const seeding = await startPortal(loadConfig(quiet), { database, listen: false });
    const started = Date.now();
    await seedFleet(database);
    await seeding.jobs.stop();
    await seeding.app.close();
    console.log(`100,000 services seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);

    for (let i = 0; i < 2; i++) instances.push(fork(fileURLToPath(import.meta.url), ['--serve', databaseUrl!, smtp.url], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
    const [a, b] = await Promise.all(instances.map((child) => nextMessage<{ url: string }>(child, 'url').then((m) => m.url)));

    const login = await fetch(`${a}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@large.example', password: 'Bench-overview-2026!' }) });
    if (!login.ok) throw new Error(`sign-in failed: ${login.status}`);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const onB = await fetch(`${b}/api/auth/me`, { headers: { cookie } });
    console.log(`session opened on instance A, used on instance B: ${onB.status === 200 ? 'valid' : `REFUSED (${onB.status})`}`);

    const path = '/api/service-overview?limit=50';
    for (const url of [a!, b!]) await measure(url, path, cookie, 1);
    const alone = await measure(a!, path, cookie, seconds);
    const [onA, onBoth] = await Promise.all([measure(a!, path, cookie, seconds), measure(b!, path, cookie, seconds)]);
    console.log(`\noverview first page, ${seconds} s, ${CONNECTIONS} connections per instance     req/s   p99 ms`);
    console.log(`one instance alone                                          ${alone.rps.toFixed(0).padStart(6)} ${String(alone.p99).padStart(8)}`);
    console.log(`two instances at once: A                                    ${onA.rps.toFixed(0).padStart(6)} ${String(onA.p99).padStart(8)}`);
    console.log(`                       B                                    ${onBoth.rps.toFixed(0).padStart(6)} ${String(onBoth.p99).padStart(8)}`);
    console.log(`                       sum                                  ${(onA.rps + onBoth.rps).toFixed(0).padStart(6)}   (${((onA.rps + onBoth.rps) / alone.rps).toFixed(2)}× one instance)`);

    const queuedAt = Date.now();
    instances[0]!.send({ queueMails: MAILS });
    await nextMessage(instances[0]!, 'queued');
    while (smtp.messageIds.length < MAILS && Date.now() - queuedAt < 300_000) await new Promise((r) => setTimeout(r, 200));
    // every job done: nothing left to run or running, so a second delivery could only come from a double run — wait for the queue to be empty
    for (;;) {
      const { rows } = await database.sql.executeSql(`select count(*)::int as n from pgboss.job where name = 'mail.send' and state in ('created', 'retry', 'active')`);
      if ((rows[0] as { n: number }).n === 0) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const distinct = new Set(smtp.messageIds).size;
    console.log(`\nmail.send jobs: ${MAILS} queued, ${smtp.messageIds.length} e-mails delivered, ${distinct} distinct, ${smtp.messageIds.length - distinct} delivered twice (${((Date.now() - queuedAt) / 1000).toFixed(1)} s by both instances)`);

    const peaks = await Promise.all(
      instances.map((child) => {
        const peak = nextMessage<{ peakRssMb: number }>(child, 'peakRssMb');
        child.send({ stop: true });
        return peak;
      }),
    );
    console.log(`peak RSS: A ${peaks[0]!.peakRssMb.toFixed(0)} MB, B ${peaks[1]!.peakRssMb.toFixed(0)} MB`);
  } finally {
    for (const child of instances) child.kill();
    await smtp.close();
    await drop();
  }
};

const isMain = process.argv[1] === fileURLToPath(import.meta.url);
if (isMain && process.argv[2] === '--serve') {
  await serve(process.argv[3]!, process.argv[4]!);
} else if (isMain) {
  await main(Number(process.argv[2] ?? 10));
}
