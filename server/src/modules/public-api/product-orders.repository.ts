import { and, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { productOrderCancellations, productOrders, services, type ProductOrderItemRecord } from '../../db/schema.js';
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

/** `lock`: FOR UPDATE, so the job that carries the order out, a PATCH and a cancellation take turns. */
export const findProductOrder = async (q: Queryable, scope: CompanyScope, id: string, lock = false) => {
  const query = q.select().from(productOrders).where(inCompany(productOrders, scope, eq(productOrders.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
};

export const updateProductOrder = async (q: Queryable, scope: CompanyScope, id: string, values: Partial<Omit<typeof productOrders.$inferInsert, 'id' | 'companyId'>>) => {
  const [row] = await q.update(productOrders).set(values).where(inCompany(productOrders, scope, eq(productOrders.id, id))).returning();
  return row!;
};

export const findProductOrderByKey = async (q: Queryable, scope: CompanyScope, apiClientId: string, key: string) => {
  const [row] = await q
    .select()
    .from(productOrders)
    .where(inCompany(productOrders, scope, and(eq(productOrders.apiClientId, apiClientId), eq(productOrders.idempotencyKey, key))));
  return row ?? null;
};

/** `orderDates`: instants; an order matches one when it was placed within the same millisecond. */
export type ProductOrderFilter = { ids?: string[]; externalIds?: string[]; orderDates?: Date[]; priorities?: string[]; categories?: string[] };

const sameMillisecond = (at: Date): SQL => and(gte(productOrders.createdAt, at), lt(productOrders.createdAt, new Date(at.getTime() + 1)))!;

export const listProductOrders = async (q: Queryable, scope: CompanyScope, f: ProductOrderFilter, page: { offset: number; limit: number }) => {
  const where = inCompany(
    productOrders,
    scope,
    f.ids ? inArray(productOrders.id, f.ids) : undefined,
    f.externalIds ? inArray(productOrders.externalId, f.externalIds) : undefined,
    f.orderDates ? (f.orderDates.length ? or(...f.orderDates.map(sameMillisecond)) : sql`false`) : undefined,
    f.priorities ? inArray(productOrders.priority, f.priorities) : undefined,
    f.categories ? inArray(productOrders.category, f.categories) : undefined,
  );
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

// ---------------------------------------------------------------- cancelProductOrder

export type CancellationRow = typeof productOrderCancellations.$inferSelect;

export const insertCancellation = async (q: Queryable, scope: CompanyScope, values: Omit<typeof productOrderCancellations.$inferInsert, 'companyId'>) => {
  const [row] = await q
    .insert(productOrderCancellations)
    .values({ ...values, companyId: scope.companyId })
    .returning();
  return row!;
};

export const findCancellation = async (q: Queryable, scope: CompanyScope, id: string, lock = false) => {
  const query = q.select().from(productOrderCancellations).where(inCompany(productOrderCancellations, scope, eq(productOrderCancellations.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
};

export const updateCancellation = async (q: Queryable, scope: CompanyScope, id: string, values: Partial<Pick<CancellationRow, 'state' | 'effectiveCancellationDate' | 'failure'>>) => {
  await q.update(productOrderCancellations).set(values).where(inCompany(productOrderCancellations, scope, eq(productOrderCancellations.id, id)));
};

export type CancellationFilter = { ids?: string[]; states?: string[]; productOrderIds?: string[] };

export const listCancellations = async (q: Queryable, scope: CompanyScope, f: CancellationFilter, page: { offset: number; limit: number }) => {
  const where = inCompany(
    productOrderCancellations,
    scope,
    f.ids ? inArray(productOrderCancellations.id, f.ids) : undefined,
    f.states ? inArray(productOrderCancellations.state, f.states as CancellationRow['state'][]) : undefined,
    f.productOrderIds ? inArray(productOrderCancellations.productOrderId, f.productOrderIds) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    q.select().from(productOrderCancellations).where(where).orderBy(desc(productOrderCancellations.createdAt), desc(productOrderCancellations.id)).limit(page.limit).offset(page.offset),
    q.select({ n: count() }).from(productOrderCancellations).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};

/** The orders among `ids` with a cancellation still being worked: they are `assessingCancellation`. */
export const ordersBeingCancelled = async (q: Queryable, scope: CompanyScope, ids: string[]) =>
  ids.length
    ? (
        await q
          .select({ id: productOrderCancellations.productOrderId })
          .from(productOrderCancellations)
          .where(inCompany(productOrderCancellations, scope, inArray(productOrderCancellations.productOrderId, ids), inArray(productOrderCancellations.state, ['acknowledged', 'inProgress'])))
      ).map((r) => r.id)
    : [];
