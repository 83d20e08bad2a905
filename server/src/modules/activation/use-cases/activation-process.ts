import type { Deps } from '../../../deps.js';
import type { Queryable } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { companyScope, type CompanyScope } from '../../../platform/tenant.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import { QUEUES, type NetworkJob, type ReleaseJob } from '../../../jobs/queues.js';
import { queueMail } from '../../mail/index.js';
import { writeDeletionLines, writeNewServiceLines } from '../../billing/use-cases/billing-lines.js';
import type { RequestStatus } from '../../network/index.js';
import { nextStatus, type LifecycleEvent } from '../../services/domain/lifecycle.js';
import { hasServiceEvent, recordServiceEvent, type Actor } from '../../services/services.repository.js';
import { isComplete, linkExpiresAt, pollDelaySeconds, waitsForNumber } from '../domain/activation-rules.js';
import {
  assignStock,
  companyAdmins,
  insertLink,
  loadActivation,
  moveNumberRow,
  retireSimsOf,
  setServiceFields,
  updatePortIn,
  type Activation,
} from '../activation.repository.js';

export const SYSTEM: Actor = { accountId: null, name: 'system' };

/** Every status change goes through the transition table and lands on the timeline. */
export const transition = async (tx: Queryable, scope: CompanyScope, a: Activation, event: LifecycleEvent, actor: Actor, reason: string | null = null, timelineEvent: string = event) => {
  const from = a.service.status;
  const to = nextStatus(from, event);
  if (!to) throw new AppError('SERVICE.ILLEGAL_TRANSITION', { params: { from, to: event } });
  await setServiceFields(tx, scope, a.service.id, { status: to, ...(to === 'active' ? { activatedAt: new Date() } : {}) });
  await recordServiceEvent(tx, scope, { serviceId: a.service.id, event: timelineEvent, fromStatus: from, toStatus: to, actor, reason });
  a.service.status = to;
};

/** A timeline line without a status change (e-mail sent, SIM ready, …). */
const note = async (tx: Queryable, scope: CompanyScope, a: Activation, event: string, actor: Actor, reason: string | null = null) =>
  recordServiceEvent(tx, scope, { serviceId: a.service.id, event, fromStatus: a.service.status, toStatus: a.service.status, actor, reason });

const queueNetwork = async (tx: Queryable, deps: Deps, job: NetworkJob, startAfterSeconds = 0) => {
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
export const sendActivationMail = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, actor: Actor) => {
  const token = newToken();
  const expiresAt = linkExpiresAt(new Date(), deps.links.activationLinkTtlDays);
  await insertLink(tx, scope, { serviceId: a.service.id, tokenHash: sha256(token), sentTo: a.user.email, expiresAt });
  await queueMail(tx, deps.jobs, {
    template: 'activation',
    data: {
      sim: a.service.simChoice === 'esim' ? 'esim' : 'physical',
      activationUrl: `${deps.links.publicUrl()}/activate/${token}`,
      msisdn: a.service.msisdn,
      numberSource: a.service.numberSource,
      expiresAt,
    },
    companyId: scope.companyId,
    to: { address: a.user.email, name: `${a.user.firstName} ${a.user.lastName}` },
    language: a.user.language,
  });
  await note(tx, scope, a, 'activation_link_sent', actor, a.user.email);
};

/**
 * The `service.activation` job: starting the activation process starts everything at once — the
 * e-mail to the employee, the port-in, and the provisioning when nobody has to type anything in.
 */
export const beginActivation = async (deps: Deps, job: { companyId: string; serviceId: string }) =>
  deps.db.transaction(async (tx) => {
    const scope = companyScope(job.companyId);
    const a = await loadActivation(tx, scope, job.serviceId, true);
    if (!a || a.service.status !== 'activation_started') return false; // already begun: a repeated job does nothing
    if (a.portIn && a.portIn.status === 'draft') {
      await updatePortIn(tx, scope, a.portIn.id, { status: 'submitted', attempt: 1 });
      await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'port_in', attempt: 1 });
      await note(tx, scope, a, 'port_in_submitted', SYSTEM);
    }
    if (a.service.activationMethod === 'email' && a.service.simChoice !== null) {
      await transition(tx, scope, a, 'wait_for_user', SYSTEM);
      await sendActivationMail(tx, deps, scope, a, SYSTEM);
    } else {
      await startProvisioning(tx, deps, scope, a, SYSTEM);
    }
    return true;
  });

