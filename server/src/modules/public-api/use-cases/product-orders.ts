import type { Deps } from '../../../deps.js';
import type { ProductOrderItemRecord, ServiceStatus } from '../../../db/schema.js';
import { emitProductOrderCreated } from './webhooks.js';
import { QUEUES, type ProductOrderJob } from '../../../jobs/queues.js';
import { translateFieldError } from '../../../http/problem.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { Db } from '../../../platform/db.js';
import { t, type Lang } from '../../../platform/i18n.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { catalogSnapshot } from '../../catalog/index.js';
import { createMobileUser } from '../../mobile-users/index.js';
import { MobileUserInputSchema } from '../../mobile-users/mobile-users.schemas.js';
import { addService, changeService, deleteService, scheduleServices, startServices } from '../../services/index.js';
import { scheduleProblems } from '../../services/domain/wizard-rules.js';
import { WizardInputSchema } from '../../services/services.schemas.js';
import { parseFields, parseFilters, pickFields } from '../domain/tmf-query.js';
import { addItemState, deleteItemState, orderState, type TmfOrderItemState, type TmfOrderState } from '../domain/tmf-states.js';
import {
  findProductOrder,
  findProductOrderByKey,
  insertProductOrder,
  listProductOrders,
  ordersBeingCancelled,
  serviceStatesOf,
  updateProductOrder,
  type ProductOrderRow,
} from '../product-orders.repository.js';
import type { ProductOrderInput, ProductOrderItemInput, ProductOrderPatch, TmfProductOrder } from '../tmf.schemas.js';
import { SERVICE_PATH } from './service-inventory.js';

export const PRODUCT_ORDER_PATH = '/tmf-api/productOrderingManagement/v4/productOrder';

type Party = NonNullable<ProductOrderInput['relatedParty']>[number];
/** What an item's use case reads of its order: the start asked for (as it stands now, after any PATCH) and the order's parties. */
type OrderContext = { requestedStartDate?: string | undefined; relatedParty?: Party[] | undefined };
const invalid = (field: string, rule = 'required') => new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: [{ field, rule }] });

