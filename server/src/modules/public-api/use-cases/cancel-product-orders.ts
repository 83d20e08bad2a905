import type { Deps } from '../../../deps.js';
import { QUEUES, type CancelProductOrderJob } from '../../../jobs/queues.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Db } from '../../../platform/db.js';
import { t, type Lang } from '../../../platform/i18n.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { cancelService } from '../../services/index.js';
import { parseFields, parseFilters, pickFields } from '../domain/tmf-query.js';
import { findCancellation, findProductOrder, insertCancellation, listCancellations, updateCancellation, updateProductOrder, type CancellationRow } from '../product-orders.repository.js';
import type { CancelProductOrderInput, TmfCancelProductOrder } from '../tmf.schemas.js';
import { isFinalOrderState, PRODUCT_ORDER_PATH, statesOf, statesOfOrder } from './product-orders.js';

export const CANCEL_PRODUCT_ORDER_PATH = '/tmf-api/productOrderingManagement/v4/cancelProductOrder';

const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/**
 * POST cancelProductOrder: the request is acknowledged and a durable job works it (at the requested
 * cancellation date, if one is given). An order that has already ended, or is being cancelled, is
 * refused at once (409); whether its items can still be undone is the job's to find out.
 */
export const requestCancellation = async (deps: Pick<Deps, 'db' | 'jobs' | 'clock'>, scope: CompanyScope, actor: Actor, clientId: string, input: CancelProductOrderInput) =>
  deps.db.transaction(async (tx) => {
    const order = isUuid(input.productOrder.id) ? await findProductOrder(tx, scope, input.productOrder.id, true) : null;
    if (!order) throw new AppError('PRODUCT_ORDER.NOT_FOUND', { fieldErrors: [{ field: 'productOrder.id', rule: 'not_found' }] });
    const { state } = statesOfOrder(order, await statesOf(tx as unknown as Db, scope, [order]));
    if (isFinalOrderState(state) || state === 'assessingCancellation') {
      throw new AppError('PRODUCT_ORDER.NOT_CANCELLABLE', { params: { state }, fieldErrors: [{ field: 'productOrder.id', rule: 'not_in_state', params: { state } }] });
    }
    const at = input.requestedCancellationDate ? new Date(input.requestedCancellationDate) : null;
    const row = await insertCancellation(tx, scope, {
      productOrderId: order.id,
      apiClientId: clientId,
      state: 'acknowledged',
      cancellationReason: input.cancellationReason ?? null,
      requestedCancellationDate: at,
      effectiveCancellationDate: null,
      failure: null,
    });
    const job: CancelProductOrderJob = { companyId: scope.companyId, cancellationId: row.id, actorName: actor.name };
    await deps.jobs.send(tx, QUEUES.productOrderCancel, job, { singletonKey: row.id, ...(at && at > deps.clock.now() ? { startAfter: at } : {}) });
    await recordAudit(tx, { scope, actor, action: 'product_order.cancellation_requested', entityType: 'product_order', entityId: order.id, before: null, after: { cancellationId: row.id, reason: row.cancellationReason } });
    return row.id;
  });

/**
 * The cancellation job. It is `inProgress` once picked up (committed on its own, so a client sees
 * it), then in one transaction undoes the order: an order not carried out yet has nothing to undo;
 * otherwise each service an `add` item created is cancelled with the portal's Cancel (it must still
 * wait for its activation, scheduled or not), and an item that ended or changed a line cannot be
 * undone. All or none: one item that cannot be undone leaves the order as it was, and the
 * cancellation ends `terminatedWithError` with the reason.
 */
