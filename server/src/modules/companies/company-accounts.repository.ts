// Reads and writes of a company's own accounts (its owner's Team page). Every function takes the
// company's scope; status changes and invitations reuse back-office.repository.ts.
import { and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import { accountInvitations, accounts } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage, pageWindow } from '../../platform/paging.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import type { CompanyRole } from '../auth/domain/roles.js';
import { likePattern } from '../mobile-users/domain/search.js';
import type { AccountStanding } from './domain/company-roles.js';
import type { CompanyAccountListQuery } from './company-accounts.schemas.js';

/** One page of the company's accounts, by name, filtered by text (name or e-mail), role and status. */
export const listCompanyAccounts = (q: Queryable, scope: CompanyScope, query: CompanyAccountListQuery) => {
  const text = query.q?.trim();
  const where = inCompany(
    accounts,
    scope,
    eq(accounts.role, 'admin'),
    text ? or(ilike(accounts.fullName, likePattern(text)), ilike(accounts.email, likePattern(text))) : undefined,
    query.role ? eq(accounts.companyRole, query.role) : undefined,
    query.status ? eq(accounts.status, query.status) : undefined,
  );
  const { limit, offset } = pageWindow(query);
  return listPage(
    query,
    q
      .select({
        id: accounts.id,
        fullName: accounts.fullName,
        email: accounts.email,
        language: accounts.language,
        role: accounts.companyRole,
        status: accounts.status,
        lastLoginAt: accounts.lastLoginAt,
        invitationExpiresAt: sql<Date | string | null>`(select max(i.expires_at) from ${accountInvitations} i where i.account_id = "accounts"."id" and i.used_at is null and i.revoked_at is null)`,
      })
      .from(accounts)
      .where(where)
      .orderBy(asc(accounts.fullName), asc(accounts.id))
      .limit(limit)
      .offset(offset),
    q.select({ n: count() }).from(accounts).where(where),
    (a) => ({
      ...a,
      role: a.role ?? 'read_only',
      lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
      // a raw subquery comes back as text on some drivers
      invitationExpiresAt: a.status === 'invited' && a.invitationExpiresAt ? new Date(a.invitationExpiresAt).toISOString() : null,
    }),
  );
};

/** Role and status of every account of the company, for the rule that keeps an active owner. */
export const accountStandings = async (q: Queryable, scope: CompanyScope): Promise<AccountStanding[]> => {
  const rows = await q
    .select({ id: accounts.id, companyRole: accounts.companyRole, status: accounts.status })
    .from(accounts)
    .where(inCompany(accounts, scope, eq(accounts.role, 'admin')));
  return rows.map((r) => ({ ...r, companyRole: r.companyRole ?? 'read_only' }));
};

export const setCompanyRole = async (q: Queryable, scope: CompanyScope, accountId: string, role: CompanyRole) => {
  const [row] = await q
    .update(accounts)
    .set({ companyRole: role })
    .where(and(inCompany(accounts, scope, eq(accounts.id, accountId)), eq(accounts.role, 'admin')))
    .returning();
  return row!;
};
