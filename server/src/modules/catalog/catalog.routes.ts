import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ownCompanyScope, requireSignedIn } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { contractedProductTypes, getCatalog } from './catalog.repository.js';
import type { AppDeps } from '../../deps.js';
import { CatalogSchema } from './catalog.schemas.js';

// the shape lives in catalog.schemas.ts now; the old name stays importable from here
export { CatalogSchema };

export const catalogRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    app.get(
      '/api/catalog',
      {
        onRequest: requireSignedIn,
        schema: {
          tags: ['catalog'],
          summary: 'Products, service types, bundles and options',
          description: 'A fleet administrator sees only the product types of the company contract; operator staff see all.',
          response: { 200: CatalogSchema, ...problemResponses(401) },
        },
      },
      async (req) => {
        const own = ownCompanyScope(req);
        const only = own ? await contractedProductTypes(db, own) : undefined;
        return getCatalog(db, req.lang, only);
      },
    );
  };
