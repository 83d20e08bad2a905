import type { Deps } from '../../../deps.js';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { brusselsDay, brusselsMidnight } from '../../../platform/calendar.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { QUEUES, type LineNetworkJob } from '../../../jobs/queues.js';
import { companyAdmins, employeeActor, getActivationPage, loadActivation, queueEsimQrMail, resolveEmployeeLink, sendActivationMail } from '../../activation/index.js';
import { changeImpact, describeImpact, writeChange } from '../../billing/index.js';
import { queueMail } from '../../mail/index.js';
import { applyServiceChange, findServiceRow, type ServiceRow } from '../../services/index.js';
import { nextStatus, type LifecycleEvent } from '../../services/domain/lifecycle.js';
import { iccidProblem, normalizeIccid } from '../../stock/domain/iccid.js';
import { findSimByIccid, reserveEsim, reserveSim } from '../../stock/index.js';
import { BARRING_KINDS, type BarringKind } from '../../network/domain/barring.js';
import { BARRING_STATUSES, checkSuspensionEnd, MAX_SUSPENSION_DAYS, nextBarrings, workOf, type BarringCause, type LineOperationDetails, type LossCause } from '../domain/line-operations.js';
import { findOperation, insertOperation, liveSimOf, operationsOf, pendingSwapOf, reopenOperation, setOperationDetails } from '../lines.repository.js';

/**
 * The line operations as the administrator (and, for a lost phone, the employee) asks for them. Each
 * one, in one transaction: the service's status through the transition table (row, timeline, audit),
 * the operation's own record, the bill where it changes, and the durable job that tells the network
 * — so the network is asked if and only if the change was saved.
 */

/** The service, locked, if `event` is allowed from its status; else the reason in the person's words. */
const lineFor = async (tx: Queryable, scope: CompanyScope, id: string, event: LifecycleEvent) => {
  const service = await findServiceRow(tx, scope, id, true);
  if (!service) throw new AppError('SERVICE.NOT_FOUND');
  if (!nextStatus(service.status, event)) throw new AppError('LINE.NOT_ALLOWED', { params: { status: service.status, operation: event } });
  return service;
};

export const queueLineWork = async (tx: Queryable, deps: Pick<Deps, 'jobs'>, job: LineNetworkJob, startAfterSeconds = 0) => {
  // a delay for pg-boss, which compares it with the database's clock: real time, not the portal's clock
  const opts = startAfterSeconds > 0 ? { startAfter: new Date(Date.now() + startAfterSeconds * 1000) } : {};
  await deps.jobs.send(tx, QUEUES.lineNetwork, job, opts);
};

/** Records what was asked and queues the network's part of it. */
const askNetwork = async (tx: Queryable, deps: Deps, scope: CompanyScope, actor: Actor, service: ServiceRow, details: LineOperationDetails) => {
  const op = await insertOperation(tx, scope, { serviceId: service.id, kind: details.kind, details, requestedByAccountId: actor.accountId, requestedBy: actor.name });
  await queueLineWork(tx, deps, { companyId: scope.companyId, serviceId: service.id, operationId: op.id, work: workOf(details.kind) });
  return op;
};

const billedAs = (service: ServiceRow, suspended: boolean) => ({ id: service.id, mobileUserId: service.mobileUserId, bundleCode: service.bundleCode, optionCodes: service.optionCodes, suspended });

const suspensionImpact = (q: Queryable, service: ServiceRow, toSuspended: boolean, day: string) =>
  changeImpact(q, billedAs(service, !toSuspended), billedAs(service, toSuspended), day);

// ---------------------------------------------------------------- suspend and resume

export type SuspendInput = { reason: string; until?: string | null | undefined };

export const checkUntil = (until: string | null | undefined, today: string) => {
  if (!until) return null;
  const problem = checkSuspensionEnd(until, today);
  if (problem) throw new AppError('LINE.INVALID_INPUT', { fieldErrors: [problem === 'not_after_today' ? { field: 'until', rule: 'in_past' } : { field: 'until', rule: 'too_far', params: { maximum: MAX_SUSPENSION_DAYS } }] });
  return until;
};

