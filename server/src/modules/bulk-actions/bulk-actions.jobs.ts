import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { runBulkAction } from './use-cases/run-bulk-action.js';

export const bulkActionsJobs = (deps: Deps) => [
  // A slice of a few seconds per job: a crashed worker's job expires soon and its retry goes on.
  defineJob(QUEUES.bulkAction, {
    options: { retryLimit: 20, retryDelay: 2, retryBackoff: true, retryDelayMax: 30, expireInSeconds: 60 },
    handle: (data, attempt) => runBulkAction(deps, data, attempt.stopping),
  }),
];
