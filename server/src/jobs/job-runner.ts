import PgBoss from 'pg-boss';
import { transactionExecutor, type Database } from '../platform/db.js';
import { purgeExpiredSessions } from '../modules/auth/auth.repository.js';
import { runScheduledStart } from '../modules/services/use-cases/start-activation.js';
import { registerMailJobs } from '../modules/mail/mail.jobs.js';
import type { MailSettings } from '../modules/mail/mail-transport.js';
import { QUEUES, type JobQueue, type ReleaseJob, type ScheduledStartJob, type ServiceJob } from './queues.js';
import { NetworkSimulator, type SimulatorLog } from '../modules/network/index.js';
import type { CatalogPricesJob } from './queues.js';
import { applyPricesInEffect } from '../modules/catalog/use-cases/manage-catalog.js';
import { forgetCatalogSnapshot } from '../modules/catalog/catalog-snapshot.js';
import { brusselsDay } from '../platform/calendar.js';
import { beginActivation, runNetworkJob, runReleaseJob, type ActivationDeps, type NetworkJob } from '../modules/activation/use-cases/activation-process.js';

export type ActivationSettings = {
  simulator: { timeScale: number; errorRate: number; timeoutRate: number; seed: number | undefined };
  log?: SimulatorLog;
  publicUrl: () => string;
  linkTtlDays: number;
};

export type JobRunner = {
  boss: PgBoss;
  queue: JobQueue;
  activation: ActivationDeps;
  status(): { status: 'up' | 'down'; lastHeartbeatAt: string | null };
  stop(): Promise<void>;
};

const HEARTBEAT = 'system.heartbeat';
// The heartbeat is scheduled every minute; three missed beats mean the runner is not working.
const STALE_AFTER_MS = 3 * 60_000;
const PURGE_SESSIONS = 'auth.purge-expired-sessions';

/**
 * pg-boss on the application's own database, whichever driver it is. The heartbeat is the smallest
 * real job: queued, picked up by a worker, completed — /api/health reports when it last ran.
 */
