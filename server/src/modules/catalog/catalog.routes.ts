import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { ownCompanyScope, requireSignedIn } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { contractedProductTypes, getCatalog } from './catalog.repository.js';
import type { AppDeps } from '../../deps.js';

const named = { code: z.string(), name: z.string() };
export const CatalogSchema = z.object({
  productTypes: z.array(
    z.object({
      ...named,
      description: z.string(),
      serviceTypes: z.array(
        z.object({
          ...named,
          description: z.string(),
          needsSim: z.boolean(),
          needsMobileNumber: z.boolean(),
          needsFixedNumber: z.boolean(),
          bundles: z.array(
            z.object({
              ...named,
              dataGb: z.number().nullable(),
              callMinutes: z.number().int().nullable().describe('null means unlimited'),
              monthlyPriceCents: z.number().int(),
              options: z.array(z.object({ ...named, monthlyPriceCents: z.number().int() })),
            }),
          ),
        }),
      ),
    }),
  ),
});

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
