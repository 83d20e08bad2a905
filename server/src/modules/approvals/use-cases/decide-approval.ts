import type { Deps } from '../../../deps.js';
import type { AccountActor, Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { toProblem } from '../../../http/problem.js';
import { recordAudit } from '../../audit/index.js';
import { cancelImport, startImport } from '../../imports/index.js';
import { queueMail } from '../../mail/index.js';
import { addService, applyServiceChange, changeService, findServiceRow } from '../../services/index.js';
import { WizardInputSchema } from '../../services/services.schemas.js';
import { decide, type ApprovalEvent, type Caller } from '../domain/approval-machine.js';
import { accountOf, companyNameOf, findApproval, updateApproval, type ApprovalRow } from '../approvals.repository.js';

/** The order an approval holds, carried out by its own use case exactly as when it was placed; in the requester's name. */
const carryOut = async (tx: Queryable, deps: Deps, scope: CompanyScope, approval: ApprovalRow, lang: Lang): Promise<{ serviceId: string | null }> => {
  const requester: Actor = { accountId: approval.requestedByAccountId, name: approval.requestedByName };
  const nested = { ...deps, db: tx as Deps['db'] };
  const p = approval.payload;
  switch (p.kind) {
    case 'new_service':
      // the input was checked when it was placed; it is read through the same schema again
      return { serviceId: await addService(nested, scope, requester, p.mobileUserId, WizardInputSchema.parse(p.input)) };
    case 'bundle_change':
      await changeService(nested, scope, requester, p.serviceId, p.selection, lang);
      return { serviceId: p.serviceId };
    case 'bulk_import':
      if (!(await startImport(tx, deps, scope, p.importId))) throw new AppError('IMPORT.NOT_FOUND');
      return { serviceId: null };
  }
};

/** Why an order could not be carried out, in words (the approver's language): the error's title, its detail or first field's rule. */
const failureReason = (err: AppError, lang: Lang) => {
  const problem = toProblem(err, lang);
  return [problem.title, problem.errors?.[0]?.message ?? problem.detail].join(': ');
};

/**
 * Fires one event of the transition table on an approval. The row is locked, the table decides
 * (who, from which status, with what), then everything is written in one transaction: the order
 * itself when approved (in a savepoint: if its own rules now refuse it — its SIM went to another
 * order — it is undone alone and the approval ends `failed` with the reason), the new status, the
 * audit line, the service's timeline line and the e-mail to the requester.
 */
export const decideApproval = async (deps: Deps, scope: CompanyScope, caller: Caller & { actor: AccountActor }, id: string, event: Exclude<ApprovalEvent, 'fail'>, input: { reason?: string | null }, lang: Lang) =>
  deps.db.transaction(async (tx) => {
    const row = await findApproval(tx, scope, id, true);
    if (!row) throw new AppError('APPROVAL.NOT_FOUND');
    const decision = decide(row, event, caller, input);
    if (!decision.ok) {
      if (decision.kind === 'own_request') throw new AppError('APPROVAL.OWN_REQUEST');
      if (decision.kind === 'not_requester') throw new AppError('APPROVAL.NOT_REQUESTER');
      if (decision.kind === 'forbidden') throw new AppError('AUTH.FORBIDDEN');
      if (decision.kind === 'illegal') throw new AppError('APPROVAL.NOT_PENDING', { params: { status: row.status } });
      throw new AppError('APPROVAL.INVALID', { fieldErrors: decision.problems });
    }
    let fired: ApprovalEvent = event;
    let to = decision.to;
    let reason = decision.reason;
    let serviceId = row.serviceId;
    if (event === 'approve') {
      try {
        serviceId = (await tx.transaction((sp) => carryOut(sp, deps, scope, row, lang))).serviceId ?? serviceId;
      } catch (err) {
        if (!(err instanceof AppError) || err.status >= 500) throw err;
        const failed = decide(row, 'fail', caller, { reason: failureReason(err, lang) });
        if (!failed.ok) throw err;
        fired = 'fail';
        to = failed.to;
        reason = failed.reason;
      }
    }
    if ((fired === 'reject' || fired === 'cancel' || fired === 'fail') && row.payload.kind === 'bulk_import') await cancelImport(tx, scope, row.payload.importId);
    const now = deps.clock.now();
    const updated = await updateApproval(tx, scope, id, { status: to, decidedByAccountId: caller.actor.accountId, decidedByName: caller.actor.name, decidedAt: now, reason, serviceId });
    await recordAudit(tx, {
      scope,
      actor: caller.actor,
      action: `approval.${fired}`,
      entityType: 'approval',
      entityId: id,
      before: { kind: row.kind, subject: row.subject, status: row.status },
      after: { kind: row.kind, subject: row.subject, status: to, reason, serviceId },
    });
    const service = serviceId ? await findServiceRow(tx, scope, serviceId) : null;
    if (service) await applyServiceChange(tx, deps, scope, caller.actor, service, { timeline: `approval_${to}`, reason });
    if (fired !== 'cancel') await tellRequester(tx, deps, scope, updated, fired === 'approve' ? 'approved' : fired === 'reject' ? 'rejected' : 'failed');
    return updated;
  });

const tellRequester = async (tx: Queryable, deps: Deps, scope: CompanyScope, approval: ApprovalRow, outcome: 'approved' | 'rejected' | 'failed') => {
  const requester = await accountOf(tx, scope, approval.requestedByAccountId);
  if (!requester || requester.status !== 'active') return;
  await queueMail(tx, deps.jobs, {
    companyId: scope.companyId,
    to: { address: requester.email, name: requester.fullName },
    language: requester.language,
    template: 'approval_decided',
    data: { kind: approval.kind, subject: approval.subject, outcome, deciderName: approval.decidedByName ?? '', reason: approval.reason, companyName: await companyNameOf(tx, scope), portalUrl: deps.links.publicUrl() },
  });
};
