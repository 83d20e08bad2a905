import { randomUUID } from 'node:crypto';
import type { Deps } from '../../../deps.js';
import { QUEUES, type WebhookDeliveryJob } from '../../../jobs/queues.js';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Db, Queryable } from '../../../platform/db.js';
import { newToken } from '../../../platform/tokens.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { companyAdmins } from '../../activation/index.js';
import { queueMail } from '../../mail/index.js';
import { errorLine, isLastAttempt } from '../../mail/domain/lease.js';
import type { ServiceChangeHook } from '../../services/index.js';
import type { CallbackPolicy, CallbackProblem } from '../domain/callback-url.js';
import {
  afterTry,
  hubWants,
  orderEventsOf,
  parseHubQuery,
  RESOURCE_OF,
  serviceEventsOf,
  type EventType,
  type HubApi,
} from '../domain/webhook-events.js';
import { HUB_SECRET_PREFIX, SIGNATURE_HEADER, signatureHeader } from '../domain/webhook-signature.js';
import type { ProductOrderRow } from '../product-orders.repository.js';
import { CallbackRefused, postEvent, resolveCallback } from '../webhook-sender.js';
import {
  activeHubs,
  claimDelivery,
  findDelivery,
  findHub,
  findHubWithClient,
  insertDeliveries,
  insertHub,
  listDeliveries,
  listHubs,
  lockHubOf,
  ordersOfService,
  requeueDelivery,
  setHubStatus,
  settleDelivery,
  type DeliveryFilter,
  type HubRow,
} from '../webhooks.repository.js';
import { getProductOrder, tmfOrdersOf } from './product-orders.js';
import { getTmfService } from './service-inventory.js';

/** Events are written in English: names of things (bundles, service types) are the only translated parts. */
const EVENT_LANG = 'en';
/** How long a worker owns a delivery it took: beyond one try's timeout, so another takes over only from a dead one. */
export const DELIVERY_LEASE_SECONDS = 60;

// ---------------------------------------------------------------- hubs (TMF "hub" resource)

const hubSnapshot = (h: HubRow) => ({ api: h.api, callback: h.callback, query: h.query, status: h.status });

const callbackProblem = (problem: CallbackProblem | 'unresolvable') =>
  new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'callback', rule: `callback_${problem}` }] });

/**
 * POST …/hub: a subscription of the API client to one API's events. The callback is checked now
 * (and again at each delivery); the query must be one the portal can apply. The answer carries the
 * signing secret, this once.
 */
export const registerHub = async (
  deps: Pick<Deps, 'db'>,
  policy: CallbackPolicy,
  scope: CompanyScope,
  actor: Actor,
  apiClientId: string,
  api: HubApi,
  input: { callback: string; query?: string | null | undefined },
) => {
  try {
    await resolveCallback(input.callback, policy);
  } catch (err) {
    if (err instanceof CallbackRefused) throw callbackProblem(err.problem);
    throw err;
  }
  const query = input.query?.trim() || null;
  const parsed = parseHubQuery(api, query);
  if (!parsed.ok) throw new AppError('VALIDATION.FAILED', { fieldErrors: parsed.problems.map((p) => ({ field: p.field, rule: p.rule })) });
  const secret = `${HUB_SECRET_PREFIX}${newToken()}`;
  return deps.db.transaction(async (tx) => {
    const hub = await insertHub(tx, scope, { apiClientId, api, callback: input.callback, query, secret });
    await recordAudit(tx, { scope, actor, action: 'event_hub.created', entityType: 'event_hub', entityId: hub.id, before: null, after: hubSnapshot(hub) });
    return { id: hub.id, callback: hub.callback, query: hub.query, secret };
  });
};

/** DELETE …/hub/{id}: the client's own hub of that API; its deliveries not yet made are dropped when their turn comes. */
export const deleteHub = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, actor: Actor, apiClientId: string, api: HubApi, id: string) => {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('EVENT_HUB.NOT_FOUND');
  await deps.db.transaction(async (tx) => {
    const hub = await findHub(tx, scope, id);
    if (!hub || hub.apiClientId !== apiClientId || hub.api !== api) throw new AppError('EVENT_HUB.NOT_FOUND');
    const after = (await setHubStatus(tx, scope, id, { status: 'deleted', deletedAt: deps.clock.now() }))!;
    await recordAudit(tx, { scope, actor, action: 'event_hub.deleted', entityType: 'event_hub', entityId: id, before: hubSnapshot(hub), after: hubSnapshot(after) });
  });
};

