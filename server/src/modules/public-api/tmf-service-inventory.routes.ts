import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { apiClientContext } from '../../http/context.js';
import { perClientRateLimit, requireApiScope } from './bearer-auth.js';
import { TmfFieldsQuerySchema, TmfIdParamSchema, TmfListQuerySchema, TmfServiceListSchema, TmfServiceSchema, tmfErrors } from './tmf.schemas.js';
import { getTmfService, listTmfServices, SERVICE_PATH } from './use-cases/service-inventory.js';

/** TMF638 Service Inventory v4: every service of the API client's company. */
export const tmfServiceInventoryRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['TMF638 Service Inventory'];
    const guard = {
      onRequest: requireApiScope(deps, 'services:read'),
      config: { rateLimit: perClientRateLimit(deps) },
      // Built by typed code from typed rows: checking a page of 100 services again against the schema
      // on the way out cost more than its queries (bench/public-api.ts). The schema documents the
      // answer; tests/integration/tmf-api.int.test.ts holds every answer to it.
      serializerCompiler: () => (data: unknown) => JSON.stringify(data),
    };
    const security = [{ bearer: ['services:read'] }];

    app.get(
      SERVICE_PATH,
      {
        ...guard,
        schema: {
          tags,
          security,
          summary: 'List services',
          description: 'Filters: id, state, name (the number), serviceType, category (product type). X-Total-Count and X-Result-Count give the total and the count returned.',
          querystring: TmfListQuerySchema,
          response: { 200: TmfServiceListSchema, ...tmfErrors(400, 401, 403, 429) },
        },
      },
      async (req, reply) => {
        const { scope } = apiClientContext(req);
        const { items, total } = await listTmfServices(deps, scope, req.query, req.lang);
        return reply.header('x-total-count', total).header('x-result-count', items.length).send(items);
      },
    );

    app.get(
      `${SERVICE_PATH}/:id`,
      {
        ...guard,
        schema: { tags, security, summary: 'Retrieve a service', params: TmfIdParamSchema, querystring: TmfFieldsQuerySchema, response: { 200: TmfServiceSchema, ...tmfErrors(401, 403, 404, 429) } },
      },
      async (req) => getTmfService(deps, apiClientContext(req).scope, req.params.id, req.query.fields, req.lang),
    );
  };
