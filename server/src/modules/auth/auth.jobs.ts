import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import { purgeExpiredSessions } from './auth.repository.js';
import { purgeExpiredChallengesAndResets } from './sign-in-security.repository.js';
import { sendPasswordResetLink } from './use-cases/password-reset.js';
import { sendEmployeeSignInLinks } from './use-cases/employee-sign-in.js';
import { purgeExpiredEmployeeSessions } from './employee-sessions.repository.js';

export const authJobs = (deps: Deps) => [
  defineJob(QUEUES.passwordResetRequest, {
    options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, retryDelayMax: 120, expireInSeconds: 60 },
    handle: async ({ email }) => {
      await sendPasswordResetLink(deps, email);
    },
  }),
  defineJob(QUEUES.employeeSignInRequest, {
    options: { retryLimit: 5, retryDelay: 5, retryBackoff: true, retryDelayMax: 120, expireInSeconds: 60 },
    handle: async ({ email }) => {
      await sendEmployeeSignInLinks(deps, email);
    },
  }),
  // Expired sessions are refused on read already; this only keeps the table small.
  defineJob(QUEUES.purgeSessions, {
    options: { policy: 'singleton', retryLimit: 3, expireInSeconds: 300 },
    schedule: { cron: '17 * * * *', data: {} },
    handle: async () => {
      await purgeExpiredSessions(deps.db);
      await purgeExpiredChallengesAndResets(deps.db, deps.clock.now());
      await purgeExpiredEmployeeSessions(deps.db, deps.clock.now());
    },
  }),
];
