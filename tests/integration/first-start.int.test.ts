import { spawn } from 'node:child_process';
import { Secret, TOTP } from 'otpauth';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCreateOperator } from '../../server/src/cli/create-operator.js';
import { loadConfig } from '../../server/src/config/config.js';
import { openDatabase, type Database } from '../../server/src/platform/db.js';
import { startPortal } from '../../server/src/portal.js';
import { Client, createEmptyPgDatabase, DEMO_PASSWORD, testDbKind } from '../support/harness.js';

// A new installation: the portal's first start on an empty database. In production it seeds no demo
// (whose accounts share a public password); the first operator staff account comes from
// `npm run create-operator`. Instances started together on one PostgreSQL database take turns.

const kind = testDbKind();
const quietEnv = { LOG_LEVEL: 'silent', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0' };
const count = async (database: Database, table: string) => ((await database.sql.executeSql(`select count(*)::int as n from ${table}`)).rows[0] as { n: number }).n;

describe('the demo and production', () => {
  it('seeds the demo outside production, and in production only when SEED_DEMO=true is set', () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'false' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });
});

describe(`first start in production on an empty database (${kind})`, () => {
  let database: Database;
  let drop: () => Promise<void>;
  let portal: Awaited<ReturnType<typeof startPortal>>;
  let app: FastifyInstance;
  const output: string[] = [];
  const createOperator = (args: string[], password: string) =>
    runCreateOperator(args, { readPassword: async () => password, database: async () => database, print: (line) => output.push(line), loginUrl: 'https://portal.example/login' });

  beforeAll(async () => {
    if (kind === 'postgres') {
      const empty = await createEmptyPgDatabase();
      database = await openDatabase({ kind: 'postgres', url: empty.url, poolSize: 5 });
      drop = async () => {
        await database.close().catch(() => undefined);
        await empty.drop();
      };
    } else {
      database = await openDatabase({ kind: 'pglite', dataDir: null });
      drop = () => database.close();
    }
    portal = await startPortal(loadConfig({ ...quietEnv, NODE_ENV: 'production' }), { database, listen: false });
    app = portal.app as unknown as FastifyInstance;
    await app.ready();
  });
  afterAll(async () => {
    await portal?.close().catch(() => undefined);
    await drop?.().catch(() => undefined);
  });

  it('seeds no demo: no account, no company; the operator’s settings and catalog are there', async () => {
    expect(portal.seeded).toBe(false);
    expect(await count(database, 'accounts')).toBe(0);
    expect(await count(database, 'companies')).toBe(0);
    expect(await count(database, 'operator_settings')).toBe(1);
    expect(await count(database, 'bundles')).toBeGreaterThan(0);
    const demo = await new Client(app).post('/api/auth/login', { email: 'operator@dstny.example', password: DEMO_PASSWORD });
    expect(demo.status).toBe(401);
  });

  it('create-operator makes the first operator staff account, which signs in and reaches the back office', async () => {
    expect(await createOperator(['--email', 'Desk@Operator.example', '--name', 'Service Desk', '--language', 'fr'], 'short')).toBe(1);
    expect(output.pop()).toBe('The account was not created:\n  Password must be at least 12 characters.');
    expect(await count(database, 'accounts')).toBe(0);

    expect(await createOperator(['--email', 'Desk@Operator.example', '--name', 'Service Desk', '--language', 'fr'], 'a long phrase of our own')).toBe(0);
    expect(output.pop()).toBe('Operator staff account created for desk@operator.example: sign in at https://portal.example/login.');

    const desk = new Client(app);
    // in production operator staff set up two-step sign-in before their first session (issue 18)
    const login = await desk.post('/api/auth/login', { email: 'desk@operator.example', password: 'a long phrase of our own' });
    expect([login.status, login.body]).toEqual([200, { secondStep: 'enrol' }]);
    expect((await desk.get('/api/auth/me')).status).toBe(401);
    const { secret } = (await desk.post('/api/auth/second-step/enrolment')).body as { secret: string };
    const code = new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: 'SHA1' }).generate();
    expect((await desk.post('/api/auth/second-step/enrolment/confirm', { code })).status).toBe(200);
    expect((await desk.get('/api/auth/me')).body.account).toMatchObject({ role: 'operator', fullName: 'Service Desk', language: 'fr', company: null });
    expect((await desk.get('/api/companies')).body).toMatchObject({ items: [] });
    const [audit] = (await database.sql.executeSql(`select action, actor_name, company_id from audit_events where entity_type = 'account'`)).rows;
    expect(audit).toEqual({ action: 'operator_staff.created', actor_name: 'command line (npm run create-operator)', company_id: null });
  });

  it('create-operator refuses a taken address and wrong arguments, naming what is wrong', async () => {
    expect(await createOperator(['--email', 'desk@operator.example', '--name', 'Again'], 'another long phrase')).toBe(1);
    expect(output.pop()).toBe('The account was not created:\n  E-mail is already used by another account.');
    expect(await createOperator(['--email', 'not-an-address', '--name', ''], 'another long phrase')).toBe(2);
    expect(output.pop()).toMatch(/^The account was not created:\n {2}E-mail is not a valid e-mail address\.\n {2}Full name is required\.\n\nCreates an operator staff account/);
    expect(await createOperator(['--email', 'x@operator.example', '--name', 'X', '--role', 'admin'], 'another long phrase')).toBe(2);
    expect(output.pop()).toMatch(/Unknown option '--role'/);
    expect(await count(database, 'accounts')).toBe(1);
  });
});

