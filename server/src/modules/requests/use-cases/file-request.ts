import { AppError } from '../../../platform/app-error.js';
import { brusselsDay } from '../../../platform/calendar.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { filingProblems, type FileRequestInput } from '../domain/request-details.js';
import { filingFacts, insertRequest, insertRequestServices, recordRequestEvent, type RequestActor } from '../requests.repository.js';
import type { Deps } from '../../../deps.js';

/**
 * Files a request for the administrator's company: its references are checked against the company's
 * own offices and services, its dates against today in Brussels, then the request, its services and
 * its first history line are written together. Returns the new request's id.
 */
export const fileRequest = async (deps: Deps, scope: CompanyScope, actor: RequestActor, input: FileRequestInput) =>
  deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const facts = await filingFacts(tx, scope, input.officeId ? [input.officeId] : [], [...new Set(input.serviceIds)]);
    const problems = filingProblems(input, { today: brusselsDay(now), ...facts });
    if (problems.length) throw new AppError('REQUEST.INVALID', { fieldErrors: problems });
    const row = await insertRequest(tx, scope, {
      year: Number(brusselsDay(now).slice(0, 4)),
      kind: input.kind,
      officeId: input.officeId,
      details: input.details,
      filedByAccountId: actor.accountId,
      status: 'submitted',
    });
    await insertRequestServices(tx, scope, row.id, input.serviceIds);
    await recordRequestEvent(tx, scope, { requestId: row.id, event: 'filed', fromStatus: null, toStatus: 'submitted', actor });
    await recordAudit(tx, {
      scope,
      actor,
      action: 'request.filed',
      entityType: 'request',
      entityId: row.id,
      before: null,
      after: { reference: row.reference, kind: row.kind, officeId: row.officeId, serviceIds: input.serviceIds, details: row.details },
    });
    return row.id;
  });
