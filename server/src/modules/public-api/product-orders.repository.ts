import { and, count, desc, eq, inArray } from 'drizzle-orm';
import { productOrders, services, type ProductOrderItemRecord } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';

export type ProductOrderRow = typeof productOrders.$inferSelect;

export const insertProductOrder = async (q: Queryable, scope: CompanyScope, values: Omit<typeof productOrders.$inferInsert, 'companyId'>) => {
  const [row] = await q
    .insert(productOrders)
    .values({ ...values, companyId: scope.companyId })
    .returning();
  return row!;
};

export const setProductOrderItems = async (q: Queryable, scope: CompanyScope, id: string, items: ProductOrderItemRecord[]) => {
  await q.update(productOrders).set({ items }).where(inCompany(productOrders, scope, eq(productOrders.id, id)));
};

export const findProductOrder = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q.select().from(productOrders).where(inCompany(productOrders, scope, eq(productOrders.id, id)));
  return row ?? null;
};

export const findProductOrderByKey = async (q: Queryable, scope: CompanyScope, apiClientId: string, key: string) => {
  const [row] = await q
    .select()
    .from(productOrders)
    .where(inCompany(productOrders, scope, and(eq(productOrders.apiClientId, apiClientId), eq(productOrders.idempotencyKey, key))));
  return row ?? null;
};

export type ProductOrderFilter = { ids?: string[]; externalIds?: string[] };

export const listProductOrders = async (q: Queryable, scope: CompanyScope, f: ProductOrderFilter, page: { offset: number; limit: number }) => {
  const where = inCompany(productOrders, scope, f.ids ? inArray(productOrders.id, f.ids) : undefined, f.externalIds ? inArray(productOrders.externalId, f.externalIds) : undefined);
  const [rows, [total]] = await Promise.all([
    q.select().from(productOrders).where(where).orderBy(desc(productOrders.createdAt), desc(productOrders.id)).limit(page.limit).offset(page.offset),
    q.select({ n: count() }).from(productOrders).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

/** Where the orders' services stand now: their states follow from it. */
export const serviceStatesOf = async (q: Queryable, scope: CompanyScope, ids: string[]) =>
  ids.length
    ? q.select({ id: services.id, status: services.status, activatedAt: services.activatedAt, endedAt: services.endedAt }).from(services).where(inCompany(services, scope, inArray(services.id, ids)))
    : Promise.resolve([]);