describe.runIf(kind === 'postgres')('instances starting together on one empty PostgreSQL database', () => {
  it('both come up, one after the other migrates and seeds; the demo is seeded once', async () => {
    // the report: one of two instances failed 3 times out of 3 (duplicate type, or duplicate key while seeding)
    for (let round = 1; round <= 2; round++) {
      const empty = await createEmptyPgDatabase();
      const config = loadConfig({ ...quietEnv, DATABASE_URL: empty.url, SEED_DEMO: 'true' });
      const started = await Promise.allSettled([startPortal(config, { listen: false }), startPortal(config, { listen: false })]);
      const portals = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
      try {
        expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up')), `round ${round}`).toEqual(['up', 'up']);
        expect(portals.filter((p) => p.seeded)).toHaveLength(1);
        expect(await count(portals[0]!.database, 'accounts')).toBe(7);
        expect(await count(portals[0]!.database, 'companies')).toBe(2);
        for (const p of portals) expect((await p.app.inject({ method: 'GET', url: '/api/health' })).json()).toMatchObject({ status: 'ok' });
      } finally {
        for (const p of portals) await p.close().catch(() => undefined);
        await empty.drop();
      }
    }
  });

  it('npm run create-operator works on a database no portal has opened yet, with the password piped in', async () => {
    const empty = await createEmptyPgDatabase();
    try {
      const tsx = path.resolve('node_modules/.bin/tsx');
      const run = spawn(tsx, ['server/src/create-operator.ts', '--email', 'first@operator.example', '--name', 'First Desk'], {
        env: { ...process.env, ...quietEnv, NODE_ENV: 'production', DATABASE_URL: empty.url },
      });
      let out = '';
      run.stdout.on('data', (chunk) => (out += String(chunk)));
      run.stderr.on('data', (chunk) => (out += String(chunk)));
      run.stdin.end('a long phrase of our own\n');
      const code = await new Promise((resolve) => run.on('close', resolve));
      expect({ code, out: out.trim() }).toEqual({ code: 0, out: 'Operator staff account created for first@operator.example: sign in at http://localhost:0/login.' });

      const database = await openDatabase({ kind: 'postgres', url: empty.url, poolSize: 2 });
      const portal = await startPortal(loadConfig({ ...quietEnv, NODE_ENV: 'production', DATABASE_URL: empty.url }), { database, listen: false });
      try {
        const desk = new Client(portal.app as unknown as FastifyInstance);
        expect((await desk.post('/api/auth/login', { email: 'first@operator.example', password: 'a long phrase of our own' })).status).toBe(200);
        expect(await count(database, 'accounts')).toBe(1);
      } finally {
        await portal.close();
      }
    } finally {
      await empty.drop();
    }
  });
});
