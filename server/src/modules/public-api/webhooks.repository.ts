import { and, count, desc, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import { apiClients, eventDeliveries, eventHubs, productOrders } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage, pageWindow, type PageQuery } from '../../platform/paging.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import type { HubApi } from './domain/webhook-events.js';

export type HubRow = typeof eventHubs.$inferSelect;
export type DeliveryRow = typeof eventDeliveries.$inferSelect;

export const insertHub = async (q: Queryable, scope: CompanyScope, values: Omit<typeof eventHubs.$inferInsert, 'companyId'>) => {
  const [row] = await q
    .insert(eventHubs)
    .values({ ...values, companyId: scope.companyId })
    .returning();
  return row!;
};

/** A hub of the company that is not deleted. */
export const findHub = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q
    .select()
    .from(eventHubs)
    .where(inCompany(eventHubs, scope, eq(eventHubs.id, id), inArray(eventHubs.status, ['active', 'disabled'])));
  return row ?? null;
};

export const setHubStatus = async (q: Queryable, scope: CompanyScope, id: string, values: Partial<Pick<HubRow, 'status' | 'deletedAt' | 'disabledAt' | 'consecutiveFailures' | 'failingSince'>>) => {
  const [row] = await q.update(eventHubs).set(values).where(inCompany(eventHubs, scope, eq(eventHubs.id, id))).returning();
  return row ?? null;
};

/** The live hubs of an API for the company's events: active, of a client not revoked. */
export const activeHubs = (q: Queryable, scope: CompanyScope, api?: HubApi) =>
  q
    .select({ id: eventHubs.id, api: eventHubs.api, query: eventHubs.query })
    .from(eventHubs)
    .innerJoin(apiClients, and(eq(apiClients.companyId, eventHubs.companyId), eq(apiClients.id, eventHubs.apiClientId)))
    .where(inCompany(eventHubs, scope, eq(eventHubs.status, 'active'), api ? eq(eventHubs.api, api) : undefined, isNull(apiClients.revokedAt)));

/** The company's hubs (deleted ones too: their deliveries stay in the log), newest first, with their client's name. */
export const listHubs = (q: Queryable, scope: CompanyScope) =>
  q
    .select({ hub: eventHubs, clientName: apiClients.name, clientRevokedAt: apiClients.revokedAt })
    .from(eventHubs)
    .innerJoin(apiClients, and(eq(apiClients.companyId, eventHubs.companyId), eq(apiClients.id, eventHubs.apiClientId)))
    .where(inCompany(eventHubs, scope))
    .orderBy(desc(eventHubs.createdAt), desc(eventHubs.id));

/** One delivery row per hub and event: an event queued twice for a hub is kept once. Returns the rows inserted. */
export const insertDeliveries = async (q: Queryable, scope: CompanyScope, rows: Omit<typeof eventDeliveries.$inferInsert, 'companyId'>[]) => {
  if (!rows.length) return [];
  return q
    .insert(eventDeliveries)
    .values(rows.map((r) => ({ ...r, companyId: scope.companyId })))
    .onConflictDoNothing({ target: [eventDeliveries.hubId, eventDeliveries.eventId] })
    .returning({ id: eventDeliveries.id });
};

/**
 * Takes a delivery for one try: pending (or a sending one whose worker's lease ran out) becomes
 * sending, counted. Null when it is not to be sent now (delivered, failed, cancelled, or held by
 * another worker). The hub and whether its client still stands come along.
 */
