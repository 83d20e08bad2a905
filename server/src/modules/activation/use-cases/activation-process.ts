import type { Deps } from '../../../deps.js';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import type { Queryable } from '../../../platform/db.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import { QUEUES, type FailedActivationJob, type NetworkJob, type ReleaseJob, type ServiceJob } from '../../../jobs/queues.js';
import { writeDeletionLines, writeNewServiceLines } from '../../billing/index.js';
import { mobileUserRecipient, queueMail } from '../../mail/index.js';
import { isFinalGatewayError, type RequestStatus } from '../../network/index.js';
import { operatorStaffToTell } from '../../companies/index.js';
import { nextStatus, type LifecycleEvent, type ServiceStatus } from '../../services/domain/lifecycle.js';
import { applyServiceChange, findServiceRow, hasServiceEvent, type ServiceChange } from '../../services/index.js';
import { assignStock, moveNumber, retireSimsOf } from '../../stock/index.js';
import { isComplete, linkExpiresAt, pollDelaySeconds, waitsForNumber } from '../domain/activation-rules.js';
import { companyAdmins, insertLink, loadActivation, updatePortIn, type Activation } from '../activation.repository.js';
import { queueEsimQrMail } from './esim-code.js';

/**
 * One step of the process on the service: through the one service writer (transition table, row,
 * timeline, audit line), and the activation sees the row as it is now.
 */
export const changeActivation = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, actor: Actor, change: ServiceChange) => {
  a.service = (await applyServiceChange(tx, deps, scope, actor, a.service, change)).after;
};

const queueNetwork = async (tx: Queryable, deps: Deps, job: NetworkJob, startAfterSeconds = 0) => {
  // a delay for pg-boss, which compares it with the database's clock: real time, not the portal's clock
  const opts = startAfterSeconds > 0 ? { startAfter: new Date(Date.now() + startAfterSeconds * 1000) } : {};
  await deps.jobs.send(tx, QUEUES.network, job, opts);
};

const trackOf = (a: Activation) => ({
  hasSim: a.service.simChoice !== null,
  simProvisioned: a.service.simProvisionedAt !== null,
  hasNumber: a.service.numberSource !== null,
  numberLive: a.service.numberLiveAt !== null,
});

/** Sends the employee a new personal link (the previous one stops working). */
export const sendActivationMail = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, actor: Actor, opts: { replacement?: boolean } = {}) => {
  const token = newToken();
  const expiresAt = linkExpiresAt(deps.clock.now(), deps.links.activationLinkTtlDays);
  await insertLink(tx, scope, { serviceId: a.service.id, tokenHash: sha256(token), sentTo: a.user.email, expiresAt });
  await queueMail(tx, deps.jobs, {
    template: 'activation',
    data: {
      sim: a.service.simChoice === 'esim' && !opts.replacement ? 'esim' : 'physical',
      replacement: opts.replacement ?? false,
      activationUrl: `${deps.links.publicUrl()}/activate/${token}`,
      msisdn: a.service.msisdn,
      numberSource: a.service.numberSource,
      expiresAt,
    },
    companyId: scope.companyId,
    to: mobileUserRecipient(a.user),
    language: a.user.language,
  });
  await changeActivation(tx, deps, scope, a, actor, { timeline: 'activation_link_sent', reason: a.user.email, audit: { after: { sentTo: a.user.email } } });
};

/**
 * The `service.activation` job: starting the activation process starts everything at once — the
 * e-mail to the employee, the port-in, and the provisioning when nobody has to type anything in.
 */
export const beginActivation = async (deps: Deps, job: ServiceJob) =>
  deps.db.transaction(async (tx) => {
    const scope = scopeOfJob(job);
    const a = await loadActivation(tx, scope, job.serviceId, true);
    if (!a || a.service.status !== 'activation_started') return false; // already begun: a repeated job does nothing
    if (a.portIn && a.portIn.status === 'draft') {
      await updatePortIn(tx, scope, a.portIn.id, { status: 'submitted', attempt: 1 });
      await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'port_in', attempt: 1 });
      await changeActivation(tx, deps, scope, a, SYSTEM, { timeline: 'port_in_submitted' });
    }
    if (a.service.activationMethod === 'email' && a.service.simChoice !== null) {
      await changeActivation(tx, deps, scope, a, SYSTEM, { event: 'wait_for_user' });
      await sendActivationMail(tx, deps, scope, a, SYSTEM);
    } else {
      await startProvisioning(tx, deps, scope, a, SYSTEM);
    }
    return true;
  });

/**
 * Provisioning starts: the SIM or eSIM is activated on the network (a service without SIM has
 * nothing to wait for). `step` names the timeline line and the fields that change with it (the
 * employee pressing Activate).
 */
