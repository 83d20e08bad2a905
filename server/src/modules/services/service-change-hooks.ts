import type { ServiceChangeHook } from './use-cases/apply-service-change.js';

/**
 * What must happen together with every service change, in its transaction: run by applyServiceChange
 * and createService after the row, the timeline line and the audit line, in this order, with the row
 * before and after. The place for what later work keeps in step with services — a denormalised read
 * model, an outbox record for webhooks (queued with `deps.jobs`, delivered by a job). None yet.
 */
export const SERVICE_CHANGE_HOOKS: readonly ServiceChangeHook[] = [];
