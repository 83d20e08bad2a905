import { z, text, PageQuerySchema, pageOf } from '../../platform/validation.js';

export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: text().max(50).optional(),
  action: text().max(80).optional(),
});

export const AuditEventSchema = z.object({
  id: z.uuid(),
  createdAt: z.string(),
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.uuid(),
  entityLabel: z.string().nullable(),
  changes: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
});

export const AuditPageSchema = pageOf(AuditEventSchema);
