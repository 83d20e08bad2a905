import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { runImportLane } from './use-cases/run-import.js';

export const importsJobs = (deps: Deps) => [
  // A slice of a few seconds per job: a crashed worker's job expires soon and its retry goes on.
  defineJob(QUEUES.importRun, {
    options: { retryLimit: 20, retryDelay: 2, retryBackoff: true, retryDelayMax: 30, expireInSeconds: 60 },
    batch: true,
    handle: (data, attempt) => runImportLane(deps, data, attempt.stopping),
  }),
];
