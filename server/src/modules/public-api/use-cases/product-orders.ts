import type { Deps } from '../../../deps.js';
import type { ProductOrderItemRecord, ServiceStatus } from '../../../db/schema.js';
import { translateFieldError } from '../../../http/problem.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { Db } from '../../../platform/db.js';
import { t, type Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { catalogSnapshot } from '../../catalog/index.js';
import { createMobileUser } from '../../mobile-users/index.js';
import { MobileUserInputSchema } from '../../mobile-users/mobile-users.schemas.js';
import { addService, changeService, deleteService } from '../../services/index.js';
import { WizardInputSchema } from '../../services/services.schemas.js';
import { parseFields, parseFilters, pickFields } from '../domain/tmf-query.js';
import { addItemState, deleteItemState, orderState, type TmfOrderItemState } from '../domain/tmf-states.js';
import {
  findProductOrder,
  findProductOrderByKey,
  insertProductOrder,
  listProductOrders,
  serviceStatesOf,
  setProductOrderItems,
  type ProductOrderRow,
} from '../product-orders.repository.js';
import type { ProductOrderInput, ProductOrderItemInput, TmfProductOrder } from '../tmf.schemas.js';
import { SERVICE_PATH } from './service-inventory.js';
import { emitProductOrderCreated } from './webhooks.js';

export const PRODUCT_ORDER_PATH = '/tmf-api/productOrderingManagement/v4/productOrder';

type Party = NonNullable<ProductOrderInput['relatedParty']>[number];
const invalid = (field: string, rule = 'required') => new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: [{ field, rule }] });

/** The characteristics of an item as name → value; a list may come as an array or comma-separated. */
const characteristicsOf = (item: ProductOrderItemInput) => new Map((item.product?.productCharacteristic ?? []).map((c) => [c.name, c.value]));
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);

