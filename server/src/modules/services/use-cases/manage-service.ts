import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError, type FieldError } from '../../../platform/app-error.js';
import { brusselsDay, brusselsMidnight, nextDay } from '../../../platform/calendar.js';
import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { QUEUES } from '../../../jobs/queues.js';
import { changeImpact, describeImpact, namer, writeChange, writeDeletionLines, type Selection } from '../../billing/index.js';
import { getCatalog } from '../../catalog/index.js';
import { accountManagerOf, findContract } from '../../companies/index.js';
import { getOperatorBranding } from '../../operator/index.js';
import { quarantineNumberOf, releaseFixedNumberOf, retireSimsOf } from '../../stock/index.js';
import { checkDeletionQuota } from '../domain/deletion-quota.js';
import { nextStatus } from '../domain/lifecycle.js';
import { catalogProblems, STEPS } from '../domain/wizard-rules.js';
import { catalogFacts, countDeletedServices, findServiceRow, type ServiceRow } from '../services.repository.js';
import { applyServiceChange } from './apply-service-change.js';

/** Days of quarantine before a deleted service's number can be handed out again. */
export const NUMBER_QUARANTINE_DAYS = 90;

const sameSelection = (a: Selection, b: Selection) =>
  a.bundleCode === b.bundleCode && a.optionCodes.length === b.optionCodes.length && [...a.optionCodes].sort().join() === [...b.optionCodes].sort().join();

const activeService = async (q: Queryable, scope: CompanyScope, id: string, event: 'change' | 'terminate', forUpdate = false) => {
  const row = await findServiceRow(q, scope, id, forUpdate);
  if (!row) throw new AppError('SERVICE.NOT_FOUND');
  if (!nextStatus(row.status, event)) throw new AppError('SERVICE.NOT_ACTIVE', { params: { status: row.status } });
  return row;
};

/** The catalog's word on a new selection for this service: same service type, active bundle, allowed options. */
const checkSelection = async (q: Queryable, scope: CompanyScope, service: ServiceRow, input: Selection) => {
  const facts = await catalogFacts(q, scope, { serviceTypeCode: service.serviceTypeCode, bundleCode: input.bundleCode });
  const productTypeCode = facts.serviceType?.productTypeCode ?? '';
  // the contract was checked when the service was added; a change keeps the product type
  const problems: FieldError[] = catalogProblems(
    { productTypeCode, serviceTypeCode: service.serviceTypeCode, bundleCode: input.bundleCode, optionCodes: input.optionCodes },
    { ...facts, contractProducts: [productTypeCode] },
    STEPS.bundle,
  );
  if (problems.length) throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: problems });
  if (sameSelection(input, { bundleCode: service.bundleCode, optionCodes: service.optionCodes }))
    throw new AppError('SERVICE.NO_CHANGE', { fieldErrors: [{ field: 'bundleCode', rule: 'no_change' }] });
};

/** "Manage service", before Continue: what changes and what it does to this month's bill. Writes nothing. */
export const previewChange = async ({ db, clock }: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, id: string, input: Selection, lang: Lang) => {
  const service = await activeService(db, scope, id, 'change');
  await checkSelection(db, scope, service, input);
  return describeImpact(db, await changeImpact(db, service, input, brusselsDay(clock.now())), lang);
};

/**
 * "Manage service" → Continue: the new bundle and options hold from today; the rest of the month
 * of the old ones is credited and of the new ones charged. The contract term does not move.
 */
export const changeService = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, input: Selection, lang: Lang) =>
  deps.db.transaction(async (tx) => {
    const service = await activeService(tx, scope, id, 'change', true);
    await checkSelection(tx, scope, service, input);
    const impact = await changeImpact(tx, service, input, brusselsDay(deps.clock.now()));
    await writeChange(tx, scope, service, input, impact, actor.accountId);
    const name = await namer(tx, [...impact.from, ...impact.to], lang);
    const label = (items: typeof impact.from) => items.map((i) => name(i.itemKind, i.itemCode)).join(' + ');
    await applyServiceChange(tx, deps, scope, actor, service, {
      event: 'change',
      fields: { bundleCode: input.bundleCode, optionCodes: input.optionCodes },
      timeline: 'changed',
      reason: `${label(impact.from)} → ${label(impact.to)}`,
    });
    return describeImpact(tx, impact, lang);
  });

