import { AppError } from '../../../platform/app-error.js';
import { brusselsDay } from '../../../platform/calendar.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { decide, isOpen, type RequestEvent, type TransitionInput } from '../domain/request-machine.js';
import { findRequestRow, recordRequestEvent, updateRequest, type RequestActor } from '../requests.repository.js';
import type { Deps } from '../../../deps.js';
import { notifyFiler } from './notify-filer.js';

/**
 * Fires one event of the transition table on a request. The row is locked, the table decides
 * (who may, from which status, with what), and only then is anything written: the new status,
 * the history line, the audit line and the e-mail to the filing administrator, in one transaction.
 */
export const changeRequestStatus = async (deps: Deps, scope: CompanyScope, actor: RequestActor, id: string, event: RequestEvent, input: TransitionInput) =>
  deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await findRequestRow(tx, scope, id, true);
    if (!row) throw new AppError('REQUEST.NOT_FOUND');
    const decision = decide(row.status, event, actor.role, input, brusselsDay(now));
    if (!decision.ok) {
      if (decision.kind === 'forbidden') throw new AppError('REQUEST.EVENT_FORBIDDEN', { params: { event } });
      if (decision.kind === 'illegal') throw new AppError('REQUEST.ILLEGAL_TRANSITION', { params: { from: row.status, event } });
      throw new AppError('REQUEST.INVALID', { fieldErrors: decision.problems });
    }
    const updated = await updateRequest(tx, scope, id, {
      status: decision.to,
      scheduledFor: decision.scheduledFor ?? row.scheduledFor,
      closedAt: isOpen(decision.to) ? null : now,
    });
    await recordRequestEvent(tx, scope, { requestId: id, event, fromStatus: row.status, toStatus: decision.to, actor, reason: decision.reason, scheduledFor: decision.scheduledFor });
    await recordAudit(tx, {
      scope,
      actor,
      action: `request.${event}`,
      entityType: 'request',
      entityId: id,
      before: { reference: row.reference, status: row.status, scheduledFor: row.scheduledFor },
      after: { reference: row.reference, status: decision.to, scheduledFor: updated.scheduledFor, reason: decision.reason },
    });
    await notifyFiler(tx, deps, scope, updated, actor, { type: 'status', status: decision.to, actorName: actor.name, reason: decision.reason, scheduledFor: updated.scheduledFor });
    return updated;
  });
