// The audit module's public surface: every module writes its audit lines with `recordAudit`, in the
// transaction of the change it describes.
export { recordAudit, type AuditEntry } from './audit.repository.js';
export { listAudit } from './audit.repository.js';
export { AuditPageSchema, AuditQuerySchema } from './audit.schemas.js';
