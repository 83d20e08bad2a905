// The catalog as operator staff maintain it: every entry (active or not), names in all three
// languages, and the dated price list. Operator-level data: it belongs to no company.
import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { accounts, bundleAllowedOptions, bundleOptions, bundles, catalogPrices, productTypes, serviceTypes, type LocalizedText } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import type { ItemKind } from './prices.js';

export const getBackOfficeCatalog = async (q: Queryable, today: string) => {
  const [products, types, bundleRows, optionRows, allowed, planned] = await Promise.all([
    q.select().from(productTypes).orderBy(asc(productTypes.sortOrder), asc(productTypes.code)),
    q.select().from(serviceTypes).orderBy(asc(serviceTypes.sortOrder), asc(serviceTypes.code)),
    q.select().from(bundles).orderBy(asc(bundles.sortOrder), asc(bundles.code)),
    q.select().from(bundleOptions).orderBy(asc(bundleOptions.code)),
    q.select().from(bundleAllowedOptions),
    // the first planned price of each item
    q
      .selectDistinctOn([catalogPrices.itemKind, catalogPrices.itemCode], { kind: catalogPrices.itemKind, code: catalogPrices.itemCode, cents: catalogPrices.monthlyPriceCents, from: catalogPrices.effectiveFrom })
      .from(catalogPrices)
      .where(gt(catalogPrices.effectiveFrom, today))
      .orderBy(catalogPrices.itemKind, catalogPrices.itemCode, asc(catalogPrices.effectiveFrom)),
  ]);
  const next = (kind: ItemKind, code: string) => {
    const p = planned.find((r) => r.kind === kind && r.code === code);
    return p ? { monthlyPriceCents: p.cents, effectiveFrom: p.from } : null;
  };
  return {
    today,
    productTypes: products.map((p) => ({ code: p.code, name: p.name, sortOrder: p.sortOrder })),
    serviceTypes: types.map((s) => ({
      code: s.code,
      productTypeCode: s.productTypeCode,
      name: s.name,
      needsSim: s.needsSim,
      needsMobileNumber: s.needsMobileNumber,
      needsFixedNumber: s.needsFixedNumber,
    })),
    bundles: bundleRows.map((b) => ({
      code: b.code,
      serviceTypeCode: b.serviceTypeCode,
      name: b.name,
      dataGb: b.dataGb,
      callMinutes: b.callMinutes,
      monthlyPriceCents: b.monthlyPriceCents,
      nextPrice: next('bundle', b.code),
      suspendedMonthlyPriceCents: b.suspendedMonthlyPriceCents,
      active: b.active,
      optionCodes: allowed.filter((a) => a.bundleCode === b.code).map((a) => a.optionCode),
    })),
    options: optionRows.map((o) => ({
      code: o.code,
      name: o.name,
      monthlyPriceCents: o.monthlyPriceCents,
      nextPrice: next('option', o.code),
      active: o.active,
      bundleCodes: allowed.filter((a) => a.optionCode === o.code).map((a) => a.bundleCode),
    })),
  };
};

export type CatalogEntryKind = 'product-types' | 'service-types' | 'bundles' | 'options';

const tableOf = (kind: CatalogEntryKind) =>
  ({ 'product-types': productTypes, 'service-types': serviceTypes, bundles, options: bundleOptions })[kind];

/** One entry's name and (bundles and options only) whether it is offered, locked for the change. */
export const findCatalogEntry = async (q: Queryable, kind: CatalogEntryKind, code: string) => {
  const table = tableOf(kind);
  const [row] = await q.select().from(table).where(eq(table.code, code)).for('update');
  if (!row) return null;
  return { name: row.name, active: 'active' in row ? row.active : null, ...('suspendedMonthlyPriceCents' in row ? { suspendedMonthlyPriceCents: row.suspendedMonthlyPriceCents } : {}) };
};