/** The characteristics of an item as name → value; a list may come as an array or comma-separated. */
const characteristicsOf = (item: ProductOrderItemInput) => new Map((item.product?.productCharacteristic ?? []).map((c) => [c.name, c.value]));
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** The mobile user of an `add` item: named by id, or created from name and e-mail (the portal's own rules). */
const mobileUserOf = async (db: Db, scope: CompanyScope, actor: Actor, parties: Party[]) => {
  const party = parties.find((p) => (p.role ?? '').toLowerCase() === 'user') ?? parties[0];
  if (!party) throw invalid('relatedParty');
  if (party.id) {
    if (!/^[0-9a-f-]{36}$/i.test(party.id)) throw new AppError('MOBILE_USER.NOT_FOUND');
    return party.id;
  }
  const [given, ...rest] = (party.name ?? '').trim().split(/\s+/);
  const input = MobileUserInputSchema.safeParse({
    firstName: party.givenName ?? given ?? '',
    lastName: party.familyName ?? rest.join(' '),
    email: party.email ?? '',
    language: party.language ?? 'en',
  });
  if (!input.success) {
    throw new AppError('VALIDATION.FAILED', { fieldErrors: input.error.issues.map((i) => ({ field: `relatedParty.${i.path.join('.')}`, rule: i.message })) });
  }
  return (await createMobileUser(db, scope, actor, input.data)).id;
};

/**
 * An `add` item is the Add Service wizard: offering = bundle, specification = service type, the
 * characteristics the wizard's choices, `requestedStartDate` a scheduled start. The same use case
 * as the wizard's Save checks and saves it; nothing is decided here.
 */
const runAdd = async (deps: Deps, scope: CompanyScope, actor: Actor, order: OrderContext, item: ProductOrderItemInput) => {
  const serviceTypeCode = item.product?.productSpecification?.id;
  if (!serviceTypeCode) throw invalid('product.productSpecification.id');
  if (!item.productOffering?.id) throw invalid('productOffering.id');
  const catalog = await catalogSnapshot(deps.db);
  const c = characteristicsOf(item);
  const numberKind = str(c.get('numberKind')) ?? (c.has('msisdn') ? 'new' : undefined);
  const number =
    numberKind === 'new'
      ? { kind: 'new', msisdn: str(c.get('msisdn')) ?? '' }
      : numberKind === 'port_in'
        ? {
            kind: 'port_in',
            msisdn: str(c.get('msisdn')) ?? '',
            donorOperator: str(c.get('donorOperator')) ?? '',
            accountType: str(c.get('accountType')),
            customerNumber: str(c.get('customerNumber')),
            donorSimNumber: str(c.get('donorSimNumber')),
            holderName: str(c.get('holderName')) ?? '',
          }
        : numberKind === 'port_internal'
          ? { kind: 'port_internal', serviceId: str(c.get('portFromServiceId')) }
          : undefined;
  const simKind = str(c.get('simKind'));
  const fixedNumberId = str(c.get('fixedNumberId'));
  const start = order.requestedStartDate;
  const wizard = WizardInputSchema.safeParse({
    productTypeCode: catalog.serviceTypes.get(serviceTypeCode)?.productTypeCode ?? '?',
    serviceTypeCode,
    bundleCode: item.productOffering.id,
    optionCodes: list(c.get('options')),
    ...(number ? { number } : {}),
    ...(simKind ? { sim: simKind === 'admin_sim' ? { kind: simKind, iccid: str(c.get('iccid')) ?? '' } : { kind: simKind } } : {}),
    ...(fixedNumberId ? { fixedNumber: { kind: str(c.get('fixedNumberKind')) ?? 'available', fixedNumberId } } : {}),
    activation: { method: str(c.get('activationMethod')) ?? 'email', timing: start ? 'later' : 'asap', ...(start ? { scheduledStartAt: start } : {}) },
  });
  if (!wizard.success) {
    throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: wizard.error.issues.map((i) => ({ field: i.path.join('.'), rule: i.message })) });
  }
  const mobileUserId = await mobileUserOf(deps.db, scope, actor, [...(item.product?.relatedParty ?? []), ...(order.relatedParty ?? [])]);
  return addService(deps, scope, actor, mobileUserId, wizard.data);
};

const serviceIdOf = (item: ProductOrderItemInput) => {
  const id = item.product?.id;
  if (!id) throw invalid('product.id');
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('SERVICE.NOT_FOUND');
  return id;
};

/** Runs one item with the portal's use case; a refusal is kept on the item, with its reason. */
const runItem = async (deps: Deps, scope: CompanyScope, actor: Actor, order: OrderContext, item: ProductOrderItemInput, lang: Lang): Promise<ProductOrderItemRecord> => {
  const base = { id: item.id, action: item.action, request: item as Record<string, unknown> };
  try {
    // each item in its own savepoint: a refused item leaves nothing behind, the others stand
    const serviceId = await deps.db.transaction(async (tx) => {
      const inner = { ...deps, db: tx as unknown as Db };
      switch (item.action) {
        case 'add':
          return runAdd(inner, scope, actor, order, item);
        case 'delete':
          await deleteService(inner, scope, actor, serviceIdOf(item), lang);
          return serviceIdOf(item);
        case 'modify': {
          const bundleCode = item.productOffering?.id;
          if (!bundleCode) throw invalid('productOffering.id');
          await changeService(inner, scope, actor, serviceIdOf(item), { bundleCode, optionCodes: list(characteristicsOf(item).get('options')) }, lang);
          return serviceIdOf(item);
        }
        case 'noChange':
          return item.product?.id ?? null;
      }
    });
    return { ...base, serviceId, rejection: null };
  } catch (err) {
    if (!(err instanceof AppError) || err.status >= 500) throw err;
    return { ...base, serviceId: null, rejection: { code: err.code, params: err.params, fieldErrors: err.fieldErrors } };
  }
};