export const startProvisioning = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, actor: Actor, step: Pick<ServiceChange, 'timeline' | 'fields'> = {}) => {
  const withoutSim = a.service.simChoice === null;
  await changeActivation(tx, deps, scope, a, actor, { event: 'provision', ...step, fields: { ...step.fields, ...(withoutSim ? { simProvisionedAt: deps.clock.now() } : {}) } });
  if (withoutSim) {
    await settle(tx, deps, scope, a);
    return;
  }
  await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'provision', attempt: 1 });
};

/** After each piece of news: active when both halves are done, "porting" when only the number is missing. */
export const settle = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation) => {
  const track = trackOf(a);
  if (a.service.status === 'porting_refused') return; // the administrator has to correct the port first
  if (isComplete(track) && (a.service.status === 'provisioning' || a.service.status === 'porting')) {
    const now = deps.clock.now();
    await changeActivation(tx, deps, scope, a, SYSTEM, { event: 'activate', fields: { activatedAt: now }, timeline: 'activated' });
    await assignStock(tx, scope, a.service.id);
    // billed from the day it became active
    await writeNewServiceLines(tx, scope, a.service, now);
    if (a.service.portFromServiceId) await endOldService(tx, deps, scope, a);
    if (a.service.msisdn) {
      await queueMail(tx, deps.jobs, {
        template: 'service_active',
        data: { audience: 'user', msisdn: a.service.msisdn },
        companyId: scope.companyId,
        to: mobileUserRecipient(a.user),
        language: a.user.language,
      });
      // and the administrator who ordered the line, while they can still sign in
      const orderedBy = a.service.createdByAccountId ? (await companyAdmins(tx, scope)).find((admin) => admin.id === a.service.createdByAccountId) : undefined;
      if (orderedBy) {
        await queueMail(tx, deps.jobs, {
          template: 'service_active',
          data: { audience: 'admin', msisdn: a.service.msisdn, userName: `${a.user.firstName} ${a.user.lastName}`, companyName: a.companyName, portalUrl: deps.links.publicUrl() },
          companyId: scope.companyId,
          to: { address: orderedBy.email, name: orderedBy.fullName },
          language: orderedBy.language,
        });
      }
    }
    return;
  }
  if (waitsForNumber(track) && a.service.status === 'provisioning') {
    await changeActivation(tx, deps, scope, a, SYSTEM, { event: 'await_number' });
    // a number moving within the company leaves its old service once the new SIM works
    if (a.service.numberSource === 'port_internal') {
      await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'move_number', attempt: 1 });
    }
  }
};

/** Porting within the organisation: the number has moved, so the service it came from ends. */
const endOldService = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation) => {
  const old = await findServiceRow(tx, scope, a.service.portFromServiceId!, true);
  if (!old || !nextStatus(old.status, 'terminate')) return;
  const endedAt = deps.clock.now();
  await applyServiceChange(tx, deps, scope, SYSTEM, old, { event: 'terminate', fields: { endedAt, endReason: 'number_moved' }, timeline: 'terminated', reason: a.service.id });
  // the old line stops being billed the day its number leaves it
  await writeDeletionLines(tx, scope, old, endedAt);
  // its SIM is retired; its fixed number stays where it is
  await retireSimsOf(tx, scope, old.id);
  await moveNumber(tx, scope, a.service.msisdn!, a.service.id);
};

const idempotencyKey = (job: NetworkJob) => `${job.work}:${job.serviceId}:${job.attempt}`;

/**
 * The `network.request` job: asks the network (idempotently: a retry after a timeout reuses the
 * key), then looks at the answer — pending: look again later; done or refused: apply it in one
 * transaction that first checks it was not applied already, so a repeated job changes nothing.
 * Each gateway call is its own step: once the network has accepted the request, a failed look at
 * the answer is retried as a look (a job carrying the request id), never by asking again.
 */
export const runNetworkJob = async (deps: Deps, job: NetworkJob) => {
  const scope = scopeOfJob(job);
  const a = await loadActivation(deps.db, scope, job.serviceId);
  if (!a) return 'gone';
  if (!job.requestId) {
    const requestId = await submitNetworkRequest(deps, job, a);
    if (!requestId) return 'nothing_to_ask';
    try {
      return await lookAtAnswer(deps, scope, { ...job, requestId, polls: 0 });
    } catch (err) {
      if (isFinalGatewayError(err)) throw err;
      await queueNetwork(deps.db, deps, { ...job, requestId, polls: 0 }, pollDelaySeconds(0));
      return 'submitted';
    }
  }
  return lookAtAnswer(deps, scope, { ...job, requestId: job.requestId });
};

