import { z, PageQuerySchema, pageOf } from '../../platform/validation.js';
import { SuspendInputSchema } from '../lines/lines.schemas.js';
import { ChangeSelectionSchema, OverviewFilterSchema, SelectionSideSchema, ServiceStatusSchema } from '../services/services.schemas.js';
import { BULK_ACTION_KINDS, MAX_BULK_SELECTION } from './domain/bulk-action.js';

/** What to do to every selected service; each kind takes what its single-service form takes. */
export const BulkActionParamsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('start') }).strict(),
  z.object({ kind: z.literal('schedule'), startAt: z.iso.datetime({ offset: true }) }).strict(),
  ChangeSelectionSchema.extend({ kind: z.literal('change') }).strict(),
  SuspendInputSchema.extend({ kind: z.literal('suspend') }).strict(),
  z.object({ kind: z.literal('resume') }).strict(),
  z.object({ kind: z.literal('delete') }).strict(),
]);

/** Ticked services (a page of the overview), or every service the overview's filters match. */
export const BulkSelectionSchema = z.union([
  z.object({ serviceIds: z.array(z.uuid()).min(1).max(MAX_BULK_SELECTION) }).strict(),
  z.object({ filter: OverviewFilterSchema.strict() }).strict(),
]);

export const BulkActionInputSchema = z.object({ action: BulkActionParamsSchema, selection: BulkSelectionSchema }).strict();
export type BulkActionInput = z.infer<typeof BulkActionInputSchema>;

const ImpactGroupSchema = z.object({
  count: z.number().int(),
  before: SelectionSideSchema,
  after: SelectionSideSchema,
  // each service of the group, this month (pro rata) and from next month
  totalCents: z.number().int(),
  monthlyDifferenceCents: z.number().int(),
});

/** What an action would do, before confirming: writes nothing. */
export const BulkPreviewSchema = z.object({
  kind: z.enum(BULK_ACTION_KINDS),
  selected: z.number().int(),
  eligible: z.number().int(),
  // selected services the action does not apply to, by status ("3 are not active")
  ineligible: z.array(z.object({ status: ServiceStatusSchema, count: z.number().int() })),
  // services refused by the action's own rules (a bundle their type cannot take), with the reason
  refused: z.array(z.object({ count: z.number().int(), message: z.string() })),
  // change, suspend, resume: the summed billing impact of the eligible services
  impact: z
    .object({ groups: z.array(ImpactGroupSchema), totalCents: z.number().int(), monthlyDifferenceCents: z.number().int() })
    .nullable(),
  // delete: the 30 % rule for the whole batch
  deletionQuota: z.object({ limit: z.number().int(), used: z.number().int(), remaining: z.number().int(), allowed: z.boolean() }).nullable(),
});

export const BulkActionSchema = z.object({
  id: z.uuid(),
  kind: z.enum(BULK_ACTION_KINDS),
  params: BulkActionParamsSchema,
  status: z.enum(['running', 'finished']),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  pending: z.number().int(),
  startedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});

export const BulkActionListSchema = z.object({ items: z.array(BulkActionSchema) });

export const BulkItemsQuerySchema = PageQuerySchema.extend({ outcome: z.enum(['pending', 'done', 'failed']).optional() });

export const BulkItemSchema = z.object({
  serviceId: z.uuid(),
  userName: z.string(),
  msisdn: z.string().nullable(),
  status: z.enum(['pending', 'done', 'failed']),
  message: z.string().nullable(),
  doneAt: z.string().nullable(),
});
export const BulkItemPageSchema = pageOf(BulkItemSchema);

export const BulkActionIdParamSchema = z.object({ id: z.uuid() });