export const runCancellation = async (deps: Deps, job: CancelProductOrderJob) => {
  const scope = scopeOfJob(job);
  const started = await deps.db.transaction(async (tx) => {
    const row = await findCancellation(tx, scope, job.cancellationId, true);
    if (!row || (row.state !== 'acknowledged' && row.state !== 'inProgress')) return null;
    if (row.state === 'acknowledged') await updateCancellation(tx, scope, row.id, { state: 'inProgress' });
    return row;
  });
  if (!started) return false;
  const actor: Actor = { accountId: null, name: job.actorName };
  return deps.db.transaction(async (tx) => {
    const order = (await findProductOrder(tx, scope, started.productOrderId, true))!;
    const finish = async (state: 'done' | 'terminatedWithError', failure: CancellationRow['failure']) => {
      await updateCancellation(tx, scope, started.id, { state, failure, effectiveCancellationDate: state === 'done' ? deps.clock.now() : null });
      await recordAudit(tx, {
        scope,
        actor,
        action: state === 'done' ? 'product_order.cancelled' : 'product_order.cancellation_failed',
        entityType: 'product_order',
        entityId: order.id,
        before: null,
        after: { cancellationId: started.id, ...(failure ? { reason: failure.code } : {}) },
      });
      return state === 'done';
    };
    if (order.cancelledAt) return finish('done', null);
    try {
      await tx.transaction(async (sp) => {
        const inner = { ...deps, db: sp as unknown as Db };
        for (const item of order.items) {
          if (item.rejection || !item.serviceId) continue;
          if (item.action !== 'add') throw new AppError('PRODUCT_ORDER.NOT_CANCELLABLE', { params: { state: item.action } });
          await cancelService(inner, scope, actor, item.serviceId);
        }
        await updateProductOrder(sp, scope, order.id, { cancelledAt: deps.clock.now(), cancellationReason: started.cancellationReason });
      });
    } catch (err) {
      if (!(err instanceof AppError) || err.status >= 500) throw err;
      return finish('terminatedWithError', { code: err.code, params: err.params });
    }
    return finish('done', null);
  });
};

const toTmf = (row: CancellationRow, lang: Lang): TmfCancelProductOrder => ({
  id: row.id,
  href: `${CANCEL_PRODUCT_ORDER_PATH}/${row.id}`,
  '@type': 'CancelProductOrder',
  state: row.state,
  ...(row.cancellationReason ? { cancellationReason: row.cancellationReason } : {}),
  ...(row.requestedCancellationDate ? { requestedCancellationDate: row.requestedCancellationDate.toISOString() } : {}),
  ...(row.effectiveCancellationDate ? { effectiveCancellationDate: row.effectiveCancellationDate.toISOString() } : {}),
  productOrder: { id: row.productOrderId, href: `${PRODUCT_ORDER_PATH}/${row.productOrderId}`, '@referredType': 'ProductOrder' },
  ...(row.failure
    ? { errorMessage: [{ '@type': 'ErrorMessage' as const, code: row.failure.code, reason: t(lang, `errors.${row.failure.code}.title`), message: t(lang, `errors.${row.failure.code}.detail`, row.failure.params) }] }
    : {}),
});

export const getCancellation = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, id: string, fields: string | undefined, lang: Lang) => {
  const row = isUuid(id) ? await findCancellation(deps.db, scope, id) : null;
  if (!row) throw new AppError('CANCEL_PRODUCT_ORDER.NOT_FOUND');
  return pickFields(toTmf(row, lang), parseFields(fields));
};

export const listTmfCancellations = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, query: Record<string, unknown> & { fields?: string; offset: number; limit: number }, lang: Lang) => {
  const { filters, unknown } = parseFilters(query, ['id', 'state', 'productOrder.id'] as const);
  if (unknown.length) throw new AppError('VALIDATION.FAILED', { fieldErrors: unknown.map((field) => ({ field, rule: 'unknown_filter' })) });
  const { rows, total } = await listCancellations(
    deps.db,
    scope,
    {
      ...(filters.id ? { ids: filters.id.filter(isUuid) } : {}),
      ...(filters.state ? { states: filters.state } : {}),
      ...(filters['productOrder.id'] ? { productOrderIds: filters['productOrder.id'].filter(isUuid) } : {}),
    },
    query,
  );
  const fields = parseFields(query.fields);
  return { items: rows.map((r) => pickFields(toTmf(r, lang), fields)), total };
};
