import { z, LanguageSchema, PageQuerySchema, pageOf } from '../../platform/validation.js';

const OutboxStatusSchema = z.enum(['queued', 'sending', 'sent', 'failed']);

export const MailboxItemSchema = z.object({
  id: z.uuid(),
  to: z.string(),
  toName: z.string().nullable(),
  subject: z.string(),
  template: z.string(),
  language: LanguageSchema,
  status: OutboxStatusSchema,
  createdAt: z.string(),
});

export const MailboxPageSchema = pageOf(MailboxItemSchema);
export const MailboxQuerySchema = PageQuerySchema;

export const MailboxMessageSchema = MailboxItemSchema.extend({
  messageId: z.string(),
  delivery: z.enum(['smtp', 'kept_in_outbox']).nullable(),
  sentAt: z.string().nullable(),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  /** The HTML part, its inline `cid:` images replaced by data URLs so that a browser can show it. */
  html: z.string(),
  text: z.string(),
  attachments: z.array(
    z.object({ filename: z.string(), contentType: z.string(), cid: z.string().nullable(), size: z.number().int(), dataUrl: z.string() }),
  ),
});