/** The mobile user of an `add` item: named by id, or created from name and e-mail (the portal's own rules). */
const mobileUserOf = async (db: Db, scope: CompanyScope, actor: Actor, parties: Party[]) => {
  const party = parties.find((p) => (p.role ?? '').toLowerCase() === 'user') ?? parties[0];
  if (!party) throw invalid('relatedParty');
  if (party.id) return party.id;
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
const runAdd = async (deps: Deps, scope: CompanyScope, actor: Actor, order: ProductOrderInput, item: ProductOrderItemInput) => {
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
const runItem = async (deps: Deps, scope: CompanyScope, actor: Actor, order: ProductOrderInput, item: ProductOrderItemInput, lang: Lang): Promise<ProductOrderItemRecord> => {
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
 * POST productOrder: the order, and each item carried out by the portal's own use case, in one
 * transaction. With an Idempotency-Key, a retried request gets the first order back: the key is
 * claimed by a unique index, so of two requests racing with one key, one places the order and the
 * other waits for it and returns it.
 */
export const placeProductOrder = async (deps: Deps, scope: CompanyScope, actor: Actor, clientId: string, input: ProductOrderInput, idempotencyKey: string | undefined, lang: Lang) => {
  if (idempotencyKey) {
    const existing = await findProductOrderByKey(deps.db, scope, clientId, idempotencyKey);
    if (existing) return { id: existing.id, replayed: true };
  }
  try {
    const id = await deps.db.transaction(async (tx) => {
      const order = await insertProductOrder(tx, scope, {
        apiClientId: clientId,
        idempotencyKey: idempotencyKey ?? null,
        externalId: input.externalId ?? null,
        description: input.description ?? null,
        requestedStartDate: input.requestedStartDate ? new Date(input.requestedStartDate) : null,
        items: [],
      });
      const inner = { ...deps, db: tx as unknown as Db };
      const items: ProductOrderItemRecord[] = [];
      for (const item of input.productOrderItem) items.push(await runItem(inner, scope, actor, input, item, lang));
      await setProductOrderItems(tx, scope, order.id, items);
      await recordAudit(tx, {
        scope,
        actor,
        action: 'product_order.created',
        entityType: 'product_order',
        entityId: order.id,
        before: null,
        after: { externalId: order.externalId, items: items.map((i) => ({ id: i.id, action: i.action, serviceId: i.serviceId, rejected: i.rejection?.code ?? null })) },
      });
      await emitProductOrderCreated(tx, deps, scope, order);
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

// ---------------------------------------------------------------- reading orders

type ServiceState = { id: string; status: ServiceStatus; activatedAt: Date | null; endedAt: Date | null };

const itemState = (item: ProductOrderItemRecord, service: ServiceState | undefined): TmfOrderItemState => {
  if (item.rejection) return 'rejected';
  if (!service) return 'completed';
  if (item.action === 'add') return addItemState(service.status);
  if (item.action === 'delete') return deleteItemState(service.status);
  return 'completed';
};

/** The order as TMF622 shows it, its states read from its services now. */
const toTmf = (row: ProductOrderRow, states: Map<string, ServiceState>, lang: Lang): TmfProductOrder => {
  const items = row.items.map((item) => ({ item, service: item.serviceId ? states.get(item.serviceId) : undefined }));
  const itemStates = items.map(({ item, service }) => itemState(item, service));
  const state = orderState(itemStates);
  const done = ['completed', 'rejected', 'failed', 'partial', 'cancelled'].includes(state);
  const last = items.map(({ service }) => service?.activatedAt ?? service?.endedAt ?? row.createdAt).reduce((a, b) => (a > b ? a : b), row.createdAt);
  const rejected = items.filter(({ item }) => item.rejection);
  const reasonOf = (r: NonNullable<ProductOrderItemRecord['rejection']>) => {
    const detail = t(lang, `errors.${r.code}.detail`, r.params);
    const fields = r.fieldErrors.map((e) => translateFieldError(lang, e).message);
    return fields.length ? `${detail} ${fields.join(' ')}` : detail;
  };
  return {
    id: row.id,
    href: `${PRODUCT_ORDER_PATH}/${row.id}`,
    '@type': 'ProductOrder',
    externalId: row.externalId,
    description: row.description,
    state,
    orderDate: row.createdAt.toISOString(),
    creationDate: row.createdAt.toISOString(),
    requestedStartDate: row.requestedStartDate?.toISOString() ?? null,
    completionDate: done ? last.toISOString() : null,
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
    note: rejected.map(({ item }) => ({ '@type': 'Note' as const, author: 'Fleetdesk', text: `${item.id}: ${reasonOf(item.rejection!)}` })),
    errorMessage: rejected.map(({ item }) => ({
      '@type': 'ProductOrderErrorMessage' as const,
      code: item.rejection!.code,
      reason: t(lang, `errors.${item.rejection!.code}.title`),
      message: reasonOf(item.rejection!),
      productOrderItem: [{ itemId: item.id }],
    })),
    relatedParty: [],
  };
};

const statesOf = async (db: Db, scope: CompanyScope, rows: ProductOrderRow[]) => {
  const ids = [...new Set(rows.flatMap((r) => r.items.map((i) => i.serviceId).filter((id): id is string => id !== null)))];
  return new Map((await serviceStatesOf(db, scope, ids)).map((s) => [s.id, s]));
};

export const getProductOrder = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined, lang: Lang) => {
  const row = /^[0-9a-f-]{36}$/i.test(id) ? await findProductOrder(deps.db, scope, id) : null;
  if (!row) throw new AppError('PRODUCT_ORDER.NOT_FOUND');
  return pickFields(toTmf(row, await statesOf(deps.db, scope, [row]), lang), parseFields(fields));
};

export const listTmfProductOrders = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, query: Record<string, unknown> & { fields?: string; offset: number; limit: number }, lang: Lang) => {
  const { filters, unknown } = parseFilters(query, ['id', 'externalId'] as const);
  if (unknown.length) throw new AppError('VALIDATION.FAILED', { fieldErrors: unknown.map((field) => ({ field, rule: 'unknown_filter' })) });
  const { rows, total } = await listProductOrders(deps.db, scope, { ...(filters.id ? { ids: filters.id.filter((i) => /^[0-9a-f-]{36}$/i.test(i)) } : {}), ...(filters.externalId ? { externalIds: filters.externalId } : {}) }, query);
  const states = await statesOf(deps.db, scope, rows);
  const fields = parseFields(query.fields);
  return { items: rows.map((r) => pickFields(toTmf(r, states, lang), fields)), total };
};

/** Orders as TMF622 shows them, some services taken in the status given (the webhooks compare an order before and after a service change). */
export const tmfOrdersOf = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, rows: ProductOrderRow[], lang: Lang, statusOf: Map<string, ServiceStatus> = new Map()) => {
  const states = await statesOf(deps.db, scope, rows);
  for (const [id, status] of statusOf) {
    const s = states.get(id);
    if (s) states.set(id, { ...s, status });
  }
  return rows.map((r) => toTmf(r, states, lang));
};
