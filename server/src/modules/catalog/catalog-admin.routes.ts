import { forgetCatalogSnapshot } from './catalog-snapshot.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { brusselsDay } from '../../platform/calendar.js';
import { operatorContext, requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { getBackOfficeCatalog } from './catalog-admin.repository.js';
import {
  BackOfficeCatalogSchema,
  CatalogEntryParamsSchema,
  CatalogEntryPatchSchema,
  PriceAddedSchema,
  PriceHistorySchema,
  PriceIdParamSchema,
  PriceInputSchema,
  PriceItemParamsSchema,
} from './catalog-admin.schemas.js';
import { addPrice, editCatalogEntry, priceHistoryOf, withdrawPrice } from './use-cases/manage-catalog.js';

/** Back office › Catalog: operator staff maintain names, what is offered, and prices from a date. */
export const backOfficeCatalogRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['back office: catalog'];
    app.addHook('onRequest', requireOperator);
    // names, prices and active flags changed here show at once in this instance's catalog snapshot
    app.addHook('onResponse', async (req, reply) => {
      if (req.method !== 'GET' && reply.statusCode < 400) forgetCatalogSnapshot(db);
    });

    app.get(
      '/api/back-office/catalog',
      { schema: { tags, summary: 'The whole catalog: every product type, service type, bundle and option, active or not, with names in all languages', response: { 200: BackOfficeCatalogSchema, ...problemResponses(401, 403) } } },
      async () => getBackOfficeCatalog(db, brusselsDay(deps.clock.now())),
    );

    app.patch(
      '/api/back-office/catalog/:kind/:code',
      {
        schema: {
          tags,
          summary: 'Rename an entry (English, French, Dutch); offer or withdraw a bundle or option for new services',
          params: CatalogEntryParamsSchema,
          body: CatalogEntryPatchSchema,
          response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        await editCatalogEntry(db, operatorContext(req).actor, req.params.kind, req.params.code, req.body);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/back-office/catalog/prices/:itemKind/:itemCode',
      { schema: { tags, summary: 'Price history of a bundle or option, latest first', params: PriceItemParamsSchema, response: { 200: PriceHistorySchema, ...problemResponses(400, 401, 403, 404) } } },
      async (req) => priceHistoryOf(db, req.params.itemKind, req.params.itemCode, brusselsDay(deps.clock.now())),
    );

    app.post(
      '/api/back-office/catalog/prices',
      {
        schema: {
          tags,
          summary: 'A monthly price from a day on: today takes effect at once, a later day on that day; an earlier day is refused',
          body: PriceInputSchema,
          response: { 201: PriceAddedSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => reply.status(201).send(await addPrice(deps, operatorContext(req).actor, req.body)),
    );

    app.delete(
      '/api/back-office/catalog/prices/:id',
      { schema: { tags, summary: 'Withdraw a price planned for a later day', params: PriceIdParamSchema, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404, 409) } } },
      async (req, reply) => {
        await withdrawPrice(deps, operatorContext(req).actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };
