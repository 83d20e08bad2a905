import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import type { CallbackPolicy } from './domain/callback-url.js';
import { deliverEvent } from './use-cases/webhooks.js';

/**
 * Webhook deliveries: a receiver that is down gets the event later. Retries double from 5 seconds up
 * to an hour (5 s, 10 s, 20 s … 1 h, 1 h …): 40 tries span about 31 hours, past the 24 hours after
 * which a failing hub is disabled anyway. Jobs are fetched 20 at a time (one poll, not one per
 * event); the expiry covers a batch of slow receivers. Whatever pg-boss does with an expired job,
 * the delivery row's lease and status keep an event from being sent twice.
 */
export const WEBHOOK_RETRY = { retryLimit: 40, retryDelay: 5, retryBackoff: true, retryDelayMax: 3600, expireInSeconds: 300 } as const;

export const webhookJobs = (deps: Deps, callbacks: CallbackPolicy) => [
  defineJob(QUEUES.webhookDeliver, {
    options: WEBHOOK_RETRY,
    batch: true,
    handle: (data, attempt) => deliverEvent(deps, callbacks, data, attempt),
  }),
];
