import { buildApp } from './app.js';
import type { Config } from './config/config.js';
import { DEMO_PASSWORD, DEMO_SIGN_INS } from './db/seed/demo.js';
import { seedOnStart } from './db/seed/on-start.js';
import type { AppDeps, Deps, Links } from './deps.js';
import { createJobRunner, type JobRunner } from './jobs/job-runner.js';
import { moduleJobs } from './jobs/module-jobs.js';
import { smtpTransport } from './modules/mail/index.js';
import { callbackPolicyOf } from './modules/public-api/domain/callback-url.js';
import { NetworkSimulator } from './modules/network/index.js';
import { systemClock, type Clock } from './platform/clock.js';
import { openDatabase, type Database } from './platform/db.js';

export type Portal = { url: string; database: Database; close(): Promise<void>; seeded: boolean };

/**
 * The use cases' dependencies, built once: the app's routes and the job runner's workers get this
 * same object. `jobs` is the runner's queue, usable once the runner has started.
 */
const buildDeps = (config: Config, database: Database, runner: JobRunner, links: Links, clock: Clock): Deps => ({
  db: database.db,
  jobs: runner.queue,
  // The activation process talks to the operator network through the gateway; here, its simulator.
  gateway: new NetworkSimulator(database.db, config.networkSimulator),
  links,
  clock,
});

/** Opens the database (migrating it), seeds a first run, starts the job runner and the HTTP server. */
export const startPortal = async (
  config: Config,
  opts: { database?: Database; listen?: boolean; clock?: Clock } = {},
): Promise<Portal & { app: Awaited<ReturnType<typeof buildApp>>; jobs: JobRunner; deps: Deps }> => {
  const database =
    opts.database ??
    (await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }));
  const seeded = await seedOnStart(database, { demo: config.seedDemo });
  const log = { error: (obj: unknown, msg?: string) => console.error(msg ?? 'error', obj) };
  // Links in e-mails start with PUBLIC_URL, or else with the address the portal ends up listening on.
  let base = config.publicUrl ?? `http://localhost:${config.port}`;
  const links: Links = { publicUrl: () => base, activationLinkTtlDays: config.activationLinkTtlDays };
  if (config.networkSimulator.timeScale > 0) console.log('Operator network: SIMULATOR (no real operator is contacted), time scale', config.networkSimulator.timeScale);
  const runner = createJobRunner(database, log);
  const deps = buildDeps(config, database, runner, links, opts.clock ?? systemClock);
  // E-mail goes through SMTP when configured, otherwise it is kept in the outbox (modules/mail).
  const mail = config.smtpUrl ? smtpTransport(config.smtpUrl, config.mailFrom) : null;
  // pg-boss creating its queues from two instances at once deadlocks: they take turns, as for the seed
  await database.withStartupLock(() => runner.start(moduleJobs(deps, mail, callbackPolicyOf(config.env))));
  const appDeps: AppDeps = { ...deps, config, database, jobStatus: runner.status };
  const app = await buildApp(appDeps);
  const listen = opts.listen ?? true;
  const url = listen ? await app.listen({ port: config.port, host: config.host }) : '';
  if (url && !config.publicUrl) base = url.replace('127.0.0.1', 'localhost');
  return {
    app,
    jobs: runner,
    deps,
    url,
    database,
    seeded,
    // In this order: no new request, then no job running (stop() waits for the running ones), and
    // only then the database — a job never finds its pool closed.
    close: async () => {
      await app.close();
      await runner.stop();
      mail?.close();
      await database.close();
    },
  };
};

export const demoSignInText = (url: string) =>
  [
    `Fleetdesk is running at ${url}`,
    'Demo sign-ins (password for all: ' + DEMO_PASSWORD + '):',
    ...DEMO_SIGN_INS.map((s) => `  ${s.email.padEnd(28)} ${s.who}`),
    `API documentation: ${url}/api/docs`,
  ].join('\n');
