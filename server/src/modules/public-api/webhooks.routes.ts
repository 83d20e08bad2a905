import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { z } from '../../platform/validation.js';
import { deliveriesOf, enableHub, hubsOf, replayDelivery } from './use-cases/webhooks.js';
import { DeliveryIdParamsSchema, DeliveryPageSchema, DeliveryQuerySchema, HubIdParamsSchema, HubListSchema } from './webhooks.schemas.js';

/** The administrator's side of the public API's webhooks: the company's subscriptions and their delivery log. */
export const webhookAdminRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['company'];

    app.get(
      '/api/company/webhooks/hubs',
      { onRequest: requireAdmin, schema: { tags, summary: "Your API clients' event subscriptions (never their secrets)", response: { 200: HubListSchema, ...problemResponses(401, 403) } } },
      async (req) => ({ items: await hubsOf(deps.db, adminContext(req).scope) }),
    );

    app.post(
      '/api/company/webhooks/hubs/:hubId/enable',
      {
        onRequest: requireAdmin,
        schema: { tags, summary: 'Turn a subscription disabled after repeated failures back on', params: HubIdParamsSchema, response: { 204: z.null(), ...problemResponses(401, 403, 404) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await enableHub(deps, scope, actor, req.params.hubId);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/company/webhooks/deliveries',
      {
        onRequest: requireAdmin,
        schema: { tags, summary: 'The delivery log of your event subscriptions, newest first', querystring: DeliveryQuerySchema, response: { 200: DeliveryPageSchema, ...problemResponses(400, 401, 403) } },
      },
      async (req) => deliveriesOf(deps.db, adminContext(req).scope, req.query),
    );

    app.post(
      '/api/company/webhooks/deliveries/:deliveryId/replay',
      {
        onRequest: requireAdmin,
        schema: { tags, summary: 'Send a delivered or failed event again (same event id)', params: DeliveryIdParamsSchema, response: { 204: z.null(), ...problemResponses(401, 403, 404, 409) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await replayDelivery(deps, scope, actor, req.params.deliveryId);
        return reply.status(204).send(null);
      },
    );
  };
