import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { isFinalGatewayError } from '../network/index.js';
import { beginActivation, markActivationFailed, runNetworkJob, runReleaseJob } from './use-cases/activation-process.js';

// A network call takes seconds: a job still active after a minute lost its process (a crash), and is
// taken up again. Retries double from a second but never wait more than a minute, so work the network
// finished is read back soon after it recovers. A job that gives up goes to the dead-letter queue,
// which puts the service where the administrator and operator staff see it.
const NETWORK_STEP = { retryLimit: 20, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 } as const;

/**
 * The activation process: a started service's first step, then one job per request to the operator
 * network (polled until answered), and the release of a deleted service's SIM. Fetched in batches,
 * each job settled on its own. A gateway error its contract calls final (a reused idempotency key,
 * an unknown request id) is a bug no retry can fix: that job fails at once.
 */
export const activationJobs = (deps: Deps) => [
  // first, so that it exists when the others name it as their dead-letter queue
  defineJob(QUEUES.activationFailed, {
    options: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60 },
    handle: (data) => markActivationFailed(deps, data),
  }),
  defineJob(QUEUES.serviceActivation, {
    options: { retryLimit: 10, retryDelay: 1, retryBackoff: true, retryDelayMax: 60, expireInSeconds: 60, deadLetter: QUEUES.activationFailed },
    batch: true,
    handle: (data) => beginActivation(deps, data),
  }),
  defineJob(QUEUES.network, {
    options: { ...NETWORK_STEP, deadLetter: QUEUES.activationFailed },
    batch: true,
    isFinal: isFinalGatewayError,
    handle: (data) => runNetworkJob(deps, data),
  }),
  defineJob(QUEUES.serviceRelease, {
    options: NETWORK_STEP,
    batch: true,
    isFinal: isFinalGatewayError,
    handle: (data) => runReleaseJob(deps, data),
  }),
];
