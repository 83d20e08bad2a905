import { PageQuerySchema, pageOf, text, z } from '../../platform/validation.js';
import { HUB_APIS } from './domain/webhook-events.js';

/** TMF630 EventSubscriptionInput: where to send the events, and which (optional query, e.g. `eventType=ServiceStateChangeEvent`). */
export const HubInputSchema = z
  .object({
    callback: text().trim().min(1).max(2000).describe('https address that receives the events (POST, JSON, signed: see the README)'),
    query: text().max(1000).nullish().describe('e.g. eventType=ProductOrderStateChangeEvent&event.productOrder.state=completed'),
  })
  .loose();

/** TMF630 EventSubscription, with the signing secret of the hub: in the answer to its registration only. */
export const HubSchema = z
  .object({
    id: z.string(),
    callback: z.string(),
    query: z.string().nullable(),
    secret: z.string().describe('HMAC-SHA256 key of the Fleetdesk-Signature header; shown this once'),
  })
  .meta({ id: 'EventSubscription' });

export const HubParamsSchema = z.object({ id: z.string().max(64) });

// ---------------------------------------------------------------- the administrator's view

export const HubViewSchema = z.object({
  id: z.uuid(),
  api: z.enum(HUB_APIS),
  callback: z.string(),
  query: z.string().nullable(),
  status: z.enum(['active', 'disabled', 'deleted']),
  clientName: z.string(),
  clientRevoked: z.boolean(),
  consecutiveFailures: z.number().int(),
  failingSince: z.string().nullable(),
  disabledAt: z.string().nullable(),
  createdAt: z.string(),
});
export const HubListSchema = z.object({ items: z.array(HubViewSchema) });
export const HubIdParamsSchema = z.object({ hubId: z.uuid() });

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

export const DeliveryQuerySchema = PageQuerySchema.extend({
  hubId: z.uuid().optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
});

export const DeliverySchema = z.object({
  id: z.uuid(),
  hubId: z.uuid(),
  callback: z.string(),
  eventId: z.uuid(),
  eventType: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  createdAt: z.string(),
});
export const DeliveryPageSchema = pageOf(DeliverySchema);
export const DeliveryIdParamsSchema = z.object({ deliveryId: z.uuid() });
