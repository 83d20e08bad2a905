import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { purgeExpiredSessions } from './auth.repository.js';

export const authJobs = (deps: Pick<Deps, 'db'>) => [
  // Expired sessions are refused on read already; this only keeps the table small.
  defineJob(QUEUES.purgeSessions, {
    options: { policy: 'singleton', retryLimit: 3, expireInSeconds: 300 },
    schedule: { cron: '17 * * * *', data: {} },
    handle: async () => {
      await purgeExpiredSessions(deps.db);
    },
  }),
];