/** Hands the work to the network; null when there is nothing to ask (the SIM or port-in is gone). */
const submitNetworkRequest = async (deps: Deps, job: NetworkJob, a: Activation): Promise<string | null> => {
  const key = idempotencyKey(job);
  if (job.work === 'provision') {
    if (!a.sim) return null;
    return (await deps.gateway.provisionSim({ idempotencyKey: key, msisdn: a.service.msisdn ?? '', iccid: a.sim.iccid, kind: a.sim.kind })).requestId;
  }
  if (job.work === 'port_in') {
    const p = a.portIn;
    if (!p) return null;
    const request = await deps.gateway.submitPortIn({
      idempotencyKey: key,
      msisdn: p.msisdn,
      donorOperator: p.donorOperator,
      accountType: p.accountType,
      customerNumber: p.customerNumber ?? undefined,
      donorSimNumber: p.donorSimNumber ?? undefined,
      holderName: p.holderName,
    });
    return request.requestId;
  }
  return (await deps.gateway.moveNumber({ idempotencyKey: key, msisdn: a.service.msisdn!, toIccid: a.sim?.iccid })).requestId;
};

const lookAtAnswer = async (deps: Deps, scope: CompanyScope, job: NetworkJob & { requestId: string }) => {
  const outcome = await deps.gateway.getRequest(job.requestId);
  if (outcome.status === 'pending') {
    const polls = (job.polls ?? 0) + 1;
    await queueNetwork(deps.db, deps, { ...job, polls }, pollDelaySeconds(polls - 1));
    return 'pending';
  }
  await deps.db.transaction(async (tx) => applyOutcome(tx, deps, scope, job, outcome));
  return outcome.status;
};

const applyOutcome = async (tx: Queryable, deps: Deps, scope: CompanyScope, job: NetworkJob, outcome: Exclude<RequestStatus, { status: 'pending' }>) => {
  const a = await loadActivation(tx, scope, job.serviceId, true);
  if (!a || ['active', 'terminated', 'cancelled'].includes(a.service.status)) return;
  // A failed activation takes no news: its retry asks again for everything outstanding, with the same
  // idempotency keys, and so reads this same answer then.
  if (a.service.status === 'activation_failed') return;
  const now = deps.clock.now();
  if (job.work === 'provision') {
    if (a.service.simProvisionedAt) return;
    // a new number comes alive with the SIM it was provisioned on
    const numberLive = a.service.numberSource === 'new' ? { numberLiveAt: now } : {};
    await changeActivation(tx, deps, scope, a, SYSTEM, { fields: { simProvisionedAt: now, ...numberLive }, timeline: 'sim_provisioned' });
    // Automatic activation: nobody pressed Activate, so the employee's QR code goes out now that the
    // profile can be downloaded (with e-mail activation it went out when they pressed Activate).
    if (a.service.activationMethod === 'automatic' && (await queueEsimQrMail(tx, deps, scope, a))) {
      await changeActivation(tx, deps, scope, a, SYSTEM, { timeline: 'esim_qr_sent', reason: a.user.email });
    }
  } else if (job.work === 'port_in') {
    // an answer to an older submission (before a correction) is not news any more
    if (!a.portIn || a.portIn.attempt !== job.attempt || a.portIn.status !== 'submitted') return;
    if (outcome.status === 'refused') {
      await updatePortIn(tx, scope, a.portIn.id, { status: 'refused', refusalCode: outcome.reason, refusalReason: outcome.message, refusedAt: now });
      await changeActivation(tx, deps, scope, a, SYSTEM, { event: 'refuse_port_in', timeline: 'port_in_refused', reason: outcome.message });
      for (const admin of await companyAdmins(tx, scope)) {
        await queueMail(tx, deps.jobs, {
          template: 'porting_refused',
          data: { userName: `${a.user.firstName} ${a.user.lastName}`, msisdn: a.portIn.msisdn, donorOperator: a.portIn.donorOperator, reason: outcome.message, reasonCode: outcome.reason, companyName: a.companyName, portalUrl: deps.links.publicUrl() },
          companyId: scope.companyId,
          to: { address: admin.email, name: admin.fullName },
          language: admin.language,
        });
      }
      return;
    }
    await updatePortIn(tx, scope, a.portIn.id, { status: 'completed' });
    await changeActivation(tx, deps, scope, a, SYSTEM, { fields: { numberLiveAt: now }, timeline: 'port_in_completed' });
  } else {
    if (a.service.numberLiveAt) return;
    await changeActivation(tx, deps, scope, a, SYSTEM, { fields: { numberLiveAt: now }, timeline: 'number_moved' });
  }
  await settle(tx, deps, scope, a);
};

