// Reads and writes of approvals and of the company's approval threshold. Every function takes the
// company's scope; an approval's status is written only by use-cases/decide-approval.ts.
import { and, count, desc, eq, ilike, ne, or } from 'drizzle-orm';
import { accounts, approvals, companies } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage, pageWindow } from '../../platform/paging.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { likePattern } from '../mobile-users/domain/search.js';
import type { ApprovalPayload, ApprovalStatus } from './domain/approval-machine.js';
import type { ApprovalListQuery } from './approvals.schemas.js';

export type ApprovalRow = typeof approvals.$inferSelect;

export const approvalThreshold = async (q: Queryable, scope: CompanyScope): Promise<number | null> => {
  const [row] = await q.select({ cents: companies.approvalThresholdCents }).from(companies).where(eq(companies.id, scope.companyId));
  return row?.cents ?? null;
};

export const setApprovalThreshold = async (q: Queryable, scope: CompanyScope, cents: number | null) => {
  await q.update(companies).set({ approvalThresholdCents: cents }).where(eq(companies.id, scope.companyId));
};

export const insertApproval = async (
  q: Queryable,
  scope: CompanyScope,
  values: { payload: ApprovalPayload; subject: string; monthlyAmountCents: number; thresholdCents: number; serviceId?: string | null; importId?: string | null; requestedByAccountId: string; requestedByName: string },
) => {
  const [row] = await q
    .insert(approvals)
    .values({ companyId: scope.companyId, kind: values.payload.kind, ...values })
    .returning();
  return row!;
};

export const findApproval = async (q: Queryable, scope: CompanyScope, id: string, forUpdate = false) => {
  const query = q.select().from(approvals).where(inCompany(approvals, scope, eq(approvals.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

export const updateApproval = async (
  q: Queryable,
  scope: CompanyScope,
  id: string,
  values: { status: ApprovalStatus; decidedByAccountId: string; decidedByName: string; decidedAt: Date; reason: string | null; serviceId?: string | null },
) => {
  const [row] = await q.update(approvals).set(values).where(inCompany(approvals, scope, eq(approvals.id, id))).returning();
  return row!;
};

/** One page of the company's approvals, newest first, by status and text (subject or requester). */
export const listApprovals = (q: Queryable, scope: CompanyScope, query: ApprovalListQuery) => {
  const text = query.q?.trim();
  const where = inCompany(
    approvals,
    scope,
    query.status ? eq(approvals.status, query.status) : undefined,
    text ? or(ilike(approvals.subject, likePattern(text)), ilike(approvals.requestedByName, likePattern(text))) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  return listPage(
    query,
    q.select().from(approvals).where(where).orderBy(desc(approvals.createdAt), desc(approvals.id)).limit(limit).offset(offset),
    q.select({ n: count() }).from(approvals).where(where),
    (row) => row,
  );
};

export const countPending = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ n: count() }).from(approvals).where(inCompany(approvals, scope, eq(approvals.status, 'pending')));
  return row?.n ?? 0;
};

/** The active owners and administrators of the company but one: who is asked to decide. */
export const decidersBut = async (q: Queryable, scope: CompanyScope, accountId: string) =>
  q
    .select({ id: accounts.id, email: accounts.email, fullName: accounts.fullName, language: accounts.language })
    .from(accounts)
    .where(
      and(
        eq(accounts.companyId, scope.companyId),
        eq(accounts.role, 'admin'),
        eq(accounts.status, 'active'),
        or(eq(accounts.companyRole, 'owner'), eq(accounts.companyRole, 'administrator')),
        ne(accounts.id, accountId),
      ),
    );

export const accountOf = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q
    .select({ email: accounts.email, fullName: accounts.fullName, language: accounts.language, status: accounts.status })
    .from(accounts)
    .where(and(eq(accounts.companyId, scope.companyId), eq(accounts.id, id)));
  return row ?? null;
};

export const companyNameOf = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId));
  return row?.name ?? null;
};
