import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { apiClientContext } from '../../http/context.js';
import { z } from '../../platform/validation.js';
import { perClientRateLimit, requireApiScope } from './bearer-auth.js';
import { callbackPolicyOf } from './domain/callback-url.js';
import { EVENTS_OF, type HubApi } from './domain/webhook-events.js';
import { tmfErrors } from './tmf.schemas.js';
import { HubInputSchema, HubParamsSchema, HubSchema } from './webhooks.schemas.js';
import { deleteHub, registerHub } from './use-cases/webhooks.js';

const HUBS: { api: HubApi; path: string; tag: string }[] = [
  { api: 'productOrdering', path: '/tmf-api/productOrderingManagement/v4/hub', tag: 'TMF622 Product Ordering' },
  { api: 'serviceInventory', path: '/tmf-api/serviceInventory/v4/hub', tag: 'TMF638 Service Inventory' },
];

/** TMF622 and TMF638 event subscriptions (TMF630 "hub"): register and delete, with the `events:manage` scope. */
export const hubRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const policy = callbackPolicyOf(deps.config.env);
    const guard = { onRequest: requireApiScope(deps, 'events:manage'), config: { rateLimit: perClientRateLimit(deps) } };
    const security = [{ bearer: ['events:manage'] }];
    for (const { api, path, tag } of HUBS) {
      app.post(
        path,
        {
          ...guard,
          schema: {
            tags: [tag],
            security,
            summary: 'Subscribe to events (register a listener)',
            description: `Events: ${EVENTS_OF[api].join(', ')}. Each is POSTed to the callback as a TMF event (eventId, eventTime, eventType, event) with the header \`Fleetdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of t + "." + body>\` keyed with the \`secret\` of this answer (shown once). The callback must be https and reach a public address. A receiver that fails is retried with exponential backoff; ten failed deliveries in a row, or a day of failures, disable the subscription.`,
            body: HubInputSchema,
            response: { 201: HubSchema, ...tmfErrors(400, 401, 403, 429) },
          },
        },
        async (req, reply) => {
          const { client, scope, actor } = apiClientContext(req);
          const hub = await registerHub(deps, policy, scope, actor, client.id, api, req.body);
          return reply.status(201).header('location', `${path}/${hub.id}`).send(hub);
        },
      );
      app.delete(
        `${path}/:id`,
        {
          ...guard,
          schema: { tags: [tag], security, summary: 'Unsubscribe (delete a listener)', params: HubParamsSchema, response: { 204: z.null(), ...tmfErrors(401, 403, 404, 429) } },
        },
        async (req, reply) => {
          const { client, scope, actor } = apiClientContext(req);
          await deleteHub(deps, scope, actor, client.id, api, req.params.id);
          return reply.status(204).send(null);
        },
      );
    }
  };
