import { asc, desc, eq, lt, ne, sql } from 'drizzle-orm';
import { lineOperations, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import type { LineOperationDetails, LineOperationKind } from './domain/line-operations.js';

export type LineOperationRow = typeof lineOperations.$inferSelect;

export const insertOperation = async (
  q: Queryable,
  scope: CompanyScope,
  values: { serviceId: string; kind: LineOperationKind; details: LineOperationDetails; requestedByAccountId: string | null; requestedBy: string },
) => {
  const [row] = await q
    .insert(lineOperations)
    .values({ companyId: scope.companyId, ...values })
    .returning();
  return row!;
};

export const findOperation = async (q: Queryable, scope: CompanyScope, id: string, forUpdate = false) => {
  const query = q.select().from(lineOperations).where(inCompany(lineOperations, scope, eq(lineOperations.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

export const settleOperation = async (q: Queryable, scope: CompanyScope, id: string, status: 'done' | 'failed' | 'superseded') => {
  await q
    .update(lineOperations)
    .set({ status, completedAt: new Date() })
    .where(inCompany(lineOperations, scope, eq(lineOperations.id, id), eq(lineOperations.status, 'pending')));
};

/** A failed operation tried again: pending once more, with its next attempt (a new request to the network). */
export const reopenOperation = async (q: Queryable, scope: CompanyScope, id: string, details: LineOperationDetails) => {
  const rows = await q
    .update(lineOperations)
    .set({ status: 'pending', details, completedAt: null })
    .where(inCompany(lineOperations, scope, eq(lineOperations.id, id), eq(lineOperations.status, 'failed')))
    .returning({ id: lineOperations.id });
  return rows.length === 1;
};

export const setOperationDetails = async (q: Queryable, scope: CompanyScope, id: string, details: LineOperationDetails) => {
  await q.update(lineOperations).set({ details }).where(inCompany(lineOperations, scope, eq(lineOperations.id, id)));
};

/** Whether an operation of the line asked for before this one still waits for the network: the network hears them in order. */
export const hasEarlierPending = async (q: Queryable, scope: CompanyScope, op: LineOperationRow) => {
  const [row] = await q
    .select({ id: lineOperations.id })
    .from(lineOperations)
    .where(
      inCompany(
        lineOperations,
        scope,
        eq(lineOperations.serviceId, op.serviceId),
        eq(lineOperations.status, 'pending'),
        lt(lineOperations.createdAt, op.createdAt),
        ne(lineOperations.id, op.id),
        // a replacement card the employee has not typed in yet is nothing the network is doing
        sql`not (${lineOperations.kind} = 'swap_sim' and ${lineOperations.details}->>'toIccid' is null)`,
      ),
    )
    .limit(1);
  return row !== undefined;
};

export const pendingSwapOf = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q
    .select()
    .from(lineOperations)
    .where(inCompany(lineOperations, scope, eq(lineOperations.serviceId, serviceId), eq(lineOperations.kind, 'swap_sim'), eq(lineOperations.status, 'pending')));
  return row ?? null;
};

/** The line's operations, newest first (the service page shows what is still on its way). */
export const operationsOf = (q: Queryable, scope: CompanyScope, serviceId: string, limit = 20) =>
  q
    .select()
    .from(lineOperations)
    .where(inCompany(lineOperations, scope, eq(lineOperations.serviceId, serviceId)))
    .orderBy(desc(lineOperations.createdAt))
    .limit(limit);

/** The SIM card or eSIM profile the line works with now (not a replacement still on its way). */
export const liveSimOf = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q
    .select()
    .from(simCards)
    .where(inCompany(simCards, scope, eq(simCards.serviceId, serviceId), eq(simCards.status, 'assigned')))
    .orderBy(asc(simCards.updatedAt))
    .limit(1);
  return row ?? null;
};
