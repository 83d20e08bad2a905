import { webhookServiceHook } from '../public-api/index.js';
import type { ServiceChangeHook } from './use-cases/apply-service-change.js';

/**
 * What must happen together with every service change, in its transaction: run by applyServiceChange
 * and createService after the row, the timeline line and the audit line, in this order, with the row
 * before and after. The place for what later work keeps in step with services — a denormalised read
 * model, an outbox record for webhooks (queued with `deps.jobs`, delivered by a job).
 */
export const SERVICE_CHANGE_HOOKS: readonly ServiceChangeHook[] = [
  // the public API's events (TMF638 service, TMF622 order): a delivery row and job per subscribed hub.
  // Called through a function: the public API uses the services module too, and whichever of the two
  // loads first must not find the other's export not yet there.
  (tx, change, deps) => webhookServiceHook(tx, change, deps),
];