/** The administrator's view of the company's hubs (never their secrets). */
export const hubsOf = async (db: Db, scope: CompanyScope) =>
  (await listHubs(db, scope)).map(({ hub, clientName, clientRevokedAt }) => ({
    id: hub.id,
    api: hub.api,
    callback: hub.callback,
    query: hub.query,
    status: hub.status,
    clientName,
    clientRevoked: clientRevokedAt !== null,
    consecutiveFailures: hub.consecutiveFailures,
    failingSince: hub.failingSince?.toISOString() ?? null,
    disabledAt: hub.disabledAt?.toISOString() ?? null,
    createdAt: hub.createdAt.toISOString(),
  }));

/** An administrator turns a disabled hub back on (once its receiver works again); the failures are forgotten. */
export const enableHub = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, actor: Actor, id: string) =>
  deps.db.transaction(async (tx) => {
    const hub = await findHub(tx, scope, id);
    if (!hub) throw new AppError('EVENT_HUB.NOT_FOUND');
    if (hub.status !== 'disabled') return;
    const after = (await setHubStatus(tx, scope, id, { status: 'active', disabledAt: null, consecutiveFailures: 0, failingSince: null }))!;
    await recordAudit(tx, { scope, actor, action: 'event_hub.enabled', entityType: 'event_hub', entityId: id, before: hubSnapshot(hub), after: hubSnapshot(after) });
  });

// ---------------------------------------------------------------- the delivery log

export const deliveriesOf = async (db: Db, scope: CompanyScope, f: DeliveryFilter) => {
  const page = await listDeliveries(db, scope, f);
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    ...page,
    items: page.items.map((d) => ({
      ...d,
      // a try in progress is still on its way, as far as the reader is concerned
      status: d.status === 'sending' ? ('pending' as const) : d.status,
      lastAttemptAt: iso(d.lastAttemptAt),
      deliveredAt: iso(d.deliveredAt),
      createdAt: d.createdAt.toISOString(),
    })),
  };
};

/**
 * Sends one delivery again, the same event (same id, body and signature scheme): for a receiver that
 * lost it or was down past its retries. Only a settled delivery of an active hub; the try is counted.
 */
export const replayDelivery = async (deps: Pick<Deps, 'db' | 'jobs'>, scope: CompanyScope, actor: Actor, id: string) =>
  deps.db.transaction(async (tx) => {
    const delivery = /^[0-9a-f-]{36}$/i.test(id) ? await findDelivery(tx, scope, id) : null;
    if (!delivery) throw new AppError('EVENT_DELIVERY.NOT_FOUND');
    const hub = await findHubWithClient(tx, scope, delivery.hubId);
    if (!hub || hub.hub.status !== 'active' || hub.clientRevokedAt) throw new AppError('EVENT_HUB.NOT_ACTIVE');
    if (!(await requeueDelivery(tx, scope, id))) throw new AppError('EVENT_DELIVERY.IN_PROGRESS');
    await deps.jobs.send(tx, QUEUES.webhookDeliver, { companyId: scope.companyId, deliveryId: id });
    await recordAudit(tx, { scope, actor, action: 'event_delivery.replayed', entityType: 'event_delivery', entityId: id, before: { status: delivery.status }, after: { status: 'pending', eventId: delivery.eventId } });
  });

// ---------------------------------------------------------------- events

type Emitted = { type: EventType; resource: Record<string, unknown> };

/**
 * The events for the hubs that want them: one envelope per event (TMF: eventId, eventTime,
 * eventType, event.{productOrder|service}), a delivery row per hub and a job per delivery — in the
 * caller's transaction, so an event exists exactly when the change it tells of committed.
 */
