import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { bulkActionItems, bulkActions, mobileUsers, services } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, userOfService, type CompanyScope } from '../../platform/tenant.js';
import type { BulkActionParams } from './domain/bulk-action.js';

// The bulk-actions module owns `bulk_actions` and `bulk_action_items`; it reads the services it is
// asked about and changes them only through the services' and lines' use cases.

const CHUNK = 1000;
const chunks = <T>(items: readonly T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export type SelectedService = { id: string; status: (typeof services.$inferSelect)['status']; serviceTypeCode: string; bundleCode: string; optionCodes: string[] };

/** The company's services among these ids (others' and unknown ids are simply not there). */
export const selectedServices = async (q: Queryable, scope: CompanyScope, ids: readonly string[]): Promise<SelectedService[]> => {
  const found: SelectedService[] = [];
  for (const part of chunks([...new Set(ids)])) {
    found.push(
      ...(await q
        .select({ id: services.id, status: services.status, serviceTypeCode: services.serviceTypeCode, bundleCode: services.bundleCode, optionCodes: services.optionCodes })
        .from(services)
        .where(inCompany(services, scope, inArray(services.id, part)))),
    );
  }
  return found;
};

export const insertBulkAction = async (
  q: Queryable,
  scope: CompanyScope,
  values: { params: BulkActionParams; startedByAccountId: string; startedByName: string; language: string },
  serviceIds: readonly string[],
) => {
  const [created] = await q
    .insert(bulkActions)
    .values({ companyId: scope.companyId, kind: values.params.kind, params: values.params, total: serviceIds.length, startedByAccountId: values.startedByAccountId, startedByName: values.startedByName, language: values.language })
    .returning();
  let seq = 0;
  for (const part of chunks(serviceIds)) {
    await q.insert(bulkActionItems).values(part.map((serviceId) => ({ companyId: scope.companyId, bulkActionId: created!.id, serviceId, seq: seq++ })));
  }
  return created!;
};

export const findBulkAction = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q.select().from(bulkActions).where(inCompany(bulkActions, scope, eq(bulkActions.id, id)));
  return row ?? null;
};

/** How many items are pending, done and failed, per action. */
export const itemCounts = async (q: Queryable, scope: CompanyScope, ids: readonly string[]) => {
  const counts = new Map<string, { pending: number; done: number; failed: number }>();
  if (ids.length === 0) return counts;
  const rows = await q
    .select({ id: bulkActionItems.bulkActionId, status: bulkActionItems.status, n: sql<number>`count(*)::int` })
    .from(bulkActionItems)
    .where(inCompany(bulkActionItems, scope, inArray(bulkActionItems.bulkActionId, [...ids])))
    .groupBy(bulkActionItems.bulkActionId, bulkActionItems.status);
  for (const r of rows) {
    const c = counts.get(r.id) ?? { pending: 0, done: 0, failed: 0 };
    c[r.status] = r.n;
    counts.set(r.id, c);
  }
  return counts;
};

export const recentBulkActions = async (q: Queryable, scope: CompanyScope, limit: number) =>
  q.select().from(bulkActions).where(inCompany(bulkActions, scope)).orderBy(desc(bulkActions.createdAt)).limit(limit);

/** The next pending items of an action, in selection order. */
export const pendingItems = async (q: Queryable, scope: CompanyScope, bulkActionId: string, limit: number) =>
  (
    await q
      .select({ serviceId: bulkActionItems.serviceId })
      .from(bulkActionItems)
      .where(inCompany(bulkActionItems, scope, eq(bulkActionItems.bulkActionId, bulkActionId), eq(bulkActionItems.status, 'pending')))
      .orderBy(asc(bulkActionItems.seq))
      .limit(limit)
  ).map((r) => r.serviceId);

/** An item still pending, locked until its transaction ends; null when done or held by another worker. */
export const lockPendingItem = async (tx: Queryable, scope: CompanyScope, bulkActionId: string, serviceId: string) => {
  const [row] = await tx
    .select({ serviceId: bulkActionItems.serviceId })
    .from(bulkActionItems)
    .where(inCompany(bulkActionItems, scope, eq(bulkActionItems.bulkActionId, bulkActionId), eq(bulkActionItems.serviceId, serviceId), eq(bulkActionItems.status, 'pending')))
    .for('update', { skipLocked: true });
  return row !== undefined;
};

export type ItemError = NonNullable<(typeof bulkActionItems.$inferSelect)['error']>;

export const markItem = async (q: Queryable, scope: CompanyScope, bulkActionId: string, serviceId: string, outcome: { status: 'done' } | { status: 'failed'; error: ItemError }) => {
  const updated = await q
    .update(bulkActionItems)
    .set({ status: outcome.status, error: outcome.status === 'failed' ? outcome.error : null, doneAt: new Date() })
    .where(inCompany(bulkActionItems, scope, eq(bulkActionItems.bulkActionId, bulkActionId), eq(bulkActionItems.serviceId, serviceId), eq(bulkActionItems.status, 'pending')))
    .returning({ serviceId: bulkActionItems.serviceId });
  return updated.length > 0;
};

/** Marks the action finished once no item is pending; true the first time only. */
export const finishIfDone = async (q: Queryable, scope: CompanyScope, bulkActionId: string) => {
  const updated = await q
    .update(bulkActions)
    .set({ status: 'finished', finishedAt: new Date() })
    .where(
      inCompany(
        bulkActions,
        scope,
        eq(bulkActions.id, bulkActionId),
        eq(bulkActions.status, 'running'),
        sql`not exists (select 1 from ${bulkActionItems} i where i.bulk_action_id = ${bulkActions.id} and i.status = 'pending')`,
      ),
    )
    .returning({ id: bulkActions.id });
  return updated.length > 0;
};

/** One page of an action's items with the service's user and number, in selection order. */
export const itemPage = async (q: Queryable, scope: CompanyScope, bulkActionId: string, outcome: 'pending' | 'done' | 'failed' | undefined, page: number, pageSize: number) => {
  const where = inCompany(bulkActionItems, scope, eq(bulkActionItems.bulkActionId, bulkActionId), outcome ? eq(bulkActionItems.status, outcome) : undefined);
  const [rows, [total]] = await Promise.all([
    q
      .select({
        serviceId: bulkActionItems.serviceId,
        status: bulkActionItems.status,
        error: bulkActionItems.error,
        doneAt: bulkActionItems.doneAt,
        msisdn: services.msisdn,
        firstName: mobileUsers.firstName,
        lastName: mobileUsers.lastName,
      })
      .from(bulkActionItems)
      .innerJoin(services, and(eq(services.companyId, bulkActionItems.companyId), eq(services.id, bulkActionItems.serviceId)))
      .innerJoin(mobileUsers, userOfService)
      .where(where)
      .orderBy(asc(bulkActionItems.seq))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    q.select({ n: sql<number>`count(*)::int` }).from(bulkActionItems).where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
};