/**
 * POST productOrder: the order is acknowledged at once (TMF622's flow: the business content is
 * checked afterwards) and a durable job carries out its items. With an Idempotency-Key, a retried
 * request gets the first order back: the key is claimed by a unique index, so of two requests racing
 * with one key, one places the order and the other waits for it and returns it.
 */
export const placeProductOrder = async (
  deps: Pick<Deps, 'db' | 'jobs' | 'clock'>,
  scope: CompanyScope,
  actor: Actor,
  clientId: string,
  input: ProductOrderInput,
  idempotencyKey: string | undefined,
) => {
  if (idempotencyKey) {
    const existing = await findProductOrderByKey(deps.db, scope, clientId, idempotencyKey);
    if (existing) return { id: existing.id, replayed: true };
  }
  try {
    const id = await deps.db.transaction(async (tx) => {
      const items: ProductOrderItemRecord[] = input.productOrderItem.map((item) => ({ id: item.id, action: item.action, request: item as Record<string, unknown>, serviceId: null, rejection: null }));
      const order = await insertProductOrder(tx, scope, {
        apiClientId: clientId,
        idempotencyKey: idempotencyKey ?? null,
        externalId: input.externalId ?? null,
        description: input.description ?? null,
        priority: input.priority ?? null,
        category: input.category ?? null,
        requestedStartDate: input.requestedStartDate ? new Date(input.requestedStartDate) : null,
        requestedCompletionDate: input.requestedCompletionDate ? new Date(input.requestedCompletionDate) : null,
        relatedParty: (input.relatedParty ?? []) as Record<string, unknown>[],
        notes: input.note ?? [],
        items,
      });
      const job: ProductOrderJob = { companyId: scope.companyId, productOrderId: order.id, actorName: actor.name };
      await deps.jobs.send(tx, QUEUES.productOrderRun, job, { singletonKey: order.id });
      // the order's subscribers hear of it in the same transaction (webhooks)
      await emitProductOrderCreated(tx, deps, scope, order);
      await recordAudit(tx, {
        scope,
        actor,
        action: 'product_order.created',
        entityType: 'product_order',
        entityId: order.id,
        before: null,
        after: { externalId: order.externalId, items: items.map((i) => ({ id: i.id, action: i.action })) },
      });
      return order.id;
    });
    return { id, replayed: false };
  } catch (err) {
    if (idempotencyKey && isUniqueViolation(err, 'product_orders_idempotency_uq')) {
      const existing = await findProductOrderByKey(deps.db, scope, clientId, idempotencyKey);
      if (existing) return { id: existing.id, replayed: true };
    }
    throw err;
  }
};

/**
 * The job of an acknowledged order: each item by the portal's own use case, in one transaction with
 * the order row locked. An order already carried out, or cancelled meanwhile, is left as it is, so a
 * repeated job changes nothing. An order none of whose items can be carried out ends `rejected`.
 */
export const runProductOrder = async (deps: Deps, job: ProductOrderJob) =>
  deps.db.transaction(async (tx) => {
    const scope = scopeOfJob(job);
    const row = await findProductOrder(tx, scope, job.productOrderId, true);
    if (!row || row.processedAt || row.cancelledAt) return false;
    const actor: Actor = { accountId: null, name: job.actorName };
    const inner = { ...deps, db: tx as unknown as Db };
    const order: OrderContext = { requestedStartDate: row.requestedStartDate?.toISOString(), relatedParty: row.relatedParty as Party[] };
    const items: ProductOrderItemRecord[] = [];
    for (const item of row.items) items.push(await runItem(inner, scope, actor, order, item.request as ProductOrderItemInput, 'en'));
    await updateProductOrder(tx, scope, row.id, { items, processedAt: deps.clock.now() });
    await recordAudit(tx, {
      scope,
      actor,
      action: 'product_order.processed',
      entityType: 'product_order',
      entityId: row.id,
      before: null,
      after: { items: items.map((i) => ({ id: i.id, action: i.action, serviceId: i.serviceId, rejected: i.rejection?.code ?? null })) },
    });
    return true;
  });

