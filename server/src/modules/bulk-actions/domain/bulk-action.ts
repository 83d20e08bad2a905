import { nextStatus, type LifecycleEvent, type ServiceStatus } from '../../services/domain/lifecycle.js';

/**
 * Actions on many services at once from the Service overview. Each is the single-service use case
 * run once per service by one durable job; this module only decides which services an action can
 * apply to, so the preview, the job and the page agree.
 */
export const BULK_ACTION_KINDS = ['start', 'schedule', 'change', 'suspend', 'resume', 'delete'] as const;
export type BulkActionKind = (typeof BULK_ACTION_KINDS)[number];

/** The largest selection one action takes: the size of the largest fleet an import brings in. */
export const MAX_BULK_SELECTION = 20_000;

/** The lifecycle event each action is, so the transition table decides who is eligible. */
const EVENT_OF: Record<BulkActionKind, LifecycleEvent> = {
  start: 'start_activation',
  // scheduling moves no status, but only a service that could start may be scheduled
  schedule: 'start_activation',
  change: 'change',
  suspend: 'suspend',
  resume: 'resume',
  delete: 'terminate',
};

export const isEligible = (kind: BulkActionKind, status: ServiceStatus) => nextStatus(status, EVENT_OF[kind]) !== null;

export type BulkActionParams =
  | { kind: 'start' }
  | { kind: 'schedule'; startAt: string }
  | { kind: 'change'; bundleCode: string; optionCodes: string[] }
  | { kind: 'suspend'; reason: string; until?: string | null | undefined }
  | { kind: 'resume' }
  | { kind: 'delete' };

/** Selected services split by whether the action applies; the others counted by their status. */
export const splitEligible = <T extends { status: ServiceStatus }>(kind: BulkActionKind, rows: readonly T[]) => {
  const eligible: T[] = [];
  const ineligible = new Map<ServiceStatus, number>();
  for (const row of rows) {
    if (isEligible(kind, row.status)) eligible.push(row);
    else ineligible.set(row.status, (ineligible.get(row.status) ?? 0) + 1);
  }
  return { eligible, ineligible: [...ineligible].map(([status, count]) => ({ status, count })).sort((a, b) => b.count - a.count) };
};

/**
 * Services that an action prices alike: the same type, bundle and options (and, for suspend and
 * resume, the same status). The billing impact of one stands for all of its group.
 */
export const pricingKey = (row: { serviceTypeCode: string; bundleCode: string; optionCodes: readonly string[] }) =>
  `${row.serviceTypeCode}|${row.bundleCode}|${[...row.optionCodes].sort().join(',')}`;

export const groupBy = <T>(rows: readonly T[], key: (row: T) => string) => {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return [...groups.values()];
};
