import type { AppDeps, Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { brusselsDay } from '../../../platform/calendar.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { QUEUES } from '../../../jobs/queues.js';
import { checkSuspensionUntil, previewSuspension } from '../../lines/index.js';
import { scheduleProblems } from '../../services/domain/wizard-rules.js';
import { deletionQuota, overviewServiceIds, previewChange } from '../../services/index.js';
import type { BulkActionInput } from '../bulk-actions.schemas.js';
import { groupBy, MAX_BULK_SELECTION, pricingKey, splitEligible, type BulkActionParams } from '../domain/bulk-action.js';
import { insertBulkAction, selectedServices, type SelectedService } from '../bulk-actions.repository.js';
import { reasonText } from './read-bulk-action.js';

type PlanDeps = Pick<AppDeps, 'db' | 'clock' | 'database'>;

/** The services a selection names: the ticked ids, or every service the overview's filters match. */
const resolveSelection = async (deps: PlanDeps, scope: CompanyScope, selection: BulkActionInput['selection']) => {
  const ids = 'serviceIds' in selection ? selection.serviceIds : await overviewServiceIds(deps.database, scope, selection.filter, MAX_BULK_SELECTION);
  if (ids.length > MAX_BULK_SELECTION) throw new AppError('BULK.TOO_MANY', { params: { maximum: MAX_BULK_SELECTION } });
  return selectedServices(deps.db, scope, ids);
};

/** The action's own input, checked once for the whole batch (a date in the past fails every service alike). */
const checkParams = (params: BulkActionParams, deps: Pick<Deps, 'clock'>) => {
  const now = deps.clock.now();
  if (params.kind === 'schedule') {
    const problems = scheduleProblems(new Date(params.startAt), now, 'startAt');
    if (problems.length) throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: problems });
  }
  if (params.kind === 'suspend') checkSuspensionUntil(params.until, brusselsDay(now));
};

/**
 * Prices one service of each group alike (same type, bundle, options, status) with the single
 * service's own preview, so the batch is checked by exactly the rules of the single-service page.
 */
const priceGroups = async (deps: PlanDeps, scope: CompanyScope, params: BulkActionParams, eligible: SelectedService[], lang: Lang) => {
  const groups = groupBy(eligible, (s) => `${s.status}|${pricingKey(s)}`);
  const priced: { services: SelectedService[]; impact: Awaited<ReturnType<typeof previewChange>> }[] = [];
  const refused: { services: SelectedService[]; message: string }[] = [];
  for (const group of groups) {
    const sample = group[0]!;
    try {
      const impact =
        params.kind === 'change'
          ? await previewChange(deps, scope, sample.id, { bundleCode: params.bundleCode, optionCodes: params.optionCodes }, lang)
          : await previewSuspension(deps, scope, sample.id, params.kind === 'suspend' ? 'suspend' : 'resume', lang);
      priced.push({ services: group, impact });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      refused.push({ services: group, message: reasonText(err, lang) });
    }
  }
  return { priced, refused };
};

const planOf = async (deps: PlanDeps, scope: CompanyScope, input: BulkActionInput, lang: Lang) => {
  checkParams(input.action, deps);
  const selected = await resolveSelection(deps, scope, input.selection);
  const { eligible, ineligible } = splitEligible(input.action.kind, selected);
  const kind = input.action.kind;
  let toRun = eligible;
  let refused: { count: number; message: string }[] = [];
  let impact = null;
  if (kind === 'change' || kind === 'suspend' || kind === 'resume') {
    const groups = await priceGroups(deps, scope, input.action, eligible, lang);
    toRun = groups.priced.flatMap((g) => g.services);
    refused = groups.refused.map((g) => ({ count: g.services.length, message: g.message }));
    const each = groups.priced.map((g) => ({ count: g.services.length, before: g.impact.before, after: g.impact.after, totalCents: g.impact.totalCents, monthlyDifferenceCents: g.impact.monthlyDifferenceCents }));
    impact = {
      groups: each,
      totalCents: each.reduce((s, g) => s + g.count * g.totalCents, 0),
      monthlyDifferenceCents: each.reduce((s, g) => s + g.count * g.monthlyDifferenceCents, 0),
    };
  }
  let quota = null;
  if (kind === 'delete') {
    const { limit, used, remaining } = await deletionQuota(deps.db, scope);
    quota = { limit, used, remaining, allowed: eligible.length <= remaining };
  }
  return { preview: { kind, selected: selected.length, eligible: toRun.length, ineligible, refused, impact, deletionQuota: quota }, toRun };
};

/** What the action would do to the selection, before confirming. Writes nothing. */
export const previewBulkAction = async (deps: PlanDeps, scope: CompanyScope, input: BulkActionInput, lang: Lang) => (await planOf(deps, scope, input, lang)).preview;

/**
 * Confirms an action: its record and one item per service it applies to, and the job that works them,
 * in one transaction. A delete batch past the 30 % rule is refused whole, with the numbers.
 */
export const startBulkAction = async (deps: PlanDeps & Pick<Deps, 'jobs'>, scope: CompanyScope, actor: AccountActor, input: BulkActionInput, lang: Lang) => {
  const { preview, toRun } = await planOf(deps, scope, input, lang);
  if (toRun.length === 0) throw new AppError('BULK.NOTHING_ELIGIBLE', { params: { selected: preview.selected } });
  if (preview.deletionQuota && !preview.deletionQuota.allowed) {
    const { limit, used, remaining } = preview.deletionQuota;
    throw new AppError('BULK.DELETION_QUOTA_EXCEEDED', { params: { requested: toRun.length, remaining, limit, used } });
  }
  return deps.db.transaction(async (tx) => {
    const created = await insertBulkAction(tx, scope, { params: input.action, startedByAccountId: actor.accountId, startedByName: actor.name, language: lang }, toRun.map((s) => s.id));
    await deps.jobs.send(tx, QUEUES.bulkAction, { companyId: scope.companyId, bulkActionId: created.id });
    return created.id;
  });
};
