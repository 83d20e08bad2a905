import { and, desc, eq, gt, isNull, lt } from 'drizzle-orm';
import { apiClients, apiTokens } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';

export type ApiClientRow = typeof apiClients.$inferSelect;

export const insertApiClient = async (q: Queryable, scope: CompanyScope, values: Omit<typeof apiClients.$inferInsert, 'companyId'>) => {
  const [row] = await q
    .insert(apiClients)
    .values({ ...values, companyId: scope.companyId })
    .returning();
  return row!;
};

export const listApiClients = (q: Queryable, scope: CompanyScope) => q.select().from(apiClients).where(inCompany(apiClients, scope)).orderBy(desc(apiClients.createdAt), desc(apiClients.id));

export const findApiClient = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q.select().from(apiClients).where(inCompany(apiClients, scope, eq(apiClients.id, id)));
  return row ?? null;
};

/** The client a token request names: found by its public client_id, whichever company it is of. */
export const findApiClientByClientId = async (q: Queryable, clientId: string) => {
  const [row] = await q.select().from(apiClients).where(eq(apiClients.clientId, clientId));
  return row ?? null;
};

/** Revokes a live client and drops its tokens; false when it was revoked already. */
export const revokeApiClient = async (q: Queryable, scope: CompanyScope, id: string, at: Date) => {
  const rows = await q
    .update(apiClients)
    .set({ revokedAt: at })
    .where(inCompany(apiClients, scope, eq(apiClients.id, id), isNull(apiClients.revokedAt)))
    .returning({ id: apiClients.id });
  await q.delete(apiTokens).where(inCompany(apiTokens, scope, eq(apiTokens.apiClientId, id)));
  return rows.length > 0;
};

export const insertApiToken = async (q: Queryable, values: typeof apiTokens.$inferInsert) => {
  await q.insert(apiTokens).values(values);
  // tokens past their time serve nobody: each new token clears its client's expired ones
  await q.delete(apiTokens).where(and(eq(apiTokens.apiClientId, values.apiClientId), lt(apiTokens.expiresAt, values.createdAt ?? new Date())));
};

/**
 * The client behind a bearer token, if the token is live and its client not revoked — checked on
 * every request, so a revocation stops its tokens at once.
 */
export const findTokenHolder = async (q: Queryable, tokenHash: string, now: Date) => {
  const [row] = await q
    .select({ id: apiClients.id, companyId: apiClients.companyId, name: apiClients.name, clientId: apiClients.clientId, scopes: apiTokens.scopes, lastUsedAt: apiClients.lastUsedAt })
    .from(apiTokens)
    .innerJoin(apiClients, and(eq(apiClients.companyId, apiTokens.companyId), eq(apiClients.id, apiTokens.apiClientId)))
    .where(and(eq(apiTokens.tokenHash, tokenHash), gt(apiTokens.expiresAt, now), isNull(apiClients.revokedAt)));
  return row ?? null;
};

export const touchApiClient = async (q: Queryable, scope: CompanyScope, id: string, at: Date) => {
  await q.update(apiClients).set({ lastUsedAt: at }).where(inCompany(apiClients, scope, eq(apiClients.id, id)));
};