/**
 * "Suspend" or "Resume" before confirming: what the line costs from today, and this month's pro-rata
 * lines (the suspended price instead of bundle and options, or back). Writes nothing.
 */
export const previewSuspension = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, id: string, event: 'suspend' | 'resume', lang: Lang) => {
  const service = await findServiceRow(deps.db, scope, id);
  if (!service) throw new AppError('SERVICE.NOT_FOUND');
  if (!nextStatus(service.status, event)) throw new AppError('LINE.NOT_ALLOWED', { params: { status: service.status, operation: event } });
  return describeImpact(deps.db, await suspensionImpact(deps.db, service, event === 'suspend', brusselsDay(deps.clock.now())), lang);
};

/**
 * Suspends an active line from today: no calls, texts or data until it is resumed — by hand, or by
 * itself at the start of `until` (a Brussels day). Billed as a change: the rest of the month of the
 * bundle and options is credited and of the suspended price charged.
 */
export const suspendLine = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, input: SuspendInput, lang: Lang) =>
  deps.db.transaction(async (tx) => {
    const today = brusselsDay(deps.clock.now());
    const until = checkUntil(input.until, today);
    const service = await lineFor(tx, scope, id, 'suspend');
    const impact = await suspensionImpact(tx, service, true, today);
    await writeChange(tx, scope, billedAs(service, false), billedAs(service, true), impact, actor.accountId);
    const resumesAt = until ? brusselsMidnight(until) : null;
    await applyServiceChange(tx, deps, scope, actor, service, {
      event: 'suspend',
      fields: { suspendedUntil: resumesAt },
      timeline: 'suspended',
      reason: input.reason,
    });
    await askNetwork(tx, deps, scope, actor, service, { kind: 'suspend', reason: input.reason, until });
    if (resumesAt) {
      await deps.jobs.send(tx, QUEUES.scheduledResume, { companyId: scope.companyId, serviceId: id, until: resumesAt.toISOString() }, { startAfter: resumesAt });
    }
    return describeImpact(tx, impact, lang);
  });

/** Resumes a suspended line from today; the rest of the month is billed at the full price again. */
export const resumeLine = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, lang: Lang, automatic = false) =>
  deps.db.transaction(async (tx) => {
    const service = await lineFor(tx, scope, id, 'resume');
    return resumeSuspended(tx, deps, scope, actor, service, lang, automatic);
  });

/** The resumption itself, in the caller's transaction: by hand, or the scheduled job at the suspension's end. */
export const resumeSuspended = async (tx: Queryable, deps: Deps, scope: CompanyScope, actor: Actor, service: ServiceRow, lang: Lang, automatic: boolean) => {
  const impact = await suspensionImpact(tx, service, false, brusselsDay(deps.clock.now()));
  await writeChange(tx, scope, billedAs(service, true), billedAs(service, false), impact, actor.accountId);
  await applyServiceChange(tx, deps, scope, actor, service, { event: 'resume', fields: { suspendedUntil: null }, timeline: automatic ? 'resumed_automatically' : 'resumed' });
  await askNetwork(tx, deps, scope, actor, service, { kind: 'resume', automatic });
  return describeImpact(tx, impact, lang);
};

// ---------------------------------------------------------------- lost or stolen

/**
 * A lost or stolen phone: the line is barred on the network at once (the request is queued in this
 * transaction) and stays barred until a replacement SIM is live or the phone is found.
 */
export const reportLost = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, cause: LossCause) =>
  deps.db.transaction(async (tx) => reportLostIn(tx, deps, scope, actor, id, cause, 'administrator'));