export const updateCatalogEntry = async (
  q: Queryable,
  kind: CatalogEntryKind,
  code: string,
  values: { name?: LocalizedText; active?: boolean; suspendedMonthlyPriceCents?: number | null },
) => {
  if (kind === 'bundles') await q.update(bundles).set(values).where(eq(bundles.code, code));
  else if (kind === 'options') await q.update(bundleOptions).set({ name: values.name, active: values.active }).where(eq(bundleOptions.code, code));
  else if (values.name) {
    const table = tableOf(kind);
    await q.update(table).set({ name: values.name }).where(eq(table.code, code));
  }
};

// ---------------------------------------------------------------- dated prices

export const itemExists = async (q: Queryable, kind: ItemKind, code: string) => {
  const table = kind === 'bundle' ? bundles : bundleOptions;
  const [row] = await q.select({ code: table.code }).from(table).where(eq(table.code, code));
  return Boolean(row);
};

/** Locks the item's row: two prices for one item are written one after the other. */
export const lockItem = async (q: Queryable, kind: ItemKind, code: string) => {
  const table = kind === 'bundle' ? bundles : bundleOptions;
  const [row] = await q.select({ code: table.code, cents: table.monthlyPriceCents }).from(table).where(eq(table.code, code)).for('update');
  return row ?? null;
};

export const findPriceOn = async (q: Queryable, kind: ItemKind, code: string, day: string) => {
  const [row] = await q
    .select()
    .from(catalogPrices)
    .where(and(eq(catalogPrices.itemKind, kind), eq(catalogPrices.itemCode, code), eq(catalogPrices.effectiveFrom, day)));
  return row ?? null;
};

export const findPrice = async (q: Queryable, id: string) => {
  const [row] = await q.select().from(catalogPrices).where(eq(catalogPrices.id, id)).for('update');
  return row ?? null;
};

export const insertPrice = async (q: Queryable, values: { itemKind: ItemKind; itemCode: string; monthlyPriceCents: number; effectiveFrom: string; createdByAccountId: string }) => {
  const [row] = await q.insert(catalogPrices).values(values).returning();
  return row!;
};

/** A planned price replaced before its day: the same row gets the new amount. */
export const updatePlannedPrice = async (q: Queryable, id: string, values: { monthlyPriceCents: number; createdByAccountId: string }) => {
  const [row] = await q.update(catalogPrices).set(values).where(eq(catalogPrices.id, id)).returning();
  return row!;
};

export const deletePrice = async (q: Queryable, id: string) => {
  await q.delete(catalogPrices).where(eq(catalogPrices.id, id));
};

/** The column the wizard and every other reader use: the price in effect today. */
export const setListPrice = async (q: Queryable, kind: ItemKind, code: string, cents: number) => {
  if (kind === 'bundle') await q.update(bundles).set({ monthlyPriceCents: cents }).where(eq(bundles.code, code));
  else await q.update(bundleOptions).set({ monthlyPriceCents: cents }).where(eq(bundleOptions.code, code));
};

export const priceHistory = async (q: Queryable, kind: ItemKind, code: string) =>
  q
    .select({ price: catalogPrices, createdByName: accounts.fullName })
    .from(catalogPrices)
    .leftJoin(accounts, eq(accounts.id, catalogPrices.createdByAccountId))
    .where(and(eq(catalogPrices.itemKind, kind), eq(catalogPrices.itemCode, code)))
    .orderBy(desc(catalogPrices.effectiveFrom));

export const allListPrices = async (q: Queryable) => {
  const [b, o] = await Promise.all([
    q.select({ code: bundles.code, cents: bundles.monthlyPriceCents }).from(bundles),
    q.select({ code: bundleOptions.code, cents: bundleOptions.monthlyPriceCents }).from(bundleOptions),
  ]);
  return [...b.map((r) => ({ kind: 'bundle' as const, ...r })), ...o.map((r) => ({ kind: 'option' as const, ...r }))];
};
