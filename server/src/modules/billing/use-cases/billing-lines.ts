import type { Queryable } from '../../../platform/db.js';
import { brusselsDay } from '../../../platform/calendar.js';
import { localize, type Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { priceKey, pricesOn, type ItemKind } from '../../catalog/index.js';
import { changeLines, endedServiceLines, newServiceLines, parseBillDate, totalCents, type BillingLine, type PricedItem } from '../domain/pro-rata.js';
import { insertBillingLines, insertServiceChange, itemNames, type LineContext } from '../billing.repository.js';

export type Selection = { bundleCode: string; optionCodes: string[] };
type Priced = PricedItem & { itemKind: ItemKind; itemCode: string };

const itemsOf = (sel: Selection) => [{ kind: 'bundle' as const, code: sel.bundleCode }, ...sel.optionCodes.map((code) => ({ kind: 'option' as const, code }))];

/**
 * The bundle and options of each selection with their prices on `day`, from one look-up of the
 * price list however many selections there are; codes are namespaced by kind so a bundle and an
 * option never collide.
 */
export const pricedSelections = async (q: Queryable, sels: Selection[], day: string): Promise<Priced[][]> => {
  const prices = await pricesOn(q, sels.flatMap(itemsOf), day);
  return sels.map((sel) =>
    itemsOf(sel).map((i) => ({ code: priceKey(i.kind, i.code), itemKind: i.kind, itemCode: i.code, monthlyPriceCents: prices.get(priceKey(i.kind, i.code)) ?? 0 })),
  );
};

export const pricedSelection = async (q: Queryable, sel: Selection, day: string): Promise<Priced[]> => (await pricedSelections(q, [sel], day))[0]!;

const withItems = (lines: BillingLine[], items: Priced[]) =>
  lines.map((l) => {
    const item = items.find((i) => i.code === l.code)!;
    return { ...l, itemKind: item.itemKind, itemCode: item.itemCode, monthlyPriceCents: item.monthlyPriceCents };
  });

type ServiceRef = Selection & { id: string; mobileUserId: string };

/** A new service is charged from the day it becomes active to the end of that month. */
export const writeNewServiceLines = async (tx: Queryable, scope: CompanyScope, service: ServiceRef, activatedAt: Date) => {
  const day = brusselsDay(activatedAt);
  const items = await pricedSelection(tx, service, day);
  const ctx: LineContext = { serviceId: service.id, mobileUserId: service.mobileUserId, occurredOn: day, reason: 'new_service' };
  await insertBillingLines(tx, scope, ctx, withItems(newServiceLines(items, parseBillDate(day)), items));
};

/** A deleted service is credited from the day it ends to the end of that month. */
export const writeDeletionLines = async (tx: Queryable, scope: CompanyScope, service: ServiceRef, endedAt: Date) => {
  const day = brusselsDay(endedAt);
  const items = await pricedSelection(tx, service, day);
  const lines = withItems(endedServiceLines(items, parseBillDate(day)), items);
  await insertBillingLines(tx, scope, { serviceId: service.id, mobileUserId: service.mobileUserId, occurredOn: day, reason: 'deletion' }, lines);
  return lines;
};

/** What a change on `day` does to the bill: credit what goes, charge what comes, for the rest of the month. */
export const changeImpact = async (q: Queryable, before: Selection, after: Selection, day: string) => {
  const [from, to] = await Promise.all([pricedSelection(q, before, day), pricedSelection(q, after, day)]);
  const lines = [...withItems(changeLines(from, to, parseBillDate(day)), [...from, ...to])];
  const monthly = (items: Priced[]) => items.reduce((s, i) => s + i.monthlyPriceCents, 0);
  return { day, from, to, lines, totalCents: totalCents(lines), monthlyDifferenceCents: monthly(to) - monthly(from) };
};

export const writeChange = async (
  tx: Queryable,
  scope: CompanyScope,
  service: ServiceRef,
  after: Selection,
  impact: Awaited<ReturnType<typeof changeImpact>>,
  actorAccountId: string | null,
) => {
  const changeId = await insertServiceChange(tx, {
    companyId: scope.companyId,
    serviceId: service.id,
    effectiveOn: impact.day,
    fromBundleCode: service.bundleCode,
    fromOptionCodes: service.optionCodes,
    toBundleCode: after.bundleCode,
    toOptionCodes: after.optionCodes,
    actorAccountId,
  });
  await insertBillingLines(tx, scope, { serviceId: service.id, mobileUserId: service.mobileUserId, occurredOn: impact.day, reason: 'change', serviceChangeId: changeId }, impact.lines);
  return changeId;
};

/** Catalog names for a set of lines or items, in the reader's language. */
export const namer = async (q: Queryable, items: { itemKind: ItemKind; itemCode: string }[], lang: Lang) => {
  const names = await itemNames(q, {
    bundles: [...new Set(items.filter((i) => i.itemKind === 'bundle').map((i) => i.itemCode))],
    options: [...new Set(items.filter((i) => i.itemKind === 'option').map((i) => i.itemCode))],
  });
  return (kind: ItemKind, code: string) => {
    const n = (kind === 'bundle' ? names.bundles : names.options).get(code);
    return n ? localize(n, lang) : code;
  };
};
