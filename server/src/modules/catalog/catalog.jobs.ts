import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { brusselsDay } from '../../platform/calendar.js';
import { forgetCatalogSnapshot } from './catalog-snapshot.js';
import { applyPricesInEffect } from './use-cases/manage-catalog.js';

export const catalogJobs = (deps: Pick<Deps, 'db' | 'clock'>) => [
  // Prices planned for a day take effect at 00:05 in Brussels; and once at start-up, so an instance
  // that was down over midnight catches up. Idempotent: running it twice changes nothing more.
  defineJob(QUEUES.catalogPrices, {
    options: { policy: 'singleton', retryLimit: 5, retryBackoff: true, expireInSeconds: 300 },
    schedule: { cron: '5 0 * * *', tz: 'Europe/Brussels', data: {} },
    runAtStart: {},
    handle: async (data) => {
      await applyPricesInEffect(deps.db, data?.asOf ?? brusselsDay(deps.clock.now()));
      forgetCatalogSnapshot(deps.db);
    },
  }),
];
