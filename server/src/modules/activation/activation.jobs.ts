import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { isFinalGatewayError } from '../network/index.js';
import { beginActivation, runNetworkJob, runReleaseJob } from './use-cases/activation-process.js';

/**
 * The activation process: a started service's first step, then one job per request to the operator
 * network (polled until answered), and the release of a deleted service's SIM. Fetched in batches,
 * each job settled on its own. A gateway error its contract calls final (a reused idempotency key,
 * an unknown request id) is a bug no retry can fix: that job fails at once.
 */
export const activationJobs = (deps: Deps) => [
  defineJob(QUEUES.serviceActivation, {
    options: { retryLimit: 10, retryBackoff: true },
    batch: true,
    handle: (data) => beginActivation(deps, data),
  }),
  defineJob(QUEUES.network, {
    options: { retryLimit: 20, retryDelay: 1, retryBackoff: true },
    batch: true,
    isFinal: isFinalGatewayError,
    handle: (data) => runNetworkJob(deps, data),
  }),
  defineJob(QUEUES.serviceRelease, {
    options: { retryLimit: 20, retryDelay: 1, retryBackoff: true },
    batch: true,
    isFinal: isFinalGatewayError,
    handle: (data) => runReleaseJob(deps, data),
  }),
];
