import { count, desc, eq } from 'drizzle-orm';
import { auditEvents } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage, pageWindow } from '../../platform/paging.js';
import type { Actor } from '../../platform/actor.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { diffSnapshots } from './domain/changes.js';

export type AuditEntry = {
  /** null only for operator-level changes that belong to no company (the operator's number pool). */
  scope: CompanyScope | null;
  actor: Actor;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

/** Written in the same transaction as the change it describes: no change without its audit line. */
export const recordAudit = async (q: Queryable, e: AuditEntry) => {
  await q.insert(auditEvents).values({
    companyId: e.scope?.companyId ?? null,
    actorAccountId: e.actor.accountId,
    actorName: e.actor.name,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before,
    after: e.after,
  });
};

export type AuditFilter = { entityType?: string; entityId?: string; action?: string; page: number; pageSize: number };

export const listAudit = async (q: Queryable, scope: CompanyScope, f: AuditFilter) => {
  const where = inCompany(
    auditEvents,
    scope,
    f.entityType ? eq(auditEvents.entityType, f.entityType) : undefined,
    f.entityId ? eq(auditEvents.entityId, f.entityId) : undefined,
    f.action ? eq(auditEvents.action, f.action) : undefined,
  );
  const { limit, offset } = pageWindow(f);
  return listPage(
    f,
    q.select().from(auditEvents).where(where).orderBy(desc(auditEvents.createdAt), desc(auditEvents.id)).limit(limit).offset(offset),
    q.select({ n: count() }).from(auditEvents).where(where),
    (r) => ({
      id: r.id,
      createdAt: r.createdAt.toISOString(),
      actorName: r.actorName,
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: entityLabel(r.after ?? r.before),
      changes: diffSnapshots(r.before, r.after),
    }),
  );
};

const entityLabel = (snapshot: Record<string, unknown> | null) => {
  if (!snapshot) return null;
  const { firstName, lastName } = snapshot;
  return typeof firstName === 'string' && typeof lastName === 'string' ? `${firstName} ${lastName}` : null;
};
