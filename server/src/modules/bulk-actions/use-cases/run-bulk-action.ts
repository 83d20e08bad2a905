import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { isLang, type Lang } from '../../../platform/i18n.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { QUEUES, type BulkActionJob } from '../../../jobs/queues.js';
import { resumeLine, suspendLine } from '../../lines/index.js';
import { changeService, deleteService, scheduleServices, startServices } from '../../services/index.js';
import type { BulkActionParams } from '../domain/bulk-action.js';
import { findBulkAction, finishIfDone, lockPendingItem, markItem, pendingItems } from '../bulk-actions.repository.js';

/** How long one job works before queueing its successor: short, so a stopping runner waits little. */
const SLICE_MS = 3000;
const ITEMS_PER_FETCH = 100;

/** The single-service use case of the action, on one service, in the caller's transaction. */
const applyTo = async (deps: Deps, scope: CompanyScope, actor: Actor, params: BulkActionParams, serviceId: string, lang: Lang) => {
  switch (params.kind) {
    case 'start':
      return startServices(deps, scope, actor, [serviceId]);
    case 'schedule':
      return scheduleServices(deps, scope, actor, [serviceId], new Date(params.startAt));
    case 'change':
      return changeService(deps, scope, actor, serviceId, { bundleCode: params.bundleCode, optionCodes: params.optionCodes }, lang);
    case 'suspend':
      return suspendLine(deps, scope, actor, serviceId, { reason: params.reason, until: params.until ?? null }, lang);
    case 'resume':
      return resumeLine(deps, scope, actor, serviceId, lang);
    case 'delete':
      return deleteService(deps, scope, actor, serviceId, lang);
  }
};

/**
 * One service, in one transaction that also marks its item done: the use case runs nested (a
 * savepoint), so its effect and the item's outcome commit together. The item is locked (SKIP LOCKED)
 * and must still be pending, so a service is done once even when a worker died half-way.
 * A refusal by the use case's rules (the service changed since the preview) is the item's outcome.
 */
const workItem = async (deps: Deps, scope: CompanyScope, actor: Actor, bulkActionId: string, params: BulkActionParams, serviceId: string, lang: Lang) => {
  try {
    return await deps.db.transaction(async (tx) => {
      if (!(await lockPendingItem(tx, scope, bulkActionId, serviceId))) return false;
      await applyTo({ ...deps, db: tx }, scope, actor, params, serviceId, lang);
      return markItem(tx, scope, bulkActionId, serviceId, { status: 'done' });
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    const error = { code: err.code, ...(Object.keys(err.params).length ? { params: err.params } : {}), ...(err.fieldErrors.length ? { fieldErrors: err.fieldErrors } : {}) };
    return markItem(deps.db, scope, bulkActionId, serviceId, { status: 'failed', error });
  }
};

/**
 * The job of a bulk action: works its services for a slice of time, then queues its successor, until
 * none is pending. A job that dies leaves its items pending (or done: each commits alone) and its
 * retry or successor goes on from there.
 */
export const runBulkAction = async (deps: Deps, job: BulkActionJob, stopping: () => boolean = () => false) => {
  const scope = scopeOfJob(job);
  const action = await findBulkAction(deps.db, scope, job.bulkActionId);
  if (!action || action.status === 'finished') return;
  const actor: Actor = { accountId: action.startedByAccountId, name: action.startedByName };
  const lang: Lang = isLang(action.language) ? action.language : 'en';
  const until = Date.now() + SLICE_MS;
  while (Date.now() < until && !stopping()) {
    const ids = await pendingItems(deps.db, scope, action.id, ITEMS_PER_FETCH);
    if (ids.length === 0) {
      await finishIfDone(deps.db, scope, action.id);
      return;
    }
    let progressed = false;
    for (const id of ids) {
      if (await workItem(deps, scope, actor, action.id, action.params, id, lang)) progressed = true;
      // let waiting requests in between services: on PGlite (one connection) they would wait for the whole slice
      await new Promise((resolve) => setImmediate(resolve));
      if (Date.now() >= until || stopping()) break;
    }
    if (!progressed) break;
  }
  await deps.jobs.send(deps.db, QUEUES.bulkAction, job, { startAfter: new Date(Date.now() + 200) });
};
