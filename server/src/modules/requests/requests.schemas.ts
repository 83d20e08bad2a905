import { PageQuerySchema, pageOf, requiredText, text, z } from '../../platform/validation.js';
import { SERVICE_STATUSES } from '../services/domain/lifecycle.js';
import { REQUEST_KINDS } from './domain/request-details.js';
import { REQUEST_EVENTS, REQUEST_ROLES, REQUEST_STATUSES } from './domain/request-machine.js';

export { FileRequestSchema } from './domain/request-details.js';

const StatusSchema = z.enum(REQUEST_STATUSES);
const KindSchema = z.enum(REQUEST_KINDS);

export const RequestListQuerySchema = PageQuerySchema.extend({
  q: text().max(200).optional(),
  status: StatusSchema.optional(),
  kind: KindSchema.optional(),
});

export const QueueQuerySchema = RequestListQuerySchema.extend({
  companyId: z.uuid().optional(),
  // "assigned to me": the signed-in operator staff member
  assignedToMe: z.enum(['true', 'false']).optional(),
});

// Stored as the kind's schema validated it at filing (see domain/request-details.ts); answered as it is.
const DetailsOutSchema = z.record(z.string(), z.unknown()).meta({ description: "The request's details, in the shape of its kind's filing schema" });

export const RequestSummarySchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  kind: KindSchema,
  status: StatusSchema,
  company: z.object({ id: z.uuid(), name: z.string() }),
  office: z.object({ id: z.uuid(), name: z.string(), city: z.string() }).nullable(),
  details: DetailsOutSchema,
  filedBy: z.string(),
  assignedTo: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  scheduledFor: z.string().nullable(),
  serviceCount: z.number().int(),
  commentCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const RequestPageSchema = pageOf(RequestSummarySchema);

export const RequestDetailSchema = RequestSummarySchema.extend({
  office: z.object({ id: z.uuid(), name: z.string(), street: z.string(), postalCode: z.string(), city: z.string(), country: z.string() }).nullable(),
  filedByEmail: z.string(),
  services: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(SERVICE_STATUSES),
      msisdn: z.string().nullable(),
      mobileUserId: z.uuid(),
      userName: z.string(),
      serviceType: z.string(),
      bundle: z.string(),
    }),
  ),
  comments: z.array(z.object({ id: z.uuid(), authorName: z.string(), authorRole: z.enum(REQUEST_ROLES), body: z.string(), createdAt: z.string() })),
  events: z.array(
    z.object({
      id: z.uuid(),
      event: z.string(),
      fromStatus: StatusSchema.nullable(),
      toStatus: StatusSchema,
      actorName: z.string(),
      actorRole: z.enum(REQUEST_ROLES),
      reason: z.string().nullable(),
      scheduledFor: z.string().nullable(),
      assignedTo: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  // what the caller may do next, from the transition table
  allowedEvents: z.array(z.enum(REQUEST_EVENTS)),
});

export const CommentInputSchema = z.object({ body: requiredText(4000) }).strict();
export const WithdrawInputSchema = z.object({ reason: text().trim().max(2000).nullish() }).strict();

export const TransitionInputSchema = z
  .object({
    event: z.enum(REQUEST_EVENTS),
    reason: text().trim().max(2000).nullish(),
    // YYYY-MM-DD, Brussels calendar day; the transition table says when it is needed
    scheduledFor: text().trim().max(10).nullish(),
  })
  .strict();

export const RequestableServicesQuerySchema = z.object({
  q: text().max(200).optional(),
  // comma-separated service ids: the services a link pre-selects (Delete from the 30 % limit)
  ids: text()
    .max(50 * 37)
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined))
    .pipe(z.array(z.uuid()).max(50).optional()),
});

export const RequestableServicesSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      status: z.enum(SERVICE_STATUSES),
      msisdn: z.string().nullable(),
      mobileUserId: z.uuid(),
      userName: z.string(),
      officeId: z.uuid().nullable(),
      serviceType: z.string(),
      bundle: z.string(),
    }),
  ),
});
