import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { apiClientContext } from '../../http/context.js';
import { z } from '../../platform/validation.js';
import { perClientRateLimit, requireApiScope } from './bearer-auth.js';
import { AppError } from '../../platform/app-error.js';
import { tmfCancelProductOrderRoutes } from './tmf-cancel-product-order.routes.js';
import {
  PRODUCT_ORDER_READ_ONLY,
  ProductOrderInputSchema,
  ProductOrderPatchSchema,
  TmfFieldsQuerySchema,
  TmfIdParamSchema,
  TmfListQuerySchema,
  TmfProductOrderListSchema,
  TmfProductOrderSchema,
  tmfErrors,
  type ProductOrderPatch,
} from './tmf.schemas.js';
import { getProductOrder, listTmfProductOrders, patchProductOrder, placeProductOrder, PRODUCT_ORDER_PATH } from './use-cases/product-orders.js';

const IdempotencyHeadersSchema = z.object({ 'idempotency-key': z.string().min(1).max(200).optional().describe('a retried POST with the same key returns the first order') }).loose();

/** TMF622 Product Ordering v4: lines ordered, changed and ended by the company's own systems, through the portal's use cases. */
export const tmfProductOrderingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['TMF622 Product Ordering'];
    const rateLimit = perClientRateLimit(deps);
    // as for services (tmf-service-inventory.routes.ts): typed code builds the answer, the tests hold it to the schema
    const serializerCompiler = () => (data: unknown) => JSON.stringify(data);
    const read = { onRequest: requireApiScope(deps, 'orders:read'), config: { rateLimit }, serializerCompiler };

    app.post(
      PRODUCT_ORDER_PATH,
      {
        onRequest: requireApiScope(deps, 'orders:write'),
        config: { rateLimit },
        schema: {
          tags,
          security: [{ bearer: ['orders:write'] }],
          summary: 'Create a product order',
          description:
            'The order is acknowledged at once and its items are carried out by a job (TMF622 flow): read it again to follow its state. Items: `add` (productOffering.id = bundle, product.productSpecification.id = service type, characteristics numberKind/msisdn/donorOperator/accountType/customerNumber/donorSimNumber/holderName/portFromServiceId, simKind/iccid, fixedNumberId/fixedNumberKind, options, activationMethod; relatedParty role "user" = the mobile user by id, or givenName/familyName/email to create one; requestedStartDate = scheduled start), `modify` (product.id = service, productOffering.id = new bundle, options), `delete` (product.id = service). An item the portal refuses is `rejected`, its reason in note and errorMessage.',
          headers: IdempotencyHeadersSchema,
          body: ProductOrderInputSchema,
          response: { 201: TmfProductOrderSchema, ...tmfErrors(400, 401, 403, 415, 429) },
        },
      },
      async (req, reply) => {
        const { client, scope, actor } = apiClientContext(req);
        const { id, replayed } = await placeProductOrder(deps, scope, actor, client.id, req.body, req.headers['idempotency-key']);
        const order = await getProductOrder(deps, scope, id, undefined, req.lang);
        if (replayed) reply.header('idempotent-replayed', 'true');
        return reply.status(201).header('location', `${PRODUCT_ORDER_PATH}/${id}`).send(order);
      },
    );

    app.get(
      PRODUCT_ORDER_PATH,
      {
        ...read,
        schema: {
          tags,
          security: [{ bearer: ['orders:read'] }],
          summary: 'List product orders',
          description: 'Filters: id, externalId, orderDate, priority, category. X-Total-Count and X-Result-Count give the total and the count returned.',
          querystring: TmfListQuerySchema,
          response: { 200: TmfProductOrderListSchema, ...tmfErrors(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const { items, total } = await listTmfProductOrders(deps, apiClientContext(req).scope, req.query, req.lang);
        return reply.header('x-total-count', total).header('x-result-count', items.length).send(items);
      },
    );

    app.get(
      `${PRODUCT_ORDER_PATH}/:id`,
      {
        ...read,
        schema: { tags, security: [{ bearer: ['orders:read'] }], summary: 'Retrieve a product order', params: TmfIdParamSchema, querystring: TmfFieldsQuerySchema, response: { 200: TmfProductOrderSchema, ...tmfErrors(401, 403, 404, 429) } },
      },
      async (req) => getProductOrder(deps, apiClientContext(req).scope, req.params.id, req.query.fields, req.lang),
    );

    // RFC 7386: a merge patch is JSON; TMF622 names its media type (plain JSON is taken as one too)
    app.addContentTypeParser('application/merge-patch+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
    app.patch(
      `${PRODUCT_ORDER_PATH}/:id`,
      {
        onRequest: requireApiScope(deps, 'orders:write'),
        config: { rateLimit },
        serializerCompiler,
        schema: {
          tags,
          security: [{ bearer: ['orders:write'] }],
          summary: 'Update a product order (JSON merge patch)',
          description: `Content-Type: application/merge-patch+json. Changeable: externalId, description, priority, category, note, and requestedStartDate / requestedCompletionDate while the order is acknowledged or held (the waiting lines are rescheduled; removing requestedStartDate starts them now). Read-only, refused with 400 naming the attribute: ${PRODUCT_ORDER_READ_ONLY.join(', ')}. An ended order, or an attribute its state no longer allows, answers 409.`,
          params: TmfIdParamSchema,
          body: ProductOrderPatchSchema,
          response: { 200: TmfProductOrderSchema, ...tmfErrors(400, 401, 403, 404, 409, 415, 429) },
        },
      },
      async (req) => {
        const { scope, actor } = apiClientContext(req);
        const allowed = new Set(Object.keys(ProductOrderPatchSchema.shape));
        const refused = Object.keys(req.body).filter((k) => !allowed.has(k));
        if (refused.length) throw new AppError('VALIDATION.FAILED', { fieldErrors: refused.map((field) => ({ field, rule: 'not_patchable' })) });
        return patchProductOrder(deps, scope, actor, req.params.id, req.body as ProductOrderPatch, req.lang);
      },
    );

    await app.register(tmfCancelProductOrderRoutes(deps));
  };
