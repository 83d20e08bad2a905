import type { Config } from './config/config.js';
import type { JobRunnerStatus } from './jobs/job-runner.js';
import type { JobQueue } from './jobs/queues.js';
import type { NetworkGateway } from './modules/network/network-gateway.js';
import type { Clock } from './platform/clock.js';
import type { Database, Db } from './platform/db.js';

/** Where people reach the portal, for the links the portal sends them. */
export type Links = {
  /** PUBLIC_URL, or else the address the portal ended up listening on; without a trailing slash. */
  publicUrl(): string;
  /** How long an employee's personal activation link works. */
  activationLinkTtlDays: number;
};

/**
 * What a use case may need from the rest of the portal — one shape for all of them, built once in
 * `portal.ts` and handed to both the HTTP app and the job runner's workers, so a job and a request
 * run the same use case with the same database, queue, network and clock.
 */
export type Deps = {
  db: Db;
  /** Queues durable work inside the caller's transaction. */
  jobs: JobQueue;
  /** The operator network (its simulator unless a real adapter is configured). */
  gateway: NetworkGateway;
  links: Links;
  clock: Clock;
};

/** What the routes get: the use cases' dependencies and what only HTTP needs (configuration, health). */
export type AppDeps = Deps & {
  config: Config;
  database: Database;
  jobStatus(): JobRunnerStatus;
};