export const startJobRunner = async (
  database: Database,
  log: { error(obj: unknown, msg?: string): void },
  opts: { mail?: MailSettings; activation?: ActivationSettings } = {},
): Promise<JobRunner> => {
  const boss = new PgBoss({
    db: database.sql,
    schema: 'pgboss',
    // PGlite is one connection shared with web requests: poll gently there.
    pollingIntervalSeconds: database.kind === 'pglite' ? 2 : 1,
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: 120,
  });
  let running = false;
  let lastHeartbeatAt: Date | null = null;
  const startedAt = Date.now();
  boss.on('error', (err) => log.error({ err }, 'job runner error'));

  await boss.start();
  running = true;
  await boss.createQueue(HEARTBEAT, { name: HEARTBEAT, policy: 'singleton', retryLimit: 0 });
  await boss.work(HEARTBEAT, async () => {
    lastHeartbeatAt = new Date();
  });
  await boss.schedule(HEARTBEAT, '* * * * *');
  await boss.send(HEARTBEAT, {});

  // Expired sessions are refused on read already; this only keeps the table small.
  await boss.createQueue(PURGE_SESSIONS, { name: PURGE_SESSIONS, policy: 'singleton', retryLimit: 3 });
  await boss.work(PURGE_SESSIONS, async () => {
    await purgeExpiredSessions(database.db);
  });
  await boss.schedule(PURGE_SESSIONS, '17 * * * *');

  // Prices planned for a day take effect at 00:05 in Brussels; and once at start-up, so an instance
  // that was down over midnight catches up. Idempotent: running it twice changes nothing more.
  await boss.createQueue(QUEUES.catalogPrices, { name: QUEUES.catalogPrices, policy: 'singleton', retryLimit: 5, retryBackoff: true });
  await boss.work<CatalogPricesJob>(QUEUES.catalogPrices, async ([job]) => {
    if (job) {
      await applyPricesInEffect(database.db, job.data?.asOf ?? brusselsDay(new Date()));
      forgetCatalogSnapshot(database.db);
    }
  });
  await boss.schedule(QUEUES.catalogPrices, '5 0 * * *', {}, { tz: 'Europe/Brussels' });
  await boss.send(QUEUES.catalogPrices, {});

  const queue: JobQueue = {
    send: async (tx, name, data, opts = {}) => {
      await boss.send(name, data, { ...opts, db: transactionExecutor(tx) });
    },
  };

  // Started services wait here for the activation process (network gateway, e-mail, porting).
  await boss.createQueue(QUEUES.serviceActivation, { name: QUEUES.serviceActivation, policy: 'standard', retryLimit: 10, retryBackoff: true });
  await boss.createQueue(QUEUES.scheduledStart, { name: QUEUES.scheduledStart, policy: 'standard', retryLimit: 5, retryBackoff: true });
  await boss.work<ScheduledStartJob>(QUEUES.scheduledStart, async ([job]) => {
    if (job) await runScheduledStart(database.db, queue, job.data);
  });
  // E-mail: through SMTP when configured, otherwise kept in the outbox (modules/mail).
  const mail = await registerMailJobs(boss, database.db, opts.mail);

  // The activation process talks to the operator network through the gateway; here, its simulator.
  const settings = opts.activation ?? { simulator: { timeScale: 0, errorRate: 0, timeoutRate: 0, seed: undefined }, publicUrl: () => 'http://localhost', linkTtlDays: 30 };
  const activation: ActivationDeps = {
    db: database.db,
    jobs: queue,
    gateway: new NetworkSimulator(database.db, { ...settings.simulator, log: settings.log }),
    publicUrl: settings.publicUrl,
    linkTtlDays: settings.linkTtlDays,
  };
  // Fetch jobs in batches but settle each one on its own: one failing network call is retried
  // alone, the rest of the batch completes. PGlite is one connection, so it takes them one by one.
  const parallel = database.kind === 'pglite' ? 1 : 5;
  const batch = { pollingIntervalSeconds: database.kind === 'pglite' ? 1 : 0.5, batchSize: 20 };
  const eachJob =
    <T extends object>(name: string, handle: (data: T) => Promise<unknown>) =>
    async (jobs: PgBoss.Job<T>[]) => {
      for (let i = 0; i < jobs.length; i += parallel) {
        await Promise.all(
          jobs.slice(i, i + parallel).map(async (job) => {
            try {
              await handle(job.data);
            } catch (err) {
              await boss.fail(name, job.id, { message: err instanceof Error ? err.message : String(err) });
            }
          }),
        );
      }
    };
  await boss.work<ServiceJob>(QUEUES.serviceActivation, batch, eachJob(QUEUES.serviceActivation, (data: ServiceJob) => beginActivation(activation, data)));
  await boss.createQueue(QUEUES.network, { name: QUEUES.network, policy: 'standard', retryLimit: 20, retryDelay: 1, retryBackoff: true });
  await boss.work<NetworkJob>(QUEUES.network, batch, eachJob(QUEUES.network, (data: NetworkJob) => runNetworkJob(activation, data)));

  await boss.createQueue(QUEUES.serviceRelease, { name: QUEUES.serviceRelease, policy: 'standard', retryLimit: 20, retryDelay: 1, retryBackoff: true });
  await boss.work<ReleaseJob>(QUEUES.serviceRelease, batch, eachJob(QUEUES.serviceRelease, (data: ReleaseJob) => runReleaseJob(activation, data)));

  return {
    boss,
    queue,
    activation,
    status: () => {
      const lastBeat = lastHeartbeatAt?.getTime() ?? startedAt;
      const up = running && Date.now() - lastBeat < STALE_AFTER_MS;
      return { status: up ? 'up' : 'down', lastHeartbeatAt: lastHeartbeatAt?.toISOString() ?? null };
    },
    stop: async () => {
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      mail.close();
    },
  };
};
