import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { apiClientContext } from '../../http/context.js';
import { perClientRateLimit, requireApiScope } from './bearer-auth.js';
import { CancelProductOrderInputSchema, TmfCancelProductOrderListSchema, TmfCancelProductOrderSchema, TmfFieldsQuerySchema, TmfIdParamSchema, TmfListQuerySchema, tmfErrors } from './tmf.schemas.js';
import { CANCEL_PRODUCT_ORDER_PATH, getCancellation, listTmfCancellations, requestCancellation } from './use-cases/cancel-product-orders.js';

/** TMF622 cancelProductOrder: a company's system cancels an order whose lines have not started. */
export const tmfCancelProductOrderRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['TMF622 Product Ordering'];
    const rateLimit = perClientRateLimit(deps);
    // as for orders: typed code builds the answer, the tests hold it to the schema
    const serializerCompiler = () => (data: unknown) => JSON.stringify(data);
    const read = { onRequest: requireApiScope(deps, 'orders:read'), config: { rateLimit }, serializerCompiler };

    app.post(
      CANCEL_PRODUCT_ORDER_PATH,
      {
        onRequest: requireApiScope(deps, 'orders:write'),
        config: { rateLimit },
        serializerCompiler,
        schema: {
          tags,
          security: [{ bearer: ['orders:write'] }],
          summary: 'Cancel a product order',
          description:
            'Acknowledged at once, then worked by a job (at requestedCancellationDate if given): inProgress, then done (the order is `cancelled`, the lines it created are cancelled and their number and SIM go back to stock) or terminatedWithError (a line already started, or an item that ended or changed a line: nothing is undone; the reason in errorMessage). An order that has ended answers 409.',
          body: CancelProductOrderInputSchema,
          response: { 201: TmfCancelProductOrderSchema, ...tmfErrors(400, 401, 403, 404, 409, 429) },
        },
      },
      async (req, reply) => {
        const { client, scope, actor } = apiClientContext(req);
        const id = await requestCancellation(deps, scope, actor, client.id, req.body);
        return reply.status(201).header('location', `${CANCEL_PRODUCT_ORDER_PATH}/${id}`).send(await getCancellation(deps, scope, id, undefined, req.lang));
      },
    );

    app.get(
      CANCEL_PRODUCT_ORDER_PATH,
      {
        ...read,
        schema: {
          tags,
          security: [{ bearer: ['orders:read'] }],
          summary: 'List cancellation requests',
          description: 'Filters: id, state, productOrder.id. X-Total-Count and X-Result-Count give the total and the count returned.',
          querystring: TmfListQuerySchema,
          response: { 200: TmfCancelProductOrderListSchema, ...tmfErrors(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const { items, total } = await listTmfCancellations(deps, apiClientContext(req).scope, req.query, req.lang);
        return reply.header('x-total-count', total).header('x-result-count', items.length).send(items);
      },
    );

    app.get(
      `${CANCEL_PRODUCT_ORDER_PATH}/:id`,
      {
        ...read,
        schema: { tags, security: [{ bearer: ['orders:read'] }], summary: 'Retrieve a cancellation request', params: TmfIdParamSchema, querystring: TmfFieldsQuerySchema, response: { 200: TmfCancelProductOrderSchema, ...tmfErrors(401, 403, 404, 429) } },
      },
      async (req) => getCancellation(deps, apiClientContext(req).scope, req.params.id, req.query.fields, req.lang),
    );
  };
