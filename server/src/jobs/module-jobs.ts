import type { Deps } from '../deps.js';
import { activationJobs } from '../modules/activation/activation.jobs.js';
import { authJobs } from '../modules/auth/auth.jobs.js';
import { bulkActionsJobs } from '../modules/bulk-actions/bulk-actions.jobs.js';
import { catalogJobs } from '../modules/catalog/catalog.jobs.js';
import type { MailTransport } from '../modules/mail/index.js';
import { importsJobs } from '../modules/imports/imports.jobs.js';
import { linesJobs } from '../modules/lines/lines.jobs.js';
import { mailJobs } from '../modules/mail/mail.jobs.js';
import { servicesJobs } from '../modules/services/services.jobs.js';
import { usageJobs } from '../modules/usage/usage.jobs.js';
import { productOrderJobs } from '../modules/public-api/product-orders.jobs.js';
import { webhookJobs } from '../modules/public-api/webhooks.jobs.js';
import type { CallbackPolicy } from '../modules/public-api/domain/callback-url.js';
import type { JobDefinition } from './define-job.js';

/**
 * Every module's queues, for the job runner. A new module with durable work adds its `*.jobs.ts` here.
 * `callbacks`: where webhooks may go (from the configuration); production's rules when not given.
 */
export const moduleJobs = (deps: Deps, mail: MailTransport | null, callbacks: CallbackPolicy = { production: true }): JobDefinition<any>[] => [
  ...authJobs(deps),
  ...catalogJobs(deps),
  ...servicesJobs(deps),
  ...activationJobs(deps),
  ...linesJobs(deps),
  ...mailJobs(deps, mail),
  ...importsJobs(deps),
  ...usageJobs(deps),
  ...bulkActionsJobs(deps),
  ...productOrderJobs(deps),
  ...webhookJobs(deps, callbacks),
];
