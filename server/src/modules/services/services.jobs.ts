import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { runScheduledStart } from './use-cases/start-activation.js';

export const servicesJobs = (deps: Deps) => [
  // A waiting service starts at the date and time the administrator chose (or later, after a restart).
  defineJob(QUEUES.scheduledStart, {
    options: { retryLimit: 5, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 },
    handle: (data) => runScheduledStart(deps, data),
  }),
];
