import PgBoss from 'pg-boss';
import { transactionExecutor, type Database } from '../platform/db.js';
import type { JobDefinition } from './define-job.js';
import type { JobQueue } from './queues.js';

export type JobRunnerStatus = { status: 'up' | 'down'; lastHeartbeatAt: string | null };

export type JobRunner = {
  boss: PgBoss;
  /** Queues work inside the caller's transaction; usable once the runner has started. */
  queue: JobQueue;
  /** Starts pg-boss, creates (or updates) each definition's queue and starts its worker. */
  start(definitions: readonly JobDefinition<any>[]): Promise<void>;
  status(): JobRunnerStatus;
  /** Fetches nothing more and resolves once every running job has finished: only then may the database close. */
  stop(): Promise<void>;
};

export type JobLog = { error(obj: unknown, msg?: string): void };

const SCHEMA = 'pgboss';
const HEARTBEAT = 'system.heartbeat';
// The heartbeat is scheduled every minute; three missed beats mean the runner is not working.
const STALE_AFTER_MS = 3 * 60_000;
// How long stop() lets pg-boss wait for running jobs before it marks them failed (to be retried);
// stop() itself still waits for their handlers to return, so none runs on a closed database.
const STOP_WAIT_MS = 30_000;

// pg-boss notices jobs that outstayed their expiry (their process died) only when it runs its
// maintenance: this interval plus a queue's expiry is what a crash costs that queue's jobs.
const MAINTENANCE_INTERVAL_SECONDS = 30;

export type JobRunnerOptions = { stopWaitMs?: number; maintenanceIntervalSeconds?: number };

const errorOutput = (err: unknown) => ({ message: err instanceof Error ? err.message : String(err), ...(err instanceof Error ? { name: err.name } : {}) });

/**
 * pg-boss on the application's own database, whichever driver it is. Only generic wiring lives here;
 * each module declares its queues (`defineJob` in its `*.jobs.ts`). The heartbeat is the smallest
 * real job: queued, picked up by a worker, completed — /api/health reports when it last ran.
 */