const reportLostIn = async (tx: Queryable, deps: Deps, scope: CompanyScope, actor: Actor, id: string, cause: LossCause, reportedBy: 'administrator' | 'employee') => {
  const service = await lineFor(tx, scope, id, 'report_lost');
  await applyServiceChange(tx, deps, scope, actor, service, { event: 'report_lost', timeline: cause === 'stolen' ? 'reported_stolen' : 'reported_lost' });
  return askNetwork(tx, deps, scope, actor, service, { kind: 'bar', cause, reportedBy });
};

/** The employee reports their phone lost or stolen from their personal link: the same bar, in their name. */
export const reportLostByEmployee = async (deps: Deps, token: string, cause: LossCause) => {
  await deps.db.transaction(async (tx) => {
    const { scope, a } = await resolveEmployeeLink(tx, deps, token, true);
    await reportLostByEmployeeIn(tx, deps, scope, employeeActor(a), a.service.id, cause, { userName: `${a.user.firstName} ${a.user.lastName}`, companyName: a.companyName });
  });
  return getActivationPage(deps, token);
};

/**
 * An employee's lost-phone report, in the caller's transaction — from their personal link, or from
 * My lines (whose use case has checked the line is theirs): the administrator's bar, in the
 * employee's name, and the administrators hear of it at once (they arrange the replacement).
 */
export const reportLostByEmployeeIn = async (tx: Queryable, deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string, cause: LossCause, who: { userName: string; companyName: string }) => {
  const op = await reportLostIn(tx, deps, scope, actor, serviceId, cause, 'employee');
  const service = await findServiceRow(tx, scope, serviceId);
  for (const admin of await companyAdmins(tx, scope)) {
    await queueMail(tx, deps.jobs, {
      template: 'line_reported_lost',
      data: { msisdn: service?.msisdn ?? '', userName: who.userName, cause, companyName: who.companyName, serviceUrl: `${deps.links.publicUrl()}/self-service/uc-mobile/services/${serviceId}` },
      companyId: scope.companyId,
      to: { address: admin.email, name: admin.fullName },
      language: admin.language,
    });
  }
  return op;
};

/** The phone was found: the bar is lifted and the line works again with its SIM. */
export const liftBar = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string) =>
  deps.db.transaction(async (tx) => {
    const service = await lineFor(tx, scope, id, 'lift_bar');
    if (await pendingSwapOf(tx, scope, id)) throw new AppError('LINE.SWAP_PENDING');
    await applyServiceChange(tx, deps, scope, actor, service, { event: 'lift_bar', timeline: 'phone_found' });
    await askNetwork(tx, deps, scope, actor, service, { kind: 'unbar', after: 'found' });
  });

/** After a replacement of a barred line is live: the bar goes, from the system's side. */
export const liftBarAfterReplacement = async (tx: Queryable, deps: Deps, scope: CompanyScope, service: ServiceRow, toIccid: string) => {
  const after = await applyServiceChange(tx, deps, scope, SYSTEM, service, { event: 'lift_bar', timeline: 'sim_replaced', reason: toIccid });
  await askNetwork(tx, deps, scope, SYSTEM, after.after, { kind: 'unbar', after: 'replacement' });
  return after.after;
};

// ---------------------------------------------------------------- replacement SIM, new eSIM

export type SwapInput = { sim: { kind: 'physical'; iccid: string } | { kind: 'esim' } | { kind: 'user_enters' } };

const simProblem = (field: string, rule: string, conflict = false) =>
  new AppError(conflict ? 'STOCK.SIM_TAKEN' : 'SERVICE.INVALID_CHOICES', { fieldErrors: [{ field, rule }] });

/** A physical card of the company's stock for the line, by its ICCID as typed: the wizard's rules, reserved at once. */
const reservePhysical = async (tx: Queryable, scope: CompanyScope, serviceId: string, typed: string, field: string) => {
  const problem = iccidProblem(typed);
  if (problem) throw simProblem(field, problem);
  const iccid = normalizeIccid(typed);
  const card = await findSimByIccid(tx, scope, iccid);
  if (!card) throw simProblem(field, 'sim_not_in_stock');
  if (card.kind !== 'physical') throw simProblem(field, 'sim_is_esim');
  if (card.status !== 'in_stock' || !(await reserveSim(tx, scope, card.id, serviceId))) throw simProblem(field, 'sim_in_use', true);
  return iccid;
};