// ---------------------------------------------------------------- reading orders

type ServiceState = { id: string; status: ServiceStatus; activatedAt: Date | null; endedAt: Date | null };
export type OrderStates = { services: Map<string, ServiceState>; beingCancelled: Set<string> };

const itemState = (row: ProductOrderRow, item: ProductOrderItemRecord, service: ServiceState | undefined): TmfOrderItemState => {
  if (item.rejection) return 'rejected';
  if (row.cancelledAt) return 'cancelled';
  if (!row.processedAt) return 'acknowledged';
  if (!service) return 'completed';
  if (item.action === 'add') return addItemState(service.status);
  if (item.action === 'delete') return deleteItemState(service.status);
  return 'completed';
};

/** The order's state and its items', read from its services now. */
export const statesOfOrder = (row: ProductOrderRow, states: OrderStates) => {
  const items = row.items.map((item) => ({ item, service: item.serviceId ? states.services.get(item.serviceId) : undefined }));
  const itemStates = items.map(({ item, service }) => itemState(row, item, service));
  const state: TmfOrderState = row.cancelledAt ? 'cancelled' : states.beingCancelled.has(row.id) ? 'assessingCancellation' : row.processedAt ? orderState(itemStates) : 'acknowledged';
  return { items, itemStates, state };
};

/** A final state: nothing more happens to the order (no PATCH of its dates, no cancellation). */
export const isFinalOrderState = (state: TmfOrderState) => ['completed', 'rejected', 'failed', 'partial', 'cancelled'].includes(state);

const reasonOf = (lang: Lang, r: NonNullable<ProductOrderItemRecord['rejection']>) => {
  const detail = t(lang, `errors.${r.code}.detail`, r.params);
  const fields = r.fieldErrors.map((e) => translateFieldError(lang, e).message);
  return fields.length ? `${detail} ${fields.join(' ')}` : detail;
};

/**
 * The order as TMF622 v4 shows it. An attribute without a value is left out (the spec's types allow
 * no null); `errorMessage` is the attribute TMF622 v5 added for the reasons of a rejection.
 */
