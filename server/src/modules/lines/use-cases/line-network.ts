import type { Deps } from '../../../deps.js';
import { SYSTEM } from '../../../platform/actor.js';
import type { Queryable } from '../../../platform/db.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import type { LineNetworkJob, ScheduledResumeJob } from '../../../jobs/queues.js';
import { loadActivation } from '../../activation/index.js';
import { mobileUserRecipient, queueMail } from '../../mail/index.js';
import { isFinalGatewayError, type RequestStatus } from '../../network/index.js';
import { applyServiceChange, findServiceRow } from '../../services/index.js';
import { cancelSimSwap, completeSimSwap } from '../../stock/index.js';
import type { LineNetworkWork, LineOperationDetails } from '../domain/line-operations.js';
import { findOperation, hasEarlierPending, liveSimOf, settleOperation, type LineOperationRow } from '../lines.repository.js';
import { liftBarAfterReplacement, queueLineWork, resumeSuspended } from './line-operations.js';

/** How long to wait before asking the network again whether a request is done: soon at first, then less often. */
const pollDelaySeconds = (polls: number) => Math.min(2 ** polls, 60);

// The timeline's note once the network has done each piece of work.
const DONE_NOTE: Record<Exclude<LineNetworkWork, 'swap' | 'barring'>, string> = {
  suspend: 'suspended_on_network',
  resume: 'resumed_on_network',
  bar: 'barred_on_network',
  unbar: 'bar_lifted_on_network',
  release_old: 'old_sim_released',
};

const keyOf = (job: LineNetworkJob, details: LineOperationDetails) => `line:${job.operationId}:${job.work}${details.attempt && details.attempt > 1 ? `:${details.attempt}` : ''}`;

/**
 * The `line.network` job: one line operation's request to the network, asked with an idempotency key
 * (a retry after a timeout reaches the same request), then polled until done or refused, whose
 * outcome is applied in one transaction that checks it was not applied already. The network hears a
 * line's operations in the order they were asked: a job waits while an earlier one is on its way.
 */
export const runLineNetworkJob = async (deps: Deps, job: LineNetworkJob): Promise<string> => {
  const scope = scopeOfJob(job);
  const op = await findOperation(deps.db, scope, job.operationId);
  if (!op) return 'gone';
  // a SIM released after its swap belongs to a finished operation; everything else waits on its own
  if (job.work !== 'release_old' && op.status !== 'pending') return 'settled';
  if (job.requestId) return lookAtAnswer(deps, scope, { ...job, requestId: job.requestId }, op);
  if (job.work !== 'release_old' && (await endedMeanwhile(deps, scope, op))) return 'superseded';
  if (job.work !== 'release_old' && (await hasEarlierPending(deps.db, scope, op))) {
    // asked again less and less often: an earlier replacement may take the network hours
    const waits = (job.polls ?? 0) + 1;
    await queueLineWork(deps.db, deps, { ...job, polls: waits }, pollDelaySeconds(waits));
    return 'waiting';
  }
  const requestId = await submit(deps, scope, job, op);
  if (!requestId) return 'released';
  try {
    return await lookAtAnswer(deps, scope, { ...job, requestId, polls: 0 }, op);
  } catch (err) {
    if (isFinalGatewayError(err)) throw err;
    await queueLineWork(deps.db, deps, { ...job, requestId, polls: 0 }, pollDelaySeconds(0));
    return 'submitted';
  }
};

/**
 * A line deleted before its request reached the network needs nothing more: the request is
 * superseded (deleting the line retired its cards and told the network already).
 */
const endedMeanwhile = async (deps: Deps, scope: CompanyScope, op: LineOperationRow) =>
  deps.db.transaction(async (tx) => {
    const service = await findServiceRow(tx, scope, op.serviceId, true);
    if (service && service.status !== 'terminated') return false;
    const current = await findOperation(tx, scope, op.id, true);
    if (current?.status !== 'pending') return true;
    await settleOperation(tx, scope, op.id, 'superseded');
    return true;
  });

/** The request for the work; null for a release, which the network does at once. */
const submit = async (deps: Deps, scope: CompanyScope, job: LineNetworkJob, op: LineOperationRow): Promise<string | null> => {
  const service = await findServiceRow(deps.db, scope, job.serviceId);
  const details = op.details as LineOperationDetails;
  const msisdn = service?.msisdn ?? '';
  const idempotencyKey = keyOf(job, details);
  if (details.kind === 'swap_sim') {
    if (job.work === 'release_old') {
      await deps.gateway.releaseSim({ idempotencyKey, msisdn, iccid: details.fromIccid });
      await deps.db.transaction(async (tx) => note(tx, deps, scope, job.serviceId, DONE_NOTE.release_old, details.fromIccid));
      return null;
    }
    if (!details.toIccid) return null; // queued only once the new card is known; nothing to ask before
    return (await deps.gateway.swapSim({ idempotencyKey, msisdn, fromIccid: details.fromIccid, toIccid: details.toIccid, kind: details.toKind })).requestId;
  }
  const sim = await liveSimOf(deps.db, scope, job.serviceId);
  const input = { idempotencyKey, msisdn, iccid: sim?.iccid ?? '' };
  if (details.kind === 'set_barring') return (await deps.gateway.setBarring({ ...input, barring: details.barring, barred: details.barred })).requestId;
  const call = { suspend: 'suspendLine', resume: 'resumeLine', bar: 'barLine', unbar: 'unbarLine' } as const;
  return (await deps.gateway[call[details.kind]](input)).requestId;
};