// the database's word on two swaps of one line at once: the later one is refused
const oneSwapAtATime = async <T>(work: () => Promise<T>) => {
  try {
    return await work();
  } catch (err) {
    if (isUniqueViolation(err, 'line_operations_one_swap_uq')) throw new AppError('LINE.SWAP_PENDING');
    throw err;
  }
};

/**
 * A new SIM card or eSIM profile for the line's number: the stock rules of the wizard (only the
 * company's own unused cards, reserved in this transaction: of two lines offered one card, one gets
 * it), or — as in the wizard — the employee types the new card's number from their personal link.
 * The old SIM keeps working until the network says the new one is live.
 */
export const requestSimSwap = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, input: SwapInput) =>
  oneSwapAtATime(() =>
    deps.db.transaction(async (tx) => {
      const found = await findServiceRow(tx, scope, id, true);
      if (!found) throw new AppError('SERVICE.NOT_FOUND');
      const event: LifecycleEvent = found.status === 'barred' ? 'request_replacement' : 'request_sim_swap';
      const service = await lineFor(tx, scope, id, event);
      const live = await liveSimOf(tx, scope, id);
      if (!live || !service.msisdn) throw new AppError('LINE.NOT_ALLOWED', { params: { status: service.status, operation: event } });
      if (await pendingSwapOf(tx, scope, id)) throw new AppError('LINE.SWAP_PENDING');
      let to: { iccid: string | null; kind: 'physical' | 'esim' };
      if (input.sim.kind === 'physical') to = { iccid: await reservePhysical(tx, scope, id, input.sim.iccid, 'sim.iccid'), kind: 'physical' };
      else if (input.sim.kind === 'user_enters') to = { iccid: null, kind: 'physical' };
      else {
        const esim = await reserveEsim(tx, scope, id);
        if (!esim) throw new AppError('STOCK.ESIM_NONE_LEFT', { fieldErrors: [{ field: 'sim.kind', rule: 'esim_none_left' }] });
        to = { iccid: esim.iccid, kind: 'esim' };
      }
      const after = await applyServiceChange(tx, deps, scope, actor, service, { event, timeline: 'sim_swap_requested', reason: to.iccid, audit: { after: { fromIccid: live.iccid, toIccid: to.iccid } } });
      const details = { kind: 'swap_sim' as const, fromIccid: live.iccid, toIccid: to.iccid, toKind: to.kind };
      const a = await loadActivation(tx, scope, id);
      if (!to.iccid) {
        // nothing for the network yet: the employee gets a personal link to type the new card's number
        const op = await insertOperation(tx, scope, { serviceId: id, kind: 'swap_sim', details, requestedByAccountId: actor.accountId, requestedBy: actor.name });
        if (a) await sendActivationMail(tx, deps, scope, { ...a, service: after.after }, actor, { replacement: true });
        return { operationId: op.id, sim: to };
      }
      const op = await askNetwork(tx, deps, scope, actor, after.after, details);
      // a new eSIM profile: its QR code goes to the employee now, as after Activate; the old profile
      // keeps working until the network has the new one
      if (a && to.kind === 'esim' && (await queueEsimQrMail(tx, deps, scope, a))) {
        await applyServiceChange(tx, deps, scope, SYSTEM, after.after, { timeline: 'esim_qr_sent', reason: a.user.email });
      }
      return { operationId: op.id, sim: to };
    }),
  );