/** The status a corrected port-in goes back to: where the service was when the donor refused. */
export const resumeEvent = (a: Activation): LifecycleEvent => {
  if (a.service.simProvisionedAt || a.service.simChoice === null) return 'resubmit_port_in';
  // e-mail activation: until the employee has entered the SIM or pressed Activate, it waits for them
  const userActed = a.service.activationMethod !== 'email' || a.service.userActedAt !== null;
  return userActed ? 'resubmit_port_in_provisioning' : 'resubmit_port_in_awaiting_user';
};

export const queueResubmission = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, attempt: number) => {
  await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'port_in', attempt });
  // Back in provisioning: make sure the SIM is being activated. If it already was, the same
  // idempotency key reaches the same network request and the answer is applied once.
  if (a.service.status === 'provisioning' && a.service.simChoice !== null && !a.service.simProvisionedAt) {
    await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'provision', attempt: 1 });
  }
};

/**
 * The `service.release` job: a deleted service's SIM leaves the network. The portal already shows the
 * service ended; this only tells the network, with a key that makes a repeated job harmless, and notes
 * on the timeline when it happened (once).
 */
export const runReleaseJob = async (deps: Deps, job: ReleaseJob) => {
  const scope = scopeOfJob(job);
  await deps.gateway.releaseSim({ idempotencyKey: `release:${job.serviceId}`, msisdn: job.msisdn, iccid: job.iccid });
  await deps.db.transaction(async (tx) => {
    const service = await findServiceRow(tx, scope, job.serviceId, true);
    if (!service || (await hasServiceEvent(tx, scope, job.serviceId, 'released_on_network'))) return;
    await applyServiceChange(tx, deps, scope, SYSTEM, service, { timeline: 'released_on_network', reason: job.iccid });
  });
};

/**
 * The `service.activation-failed` job (the dead-letter queue of the activation queues): a step of the
 * process gave up, so the service says so instead of staying "in progress" with no job behind it —
 * the administrator sees it with a Retry button, and the company's account manager (or, without one,
 * every operator staff member) is told by e-mail.
 */
export const markActivationFailed = async (deps: Deps, job: FailedActivationJob) =>
  deps.db.transaction(async (tx) => {
    const scope = scopeOfJob(job);
    const a = await loadActivation(tx, scope, job.serviceId, true);
    if (!a || !nextStatus(a.service.status, 'fail_activation')) return false;
    const step = 'work' in job ? job.work : 'start';
    await changeActivation(tx, deps, scope, a, SYSTEM, { event: 'fail_activation', timeline: 'activation_failed', audit: { after: { failedStep: step } } });
    for (const staff of await operatorStaffToTell(tx, scope)) {
      await queueMail(tx, deps.jobs, {
        template: 'activation_failed',
        data: { companyName: a.companyName, userName: `${a.user.firstName} ${a.user.lastName}`, msisdn: a.service.msisdn, step, serviceUrl: `${deps.links.publicUrl()}/back-office/companies/${scope.companyId}` },
        companyId: scope.companyId,
        to: { address: staff.email, name: staff.fullName },
        language: staff.language,
      });
    }
    return true;
  });

// The transition back to the status an activation failed from (any other: back to the start).
const RETRY_EVENTS: Partial<Record<ServiceStatus, LifecycleEvent>> = {
  awaiting_user: 'retry_activation_awaiting_user',
  provisioning: 'retry_activation_provisioning',
  porting: 'retry_activation_porting',
};

/**
 * Where a retried activation goes back to: the status it failed from, and the work it asks the
 * network for again. Every request goes out under the key it had, so work the network finished
 * meanwhile is not done twice, only its answer read.
 */
export const retryFailedActivation = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, actor: Actor, failedFrom: ServiceStatus) => {
  const event = RETRY_EVENTS[failedFrom] ?? 'retry_activation';
  await changeActivation(tx, deps, scope, a, actor, { event, timeline: 'activation_retried' });
  if (event === 'retry_activation') {
    await deps.jobs.send(tx, QUEUES.serviceActivation, { companyId: scope.companyId, serviceId: a.service.id });
    return;
  }
  const job = { companyId: scope.companyId, serviceId: a.service.id };
  if (a.portIn?.status === 'submitted') await queueNetwork(tx, deps, { ...job, work: 'port_in', attempt: a.portIn.attempt });
  const track = trackOf(a);
  if (event === 'retry_activation_provisioning' && track.hasSim && !track.simProvisioned) await queueNetwork(tx, deps, { ...job, work: 'provision', attempt: 1 });
  if (event === 'retry_activation_porting' && a.service.numberSource === 'port_internal' && !track.numberLive) await queueNetwork(tx, deps, { ...job, work: 'move_number', attempt: 1 });
  // news that came while it was failed may already complete it
  await settle(tx, deps, scope, a);
};
