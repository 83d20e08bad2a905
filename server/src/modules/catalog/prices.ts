import { and, desc, inArray, lte } from 'drizzle-orm';
import { bundleOptions, bundles, catalogPrices } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';

export type ItemKind = 'bundle' | 'option';
// 'suspension': what a suspended line of a bundle costs instead of its bundle and options (billing's, not dated)
export type PriceKey = `${ItemKind | 'suspension'}:${string}`;
export const priceKey = (kind: ItemKind | 'suspension', code: string): PriceKey => `${kind}:${code}`;

/**
 * Monthly prices in effect on a day (Brussels calendar day), read from the dated price list. An
 * item without a dated price (created before prices were dated) falls back to its list price.
 */
export const pricesOn = async (q: Queryable, items: { kind: ItemKind; code: string }[], day: string): Promise<Map<PriceKey, number>> => {
  const prices = new Map<PriceKey, number>();
  if (!items.length) return prices;
  const codes = [...new Set(items.map((i) => i.code))];
  const rows = await q
    .selectDistinctOn([catalogPrices.itemKind, catalogPrices.itemCode], { kind: catalogPrices.itemKind, code: catalogPrices.itemCode, cents: catalogPrices.monthlyPriceCents })
    .from(catalogPrices)
    .where(and(inArray(catalogPrices.itemCode, codes), lte(catalogPrices.effectiveFrom, day)))
    .orderBy(catalogPrices.itemKind, catalogPrices.itemCode, desc(catalogPrices.effectiveFrom));
  for (const r of rows) prices.set(priceKey(r.kind, r.code), r.cents);
  const missing = items.filter((i) => !prices.has(priceKey(i.kind, i.code)));
  if (missing.some((i) => i.kind === 'bundle')) {
    for (const b of await q.select({ code: bundles.code, cents: bundles.monthlyPriceCents }).from(bundles).where(inArray(bundles.code, codes))) {
      if (!prices.has(priceKey('bundle', b.code))) prices.set(priceKey('bundle', b.code), b.cents);
    }
  }
  if (missing.some((i) => i.kind === 'option')) {
    for (const o of await q.select({ code: bundleOptions.code, cents: bundleOptions.monthlyPriceCents }).from(bundleOptions).where(inArray(bundleOptions.code, codes))) {
      if (!prices.has(priceKey('option', o.code))) prices.set(priceKey('option', o.code), o.cents);
    }
  }
  return prices;
};