/** The employee types the number of their replacement card on their personal page: reserved as in the wizard, then the network is asked. */
export const enterReplacementSim = async (deps: Deps, token: string, typed: string) => {
  await oneSwapAtATime(() =>
    deps.db.transaction(async (tx) => {
      const { scope, a } = await resolveEmployeeLink(tx, deps, token, true);
      const op = await pendingSwapOf(tx, scope, a.service.id);
      const details = op?.details as LineOperationDetails | undefined;
      if (!op || details?.kind !== 'swap_sim' || details.toIccid) throw new AppError('LINE.NOT_ALLOWED', { params: { status: a.service.status, operation: 'enter_replacement_sim' } });
      const iccid = await reservePhysical(tx, scope, a.service.id, typed, 'iccid');
      await setOperationDetails(tx, scope, op.id, { ...details, toIccid: iccid });
      await applyServiceChange(tx, deps, scope, employeeActor(a), a.service, { timeline: 'user_entered_sim', reason: iccid, audit: { after: { toIccid: iccid } } });
      await queueLineWork(tx, deps, { companyId: scope.companyId, serviceId: a.service.id, operationId: op.id, work: 'swap' });
    }),
  );
  return getActivationPage(deps, token);
};

/**
 * A line operation the network refused or never confirmed, asked again: the bar, suspension or
 * resumption the portal already shows still has to reach the network. Only the line's latest
 * operation of its kind is retried (an older one was overtaken), and a swap whose card went back to
 * stock is ordered anew instead.
 */
export const retryLineOperation = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string, operationId: string) =>
  deps.db.transaction(async (tx) => {
    const service = await findServiceRow(tx, scope, serviceId, true);
    const op = service ? await findOperation(tx, scope, operationId, true) : null;
    if (!service || !op || op.serviceId !== serviceId) throw new AppError('LINE.OPERATION_NOT_FOUND');
    const details = op.details as LineOperationDetails;
    const latest = (await operationsOf(tx, scope, serviceId)).find((o) => o.kind === op.kind);
    if (op.status !== 'failed' || details.kind === 'swap_sim' || latest?.id !== op.id) throw new AppError('LINE.NOT_RETRYABLE');
    const attempt = (details.attempt ?? 1) + 1;
    await reopenOperation(tx, scope, op.id, { ...details, attempt });
    await applyServiceChange(tx, deps, scope, actor, service, { timeline: 'line_operation_retried', reason: op.kind, audit: { after: { operation: op.kind, attempt } } });
    await queueLineWork(tx, deps, { companyId: scope.companyId, serviceId, operationId: op.id, work: workOf(op.kind) });
  });

// ---------------------------------------------------------------- barrings (roaming, premium-rate, international)

/**
 * Bars or lets again one kind of traffic of a live line, in the caller's transaction: the service's
 * barrings (row, timeline line `timeline`, audit), then the line operation whose durable job tells the
 * network. Returns the service after the change, or null when the line already was so (nothing asked).
 */
export const changeBarringIn = async (
  tx: Queryable,
  deps: Deps,
  scope: CompanyScope,
  actor: Actor,
  service: ServiceRow,
  change: { barring: BarringKind; barred: boolean; cause: BarringCause; timeline: string },
): Promise<ServiceRow | null> => {
  if (!BARRING_STATUSES.includes(service.status) || !service.msisdn) throw new AppError('LINE.NOT_ALLOWED', { params: { status: service.status, operation: 'set_barring' } });
  const next = nextBarrings(service.barrings, change.barring, change.barred, BARRING_KINDS);
  if (!next) return null;
  const applied = await applyServiceChange(tx, deps, scope, actor, service, { fields: { barrings: next }, timeline: change.timeline, reason: change.barring });
  await askNetwork(tx, deps, scope, actor, applied.after, { kind: 'set_barring', barring: change.barring, barred: change.barred, cause: change.cause });
  return applied.after;
};

/** The barring requests of a line still on their way to the network, by kind. */
export const pendingBarrings = async (q: Queryable, scope: CompanyScope, serviceId: string) =>
  new Set(
    (await operationsOf(q, scope, serviceId, 50))
      .filter((o) => o.status === 'pending' && o.kind === 'set_barring')
      .map((o) => (o.details as Extract<LineOperationDetails, { kind: 'set_barring' }>).barring),
  );
