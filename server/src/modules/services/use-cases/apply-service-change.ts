import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Queryable } from '../../../platform/db.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { diffSnapshots } from '../../audit/domain/changes.js';
import { recordAudit } from '../../audit/index.js';
import { nextStatus, type LifecycleEvent } from '../domain/lifecycle.js';
import { SERVICE_CHANGE_HOOKS } from '../service-change-hooks.js';
import { insertService, insertServiceEvent, updateServiceRow, type NewServiceRow, type ServiceRow } from '../services.repository.js';

/** Fields of a service row a change may set; the status is the lifecycle event's to decide. */
export type ServiceFields = Partial<Omit<NewServiceRow, 'id' | 'companyId' | 'status' | 'createdAt' | 'updatedAt'>>;

export type ServiceChange = {
  /** An event of the transition table (domain/lifecycle.ts); refused when the status does not allow it. Absent: the status stays. */
  event?: LifecycleEvent;
  /** Other fields of the row that change in the same step. */
  fields?: ServiceFields;
  /** The timeline line's name; by default the event's. Required without an event (a note: an e-mail sent, a SIM ready…). */
  timeline?: string;
  reason?: string | null;
  /** What the audit line says beyond the row's own fields (e.g. the corrected port-in details). */
  audit?: { before?: Record<string, unknown>; after?: Record<string, unknown> };
};

/** What a change did: hooks and callers read the row before and after (`before` is null for a new service). */
export type AppliedServiceChange = {
  scope: CompanyScope;
  actor: Actor;
  before: ServiceRow | null;
  after: ServiceRow;
  event: LifecycleEvent | null;
  /** The timeline line written: `created`, `activation_started`, `changed`, `sim_provisioned`, … */
  timelineEvent: string;
  /** The row's fields that changed (status included), empty for a note. */
  changedFields: string[];
};

/**
 * An in-transaction reaction to every service change, run after the row, the timeline line and the
 * audit line are written. Registered in service-change-hooks.ts. It shares the transaction: a hook
 * that throws undoes the change, so keep slow work out of it and queue a job with `deps.jobs`.
 */
export type ServiceChangeHook = (tx: Queryable, change: AppliedServiceChange, deps: Pick<Deps, 'jobs' | 'clock' | 'links'>) => Promise<void>;

// The service as the audit trail shows it: every column but the bookkeeping ones, dates as ISO text.
const snapshot = (row: ServiceRow): Record<string, unknown> => {
  const { id: _id, companyId: _c, createdAt: _cr, updatedAt: _u, ...fields } = row;
  return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : v]));
};

/**
 * The audit trail's rule, decided here once for every service: a line for each change of the
 * service row (whoever made it, the system included), and for each step a signed-in person took even
 * when the row stays as it was (an activation e-mail sent again). The process's own notes that change
 * nothing (an e-mail sent, a port-in handed to the network) are on the timeline only.
 */
const isAudited = (changedFields: string[], actor: Actor) => changedFields.length > 0 || actor.accountId !== null;

const audit = async (tx: Queryable, applied: AppliedServiceChange, extra: ServiceChange['audit']) => {
  if (!isAudited(applied.changedFields, applied.actor)) return;
  const changes = applied.before ? diffSnapshots(snapshot(applied.before), snapshot(applied.after)) : [];
  const side = (pick: 'before' | 'after') => {
    const values = { ...Object.fromEntries(changes.map((c) => [c.field, c[pick]])), ...extra?.[pick] };
    return Object.keys(values).length ? values : null;
  };
  await recordAudit(tx, {
    scope: applied.scope,
    actor: applied.actor,
    action: `service.${applied.timelineEvent}`,
    entityType: 'service',
    entityId: applied.after.id,
    before: applied.before ? side('before') : null,
    after: side('after'),
  });
};

const runHooks = async (tx: Queryable, applied: AppliedServiceChange, deps: Pick<Deps, 'jobs' | 'clock' | 'links'>) => {
  for (const hook of SERVICE_CHANGE_HOOKS) await hook(tx, applied, deps);
};

/**
 * THE way a service's status or fields change: applies the transition table, writes the row (only if
 * its status is still the one read, so a change made meanwhile is refused, not overwritten), the
 * timeline line and — by the rule above — the audit line, then runs the change hooks; all in the
 * caller's transaction. Callers lock the row first (`findServiceRow(…, true)`).
 */
export const applyServiceChange = async (
  tx: Queryable,
  deps: Pick<Deps, 'jobs' | 'clock' | 'links'>,
  scope: CompanyScope,
  actor: Actor,
  service: ServiceRow,
  change: ServiceChange,
): Promise<AppliedServiceChange> => {
  const from = service.status;
  const to = change.event ? nextStatus(from, change.event) : from;
  if (!to) throw new AppError('SERVICE.ILLEGAL_TRANSITION', { params: { from, to: change.event! } });
  const timelineEvent = change.timeline ?? change.event;
  if (!timelineEvent) throw new Error('a service change without an event needs a timeline line');
  const values = { ...change.fields, ...(change.event ? { status: to } : {}) };
  let after = service;
  if (Object.keys(values).length > 0) {
    const row = await updateServiceRow(tx, scope, service.id, from, { ...values, updatedAt: deps.clock.now() });
    if (!row) throw new AppError('SERVICE.ILLEGAL_TRANSITION', { params: { from, to: change.event ?? from } });
    after = row;
  }
  await insertServiceEvent(tx, scope, { serviceId: service.id, event: timelineEvent, fromStatus: from, toStatus: to, actor, reason: change.reason ?? null });
  const changedFields = diffSnapshots(snapshot(service), snapshot(after)).map((c) => c.field);
  const applied: AppliedServiceChange = { scope, actor, before: service, after, event: change.event ?? null, timelineEvent, changedFields };
  await audit(tx, applied, change.audit);
  await runHooks(tx, applied, deps);
  return applied;
};

/** A new service: its row, the first line of its timeline, its audit line (`after`: what the wizard chose), the hooks. */
export const createService = async (
  tx: Queryable,
  deps: Pick<Deps, 'jobs' | 'clock' | 'links'>,
  scope: CompanyScope,
  actor: Actor,
  values: Omit<NewServiceRow, 'companyId' | 'status'>,
  auditAfter: Record<string, unknown>,
): Promise<ServiceRow> => {
  const row = await insertService(tx, { ...values, companyId: scope.companyId, status: 'waiting_for_activation' });
  await insertServiceEvent(tx, scope, { serviceId: row.id, event: 'created', fromStatus: null, toStatus: row.status, actor, reason: null });
  const applied: AppliedServiceChange = { scope, actor, before: null, after: row, event: null, timelineEvent: 'created', changedFields: Object.keys(snapshot(row)) };
  await audit(tx, applied, { after: auditAfter });
  await runHooks(tx, applied, deps);
  return row;
};
