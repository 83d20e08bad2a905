import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { mobileUsers, services } from '../db/schema.js';

declare const scopeBrand: unique symbol;

/**
 * Proof that a request or a job acts inside one company. Every repository function over company data
 * takes one, so a query without a company is something a reviewer sees, not something that slips in.
 * Scopes are made in a few named places only, each saying where the company comes from:
 *   - `scopeOfAccount`: a fleet administrator's own company, from their session (http/context.ts);
 *   - `scopeOfCompany`: operator staff acting on a company named in the path, once it was found
 *     (http/context.ts answers 404 otherwise), or a company just created;
 *   - `scopeOfJob`: a job, from its payload — which only a scoped use case writes;
 *   - `scopeOfRow`: a row found by a credential of its own (an employee's activation link, an
 *     invitation) or opened by operator staff (a request), whose company it is.
 * No route builds one from a raw path parameter (server/src/architecture.test.ts checks the routes).
 */
export type CompanyScope = { readonly companyId: string; readonly [scopeBrand]: true };

const scope = (companyId: string): CompanyScope => ({ companyId }) as CompanyScope;

export const scopeOfAccount = (account: { company: { id: string } }) => scope(account.company.id);
export const scopeOfCompany = (company: { id: string }) => scope(company.id);
export const scopeOfJob = (payload: { companyId: string }) => scope(payload.companyId);
export const scopeOfRow = (row: { companyId: string }) => scope(row.companyId);

/** `company_id = scope AND …conditions` — the WHERE of every query over company-owned rows. */
export const inCompany = (table: { companyId: PgColumn }, scope: CompanyScope, ...conditions: (SQL | undefined)[]) =>
  and(eq(table.companyId, scope.companyId), ...conditions) as SQL;

/**
 * The ON of a join to a company-owned row by its id: the reference, and the same company (as the
 * composite foreign keys require), so the join can use the (company_id, id) indexes.
 */
export const sameCompanyRow = (row: { companyId: PgColumn; id: PgColumn }, reference: PgColumn, from: { companyId: PgColumn }) =>
  and(eq(row.companyId, from.companyId), eq(row.id, reference)) as SQL;

/** services ⋈ mobile_users: each service with the user it belongs to. */
export const userOfService = sameCompanyRow(mobileUsers, services.mobileUserId, services);
