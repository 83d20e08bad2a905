import { z, PageQuerySchema, pageOf } from '../../platform/validation.js';

export const AuditQuerySchema = PageQuerySchema.extend({
  entityType: z.string().max(50).optional(),
  action: z.string().max(80).optional(),
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
