import { asc, eq, inArray } from 'drizzle-orm';
import { bundleAllowedOptions, bundleOptions, bundles, contracts, productTypes, serviceTypes } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';

/** The product types a company may order: those of its mobile contract. */
export const contractedProductTypes = async (db: Queryable, scope: CompanyScope) => {
  const [contract] = await db.select({ productTypes: contracts.productTypes }).from(contracts).where(inCompany(contracts, scope));
  return contract?.productTypes ?? [];
};

/** The catalog as a tree (product → service type → bundle → options), in the caller's language. */
export const getCatalog = async (db: Queryable, lang: Lang, onlyProducts?: string[]) => {
  const [products, types, bundleRows, optionRows, allowed] = await Promise.all([
    db
      .select()
      .from(productTypes)
      .where(onlyProducts ? inArray(productTypes.code, onlyProducts.length ? onlyProducts : ['']) : undefined)
      .orderBy(asc(productTypes.sortOrder)),
    db.select().from(serviceTypes).orderBy(asc(serviceTypes.sortOrder)),
    db.select().from(bundles).where(eq(bundles.active, true)).orderBy(asc(bundles.sortOrder)),
    db.select().from(bundleOptions).where(eq(bundleOptions.active, true)),
    db.select().from(bundleAllowedOptions),
  ]);
  const option = new Map(optionRows.map((o) => [o.code, o]));
  return {
    productTypes: products.map((p) => ({
      code: p.code,
      name: localize(p.name, lang),
      description: localize(p.description, lang),
      serviceTypes: types
        .filter((st) => st.productTypeCode === p.code)
        .map((st) => ({
          code: st.code,
          name: localize(st.name, lang),
          description: localize(st.description, lang),
          needsSim: st.needsSim,
          needsMobileNumber: st.needsMobileNumber,
          needsFixedNumber: st.needsFixedNumber,
          bundles: bundleRows
            .filter((b) => b.serviceTypeCode === st.code)
            .map((b) => ({
              code: b.code,
              name: localize(b.name, lang),
              dataGb: b.dataGb,
              callMinutes: b.callMinutes,
              monthlyPriceCents: b.monthlyPriceCents,
              options: allowed
                .filter((a) => a.bundleCode === b.code)
                .flatMap((a) => {
                  const o = option.get(a.optionCode);
                  return o ? [{ code: o.code, name: localize(o.name, lang), monthlyPriceCents: o.monthlyPriceCents }] : [];
                }),
            })),
        })),
    })),
  };
};