/** Provisioning starts: the SIM or eSIM is activated on the network (a service without SIM has nothing to wait for). */
export const startProvisioning = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation, actor: Actor, timelineEvent?: string) => {
  await transition(tx, scope, a, 'provision', actor, null, timelineEvent);
  if (a.service.simChoice === null) {
    a.service.simProvisionedAt = new Date();
    await setServiceFields(tx, scope, a.service.id, { simProvisionedAt: a.service.simProvisionedAt });
    await settle(tx, deps, scope, a);
    return;
  }
  await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'provision', attempt: 1 });
};

/** After each piece of news: active when both halves are done, "porting" when only the number is missing. */
const settle = async (tx: Queryable, deps: Deps, scope: CompanyScope, a: Activation) => {
  const track = trackOf(a);
  if (a.service.status === 'porting_refused') return; // the administrator has to correct the port first
  if (isComplete(track) && (a.service.status === 'provisioning' || a.service.status === 'porting')) {
    await transition(tx, scope, a, 'activate', SYSTEM, null, 'activated');
    await assignStock(tx, scope, a.service.id);
    // billed from the day it became active
    await writeNewServiceLines(tx, scope, a.service, new Date());
    if (a.service.portFromServiceId) await endOldService(tx, scope, a);
    if (a.service.msisdn) {
      await queueMail(tx, deps.jobs, {
        template: 'service_active',
        data: { audience: 'user', msisdn: a.service.msisdn },
        companyId: scope.companyId,
        to: { address: a.user.email, name: `${a.user.firstName} ${a.user.lastName}` },
        language: a.user.language,
      });
    }
    return;
  }
  if (waitsForNumber(track) && a.service.status === 'provisioning') {
    await transition(tx, scope, a, 'await_number', SYSTEM);
    // a number moving within the company leaves its old service once the new SIM works
    if (a.service.numberSource === 'port_internal') {
      await queueNetwork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, work: 'move_number', attempt: 1 });
    }
  }
};

/** Porting within the organisation: the number has moved, so the service it came from ends. */
const endOldService = async (tx: Queryable, scope: CompanyScope, a: Activation) => {
  const old = await loadActivation(tx, scope, a.service.portFromServiceId!, true);
  if (!old || !nextStatus(old.service.status, 'terminate')) return;
  await transition(tx, scope, old, 'terminate', SYSTEM, a.service.id, 'terminated');
  const endedAt = new Date();
  await setServiceFields(tx, scope, old.service.id, { endedAt, endReason: 'number_moved' });
  // the old line stops being billed the day its number leaves it
  await writeDeletionLines(tx, scope, old.service, endedAt);
  await retireSimsOf(tx, scope, old.service.id);
  await moveNumberRow(tx, scope, a.service.msisdn!, a.service.id);
};

const idempotencyKey = (job: NetworkJob) => `${job.work}:${job.serviceId}:${job.attempt}`;

/**
 * The `network.request` job: asks the network (idempotently: a retry after a timeout reuses the
 * key), then looks at the answer — pending: look again later; done or refused: apply it in one
 * transaction that first checks it was not applied already, so a repeated job changes nothing.
 */
