import type { JobPayloads, QueueName } from './queues.js';

/** pg-boss options of a queue. They are applied at every start, so a change here reaches existing databases. */
export type QueueOptions = {
  /** Fixed when the queue is first created (pg-boss keeps its partition per policy). */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  retryLimit: number;
  /** Seconds before the first retry. */
  retryDelay?: number;
  /** Doubles the delay at each retry (with jitter). */
  retryBackoff?: boolean;
  /**
   * Seconds the doubling stops at: pg-boss's own backoff grows without limit (to 18 hours at the
   * 16th retry), which leaves work that the network finished long ago waiting for hours.
   */
  retryDelayMax?: number;
  /**
   * How long a fetched job may stay active before pg-boss fails it (and so retries it): what a crashed
   * process costs its jobs. Fit it to the work (seconds for a network call).
   */
  expireInSeconds: number;
  /** Where a job goes once it has failed for good (pg-boss's dead-letter queue), to be looked after. */
  deadLetter?: QueueName;
};

/**
 * One queue and its worker, as a module declares it (`modules/<name>/<name>.jobs.ts`); the job runner
 * (`jobs/job-runner.ts`) does the rest: creating the queue, fetching, settling each job, retries.
 */
export type JobDefinition<P = unknown> = {
  queue: string;
  options: QueueOptions;
  /**
   * Fetch up to 20 jobs at a time and settle each on its own (one failing job is retried alone), a few
   * side by side on PostgreSQL. Without it, jobs are fetched one by one.
   */
  batch?: boolean;
  /** Also queued on this schedule (cron, in `tz`), carrying `data`. */
  schedule?: { cron: string; tz?: string; data: P };
  /** Also queued once at every start: work that catches up after the portal was down. */
  runAtStart?: P;
  /**
   * Errors after which another try cannot help (a caller's bug the contract calls final): the job
   * fails at once instead of using up its retries. Anything else is retried.
   */
  isFinal?: (err: unknown) => boolean;
  /**
   * Throws to fail the try. `attempt.retryCount` is 0 on the first try; `attempt.stopping()` turns
   * true once the runner stops, for long handlers to hand their work on instead of making stop wait.
   */
  handle(data: P, attempt: { retryCount: number; retryLimit: number; stopping(): boolean }): Promise<unknown>;
};

/** A definition for a queue of `jobs/queues.ts`, its handler typed by what the queue carries. */
export const defineJob = <Q extends QueueName>(queue: Q, def: Omit<JobDefinition<JobPayloads[Q]>, 'queue'>): JobDefinition<JobPayloads[Q]> => ({ queue, ...def });
