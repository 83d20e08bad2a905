import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { runCancellation } from './use-cases/cancel-product-orders.js';
import { runProductOrder } from './use-cases/product-orders.js';

export const productOrderJobs = (deps: Deps) => [
  // An acknowledged TMF622 order: its items by the portal's use cases. A repeated job finds the order carried out and does nothing.
  defineJob(QUEUES.productOrderRun, {
    options: { retryLimit: 10, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 120 },
    handle: (data) => runProductOrder(deps, data),
  }),
  // A cancelProductOrder request; a repeated job finds it settled and does nothing.
  defineJob(QUEUES.productOrderCancel, {
    options: { retryLimit: 10, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 120 },
    handle: (data) => runCancellation(deps, data),
  }),
];