const note = async (tx: Queryable, deps: Deps, scope: CompanyScope, serviceId: string, timeline: string, reason: string | null = null) => {
  const service = await findServiceRow(tx, scope, serviceId, true);
  if (service) await applyServiceChange(tx, deps, scope, SYSTEM, service, { timeline, reason });
};

const lookAtAnswer = async (deps: Deps, scope: CompanyScope, job: LineNetworkJob & { requestId: string }, op: LineOperationRow) => {
  const outcome = await deps.gateway.getRequest(job.requestId);
  if (outcome.status === 'pending') {
    const polls = (job.polls ?? 0) + 1;
    await queueLineWork(deps.db, deps, { ...job, polls }, pollDelaySeconds(polls - 1));
    return 'pending';
  }
  await deps.db.transaction(async (tx) => applyOutcome(tx, deps, scope, job, op.id, outcome));
  return outcome.status;
};

const applyOutcome = async (tx: Queryable, deps: Deps, scope: CompanyScope, job: LineNetworkJob, operationId: string, outcome: Exclude<RequestStatus, { status: 'pending' }>) => {
  const op = await findOperation(tx, scope, operationId, true);
  if (!op || op.status !== 'pending') return; // applied already: a repeated job changes nothing
  const details = op.details as LineOperationDetails;
  if (outcome.status === 'refused') {
    await settleOperation(tx, scope, op.id, 'failed');
    if (details.kind === 'swap_sim' && details.toIccid) await cancelSimSwap(tx, scope, op.serviceId, details.toIccid);
    await note(tx, deps, scope, op.serviceId, 'line_operation_refused', outcome.message);
    return;
  }
  await settleOperation(tx, scope, op.id, 'done');
  if (details.kind === 'set_barring') {
    await note(tx, deps, scope, op.serviceId, details.barred ? 'barring_set_on_network' : 'barring_lifted_on_network', details.barring);
    return;
  }
  if (details.kind !== 'swap_sim') {
    await note(tx, deps, scope, op.serviceId, DONE_NOTE[details.kind]);
    return;
  }
  if (!details.toIccid) return;
  await completeSimSwap(tx, scope, op.serviceId, details.fromIccid, details.toIccid);
  let service = await findServiceRow(tx, scope, op.serviceId, true);
  if (!service) return;
  // a lost line's replacement is live: the bar goes with it; any other line just notes the new SIM
  if (service.status === 'barred') service = await liftBarAfterReplacement(tx, deps, scope, service, details.toIccid);
  else service = (await applyServiceChange(tx, deps, scope, SYSTEM, service, { timeline: 'sim_replaced', reason: details.toIccid })).after;
  await queueLineWork(tx, deps, { ...job, work: 'release_old', requestId: undefined, polls: undefined });
  const a = await loadActivation(tx, scope, op.serviceId);
  if (a && service.msisdn) {
    await queueMail(tx, deps.jobs, {
      template: 'service_active',
      data: { audience: 'user', msisdn: service.msisdn },
      companyId: scope.companyId,
      to: mobileUserRecipient(a.user),
      language: a.user.language,
    });
  }
};

/**
 * The dead-letter queue of `line.network`: the network never confirmed the work (every retry spent).
 * The operation says so on the service page and its timeline; a replacement SIM goes back to stock.
 */
export const markLineOperationFailed = async (deps: Deps, job: LineNetworkJob) =>
  deps.db.transaction(async (tx) => {
    const scope = scopeOfJob(job);
    const op = await findOperation(tx, scope, job.operationId, true);
    if (!op || op.status !== 'pending') return false;
    const details = op.details as LineOperationDetails;
    await settleOperation(tx, scope, op.id, 'failed');
    if (details.kind === 'swap_sim' && details.toIccid) await cancelSimSwap(tx, scope, op.serviceId, details.toIccid);
    await note(tx, deps, scope, op.serviceId, 'line_operation_failed', op.kind);
    return true;
  });

/**
 * The `line.scheduled-resume` job: the suspension's end date has come. Does nothing when the line was
 * resumed by hand meanwhile, or suspended again with another end (that suspension has its own job).
 */
export const runScheduledResume = async (deps: Deps, job: ScheduledResumeJob) =>
  deps.db.transaction(async (tx) => {
    const scope = scopeOfJob(job);
    const service = await findServiceRow(tx, scope, job.serviceId, true);
    if (!service || service.status !== 'suspended' || service.suspendedUntil?.toISOString() !== job.until) return false;
    await resumeSuspended(tx, deps, scope, SYSTEM, service, 'en', true);
    return true;
  });
