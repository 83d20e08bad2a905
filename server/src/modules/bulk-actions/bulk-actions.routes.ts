import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { BulkActionIdParamSchema, BulkActionInputSchema, BulkActionListSchema, BulkActionSchema, BulkItemPageSchema, BulkItemsQuerySchema, BulkPreviewSchema } from './bulk-actions.schemas.js';
import { previewBulkAction, startBulkAction } from './use-cases/plan-bulk-action.js';
import { bulkActionItems, listBulkActions, readBulkAction } from './use-cases/read-bulk-action.js';

/** Self-service › Service overview: one action on many services, run by a durable job with progress. */
export const bulkActionRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['bulk actions'];
    app.addHook('onRequest', requireAdmin);

    app.post(
      '/api/service-bulk-actions/preview',
      {
        schema: {
          tags,
          summary: 'What an action on the selected services would do: how many it applies to, the summed billing impact, the 30 % rule. Writes nothing.',
          body: BulkActionInputSchema,
          response: { 200: BulkPreviewSchema, ...problemResponses(400, 401, 403, 409, 422) },
        },
      },
      async (req) => previewBulkAction(deps, adminContext(req).scope, req.body, req.lang),
    );

    app.post(
      '/api/service-bulk-actions',
      {
        schema: {
          tags,
          summary: 'Start an action on the selected services (a page, or all services the filters match); a job works them one by one',
          description: 'A delete batch that would pass the 30 % rule is refused whole: 409 BULK.DELETION_QUOTA_EXCEEDED with the numbers.',
          body: BulkActionInputSchema,
          response: { 202: BulkActionSchema, ...problemResponses(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        const id = await startBulkAction(deps, scope, actor, req.body, req.lang);
        return reply.status(202).send(await readBulkAction(db, scope, id));
      },
    );

    app.get(
      '/api/service-bulk-actions',
      { schema: { tags, summary: 'The latest bulk actions of the company, newest first, with their progress', response: { 200: BulkActionListSchema, ...problemResponses(401, 403) } } },
      async (req) => listBulkActions(db, adminContext(req).scope),
    );

    app.get(
      '/api/service-bulk-actions/:id',
      { schema: { tags, summary: 'A bulk action and its progress', params: BulkActionIdParamSchema, response: { 200: BulkActionSchema, ...problemResponses(400, 401, 403, 404) } } },
      async (req) => readBulkAction(db, adminContext(req).scope, req.params.id),
    );

    app.get(
      '/api/service-bulk-actions/:id/items',
      {
        schema: {
          tags,
          summary: 'The services of a bulk action with each one\'s outcome (and why a service was refused), in the caller\'s language',
          params: BulkActionIdParamSchema,
          querystring: BulkItemsQuerySchema,
          response: { 200: BulkItemPageSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => bulkActionItems(db, adminContext(req).scope, req.params.id, req.query, req.lang),
    );
  };
