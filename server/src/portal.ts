import { buildApp } from './app.js';
import type { Config } from './config/config.js';
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemo } from './db/seed/demo.js';
import { startJobRunner, type JobRunner } from './jobs/job-runner.js';
import { seedDonorRegister } from './modules/network/index.js';
import { openDatabase, type Database } from './platform/db.js';

export type Portal = { url: string; database: Database; close(): Promise<void>; seeded: boolean };

/** Opens the database (migrating it), seeds a first run, starts the job runner and the HTTP server. */
export const startPortal = async (config: Config, opts: { database?: Database; listen?: boolean } = {}): Promise<Portal & { app: Awaited<ReturnType<typeof buildApp>>; jobs: JobRunner }> => {
  const database =
    opts.database ??
    (await openDatabase(config.databaseUrl ? { kind: 'postgres', url: config.databaseUrl } : { kind: 'pglite', dataDir: config.dataDir }));
  const seeded = config.seedDemo ? await seedDemo(database.db) : false;
  // The simulated operator network's donor register (numbers at other operators a port-in can take).
  await seedDonorRegister(database.db);
  const log = { error: (obj: unknown, msg?: string) => console.error(msg ?? 'error', obj) };
  // Links in e-mails start with PUBLIC_URL, or else with the address the portal ends up listening on.
  const links = { base: config.publicUrl ?? `http://localhost:${config.port}` };
  if (config.networkSimulator.timeScale > 0) console.log('Operator network: SIMULATOR (no real operator is contacted), time scale', config.networkSimulator.timeScale);
  const jobs = await startJobRunner(database, log, {
    mail: { smtpUrl: config.smtpUrl, from: config.mailFrom },
    activation: { simulator: config.networkSimulator, publicUrl: () => links.base, linkTtlDays: config.activationLinkTtlDays },
  });
  const app = await buildApp({ config, database, jobs });
  const listen = opts.listen ?? true;
  const url = listen ? await app.listen({ port: config.port, host: config.host }) : '';
  if (url && !config.publicUrl) links.base = url.replace('127.0.0.1', 'localhost');
  return {
    app,
    jobs,
    url,
    database,
    seeded,
    close: async () => {
      await app.close();
      await jobs.stop();
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
