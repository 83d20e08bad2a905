import PgBoss from 'pg-boss';
import { transactionExecutor, type Database } from '../platform/db.js';
import { purgeExpiredSessions } from '../modules/auth/auth.repository.js';
import { runScheduledStart } from '../modules/services/use-cases/start-activation.js';
import { QUEUES, type JobQueue, type ScheduledStartJob } from './queues.js';

export type JobRunner = {
  boss: PgBoss;
  queue: JobQueue;
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
export const startJobRunner = async (database: Database, log: { error(obj: unknown, msg?: string): void }): Promise<JobRunner> => {
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

  return {
    boss,
    queue,
    status: () => {
      const lastBeat = lastHeartbeatAt?.getTime() ?? startedAt;
      const up = running && Date.now() - lastBeat < STALE_AFTER_MS;
      return { status: up ? 'up' : 'down', lastHeartbeatAt: lastHeartbeatAt?.toISOString() ?? null };
    },
    stop: async () => {
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
};