// ---------------------------------------------------------------- the 30 % rule and deletion

const quotaOf = async (q: Queryable, scope: CompanyScope, lock: boolean) => {
  // deletions of one company queue up behind this lock, so each one counts the ones before it
  const contract = await findContract(q, scope, { lock });
  if (!contract) return { contractedServices: 0, periodStartsOn: null, periodEndsOn: null, ...checkDeletionQuota(0, 0) };
  const used = await countDeletedServices(q, scope, brusselsMidnight(contract.startsOn), brusselsMidnight(nextDay(contract.endsOn)));
  const verdict = checkDeletionQuota(contract.contractedServices, used);
  return { contractedServices: contract.contractedServices, periodStartsOn: contract.startsOn, periodEndsOn: contract.endsOn, ...verdict };
};

export const deletionQuota = async (q: Queryable, scope: CompanyScope) => {
  const { allowed: _allowed, ...quota } = await quotaOf(q, scope, false);
  // who to ask for more, so the browser can offer it before anyone presses Yes
  const contacts = await contactsOf(q, scope);
  return { ...quota, accountManagerEmail: contacts.accountManagerEmail ?? null, salesEmail: contacts.salesEmail };
};

const contactsOf = async (q: Queryable, scope: CompanyScope) => {
  const op = await getOperatorBranding(q);
  const manager = await accountManagerOf(q, scope);
  return { salesEmail: op?.salesEmail ?? '', ...(manager ? { accountManagerEmail: manager.email, accountManagerName: manager.name } : {}) };
};

/**
 * "Remove" → Yes: the service ends today. Its number is quarantined, its SIM retired, its fixed
 * number goes back to the company's list, the rest of the month is credited, and the network is
 * told by a durable job. Refused past the 30 % rule, with the limit and the way out in the answer.
 */
export const deleteService = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, lang: Lang) =>
  deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const quota = await quotaOf(tx, scope, true);
    const service = await activeService(tx, scope, id, 'terminate', true);
    if (!quota.allowed) {
      throw new AppError('SERVICE.DELETION_QUOTA_REACHED', {
        params: { limit: quota.limit, used: quota.used, contractedServices: quota.contractedServices, ...(await contactsOf(tx, scope)) },
      });
    }
    await applyServiceChange(tx, deps, scope, actor, service, { event: 'terminate', fields: { endedAt: now, endReason: 'deleted' }, timeline: 'deleted' });
    await quarantineNumberOf(tx, scope, id, new Date(now.getTime() + NUMBER_QUARANTINE_DAYS * 86_400_000));
    const [iccid] = await retireSimsOf(tx, scope, id);
    await releaseFixedNumberOf(tx, scope, id);
    const lines = await writeDeletionLines(tx, scope, service, now);
    if (iccid && service.msisdn) {
      await deps.jobs.send(tx, QUEUES.serviceRelease, { companyId: scope.companyId, serviceId: id, msisdn: service.msisdn, iccid });
    }
    const name = await namer(tx, lines, lang);
    return {
      endsOn: brusselsDay(now),
      lines: lines.map((l) => ({ code: l.itemCode, name: name(l.itemKind, l.itemCode), kind: l.kind, days: l.days, daysInMonth: l.daysInMonth, amountCents: l.amountCents })),
      totalCents: lines.reduce((s, l) => s + l.amountCents, 0),
    };
  });

/** "Manage service": the bundles of the service's own type, with the options each allows. */
export const changeOptions = async (q: Queryable, scope: CompanyScope, id: string, lang: Lang) => {
  const service = await activeService(q, scope, id, 'change');
  const catalog = await getCatalog(q, lang);
  const type = catalog.productTypes.flatMap((p) => p.serviceTypes).find((t) => t.code === service.serviceTypeCode);
  return {
    current: { bundleCode: service.bundleCode, optionCodes: service.optionCodes },
    bundles: (type?.bundles ?? []).map((b) => ({ code: b.code, name: b.name, dataGb: b.dataGb, callMinutes: b.callMinutes, monthlyPriceCents: b.monthlyPriceCents, options: b.options })),
  };
};
