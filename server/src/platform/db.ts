import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql, type ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from '../db/schema.js';
import { isNewDataFolder, readTemplate, saveTemplate } from './pglite-template.js';
import { projectRoot } from './project-root.js';

export type Schema = typeof schema;
/** The drizzle handle, the same type whichever driver sits underneath. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything that can run queries: the database or an open transaction. */
export type Queryable = Db | Tx;

/** Raw SQL access in the shape pg-boss expects. */
export type SqlExecutor = {
  /**
   * `prepare`: run as a named prepared statement on PostgreSQL (parsed and planned once per
   * connection, then reused), for hot read paths whose text comes from a small set of shapes.
   */
  executeSql(text: string, values?: unknown[], opts?: { prepare?: boolean }): Promise<{ rows: unknown[] }>;
};

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  sql: SqlExecutor;
  ping(): Promise<void>;
  /**
   * Runs `work` while holding the start-up lock. Instances started together on one empty
   * PostgreSQL database would otherwise create the same tables and seed the same rows at once (a
   * duplicate type or key stops one of them): with the lock, the second waits and then finds the
   * work done. PGlite belongs to one process, which needs no lock.
   */
  withStartupLock<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Hears the notifications on `channel` (pg_notify), each once its transaction commits. `onState`
   * says whether notifications are being heard: false when the listening connection is lost (some may
   * be missed until it is back), true once it listens (again). Resolves, once listening, with the way
   * to stop.
   */
  listen(channel: string, handlers: { onMessage(payload: string): void; onState(listening: boolean): void }): Promise<() => Promise<void>>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to start other instances from (tests). */
  dump?: () => Promise<Blob>;
};

// A session-level advisory lock: PostgreSQL scopes it to the database, so other databases on the
// same server (tests, other portals) never wait for it. Any fixed number works; this one is
// "fleetdsk" in ASCII, far from pg-boss's hashed keys.
const STARTUP_LOCK = '7380385375772242795';

const migrationsFolder = path.join(projectRoot, 'server', 'migrations');

export type OpenOptions =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null; loadDataDir?: Blob | File };

/** Opens the database named by configuration and brings its schema up to date. */
export const openDatabase = async (opts: OpenOptions): Promise<Database> => {
  if (opts.kind === 'pglite' && opts.dataDir && !opts.loadDataDir && isNewDataFolder(opts.dataDir)) return openNewPglite(opts.dataDir);
  const database = opts.kind === 'postgres' ? await openPostgres(opts.url, opts.poolSize) : await openPglite(opts.dataDir, opts.loadDataDir);
  await database.withStartupLock(() => migrateDatabase(database));
  return database;
};

/** A new data folder starts as a copy of the migrated template, or makes the template (pglite-template.ts). */
const openNewPglite = async (dataDir: string) => {
  const template = readTemplate();
  const database = await openPglite(dataDir, template.blob ?? undefined);
  await migrateDatabase(database);
  if (!template.blob) await saveTemplate(template.file, database.dump!);
  return database;
};

const openPostgres = async (url: string, poolSize = 10): Promise<Database> => {
  // Named prepared statements are used only for hot read paths (the session lookup, the service
  // overview) whose generic plans were checked to be as good as the custom ones
  // (bench/service-overview.ts prints both): planning them again on every request cost as much as
  // running them. Unnamed statements, i.e. everything else, are planned per execution as always.
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: '-c plan_cache_mode=force_generic_plan' });
  // An idle connection dropped by the server (restart, failover, a forced drop) must not crash the
  // process: the pool replaces it on the next query.
  pool.on('error', (err) => console.error('PostgreSQL connection lost:', err.message));
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    sql: {
      executeSql: async (text, values, opts) => {
        const res = opts?.prepare
          ? await pool.query({ name: `fd_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`, text, values: values as unknown[] | undefined })
          : await pool.query(text, values as unknown[] | undefined);
        // A multi-statement text returns one result per statement; pg-boss reads rows of the last one.
        const last = Array.isArray(res) ? res[res.length - 1] : res;
        return { rows: last?.rows ?? [] };
      },
    },
    ping: async () => {
      await pool.query('select 1');
    },
    withStartupLock: async (work) => {
      // held by one connection for the whole of `work`, which runs on the pool's others
      const holder = await pool.connect();
      let broken = false;
      try {
        await holder.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
        try {
          return await work();
        } finally {
          // a lost connection has released the lock already; it must not go back to the pool
          await holder.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => (broken = true));
        }
      } finally {
        holder.release(broken);
      }
    },
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
    close: async () => {
      await pool.end();
    },
  };
};

// A lost listening connection is opened again after this long (and again, until it works).
const RELISTEN_MS = 1000;

/** One connection of its own, outside the pool (a pooled connection would be handed to other queries). */
const listenPostgres = async (url: string, ...[channel, handlers]: Parameters<Database['listen']>) => {
  let stopped = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    const lost = () => {
      if (client !== c) return;
      client = null;
      handlers.onState(false);
      c.end().catch(() => undefined);
      if (!stopped) retry = setTimeout(() => void connect().catch(() => lost()), RELISTEN_MS);
    };
    c.on('error', lost);
    c.on('end', lost);
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.onMessage(n.payload ?? '');
    });
    client = c;
    await c.connect();
    await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    handlers.onState(true);
  };
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = client;
    client = null;
    await c?.end().catch(() => undefined);
  };
};

const openPglite = async (dataDir: string | null, loadDataDir?: Blob | File): Promise<Database> => {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir ?? undefined, loadDataDir ? { loadDataDir } : {});
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    sql: {
      executeSql: async (text, values) => {
        // PGlite is one connection: query() takes one statement with parameters, exec() several without.
        // After a failure we roll back so that a half-open transaction does not poison the next caller.
        try {
          if (values && values.length > 0) {
            const res = await client.query(text, values as unknown[]);
            return { rows: res.rows };
          }
          const results = await client.exec(text);
          return { rows: results.flatMap((r) => r.rows) };
        } catch (err) {
          await client.exec('ROLLBACK').catch(() => undefined);
          throw err;
        }
      },
    },
    ping: async () => {
      await client.query('select 1');
    },
    withStartupLock: (work) => work(),
    // PGlite is in this process: a notification is handed over before the committing query returns.
    listen: async (channel, handlers) => {
      const unlisten = await client.listen(channel, handlers.onMessage);
      handlers.onState(true);
      return unlisten;
    },
    close: async () => {
      await client.close();
    },
    dump: () => client.dumpDataDir('gzip'),
  };
};

const migrateDatabase = async (database: Database) => {
  if (database.kind === 'postgres') {
    await migratePg(database.db as never, { migrationsFolder });
  } else {
    await migratePglite(database.db as never, { migrationsFolder });
  }
};

/**
 * Runs pg-boss's SQL inside an open drizzle transaction, so a job is queued exactly when the change
 * that asks for it commits (and not at all when it rolls back). pg-boss writes `$1…$n`
 * placeholders; each becomes a bound parameter of the transaction's connection.
 */
export const transactionExecutor = (tx: Queryable): SqlExecutor => ({
  executeSql: async (text, values = []) => {
    const parts = text.split(/\$(\d+)/);
    const query = sql.join(
      parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`)),
      sql.raw(''),
    );
    const result = (await tx.execute(query)) as unknown as { rows?: unknown[] } | unknown[];
    return { rows: Array.isArray(result) ? result : (result.rows ?? []) };
  },
});
