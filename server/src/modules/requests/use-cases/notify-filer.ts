import type { Deps } from '../../../deps.js';
import type { Queryable } from '../../../platform/db.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { queueMail, type RequestUpdatedMailData } from '../../mail/index.js';
import { filerOf, type RequestActor, type RequestRow } from '../requests.repository.js';

/**
 * E-mails the administrator who filed the request, in their language, inside the caller's
 * transaction. Nobody is told about their own action (an administrator withdrawing the request
 * they filed gets no e-mail about it; another administrator of the company withdrawing it does).
 */
export const notifyFiler = async (tx: Queryable, deps: Pick<Deps, 'jobs' | 'links'>, scope: CompanyScope, request: RequestRow, actor: RequestActor, update: RequestUpdatedMailData['update']) => {
  if (actor.accountId === request.filedByAccountId) return;
  const filer = await filerOf(tx, scope, request);
  if (!filer) return;
  await queueMail(tx, deps.jobs, {
    companyId: scope.companyId,
    to: { address: filer.email, name: filer.fullName },
    language: filer.language,
    template: 'request_updated',
    data: { requestId: request.id, reference: request.reference, kind: request.kind, update, companyName: filer.companyName, portalUrl: deps.links.publicUrl() },
  });
};