export const createJobRunner = (database: Database, log: JobLog, opts: JobRunnerOptions = {}): JobRunner => {
  // Once stop() has returned, pg-boss may not touch the database: it completes a job without awaiting
  // the query, and a fetch in flight while it stops still hands its jobs over afterwards — both would
  // reach a pool the portal is closing, as an unhandled rejection. Such a query never answers instead
  // (pg-boss reads whatever comes back, so no made-up answer will do; a promise that never settles
  // holds no timer and keeps nothing alive): the job stays active and is taken up again after its
  // queue's expiry, as after a crash.
  let detached = false;
  const bossDb = {
    executeSql: (text: string, values?: unknown[]) =>
      detached ? new Promise<{ rows: unknown[] }>(() => undefined) : database.sql.executeSql(text, values),
  };
  const boss = new PgBoss({
    db: bossDb,
    schema: SCHEMA,
    // PGlite is one connection shared with web requests: poll gently there.
    pollingIntervalSeconds: database.kind === 'pglite' ? 2 : 1,
    monitorStateIntervalSeconds: 60,
    maintenanceIntervalSeconds: opts.maintenanceIntervalSeconds ?? MAINTENANCE_INTERVAL_SECONDS,
  });
  boss.on('error', (err) => log.error({ err }, 'job runner error'));
  let running = false;
  let lastHeartbeatAt: Date | null = null;
  const startedAt = Date.now();
  // Every handler that has not returned yet: stop() waits for them.
  const inFlight = new Set<Promise<unknown>>();

  const queue: JobQueue = {
    send: async (tx, name, data, opts = {}) => {
      await boss.send(name, data, { ...opts, db: transactionExecutor(tx) });
    },
  };

  // pg-boss has no "fail without retry": a final failure first spends the job's remaining retries.
  const failFinally = async (name: string, id: string, err: unknown) => {
    await database.sql.executeSql(`update ${SCHEMA}.job set retry_limit = retry_count where name = $1 and id = $2`, [name, id]);
    await boss.fail(name, id, errorOutput(err));
  };

  // pg-boss doubles a job's delay at every retry without limit; past the queue's cap the job waits the
  // cap (with some jitter, so that many jobs failing together do not come back together).
  const capBackoff = async (name: string, id: string, max: number) => {
    await database.sql.executeSql(
      `update ${SCHEMA}.job set retry_delay = ceil($3::int * (0.75 + random() / 4)), retry_backoff = false
        where name = $1 and id = $2 and retry_backoff and retry_delay * 2 ^ least(16, retry_count + 1) > $3::int`,
      [name, id, max],
    );
  };

  // PGlite is one connection, so it takes jobs one by one; PostgreSQL a few side by side.
  const parallel = database.kind === 'pglite' ? 1 : 5;
  const batchFetch = { batchSize: 20, pollingIntervalSeconds: database.kind === 'pglite' ? 1 : 0.5 };

  // The policy is always named: pg-boss's updateQueue would otherwise reset it to 'standard'.
  const queueOptions = (def: JobDefinition<any>) => {
    const { retryDelayMax: _max, policy, ...options } = def.options;
    return { name: def.queue, policy: policy ?? 'standard', ...options };
  };
  // Every queue exists before any names it as its dead-letter queue (pg-boss checks the reference).
  const create = async (def: JobDefinition<any>) => {
    const { deadLetter: _later, ...options } = queueOptions(def);
    await boss.createQueue(def.queue, options);
  };

  const register = async (def: JobDefinition<any>) => {
    // createQueue leaves an existing queue as it was: bring its options up to date
    await boss.updateQueue(def.queue, queueOptions(def));
    // Each job is settled on its own: a failure fails that job only (retried with the queue's
    // backoff, or at once for good when the definition calls the error final); pg-boss completes the rest.
    const settle = async (job: PgBoss.JobWithMetadata<unknown>) => {
      // fetched while the runner stops: not run now, retried later (by this instance's successor)
      if (!running) throw new Error('job runner stopping: the job is retried later');
      const run = (async () => {
        try {
          await def.handle(job.data, { retryCount: job.retryCount, retryLimit: job.retryLimit, stopping: () => !running });
        } catch (err) {
          if (def.isFinal?.(err)) {
            log.error({ err, queue: def.queue, jobId: job.id }, 'job failed for good (final error, not retried)');
            await failFinally(def.queue, job.id, err);
          } else {
            if (def.options.retryDelayMax !== undefined) await capBackoff(def.queue, job.id, def.options.retryDelayMax);
            await boss.fail(def.queue, job.id, errorOutput(err));
          }
        }
      })();
      inFlight.add(run);
      try {
        await run;
      } finally {
        inFlight.delete(run);
      }
    };
    const workOptions = def.batch ? { ...batchFetch, includeMetadata: true as const } : { includeMetadata: true as const };
    await boss.work<unknown>(def.queue, workOptions, async (jobs) => {
      const step = def.batch ? parallel : 1;
      for (let i = 0; i < jobs.length; i += step) await Promise.all(jobs.slice(i, i + step).map(settle));
    });
    if (def.schedule) await boss.schedule(def.queue, def.schedule.cron, def.schedule.data as object, def.schedule.tz ? { tz: def.schedule.tz } : {});
    if (def.runAtStart !== undefined) await boss.send(def.queue, def.runAtStart as object);
  };

  return {
    boss,
    queue,
    start: async (definitions) => {
      await boss.start();
      running = true;
      await boss.createQueue(HEARTBEAT, { name: HEARTBEAT, policy: 'singleton', retryLimit: 0, expireInSeconds: 60 });
      await boss.work(HEARTBEAT, async () => {
        lastHeartbeatAt = new Date();
      });
      await boss.schedule(HEARTBEAT, '* * * * *');
      await boss.send(HEARTBEAT, {});
      for (const def of definitions) await create(def);
      for (const def of definitions) await register(def);
    },
    status: () => {
      const lastBeat = lastHeartbeatAt?.getTime() ?? startedAt;
      const up = running && Date.now() - lastBeat < STALE_AFTER_MS;
      return { status: up ? 'up' : 'down', lastHeartbeatAt: lastHeartbeatAt?.toISOString() ?? null };
    },
    stop: async () => {
      running = false;
      await boss.stop({ graceful: true, wait: true, timeout: opts.stopWaitMs ?? STOP_WAIT_MS });
      // pg-boss stops waiting after a while; a handler still running then must not outlive the pool
      await Promise.allSettled([...inFlight]);
      detached = true;
    },
  };
};

