import type { Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import { brusselsDay } from '../../../platform/calendar.js';
import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { monthlyPrices, type Selection } from '../../billing/index.js';
import { commitImport, prepareImport, writeImport, type UploadedFile } from '../../imports/index.js';
import { queueMail } from '../../mail/index.js';
import { findMobileUserRow } from '../../mobile-users/index.js';
import { addService, applyServiceChange, changeService, checkWizardStep, findServiceRow, previewChange } from '../../services/index.js';
import { STEPS } from '../../services/domain/wizard-rules.js';
import type { WizardInput } from '../../services/services.schemas.js';
import type { ApprovalPayload } from '../domain/approval-machine.js';
import { needsApproval } from '../domain/threshold.js';
import { approvalThreshold, companyNameOf, decidersBut, insertApproval, type ApprovalRow } from '../approvals.repository.js';

/**
 * The three orders the company's approval rule applies to. Each one is checked in full first (the
 * same checks as its save, writing nothing), its monthly amount taken from the billing module's
 * prices, and then either carried out at once by its own use case — approvals off, or at or under
 * the threshold — or held as a pending approval that keeps the checked input. A held order reserves
 * nothing: the number, SIM or eSIM it names stays in stock, and the save on approval checks and
 * reserves it again (an approval whose stock went meanwhile fails with the stock rule's reason).
 * Holding stock for an approval that may take days would keep it from every other order, and
 * would need its own release on rejection, cancellation and expiry.
 */
export type Ordered<T> = { done: true; result: T } | { done: false; approval: ApprovalRow };

const done = <T>(result: T): Ordered<T> => ({ done: true, result });

const fullName = (u: { firstName: string; lastName: string }) => `${u.firstName} ${u.lastName}`;

/** A held order: the approval, its audit line, its timeline line (a service that exists) and the e-mails to who decides. */
const hold = async (
  tx: Queryable,
  deps: Deps,
  scope: CompanyScope,
  actor: AccountActor,
  order: { payload: ApprovalPayload; subject: string; monthlyAmountCents: number; thresholdCents: number; serviceId?: string; importId?: string },
) => {
  const approval = await insertApproval(tx, scope, { ...order, requestedByAccountId: actor.accountId, requestedByName: actor.name });
  await recordAudit(tx, {
    scope,
    actor,
    action: 'approval.requested',
    entityType: 'approval',
    entityId: approval.id,
    before: null,
    after: { kind: approval.kind, subject: approval.subject, monthlyAmountCents: approval.monthlyAmountCents, thresholdCents: approval.thresholdCents, status: 'pending' },
  });
  if (order.serviceId) {
    const service = await findServiceRow(tx, scope, order.serviceId);
    if (service) await applyServiceChange(tx, deps, scope, actor, service, { timeline: 'approval_requested', reason: approval.subject });
  }
  const companyName = await companyNameOf(tx, scope);
  for (const decider of await decidersBut(tx, scope, actor.accountId)) {
    await queueMail(tx, deps.jobs, {
      companyId: scope.companyId,
      to: { address: decider.email, name: decider.fullName },
      language: decider.language,
      template: 'approval_requested',
      data: { kind: approval.kind, subject: approval.subject, requesterName: actor.name, monthlyAmountCents: approval.monthlyAmountCents, thresholdCents: approval.thresholdCents, companyName, portalUrl: deps.links.publicUrl() },
    });
  }
  return approval;
};

const today = (deps: Pick<Deps, 'clock'>) => brusselsDay(deps.clock.now());

/** The monthly recurring amount of new services: their bundles and options at today's prices. */
export const monthlyAmountOf = async (q: Queryable, selections: Selection[], day: string) => (await monthlyPrices(q, selections, day)).reduce((s, n) => s + n, 0);

/** Save of the Add Service wizard, under the company's approval rule. */
export const orderNewService = async (deps: Deps, scope: CompanyScope, actor: AccountActor, mobileUserId: string, input: WizardInput): Promise<Ordered<string>> => {
  const threshold = await approvalThreshold(deps.db, scope);
  if (threshold === null) return done(await addService(deps, scope, actor, mobileUserId, input));
  await checkWizardStep(deps, scope, mobileUserId, STEPS.activation, input);
  const amount = await monthlyAmountOf(deps.db, [{ bundleCode: input.bundleCode, optionCodes: input.optionCodes }], today(deps));
  if (!needsApproval(threshold, amount)) return done(await addService(deps, scope, actor, mobileUserId, input));
  const user = (await findMobileUserRow(deps.db, scope, mobileUserId))!;
  const approval = await deps.db.transaction((tx) =>
    hold(tx, deps, scope, actor, { payload: { kind: 'new_service', mobileUserId, input: JSON.parse(JSON.stringify(input)) }, subject: fullName(user), monthlyAmountCents: amount, thresholdCents: threshold }),
  );
  return { done: false, approval };
};

/** Manage service → Continue, under the company's approval rule: only the monthly increase counts. */
export const orderBundleChange = async (deps: Deps, scope: CompanyScope, actor: AccountActor, serviceId: string, selection: Selection, lang: Lang) => {
  const threshold = await approvalThreshold(deps.db, scope);
  if (threshold === null) return done(await changeService(deps, scope, actor, serviceId, selection, lang));
  const impact = await previewChange(deps, scope, serviceId, selection, lang);
  if (!needsApproval(threshold, impact.monthlyDifferenceCents)) return done(await changeService(deps, scope, actor, serviceId, selection, lang));
  const service = (await findServiceRow(deps.db, scope, serviceId))!;
  const user = await findMobileUserRow(deps.db, scope, service.mobileUserId);
  const subject = [user ? fullName(user) : null, service.msisdn].filter(Boolean).join(' · ');
  const approval = await deps.db.transaction((tx) =>
    hold(tx, deps, scope, actor, {
      payload: { kind: 'bundle_change', serviceId, selection: { bundleCode: selection.bundleCode, optionCodes: selection.optionCodes } },
      subject,
      monthlyAmountCents: impact.monthlyDifferenceCents,
      thresholdCents: threshold,
      serviceId,
    }),
  );
  return { done: false as const, approval };
};

const withoutApproval = <T extends { ok: boolean }>(r: T) => (r.ok ? { ...r, approvalId: null } : r);

/** An import's commit, under the company's approval rule: the summed monthly amount of the services it adds. */
export const orderImport = async (deps: Deps, scope: CompanyScope, actor: AccountActor, lang: Lang, file: UploadedFile) => {
  const threshold = await approvalThreshold(deps.db, scope);
  if (threshold === null) return withoutApproval(await commitImport(deps, scope, actor, lang, file));
  const prepared = await prepareImport(deps, scope, lang, file);
  if (!prepared.ok) return prepared;
  const amount = await monthlyAmountOf(deps.db, prepared.orders, today(deps));
  if (!needsApproval(threshold, amount)) {
    const record = await deps.db.transaction((tx) => writeImport(tx, deps, scope, actor, prepared, { awaitingApproval: false }));
    return { ok: true as const, id: record.id, approvalId: null };
  }
  return deps.db.transaction(async (tx) => {
    const record = await writeImport(tx, deps, scope, actor, prepared, { awaitingApproval: true });
    const approval = await hold(tx, deps, scope, actor, { payload: { kind: 'bulk_import', importId: record.id }, subject: prepared.fileName, monthlyAmountCents: amount, thresholdCents: threshold, importId: record.id });
    return { ok: true as const, id: record.id, approvalId: approval.id as string | null };
  });
};
