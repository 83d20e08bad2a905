import type { Queryable } from '../../../platform/db.js';
import { brusselsDay } from '../../../platform/calendar.js';
import { localize, t, type Lang } from '../../../platform/i18n.js';
import { suspendedMonthlyPrice } from '../../lines/domain/line-operations.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { priceKey, pricesOn } from '../../catalog/index.js';
import { changeLines, endedServiceLines, newServiceLines, parseBillDate, totalCents, type BillingLine, type PricedItem } from '../domain/pro-rata.js';
import { insertBillingLines, insertServiceChange, itemNames, suspendedPrices, type BilledItemKind, type LineContext } from '../billing.repository.js';

/** What a service is billed for: its bundle and options, or — `suspended` — the bundle's suspended price instead. */
export type Selection = { bundleCode: string; optionCodes: string[]; suspended?: boolean };
type Priced = PricedItem & { itemKind: BilledItemKind; itemCode: string };

const itemsOf = (sel: Selection): { kind: 'bundle' | 'option'; code: string }[] => [{ kind: 'bundle' as const, code: sel.bundleCode }, ...sel.optionCodes.map((code) => ({ kind: 'option' as const, code }))];

/**
 * The bundle and options of each selection with their prices on `day`, from one look-up of the
 * price list however many selections there are; codes are namespaced by kind so a bundle and an
 * option never collide.
 */
export const pricedSelections = async (q: Queryable, sels: Selection[], day: string): Promise<Priced[][]> => {
  const prices = await pricesOn(q, sels.flatMap(itemsOf), day);
  const suspended = await suspendedPrices(q, sels.filter((s) => s.suspended).map((s) => s.bundleCode));
  return sels.map((sel) => {
    const items: Priced[] = itemsOf(sel).map((i) => ({ code: priceKey(i.kind, i.code), itemKind: i.kind, itemCode: i.code, monthlyPriceCents: prices.get(priceKey(i.kind, i.code)) ?? 0 }));
    if (!sel.suspended) return items;
    const [bundle, ...options] = items;
    const monthlyPriceCents = suspendedMonthlyPrice(
      { monthlyPriceCents: bundle!.monthlyPriceCents, suspendedMonthlyPriceCents: suspended.get(sel.bundleCode) ?? null },
      options.reduce((sum, o) => sum + o.monthlyPriceCents, 0),
    );
    return [{ code: priceKey('suspension', sel.bundleCode), itemKind: 'suspension', itemCode: sel.bundleCode, monthlyPriceCents }];
  });
};

/** The monthly recurring price of each selection on `day` (bundle and options, or the suspended price): what an order adds to every bill. */
export const monthlyPrices = async (q: Queryable, sels: Selection[], day: string): Promise<number[]> =>
  (await pricedSelections(q, sels, day)).map((items) => items.reduce((s, i) => s + i.monthlyPriceCents, 0));

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
    fromSuspended: service.suspended ?? false,
    toSuspended: after.suspended ?? false,
    actorAccountId,
  });
  const reason = after.suspended && !service.suspended ? 'suspension' : !after.suspended && service.suspended ? 'resumption' : 'change';
  await insertBillingLines(tx, scope, { serviceId: service.id, mobileUserId: service.mobileUserId, occurredOn: impact.day, reason, serviceChangeId: changeId }, impact.lines);
  return changeId;
};

/** A change's effect on the bill as people read it: the items before and after with their names, and the pro-rata lines. */
export const describeImpact = async (q: Queryable, impact: Awaited<ReturnType<typeof changeImpact>>, lang: Lang) => {
  const name = await namer(q, [...impact.from, ...impact.to], lang);
  const side = (items: typeof impact.from) => {
    const [bundle, ...options] = items;
    const item = (i: (typeof items)[number]) => ({ code: i.itemCode, name: name(i.itemKind, i.itemCode), monthlyPriceCents: i.monthlyPriceCents });
    return { bundle: item(bundle!), options: options.map(item), monthlyPriceCents: items.reduce((s, i) => s + i.monthlyPriceCents, 0) };
  };
  return {
    effectiveOn: impact.day,
    before: side(impact.from),
    after: side(impact.to),
    lines: impact.lines.map((l) => ({ code: l.itemCode, name: name(l.itemKind, l.itemCode), kind: l.kind, days: l.days, daysInMonth: l.daysInMonth, amountCents: l.amountCents })),
    totalCents: impact.totalCents,
    monthlyDifferenceCents: impact.monthlyDifferenceCents,
  };
};

/** Catalog names for a set of lines or items, in the reader's language. */
export const namer = async (q: Queryable, items: { itemKind: BilledItemKind; itemCode: string }[], lang: Lang) => {
  const names = await itemNames(q, {
    bundles: [...new Set(items.filter((i) => i.itemKind !== 'option').map((i) => i.itemCode))],
    options: [...new Set(items.filter((i) => i.itemKind === 'option').map((i) => i.itemCode))],
  });
  return (kind: BilledItemKind, code: string): string => {
    if (kind === 'suspension') return t(lang, 'billing.suspendedBundle', { bundle: (names.bundles.get(code) && localize(names.bundles.get(code)!, lang)) ?? code });
    const n = (kind === 'bundle' ? names.bundles : names.options).get(code);
    return n ? localize(n, lang) : code;
  };
};
