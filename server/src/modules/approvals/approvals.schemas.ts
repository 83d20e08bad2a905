import { z } from 'zod';
import { optionalText, PageQuerySchema, pageOf, text } from '../../platform/validation.js';
import { PERSON_EVENTS, APPROVAL_KINDS, APPROVAL_STATUSES, MAX_REASON_LENGTH } from './domain/approval-machine.js';
import { MAX_THRESHOLD_CENTS } from './domain/threshold.js';

export const ApprovalStatusSchema = z.enum(APPROVAL_STATUSES);
export const ApprovalKindSchema = z.enum(APPROVAL_KINDS);

export const ApprovalSchema = z
  .object({
    id: z.uuid(),
    kind: ApprovalKindSchema,
    status: ApprovalStatusSchema,
    /** The user (new service), the service (bundle change) or the file (bulk import) the order is for. */
    subject: z.string(),
    /** The order's monthly recurring amount (new service, import) or increase (bundle change), euro cents excl. VAT. */
    monthlyAmountCents: z.number().int(),
    /** The company's threshold when the order was placed. */
    thresholdCents: z.number().int(),
    serviceId: z.uuid().nullable(),
    importId: z.uuid().nullable(),
    requestedBy: z.string(),
    requestedAt: z.string(),
    decidedBy: z.string().nullable(),
    decidedAt: z.string().nullable(),
    /** The rejection's reason, or why the approved order could not be carried out. */
    reason: z.string().nullable(),
    /** What the caller may do with it: approve and reject (another owner or administrator), cancel (the requester). */
    actions: z.array(z.enum(PERSON_EVENTS)),
  })
  .meta({ id: 'Approval' });

export const ApprovalPageSchema = pageOf(ApprovalSchema);

export const ApprovalListQuerySchema = PageQuerySchema.extend({
  /** Part of the subject or of the requester's name. */
  q: text().trim().max(200).optional(),
  status: ApprovalStatusSchema.optional(),
});
export type ApprovalListQuery = z.infer<typeof ApprovalListQuerySchema>;

/** For the dashboard: the company's rule, how many orders wait, and the oldest few of them. */
export const ApprovalSummarySchema = z.object({ thresholdCents: z.number().int().nullable(), pending: z.number().int(), latest: z.array(ApprovalSchema) });

export const ApprovalDecisionSchema = z.object({ reason: optionalText(MAX_REASON_LENGTH) }).strict();
export const ApprovalParamsSchema = z.object({ approvalId: z.uuid() });

/** The company's rule: approvals on with a monthly amount (euro cents, excl. VAT), or off (null). */
export const ApprovalSettingsSchema = z
  .object({ thresholdCents: z.number().int().min(0).max(MAX_THRESHOLD_CENTS).nullable() })
  .strict()
  .meta({ id: 'ApprovalSettings' });

/** An order placed above the threshold: it waits for approval instead of being carried out (202). */
export const PendingApprovalSchema = z.object({ approval: ApprovalSchema }).meta({ id: 'PendingApproval' });
