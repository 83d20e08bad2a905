import type { Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { approvalThreshold, setApprovalThreshold } from '../approvals.repository.js';

export const getApprovalSettings = async (deps: Pick<Deps, 'db'>, scope: CompanyScope) => ({ thresholdCents: await approvalThreshold(deps.db, scope) });

/** The owner turns approvals on with a monthly amount, changes it, or turns them off (null). Orders already waiting keep theirs. */
export const setApprovalSettings = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, actor: AccountActor, thresholdCents: number | null) =>
  deps.db.transaction(async (tx) => {
    const before = await approvalThreshold(tx, scope);
    if (before !== thresholdCents) {
      await setApprovalThreshold(tx, scope, thresholdCents);
      await recordAudit(tx, { scope, actor, action: 'company.approval_threshold_changed', entityType: 'company', entityId: scope.companyId, before: { approvalThresholdCents: before }, after: { approvalThresholdCents: thresholdCents } });
    }
    return { thresholdCents };
  });
