import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from '../../server/src/config/config.js';
import { openDatabase, type Database } from '../../server/src/platform/db.js';
import { startPortal } from '../../server/src/portal.js';
import type { JobRunner } from '../../server/src/jobs/job-runner.js';
import type { Deps } from '../../server/src/deps.js';
import type { Clock } from '../../server/src/platform/clock.js';
import { DEMO_PASSWORD } from '../../server/src/db/seed/demo.js';
import { sendEmployeeSignInLinks } from '../../server/src/modules/auth/use-cases/employee-sign-in.js';
import { TEST_PG_URL, urlForDatabase } from './env.js';

export { DEMO_PASSWORD };
export type DbKind = 'pglite' | 'postgres';

export const testDbKind = (): DbKind => (process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** A fresh database for one test file, copied from the run's seeded template. */
export const openTestDatabase = async (kind: DbKind = testDbKind()): Promise<{ database: Database; drop(): Promise<void>; url?: string }> => {
  if (kind === 'pglite') {
    const blob = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: blob });
    return { database, drop: () => database.close() };
  }
  const template = inject('pgTemplate');
  if (!template) throw new Error(inject('pgError') ?? 'PostgreSQL template database missing');
  const name = `fd_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${template}`);
  await admin.end();
  const database = await openDatabase({ kind: 'postgres', url: urlForDatabase(name), poolSize: 5 });
  return {
    database,
    url: urlForDatabase(name),
    drop: async () => {
      await database.close().catch(() => undefined);
      await dropPgDatabase(name);
    },
  };
};

const dropPgDatabase = async (name: string) => {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.end();
};

/** An empty PostgreSQL database (no tables, no seed), as a new installation starts from. */
export const createEmptyPgDatabase = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  const name = `fd_e_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { url: urlForDatabase(name), drop: () => dropPgDatabase(name) };
};

export const testConfig = (overrides: Record<string, string> = {}): Config =>
  // the network simulator answers at once unless a test asks for simulated delays
  loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', SEED_DEMO: 'false', LOGIN_RATE_LIMIT_PER_MINUTE: '1000', PORT: '0', NETWORK_SIMULATOR_TIME_SCALE: '0', ...overrides });

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Res<T = any> = { status: number; body: T; headers: Record<string, unknown> };

/** A signed-in (or anonymous) caller that keeps its cookies and sends the CSRF header, like the browser app. */
export class Client {
  cookies = new Map<string, string>();
  lang: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async request<T = any>(method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Res<T>> {
    const csrf = this.cookies.get('fd_csrf');
    const res = await this.app.inject({
      method,
      url,
      payload: payload as never,
      headers: {
        ...(this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {}),
        ...(csrf && method !== 'GET' ? { 'x-csrf-token': csrf } : {}),
        ...(this.lang ? { 'accept-language': this.lang } : {}),
        ...headers,
      },
    });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const text = res.body;
    return { status: res.statusCode, body: text ? safeJson(text) : null, headers: res.headers as Record<string, unknown> };
  }
  get = <T = any>(url: string) => this.request<T>('GET', url);
  post = <T = any>(url: string, body?: unknown) => this.request<T>('POST', url, body ?? {});
  put = <T = any>(url: string, body?: unknown) => this.request<T>('PUT', url, body ?? {});
  patch = <T = any>(url: string, body?: unknown) => this.request<T>('PATCH', url, body ?? {});
  delete = <T = any>(url: string) => this.request<T>('DELETE', url);
}

const safeJson = (text: string) => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

export type TestPortal = {
  app: FastifyInstance;
  database: Database;
  /** The portal's job runner: its queue lets a test queue work inside its own transaction. */
  jobs: JobRunner;
  /** The use cases' dependencies, as the app and the job runner have them (db, jobs, gateway, links, clock). */
  deps: Deps;
  kind: DbKind;
  /** PostgreSQL only: the test database's address, for a second instance on it. */
  databaseUrl?: string;
  anonymous(): Client;
  signIn(email: string, password?: string): Promise<Client>;
  /**
   * An employee signed in to My lines the way the e-mail does it: a sign-in link is made for the
   * address (the job's own use case, run here at once), read in the outbox and followed.
   */
  signInEmployee(email: string): Promise<Client>;
  close(): Promise<void>;
};

/** The token of the latest sign-in link e-mailed to an employee (My lines), from the outbox. */
export const latestEmployeeLink = async (database: Database, email: string) => {
  const { rows } = await database.sql.executeSql(`select text from outbox_messages where template = 'employee_sign_in' and lower(to_address) = lower($1) order by created_at desc limit 1`, [email]);
  const text = (rows[0] as { text?: string } | undefined)?.text;
  const token = text ? /\/my-lines\/sign-in\/([A-Za-z0-9_-]{40,})/.exec(text)?.[1] : undefined;
  if (!token) throw new Error(`no sign-in link was e-mailed to ${email}`);
  return token;
};

/**
 * The whole portal (database, jobs, HTTP) on a fresh copy of the demo data, driven through inject.
 * `clock`: the portal's clock, for a test that moves time (platform/clock.ts, movableClock).
 */
export const createTestPortal = async (configOverrides: Record<string, string> = {}, opts: { clock?: Clock } = {}): Promise<TestPortal> => {
  const kind = testDbKind();
  const { database, drop, url } = await openTestDatabase(kind);
  const portal = await startPortal(testConfig(configOverrides), { database, listen: false, ...opts });
  const app = portal.app as unknown as FastifyInstance;
  await app.ready();
  return {
    app,
    database,
    jobs: portal.jobs,
    deps: portal.deps,
    kind,
    ...(url ? { databaseUrl: url } : {}),
    anonymous: () => new Client(app),
    signIn: async (email, password = DEMO_PASSWORD) => {
      const client = new Client(app);
      const res = await client.post('/api/auth/login', { email, password });
      if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    signInEmployee: async (email) => {
      await sendEmployeeSignInLinks(portal.deps, email);
      const client = new Client(app);
      const res = await client.post(`/api/employee/sign-in/${await latestEmployeeLink(database, email)}`);
      if (res.status !== 200) throw new Error(`employee sign-in of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return client;
    },
    close: async () => {
      await app.close();
      await portal.close().catch(() => undefined);
      await drop().catch(() => undefined);
    },
  };
};