const toTmf = (row: ProductOrderRow, states: OrderStates, lang: Lang): TmfProductOrder => {
  const { items, itemStates, state } = statesOfOrder(row, states);
  const done = isFinalOrderState(state);
  const last = items.map(({ service }) => service?.activatedAt ?? service?.endedAt ?? row.processedAt ?? row.createdAt).reduce((a, b) => (a > b ? a : b), row.cancelledAt ?? row.processedAt ?? row.createdAt);
  const rejected = items.filter(({ item }) => item.rejection);
  const iso = (d: Date | null) => d?.toISOString();
  const optional = <T,>(key: string, value: T | null | undefined) => (value === null || value === undefined ? {} : { [key]: value });
  return {
    id: row.id,
    href: `${PRODUCT_ORDER_PATH}/${row.id}`,
    '@type': 'ProductOrder',
    ...optional('externalId', row.externalId),
    ...optional('description', row.description),
    ...optional('priority', row.priority),
    ...optional('category', row.category),
    state,
    orderDate: row.createdAt.toISOString(),
    ...optional('requestedStartDate', iso(row.requestedStartDate)),
    ...optional('requestedCompletionDate', iso(row.requestedCompletionDate)),
    ...optional('completionDate', done ? last.toISOString() : null),
    ...optional('cancellationDate', iso(row.cancelledAt)),
    ...optional('cancellationReason', row.cancellationReason),
    productOrderItem: items.map(({ item }, i) => {
      const req = item.request as ProductOrderItemInput;
      return {
        id: item.id,
        action: item.action,
        state: itemStates[i]!,
        quantity: 1,
        '@type': 'ProductOrderItem' as const,
        ...(req.productOffering?.id ? { productOffering: { id: req.productOffering.id, '@referredType': 'ProductOffering' } } : {}),
        product: {
          '@type': 'Product' as const,
          ...(item.serviceId ? { id: item.serviceId, href: `${SERVICE_PATH}/${item.serviceId}` } : {}),
          ...(req.product?.productSpecification?.id ? { productSpecification: { id: req.product.productSpecification.id, '@referredType': 'ProductSpecification' } } : {}),
        },
      };
    }),
    note: [
      ...row.notes.map((n) => ({ ...n, '@type': 'Note' as const })),
      ...rejected.map(({ item }) => ({ '@type': 'Note' as const, author: 'Fleetdesk', text: `${item.id}: ${reasonOf(lang, item.rejection!)}` })),
    ],
    errorMessage: rejected.map(({ item }) => ({
      '@type': 'ProductOrderErrorMessage' as const,
      code: item.rejection!.code,
      reason: t(lang, `errors.${item.rejection!.code}.title`),
      message: reasonOf(lang, item.rejection!),
      productOrderItem: [{ itemId: item.id }],
    })),
    // the parties the client named by id (TMF's RelatedParty needs an id)
    relatedParty: (row.relatedParty as Party[])
      .filter((p) => p.id)
      .map((p) => ({ id: p.id!, ...optional('name', p.name), ...optional('role', p.role), '@referredType': p['@referredType'] ?? 'Individual' })),
  };
};

export const statesOf = async (db: Db, scope: CompanyScope, rows: ProductOrderRow[]): Promise<OrderStates> => {
  const ids = [...new Set(rows.flatMap((r) => r.items.map((i) => i.serviceId).filter((id): id is string => id !== null)))];
  const [services, cancelling] = await Promise.all([serviceStatesOf(db, scope, ids), ordersBeingCancelled(db, scope, rows.filter((r) => !r.cancelledAt).map((r) => r.id))]);
  return { services: new Map(services.map((s) => [s.id, s])), beingCancelled: new Set(cancelling) };
};

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

export const getProductOrder = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined, lang: Lang) => {
  const row = isUuid(id) ? await findProductOrder(deps.db, scope, id) : null;
  if (!row) throw new AppError('PRODUCT_ORDER.NOT_FOUND');
  return pickFields(toTmf(row, await statesOf(deps.db, scope, [row]), lang), parseFields(fields));
};

const ORDER_FILTERS = ['id', 'externalId', 'orderDate', 'priority', 'category'] as const;

export const listTmfProductOrders = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, query: Record<string, unknown> & { fields?: string; offset: number; limit: number }, lang: Lang) => {
  const { filters, unknown } = parseFilters(query, ORDER_FILTERS);
  if (unknown.length) throw new AppError('VALIDATION.FAILED', { fieldErrors: unknown.map((field) => ({ field, rule: 'unknown_filter' })) });
  const orderDates = filters.orderDate?.map((d) => new Date(d));
  if (orderDates?.some((d) => Number.isNaN(d.getTime()))) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'orderDate', rule: 'invalid_format' }] });
  const { rows, total } = await listProductOrders(
    deps.db,
    scope,
    {
      ...(filters.id ? { ids: filters.id.filter(isUuid) } : {}),
      ...(filters.externalId ? { externalIds: filters.externalId } : {}),
      ...(orderDates ? { orderDates } : {}),
      ...(filters.priority ? { priorities: filters.priority } : {}),
      ...(filters.category ? { categories: filters.category } : {}),
    },
    query,
  );
  const states = await statesOf(deps.db, scope, rows);
  const fields = parseFields(query.fields);
  return { items: rows.map((r) => pickFields(toTmf(r, states, lang), fields)), total };
};

