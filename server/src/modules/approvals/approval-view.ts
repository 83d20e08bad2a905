import { eventsFor, type Caller } from './domain/approval-machine.js';
import type { ApprovalRow } from './approvals.repository.js';

/** An approval as the caller sees it, with what they may do with it. */
export const approvalView = (row: ApprovalRow, caller: Caller) => ({
  id: row.id,
  kind: row.kind,
  status: row.status,
  subject: row.subject,
  monthlyAmountCents: row.monthlyAmountCents,
  thresholdCents: row.thresholdCents,
  serviceId: row.serviceId,
  importId: row.importId,
  requestedBy: row.requestedByName,
  requestedAt: row.createdAt.toISOString(),
  decidedBy: row.decidedByName,
  decidedAt: row.decidedAt?.toISOString() ?? null,
  reason: row.reason,
  actions: eventsFor(row, caller),
});

