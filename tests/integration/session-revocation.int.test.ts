import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../server/src/platform/db.js';
import { startPortal } from '../../server/src/portal.js';
import { Client, createTestPortal, testConfig, type TestPortal } from '../support/harness.js';
import { waitUntil } from '../support/wait.js';

// Signed-in requests are checked from each instance's memory (modules/auth/session-cache.ts); the
// database announces every change that ends a session or alters it. The changes here are made in
// SQL behind the portal's back — as another instance would — so only the announcement can tell this
// instance. The memory's own limit is set to an hour: a test that passes was not saved by it.
const HOUR = { SESSION_CACHE_SECONDS: '3600' };

describe('signed-in requests answered from memory, revoked through the database', () => {
  let portal: TestPortal;
  const sql = (text: string) => portal.database.sql.executeSql(text);
  const meOf = (client: Client) => client.get('/api/auth/me');

  beforeAll(async () => {
    portal = await createTestPortal(HOUR);
  });
  afterAll(() => portal?.close());

  it('a session ended elsewhere stops working here', async () => {
    const client = await portal.signIn('admin@acme.example');
    expect((await meOf(client)).status).toBe(200);
    expect((await meOf(client)).status).toBe(200);
    await sql(`delete from sessions where account_id = (select id from accounts where email = 'admin@acme.example')`);
    await waitUntil('the ended session to be refused', async () => (await meOf(client)).status === 401);
  });

  it('an account deactivated elsewhere is refused; its language or its company’s name changed elsewhere shows', async () => {
    const client = await portal.signIn('admin@brightwave.example');
    expect((await meOf(client)).body.account.language).not.toBe('nl');
    await sql(`update accounts set language = 'nl' where email = 'admin@brightwave.example'`);
    await waitUntil('the new language', async () => (await meOf(client)).body.account.language === 'nl');
    await sql(`update companies set name = 'Brightwave Consulting BV' where name = 'Brightwave Consulting'`);
    await waitUntil('the new company name', async () => (await meOf(client)).body.account.company.name === 'Brightwave Consulting BV');
    await sql(`update accounts set status = 'deactivated' where email = 'admin@brightwave.example'`);
    await waitUntil('the deactivated account to be refused', async () => (await meOf(client)).status === 401);
  });
});

describe.runIf(process.env.TEST_DB === 'postgres')('two instances on one PostgreSQL database', () => {
  let first: TestPortal;
  let second: { app: FastifyInstance; database: Database; close(): Promise<void> };

  beforeAll(async () => {
    first = await createTestPortal(HOUR);
    const database = await openDatabase({ kind: 'postgres', url: first.databaseUrl!, poolSize: 5 });
    const portal = await startPortal(testConfig(HOUR), { database, listen: false });
    const app = portal.app as unknown as FastifyInstance;
    await app.ready();
    second = { app, database, close: async () => (await portal.close().catch(() => undefined), undefined) };
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  /** The same browser (its cookies) talking to the second instance. */
  const onSecond = (client: Client) => {
    const there = new Client(second.app);
    there.cookies = client.cookies;
    return there;
  };

  it('a session opened on one is valid on the other; signing out on one ends it on both', async () => {
    const client = await first.signIn('admin@acme.example');
    const there = onSecond(client);
    expect((await there.get('/api/auth/me')).status).toBe(200);
    expect((await there.get('/api/mobile-users')).status).toBe(200);
    const cookie = client.cookies.get('fd_session')!;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = new Client(second.app);
    replay.cookies.set('fd_session', cookie);
    await waitUntil('the second instance to refuse the ended session', async () => (await replay.get('/api/auth/me')).status === 401);
  });

  it('without its listening connection an instance asks the database every time, and listens again soon', async () => {
    const client = await first.signIn('admin@acme.example');
    const there = onSecond(client);
    expect((await there.get('/api/auth/me')).status).toBe(200);
    const listeners = async () =>
      ((await second.database.sql.executeSql(`select pid from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`)).rows as { pid: number }[]).map((r) => r.pid);
    const before = await listeners();
    expect(before.length).toBeGreaterThanOrEqual(2);
    // cut every listening connection: neither instance hears anything for a while
    await second.database.sql.executeSql(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query ilike 'LISTEN%'`);
    await first.database.sql.executeSql(`delete from sessions where account_id = (select id from accounts where email = 'admin@acme.example')`);
    // the lost connection noticed (a moment after the cut), nothing is served from memory any more
    await waitUntil('the second instance to stop answering from memory', async () => (await there.get('/api/auth/me')).status === 401);
    await waitUntil('both instances to listen again', async () => (await listeners()).filter((pid) => !before.includes(pid)).length >= 2);
  });
});