const emit = async (tx: Queryable, deps: Pick<Deps, 'jobs' | 'clock'>, scope: CompanyScope, hubs: { id: string; api: HubApi; query: string | null }[], api: HubApi, events: Emitted[]) => {
  const mine = hubs.filter((h) => h.api === api);
  if (!mine.length || !events.length) return;
  const rows = [];
  for (const e of events) {
    const eventId = randomUUID();
    const payload = { eventId, eventTime: deps.clock.now().toISOString(), eventType: e.type, event: { [RESOURCE_OF[api]]: e.resource } };
    for (const hub of mine) {
      const parsed = parseHubQuery(api, hub.query);
      if (parsed.ok && hubWants(parsed.filter, e.type, e.resource)) rows.push({ hubId: hub.id, eventId, eventType: e.type, payload });
    }
  }
  for (const { id } of await insertDeliveries(tx, scope, rows)) {
    const job: WebhookDeliveryJob = { companyId: scope.companyId, deliveryId: id };
    await deps.jobs.send(tx, QUEUES.webhookDeliver, job);
  }
};

const asDb = (tx: Queryable) => ({ db: tx as unknown as Db });

/**
 * The service-change hook (services/service-change-hooks.ts): the TMF638 events of the change, and
 * the TMF622 events of the orders that follow the service. A company without a live hub pays one
 * indexed query.
 */
export const webhookServiceHook: ServiceChangeHook = async (tx, change, deps) => {
  const { scope, before, after } = change;
  const hubs = await activeHubs(tx, scope);
  if (!hubs.length) return;
  if (hubs.some((h) => h.api === 'serviceInventory')) {
    const types = serviceEventsOf({ fromStatus: before?.status ?? null, toStatus: after.status, changedFields: change.changedFields });
    if (types.length) {
      const service = (await getTmfService({ ...asDb(tx), links: deps.links }, scope, after.id, undefined, EVENT_LANG)) as Record<string, unknown>;
      await emit(tx, deps, scope, hubs, 'serviceInventory', types.map((type) => ({ type, resource: service })));
    }
  }
  if (before && before.status !== after.status && hubs.some((h) => h.api === 'productOrdering')) {
    const orders = await ordersOfService(tx, scope, after.id);
    if (!orders.length) return;
    const [was, now] = await Promise.all([
      tmfOrdersOf(asDb(tx), scope, orders, EVENT_LANG, new Map([[after.id, before.status]])),
      tmfOrdersOf(asDb(tx), scope, orders, EVENT_LANG),
    ]);
    const pending = (o: (typeof now)[number]) => (o.productOrderItem ?? []).filter((i) => i.state === 'pending').length;
    const events = now.flatMap((order, i) =>
      orderEventsOf(was[i]!.state!, order.state!, pending(was[i]!), pending(order)).map((type) => ({ type, resource: order as unknown as Record<string, unknown> })),
    );
    await emit(tx, deps, scope, hubs, 'productOrdering', events);
  }
};

/** ProductOrderCreateEvent, inside the transaction that placed the order. */
export const emitProductOrderCreated = async (tx: Queryable, deps: Pick<Deps, 'jobs' | 'clock'>, scope: CompanyScope, order: ProductOrderRow) => {
  const hubs = await activeHubs(tx, scope, 'productOrdering');
  if (!hubs.length) return;
  const resource = (await getProductOrder(asDb(tx), scope, order.id, undefined, EVENT_LANG)) as Record<string, unknown>;
  await emit(tx, deps, scope, hubs, 'productOrdering', [{ type: 'ProductOrderCreateEvent', resource }]);
};

// ---------------------------------------------------------------- delivering

/** Another worker holds the delivery right now; the job is retried and then finds it settled (or free). */
export class DeliveryBusyError extends Error {}
/** The receiver did not take the event (an error status, no answer, or a callback the policy refuses); retried with backoff. */
export class DeliveryFailedError extends Error {}

export type DeliveryOutcome = 'delivered' | 'retrying' | 'failed' | 'cancelled' | 'settled';

const HUB_PAGE = '/self-service/company';

/**
 * The `webhook.deliver` job: one try of one delivery. The delivery is taken with a lease (so two
 * runs of the job never both send it), its hub and client checked (deleted, disabled or revoked:
 * nothing is sent), the callback checked again against the policy, and the event POSTed with its
 * signature. The outcome is written with the hub's health; a hub failing too long is disabled and
 * its company's administrators told by e-mail, in the same transaction. A failed try throws, for
 * pg-boss to retry with exponential backoff; the last one marks the delivery failed.
 */
