import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

declare const scopeBrand: unique symbol;

/**
 * Proof that a request acts inside one company. Only the auth layer makes one (from the signed-in
 * administrator's account) and every repository function over company data takes one, so a query
 * without a company is something a reviewer sees, not something that slips in.
 */
export type CompanyScope = { readonly companyId: string; readonly [scopeBrand]: true };

export const companyScope = (companyId: string): CompanyScope => ({ companyId }) as CompanyScope;

/** `company_id = scope AND …conditions` — the WHERE of every query over company-owned rows. */
export const inCompany = (table: { companyId: PgColumn }, scope: CompanyScope, ...conditions: (SQL | undefined)[]) =>
  and(eq(table.companyId, scope.companyId), ...conditions) as SQL;
