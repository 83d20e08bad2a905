import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { isFinalGatewayError } from '../network/index.js';
import { markLineOperationFailed, runLineNetworkJob, runScheduledResume } from './use-cases/line-network.js';

// As the activation's network steps: a job still active after a minute lost its process; retries
// double from a second up to a minute, so a barred line is barred soon after the network recovers.
const NETWORK_STEP = { retryLimit: 20, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 } as const;

/** The line operations' work: each request to the network, its dead letters, and suspensions that end by themselves. */
export const linesJobs = (deps: Deps) => [
  // first, so that it exists when the network queue names it as its dead-letter queue
  defineJob(QUEUES.lineOperationFailed, {
    options: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 },
    handle: (data) => markLineOperationFailed(deps, data),
  }),
  defineJob(QUEUES.lineNetwork, {
    options: { ...NETWORK_STEP, deadLetter: QUEUES.lineOperationFailed },
    batch: true,
    isFinal: isFinalGatewayError,
    handle: (data) => runLineNetworkJob(deps, data),
  }),
  defineJob(QUEUES.scheduledResume, {
    options: { retryLimit: 5, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 },
    handle: (data) => runScheduledResume(deps, data),
  }),
];
