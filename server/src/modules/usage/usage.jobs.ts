import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { catchUpUsage, loadUsageDay } from './use-cases/load-usage.js';
import { endRoamingBlock, evaluateUsageAlerts } from './use-cases/usage-alerts.js';

export const usageJobs = (deps: Deps) => [
  // The operator's files of a day are final early in the morning; and once at start-up, so days
  // missed while the portal was down are loaded. Loading is idempotent, so a retry or an overlap
  // with the daily run loads nothing twice. Each day commits on its own, so a catch-up longer than
  // the expiry (a large fleet after a long stop) is failed and retried where it got to; a try still
  // running beside its retry is harmless, as both claim each day's file and only one loads it.
  defineJob(QUEUES.usageLoad, {
    options: { policy: 'singleton', retryLimit: 10, retryBackoff: true, retryDelayMax: 600, expireInSeconds: 300 },
    schedule: { cron: '30 5 * * *', tz: 'Europe/Brussels', data: {} },
    runAtStart: {},
    handle: async (data) => (data?.day ? loadUsageDay(deps, data.day) : catchUpUsage(deps)),
  }),
  // Queued by the loader with each file it loads, one per company: safe to run twice or side by side
  // (each crossing's key is claimed once, and only its claimer sends the e-mails).
  defineJob(QUEUES.usageAlerts, {
    options: { retryLimit: 10, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 300 },
    handle: (data) => evaluateUsageAlerts(deps, data),
  }),
  defineJob(QUEUES.roamingRearm, {
    options: { retryLimit: 10, retryBackoff: true, retryDelayMax: 300, expireInSeconds: 60 },
    handle: (data) => endRoamingBlock(deps, data),
  }),
];
