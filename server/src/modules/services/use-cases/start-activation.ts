import type { Deps } from '../../../deps.js';
import type { Queryable } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { companyScope, type CompanyScope } from '../../../platform/tenant.js';
import { QUEUES, type ScheduledStartJob } from '../../../jobs/queues.js';
import { recordAudit, type Actor as AuditActor } from '../../audit/audit.repository.js';
import { nextStatus } from '../domain/lifecycle.js';
import { scheduleProblems } from '../domain/wizard-rules.js';
import { findServiceRow, findServiceRows, recordServiceEvent, releaseStock, updateService, type Actor, type ServiceRow } from '../services.repository.js';

const SYSTEM: Actor = { accountId: null, name: 'system' };

const illegal = (from: string, to: string) => new AppError('SERVICE.ILLEGAL_TRANSITION', { params: { from, to } });

/**
 * Starts the activation process of one service: the status moves through the transition table,
 * the timeline records who started it, and the activation job is queued in the same transaction.
 */
export const startActivation = async (tx: Queryable, { jobs, clock }: Pick<Deps, 'jobs' | 'clock'>, scope: CompanyScope, service: ServiceRow, actor: Actor, reason: string | null) => {
  const to = nextStatus(service.status, 'start_activation');
  if (!to) throw illegal(service.status, 'activation_started');
  const row = await updateService(tx, scope, service.id, { status: to, activationStartedAt: clock.now(), scheduledStartAt: null });
  await recordServiceEvent(tx, scope, { serviceId: service.id, event: 'activation_started', fromStatus: service.status, toStatus: to, actor, reason });
  await jobs.send(tx, QUEUES.serviceActivation, { companyId: scope.companyId, serviceId: service.id }, { singletonKey: service.id });
  return row;
};

/** Sets the date and time a waiting service starts by itself; the job checks it still holds when it fires. */
export const scheduleStart = async (tx: Queryable, { jobs }: Pick<Deps, 'jobs'>, scope: CompanyScope, service: ServiceRow, actor: Actor, startAt: Date) => {
  await updateService(tx, scope, service.id, { scheduledStartAt: startAt });
  await recordServiceEvent(tx, scope, { serviceId: service.id, event: 'scheduled', fromStatus: service.status, toStatus: service.status, actor, reason: startAt.toISOString() });
  const data: ScheduledStartJob = { companyId: scope.companyId, serviceId: service.id, startAt: startAt.toISOString() };
  await jobs.send(tx, QUEUES.scheduledStart, data, { startAfter: startAt, singletonKey: `${service.id}@${data.startAt}` });
};

/** Locks the named services of the company; all must exist and still wait for activation. */
const lockWaiting = async (tx: Queryable, scope: CompanyScope, ids: string[]) => {
  const unique = [...new Set(ids)];
  const rows = await findServiceRows(tx, scope, unique);
  if (rows.length !== unique.length) throw new AppError('SERVICE.NOT_FOUND');
  if (rows.some((r) => r.status !== 'waiting_for_activation')) throw new AppError('SERVICE.NOT_WAITING');
  return rows;
};

/** "Start activation" on a selection of services waiting for activation: all of them, or none. */
export const startServices = async (deps: Deps, scope: CompanyScope, actor: AuditActor, ids: string[]) =>
  deps.db.transaction(async (tx) => {
    const rows = await lockWaiting(tx, scope, ids);
    for (const row of rows) await startActivation(tx, deps, scope, row, actor, null);
    return rows.length;
  });

/** Schedules (or, with null, unschedules) the start of a selection of waiting services. */
export const scheduleServices = async (deps: Deps, scope: CompanyScope, actor: AuditActor, ids: string[], startAt: Date | null) => {
  if (startAt) {
    const problems = scheduleProblems(startAt, deps.clock.now(), 'startAt');
    if (problems.length) throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: problems });
  }
  return deps.db.transaction(async (tx) => {
    const rows = await lockWaiting(tx, scope, ids);
    for (const row of rows) {
      if (startAt) await scheduleStart(tx, deps, scope, row, actor, startAt);
      else if (row.scheduledStartAt) {
        await updateService(tx, scope, row.id, { scheduledStartAt: null });
        await recordServiceEvent(tx, scope, { serviceId: row.id, event: 'schedule_cleared', fromStatus: row.status, toStatus: row.status, actor });
      }
    }
    return rows.length;
  });
};

/**
 * The scheduled-start job. It runs at the chosen time, or later after a restart; it only starts the
 * service if it still waits and the schedule is still this one, so a stale or repeated job does nothing.
 */
export const runScheduledStart = async (deps: Deps, job: ScheduledStartJob) =>
  deps.db.transaction(async (tx) => {
    const scope = companyScope(job.companyId);
    const row = await findServiceRow(tx, scope, job.serviceId, true);
    if (!row || row.status !== 'waiting_for_activation' || row.scheduledStartAt?.toISOString() !== job.startAt) return false;
    await startActivation(tx, deps, scope, row, SYSTEM, 'scheduled');
    return true;
  });

/** Cancels a service that has not started; everything it reserved goes back to stock. */
export const cancelService = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, actor: AuditActor, id: string) =>
  deps.db.transaction(async (tx) => {
    const row = await findServiceRow(tx, scope, id, true);
    if (!row) throw new AppError('SERVICE.NOT_FOUND');
    const to = nextStatus(row.status, 'cancel');
    if (!to) throw new AppError('SERVICE.NOT_WAITING');
    await releaseStock(tx, scope, row);
    await updateService(tx, scope, id, { status: to, endedAt: deps.clock.now(), scheduledStartAt: null });
    await recordServiceEvent(tx, scope, { serviceId: id, event: 'cancelled', fromStatus: row.status, toStatus: to, actor });
    await recordAudit(tx, { scope, actor, action: 'service.cancelled', entityType: 'service', entityId: id, before: { status: row.status }, after: { status: to } });
  });