export const runNetworkJob = async (deps: Deps, job: NetworkJob) => {
  const scope = companyScope(job.companyId);
  const a = await loadActivation(deps.db, scope, job.serviceId);
  if (!a) return 'gone';
  let requestId = job.requestId;
  if (!requestId) {
    const key = idempotencyKey(job);
    if (job.work === 'provision') {
      if (!a.sim) return 'no_sim';
      requestId = (await deps.gateway.provisionSim({ idempotencyKey: key, msisdn: a.service.msisdn ?? '', iccid: a.sim.iccid, kind: a.sim.kind })).requestId;
    } else if (job.work === 'port_in') {
      const p = a.portIn;
      if (!p) return 'no_port';
      requestId = (
        await deps.gateway.submitPortIn({
          idempotencyKey: key,
          msisdn: p.msisdn,
          donorOperator: p.donorOperator,
          accountType: p.accountType,
          customerNumber: p.customerNumber ?? undefined,
          donorSimNumber: p.donorSimNumber ?? undefined,
          holderName: p.holderName,
        })
      ).requestId;
    } else {
      requestId = (await deps.gateway.moveNumber({ idempotencyKey: key, msisdn: a.service.msisdn!, toIccid: a.sim?.iccid })).requestId;
    }
  }
  const outcome = await deps.gateway.getRequest(requestId);
  if (outcome.status === 'pending') {
    const polls = (job.polls ?? 0) + 1;
    await queueNetwork(deps.db, deps, { ...job, requestId, polls }, pollDelaySeconds(polls - 1));
    return 'pending';
  }
  await deps.db.transaction(async (tx) => applyOutcome(tx, deps, scope, job, outcome));
  return outcome.status;
};

const applyOutcome = async (tx: Queryable, deps: Deps, scope: CompanyScope, job: NetworkJob, outcome: Exclude<RequestStatus, { status: 'pending' }>) => {
  const a = await loadActivation(tx, scope, job.serviceId, true);
  if (!a || ['active', 'terminated', 'cancelled'].includes(a.service.status)) return;
  if (job.work === 'provision') {
    if (a.service.simProvisionedAt) return;
    a.service.simProvisionedAt = new Date();
    // a new number comes alive with the SIM it was provisioned on
    const numberLive = a.service.numberSource === 'new' ? { numberLiveAt: a.service.simProvisionedAt } : {};
    if (numberLive.numberLiveAt) a.service.numberLiveAt = numberLive.numberLiveAt;
    await setServiceFields(tx, scope, a.service.id, { simProvisionedAt: a.service.simProvisionedAt, ...numberLive });
    await note(tx, scope, a, 'sim_provisioned', SYSTEM);
  } else if (job.work === 'port_in') {
    // an answer to an older submission (before a correction) is not news any more
    if (!a.portIn || a.portIn.attempt !== job.attempt || a.portIn.status !== 'submitted') return;
    if (outcome.status === 'refused') {
      await updatePortIn(tx, scope, a.portIn.id, { status: 'refused', refusalCode: outcome.reason, refusalReason: outcome.message, refusedAt: new Date() });
      await transition(tx, scope, a, 'refuse_port_in', SYSTEM, outcome.message, 'port_in_refused');
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
    a.service.numberLiveAt = new Date();
    await setServiceFields(tx, scope, a.service.id, { numberLiveAt: a.service.numberLiveAt });
    await note(tx, scope, a, 'port_in_completed', SYSTEM);
  } else {
    if (a.service.numberLiveAt) return;
    a.service.numberLiveAt = new Date();
    await setServiceFields(tx, scope, a.service.id, { numberLiveAt: a.service.numberLiveAt });
    await note(tx, scope, a, 'number_moved', SYSTEM);
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
  const scope = companyScope(job.companyId);
  await deps.gateway.releaseSim({ idempotencyKey: `release:${job.serviceId}`, msisdn: job.msisdn, iccid: job.iccid });
  await deps.db.transaction(async (tx) => {
    if (await hasServiceEvent(tx, scope, job.serviceId, 'released_on_network')) return;
    await recordServiceEvent(tx, scope, { serviceId: job.serviceId, event: 'released_on_network', fromStatus: 'terminated', toStatus: 'terminated', actor: SYSTEM, reason: job.iccid });
  });
};