export const deliverEvent = async (
  deps: Pick<Deps, 'db' | 'jobs' | 'clock' | 'links'>,
  policy: CallbackPolicy,
  job: WebhookDeliveryJob,
  attempt: { retryCount: number; retryLimit: number },
): Promise<DeliveryOutcome> => {
  const scope = scopeOfJob(job);
  const now = deps.clock.now();
  const row = await claimDelivery(deps.db, scope, job.deliveryId, DELIVERY_LEASE_SECONDS, now);
  if (!row) {
    const current = await findDelivery(deps.db, scope, job.deliveryId);
    if (current?.status === 'sending') throw new DeliveryBusyError(`delivery ${job.deliveryId} is being sent by another worker`);
    return 'settled';
  }
  const owner = await findHubWithClient(deps.db, scope, row.hubId);
  if (!owner || owner.hub.status !== 'active' || owner.clientRevokedAt) {
    const why = !owner || owner.hub.status === 'deleted' ? 'hub deleted' : owner.clientRevokedAt ? 'API client revoked' : 'hub disabled';
    await settleDelivery(deps.db, scope, row.id, { status: 'cancelled', lastError: why });
    return 'cancelled';
  }
  const body = JSON.stringify(row.payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    status = (await postEvent(owner.hub.callback, body, { [SIGNATURE_HEADER]: signatureHeader(owner.hub.secret, timestamp, body), 'fleetdesk-event-id': row.eventId }, policy)).status;
    if (status < 200 || status > 299) error = `HTTP ${status}`;
  } catch (err) {
    error = errorLine(err);
  }
  const ok = error === null;
  const outcome = await deps.db.transaction(async (tx): Promise<DeliveryOutcome> => {
    const locked = await lockHubOf(tx, scope, row.hubId);
    const hub = locked!.hub;
    const health = afterTry(hub, { ok, firstFailureOfDelivery: row.lastError === null, at: now });
    const disable = hub.status === 'active' && health.disable;
    // a try that was under way when the hub was disabled (or deleted) tells nothing more of its health
    if (hub.status === 'active') {
      await setHubStatus(tx, scope, hub.id, {
        consecutiveFailures: health.consecutiveFailures,
        failingSince: health.failingSince,
        ...(disable ? { status: 'disabled' as const, disabledAt: now } : {}),
      });
    }
    if (ok) {
      await settleDelivery(tx, scope, row.id, { status: 'delivered', lastStatusCode: status, lastError: null, deliveredAt: now });
      return 'delivered';
    }
    const last = disable || isLastAttempt(attempt.retryCount, attempt.retryLimit);
    await settleDelivery(tx, scope, row.id, { status: last ? 'failed' : 'pending', lastStatusCode: status, lastError: error });
    if (disable) await hubDisabled(tx, deps, scope, hub, locked!.clientName, health.consecutiveFailures, error!);
    return last ? 'failed' : 'retrying';
  });
  if (outcome === 'retrying') throw new DeliveryFailedError(`delivery ${row.id} to its callback failed: ${error}`);
  return outcome;
};

/** A hub switched off after repeated failures: recorded, and every administrator of the company told in their language. */
const hubDisabled = async (tx: Queryable, deps: Pick<Deps, 'jobs' | 'links'>, scope: CompanyScope, hub: HubRow, clientName: string, failures: number, lastError: string) => {
  await recordAudit(tx, {
    scope,
    actor: SYSTEM,
    action: 'event_hub.disabled',
    entityType: 'event_hub',
    entityId: hub.id,
    before: hubSnapshot(hub),
    after: { ...hubSnapshot(hub), status: 'disabled', consecutiveFailures: failures, lastError },
  });
  for (const admin of await companyAdmins(tx, scope)) {
    await queueMail(tx, deps.jobs, {
      template: 'event_hub_disabled',
      data: { callback: hub.callback, clientName, failingSince: (hub.failingSince ?? new Date()).toISOString(), lastError, pageUrl: `${deps.links.publicUrl()}${HUB_PAGE}` },
      companyId: scope.companyId,
      to: { address: admin.email, name: admin.fullName },
      language: admin.language,
    });
  }
};