export const claimDelivery = async (q: Queryable, scope: CompanyScope, id: string, leaseSeconds: number, at: Date) => {
  const [row] = await q
    .update(eventDeliveries)
    .set({ status: 'sending', leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`, attempts: sql`${eventDeliveries.attempts} + 1`, lastAttemptAt: at })
    .where(
      inCompany(
        eventDeliveries,
        scope,
        eq(eventDeliveries.id, id),
        or(eq(eventDeliveries.status, 'pending'), and(eq(eventDeliveries.status, 'sending'), lt(eventDeliveries.leaseUntil, sql`now()`))),
      ),
    )
    .returning();
  return row ?? null;
};

export const findDelivery = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q.select().from(eventDeliveries).where(inCompany(eventDeliveries, scope, eq(eventDeliveries.id, id)));
  return row ?? null;
};

/** The hub of a delivery, locked (its failure count changes under concurrent deliveries), with its client's state. */
export const lockHubOf = async (q: Queryable, scope: CompanyScope, hubId: string) => {
  const [row] = await q
    .select({ hub: eventHubs, clientRevokedAt: apiClients.revokedAt, clientName: apiClients.name })
    .from(eventHubs)
    .innerJoin(apiClients, and(eq(apiClients.companyId, eventHubs.companyId), eq(apiClients.id, eventHubs.apiClientId)))
    .where(inCompany(eventHubs, scope, eq(eventHubs.id, hubId)))
    .for('update', { of: eventHubs });
  return row ?? null;
};

export const findHubWithClient = async (q: Queryable, scope: CompanyScope, hubId: string) => {
  const [row] = await q
    .select({ hub: eventHubs, clientRevokedAt: apiClients.revokedAt })
    .from(eventHubs)
    .innerJoin(apiClients, and(eq(apiClients.companyId, eventHubs.companyId), eq(apiClients.id, eventHubs.apiClientId)))
    .where(inCompany(eventHubs, scope, eq(eventHubs.id, hubId)));
  return row ?? null;
};

export const settleDelivery = async (
  q: Queryable,
  scope: CompanyScope,
  id: string,
  values: Pick<DeliveryRow, 'status'> & Partial<Pick<DeliveryRow, 'lastStatusCode' | 'lastError' | 'deliveredAt'>>,
) => {
  await q
    .update(eventDeliveries)
    .set({ ...values, leaseUntil: null })
    .where(inCompany(eventDeliveries, scope, eq(eventDeliveries.id, id)));
};

/** Puts a settled delivery back in line (a replay); false when it is still on its way. */
export const requeueDelivery = async (q: Queryable, scope: CompanyScope, id: string) => {
  const rows = await q
    .update(eventDeliveries)
    .set({ status: 'pending', leaseUntil: null })
    .where(inCompany(eventDeliveries, scope, eq(eventDeliveries.id, id), inArray(eventDeliveries.status, ['delivered', 'failed', 'cancelled'])))
    .returning({ id: eventDeliveries.id });
  return rows.length > 0;
};

export type DeliveryFilter = PageQuery & { hubId?: string; status?: DeliveryRow['status'] };

/** The delivery log, newest first, with each delivery's hub. */
export const listDeliveries = async (q: Queryable, scope: CompanyScope, f: DeliveryFilter) => {
  const where = inCompany(eventDeliveries, scope, f.hubId ? eq(eventDeliveries.hubId, f.hubId) : undefined, f.status ? eq(eventDeliveries.status, f.status) : undefined);
  const { limit, offset } = pageWindow(f);
  return listPage(
    f,
    q
      .select({
        id: eventDeliveries.id,
        hubId: eventDeliveries.hubId,
        callback: eventHubs.callback,
        eventId: eventDeliveries.eventId,
        eventType: eventDeliveries.eventType,
        status: eventDeliveries.status,
        attempts: eventDeliveries.attempts,
        lastStatusCode: eventDeliveries.lastStatusCode,
        lastError: eventDeliveries.lastError,
        lastAttemptAt: eventDeliveries.lastAttemptAt,
        deliveredAt: eventDeliveries.deliveredAt,
        createdAt: eventDeliveries.createdAt,
      })
      .from(eventDeliveries)
      .innerJoin(eventHubs, and(eq(eventHubs.companyId, eventDeliveries.companyId), eq(eventHubs.id, eventDeliveries.hubId)))
      .where(where)
      .orderBy(desc(eventDeliveries.createdAt), desc(eventDeliveries.id))
      .limit(limit)
      .offset(offset),
    q.select({ n: count() }).from(eventDeliveries).where(where),
    (r) => r,
  );
};

/** The product orders with an item on this service: their state follows it. */
export const ordersOfService = (q: Queryable, scope: CompanyScope, serviceId: string) =>
  q
    .select()
    .from(productOrders)
    .where(inCompany(productOrders, scope, sql`${productOrders.items} @> ${JSON.stringify([{ serviceId }])}::jsonb`));
