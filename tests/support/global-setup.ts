import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../../server/src/db/seed/demo.js';
import { createJobRunner } from '../../server/src/jobs/job-runner.js';
import { moduleJobs } from '../../server/src/jobs/module-jobs.js';
import { NetworkSimulator } from '../../server/src/modules/network/index.js';
import { catchUpUsage } from '../../server/src/modules/usage/use-cases/load-usage.js';
import { systemClock } from '../../server/src/platform/clock.js';
import { openDatabase, type Database } from '../../server/src/platform/db.js';
import { TEST_PG_URL, urlForDatabase } from './env.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    pgTemplate: string | null;
    pgError: string | null;
  }
}

const quiet = { error: () => undefined };

/** Migrations, demo seed, its usage so far, pg-boss schema and every module's queues — what every test database starts from. */
const prepare = async (database: Database) => {
  await seedDemo(database.db);
  const gateway = new NetworkSimulator(database.db, { timeScale: 0 });
  // loaded here rather than by the usage job's run at start, which a quick stop may or may not let finish
  await catchUpUsage({ db: database.db, gateway, clock: systemClock });
  const jobs = createJobRunner(database, quiet);
  const links = { publicUrl: () => 'http://localhost', activationLinkTtlDays: 30 };
  await jobs.start(moduleJobs({ db: database.db, jobs: jobs.queue, gateway, links, clock: systemClock }, null));
  await jobs.stop();
};

// Paying for initdb, migrations and the seed once per run, not once per test file (see STACK.md).
export default async function setup(project: TestProject) {
  const cacheDir = path.resolve('.test-cache');
  fs.mkdirSync(cacheDir, { recursive: true });
  const pgliteTemplate = path.join(cacheDir, `pglite-template-${process.pid}.tar.gz`);
  const pglite = await openDatabase({ kind: 'pglite', dataDir: null });
  await prepare(pglite);
  const dump = await pglite.dump!();
  fs.writeFileSync(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteTemplate', pgliteTemplate);

  let pgTemplate: string | null = null;
  let pgError: string | null = null;
  const admin = new pg.Client({ connectionString: TEST_PG_URL });
  try {
    await admin.connect();
    pgTemplate = `fd_tpl_${randomBytes(5).toString('hex')}`;
    await admin.query(`create database ${pgTemplate}`);
    const database = await openDatabase({ kind: 'postgres', url: urlForDatabase(pgTemplate), poolSize: 2 });
    await prepare(database);
    await database.close();
  } catch (err) {
    pgError = `PostgreSQL is not reachable at ${TEST_PG_URL} (${(err as Error).message}). Start it, or set TEST_DATABASE_URL.`;
    pgTemplate = null;
  }
  project.provide('pgTemplate', pgTemplate);
  project.provide('pgError', pgError);

  return async () => {
    fs.rmSync(pgliteTemplate, { force: true });
    if (pgTemplate) await admin.query(`drop database if exists ${pgTemplate} with (force)`).catch(() => undefined);
    await admin.end().catch(() => undefined);
  };
}