// ---------------------------------------------------------------- PATCH

/**
 * PATCH productOrder (JSON merge patch, RFC 7386): the attributes TMF622 lets a customer change.
 * The dates of the start are the services' schedule, so they change only while nothing started:
 * while the order is acknowledged (its job reads the date then) or held (each waiting service is
 * rescheduled, or started at once when the date is removed, with the portal's own use cases).
 */
export const patchProductOrder = async (deps: Deps, scope: CompanyScope, actor: Actor, id: string, patch: ProductOrderPatch, lang: Lang) => {
  const now = deps.clock.now();
  const start = patch.requestedStartDate ? new Date(patch.requestedStartDate) : null;
  if (start) {
    const problems = scheduleProblems(start, now, 'requestedStartDate');
    if (problems.length) throw new AppError('VALIDATION.FAILED', { fieldErrors: problems });
  }
  await deps.db.transaction(async (tx) => {
    const row = isUuid(id) ? await findProductOrder(tx, scope, id, true) : null;
    if (!row) throw new AppError('PRODUCT_ORDER.NOT_FOUND');
    const states = await statesOf(tx as unknown as Db, scope, [row]);
    const { state, items, itemStates } = statesOfOrder(row, states);
    const changed = Object.keys(patch) as (keyof ProductOrderPatch)[];
    const dated = changed.filter((f) => f === 'requestedStartDate' || f === 'requestedCompletionDate');
    const blocked = isFinalOrderState(state) || state === 'assessingCancellation' ? changed : state === 'acknowledged' || state === 'held' ? [] : dated;
    if (blocked.length) throw new AppError('PRODUCT_ORDER.STATE_CONFLICT', { params: { state }, fieldErrors: blocked.map((field) => ({ field, rule: 'not_in_state', params: { state } })) });
    const inner = { ...deps, db: tx as unknown as Db };
    if ('requestedStartDate' in patch && state === 'held') {
      const waiting = items.filter(({ item }, i) => item.action === 'add' && item.serviceId && itemStates[i] === 'held').map(({ item }) => item.serviceId!);
      if (start) await scheduleServices(inner, scope, actor, waiting, start);
      else await startServices(inner, scope, actor, waiting);
    }
    const after = await updateProductOrder(tx, scope, row.id, {
      ...('description' in patch ? { description: patch.description ?? null } : {}),
      ...('priority' in patch ? { priority: patch.priority ?? null } : {}),
      ...('category' in patch ? { category: patch.category ?? null } : {}),
      ...('externalId' in patch ? { externalId: patch.externalId ?? null } : {}),
      ...('note' in patch ? { notes: patch.note ?? [] } : {}),
      ...('requestedStartDate' in patch ? { requestedStartDate: start } : {}),
      ...('requestedCompletionDate' in patch ? { requestedCompletionDate: patch.requestedCompletionDate ? new Date(patch.requestedCompletionDate) : null } : {}),
    });
    const pick = (r: ProductOrderRow) => Object.fromEntries(changed.map((f) => [f, f === 'note' ? r.notes : (r as Record<string, unknown>)[f]]));
    await recordAudit(tx, { scope, actor, action: 'product_order.updated', entityType: 'product_order', entityId: row.id, before: pick(row), after: pick(after) });
  });
  return getProductOrder(deps, scope, id, undefined, lang);
};

/** Orders as TMF622 shows them, some services taken in the status given (the webhooks compare an order before and after a service change). */
export const tmfOrdersOf = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, rows: ProductOrderRow[], lang: Lang, statusOf: Map<string, ServiceStatus> = new Map()) => {
  const states = await statesOf(deps.db, scope, rows);
  for (const [id, status] of statusOf) {
    const s = states.services.get(id);
    if (s) states.services.set(id, { ...s, status });
  }
  return rows.map((r) => toTmf(r, states, lang));
};
