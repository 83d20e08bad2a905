import { AppError } from '../../../platform/app-error.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { canAssign } from '../domain/request-machine.js';
import { findRequestRow, recordRequestEvent, updateRequest, type RequestActor } from '../requests.repository.js';
import type { Deps } from '../../../deps.js';

/** Operator staff take an open request (from nobody, or from a colleague); the history says who had it. */
export const assignRequestToSelf = async (deps: Deps, scope: CompanyScope, actor: RequestActor, id: string) =>
  deps.db.transaction(async (tx) => {
    if (actor.role !== 'operator') throw new AppError('REQUEST.EVENT_FORBIDDEN', { params: { event: 'assign' } });
    const row = await findRequestRow(tx, scope, id, true);
    if (!row) throw new AppError('REQUEST.NOT_FOUND');
    if (!canAssign(row.status)) throw new AppError('REQUEST.CLOSED');
    // already theirs: nothing changes, nothing is recorded
    if (row.assignedToAccountId === actor.accountId) return row;
    const updated = await updateRequest(tx, scope, id, { assignedToAccountId: actor.accountId });
    await recordRequestEvent(tx, scope, {
      requestId: id,
      event: 'assigned',
      fromStatus: row.status,
      toStatus: row.status,
      actor,
      fromAssigneeAccountId: row.assignedToAccountId,
      toAssigneeAccountId: actor.accountId,
    });
    await recordAudit(tx, {
      scope,
      actor,
      action: 'request.assigned',
      entityType: 'request',
      entityId: id,
      before: { reference: row.reference, assignedToAccountId: row.assignedToAccountId },
      after: { reference: row.reference, assignedToAccountId: actor.accountId },
    });
    return updated;
  });
