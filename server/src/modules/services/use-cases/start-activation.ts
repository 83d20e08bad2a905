import type { Deps } from '../../../deps.js';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Queryable } from '../../../platform/db.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { QUEUES, type ScheduledStartJob } from '../../../jobs/queues.js';
import { releaseStock } from '../../stock/index.js';
import { nextStatus } from '../domain/lifecycle.js';
import { scheduleProblems } from '../domain/wizard-rules.js';
import { cancelPortIns, findServiceRow, findServiceRows, type ServiceRow } from '../services.repository.js';
import { applyServiceChange } from './apply-service-change.js';

/**
 * Starts the activation process of one service: the status moves through the transition table,
 * the timeline records who started it, and the activation job is queued in the same transaction.
 */
export const startActivation = async (tx: Queryable, deps: Pick<Deps, 'jobs' | 'clock' | 'links'>, scope: CompanyScope, service: ServiceRow, actor: Actor, reason: string | null) => {
  const { after } = await applyServiceChange(tx, deps, scope, actor, service, {
    event: 'start_activation',
    fields: { activationStartedAt: deps.clock.now(), scheduledStartAt: null },
    timeline: 'activation_started',
    reason,
  });
  await deps.jobs.send(tx, QUEUES.serviceActivation, { companyId: scope.companyId, serviceId: service.id }, { singletonKey: service.id });
  return after;
};

/** Sets the date and time a waiting service starts by itself; the job checks it still holds when it fires. */
export const scheduleStart = async (tx: Queryable, deps: Pick<Deps, 'jobs' | 'clock' | 'links'>, scope: CompanyScope, service: ServiceRow, actor: Actor, startAt: Date) => {
  await applyServiceChange(tx, deps, scope, actor, service, { fields: { scheduledStartAt: startAt }, timeline: 'scheduled', reason: startAt.toISOString() });
  const data: ScheduledStartJob = { companyId: scope.companyId, serviceId: service.id, startAt: startAt.toISOString() };
  await deps.jobs.send(tx, QUEUES.scheduledStart, data, { startAfter: startAt, singletonKey: `${service.id}@${data.startAt}` });
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
export const startServices = async (deps: Deps, scope: CompanyScope, actor: Actor, ids: string[]) =>
  deps.db.transaction(async (tx) => {
    const rows = await lockWaiting(tx, scope, ids);
    for (const row of rows) await startActivation(tx, deps, scope, row, actor, null);
    return rows.length;
  });

/** Schedules (or, with null, unschedules) the start of a selection of waiting services. */
export const scheduleServices = async (deps: Deps, scope: CompanyScope, actor: Actor, ids: string[], startAt: Date | null) => {
  if (startAt) {
    const problems = scheduleProblems(startAt, deps.clock.now(), 'startAt');
    if (problems.length) throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: problems });
  }
  return deps.db.transaction(async (tx) => {
    const rows = await lockWaiting(tx, scope, ids);
    for (const row of rows) {
      if (startAt) await scheduleStart(tx, deps, scope, row, actor, startAt);
      else if (row.scheduledStartAt) await applyServiceChange(tx, deps, scope, actor, row, { fields: { scheduledStartAt: null }, timeline: 'schedule_cleared' });
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
    const scope = scopeOfJob(job);
    const row = await findServiceRow(tx, scope, job.serviceId, true);
    if (!row || row.status !== 'waiting_for_activation' || row.scheduledStartAt?.toISOString() !== job.startAt) return false;
    await startActivation(tx, deps, scope, row, SYSTEM, 'scheduled');
    return true;
  });

/** Cancels a service that has not started; everything it reserved goes back to stock. */
export const cancelService = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string) =>
  deps.db.transaction(async (tx) => {
    const row = await findServiceRow(tx, scope, id, true);
    if (!row) throw new AppError('SERVICE.NOT_FOUND');
    if (!nextStatus(row.status, 'cancel')) throw new AppError('SERVICE.NOT_WAITING');
    await releaseStock(tx, scope, row);
    await cancelPortIns(tx, scope, row.id);
    await applyServiceChange(tx, deps, scope, actor, row, { event: 'cancel', fields: { endedAt: deps.clock.now(), scheduledStartAt: null }, timeline: 'cancelled' });
  });
