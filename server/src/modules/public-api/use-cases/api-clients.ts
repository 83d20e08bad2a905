import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Deps } from '../../../deps.js';
import type { AccountActor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Db } from '../../../platform/db.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
// a token is a credential of its own, like an activation link: its row names the company
import { scopeOfRow, type CompanyScope } from '../../../platform/tenant.js';
import { recordAudit } from '../../audit/index.js';
import { CLIENT_ID_PREFIX, CLIENT_SECRET_PREFIX, grantedScopes, TOKEN_TTL_SECONDS, type ApiScope } from '../domain/api-scopes.js';
import {
  findApiClient,
  findApiClientByClientId,
  findTokenHolder,
  insertApiClient,
  insertApiToken,
  listApiClients,
  revokeApiClient as revokeRow,
  touchApiClient,
  type ApiClientRow,
} from '../api-clients.repository.js';

const view = (c: ApiClientRow) => ({
  id: c.id,
  name: c.name,
  clientId: c.clientId,
  scopes: c.scopes as ApiScope[],
  createdAt: c.createdAt.toISOString(),
  lastUsedAt: c.lastUsedAt?.toISOString() ?? null,
  revokedAt: c.revokedAt?.toISOString() ?? null,
});

const snapshot = (c: ApiClientRow) => ({ name: c.name, clientId: c.clientId, scopes: c.scopes, revokedAt: c.revokedAt?.toISOString() ?? null });

export const apiClientsOf = async (db: Db, scope: CompanyScope) => (await listApiClients(db, scope)).map(view);

/**
 * A new API client: a public client_id and a 256-bit secret, returned this once. Only the secret's
 * SHA-256 is kept: a database dump hands out no working credentials.
 */
export const createApiClient = async (db: Db, scope: CompanyScope, actor: AccountActor, input: { name: string; scopes: ApiScope[] }) => {
  const secret = `${CLIENT_SECRET_PREFIX}${newToken()}`;
  const client = await db.transaction(async (tx) => {
    const row = await insertApiClient(tx, scope, {
      name: input.name,
      clientId: `${CLIENT_ID_PREFIX}${randomBytes(16).toString('base64url')}`,
      secretHash: sha256(secret),
      scopes: [...new Set(input.scopes)],
      createdByAccountId: actor.accountId,
    });
    await recordAudit(tx, { scope, actor, action: 'api_client.created', entityType: 'api_client', entityId: row.id, before: null, after: snapshot(row) });
    return row;
  });
  return { ...view(client), clientSecret: secret };
};

/** Revoking is final and immediate: the client's tokens are refused from the next request on. */
export const revokeApiClient = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, actor: AccountActor, id: string) =>
  deps.db.transaction(async (tx) => {
    const before = await findApiClient(tx, scope, id);
    if (!before) throw new AppError('API_CLIENT.NOT_FOUND');
    if (!(await revokeRow(tx, scope, id, deps.clock.now()))) return;
    const after = (await findApiClient(tx, scope, id))!;
    await recordAudit(tx, { scope, actor, action: 'api_client.revoked', entityType: 'api_client', entityId: id, before: snapshot(before), after: snapshot(after) });
  });

const sameHash = (a: string, b: string) => timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));

export type TokenGrant =
  | { ok: true; accessToken: string; expiresIn: number; scopes: string[] }
  | { ok: false; error: 'invalid_client' | 'invalid_scope' };

/**
 * The client-credentials grant (RFC 6749 §4.4): a live client with the right secret gets a bearer
 * token for the scopes it asks for (all it holds by default). The token is 256 random bits, kept
 * hashed, valid TOKEN_TTL_SECONDS.
 */
export const issueToken = async (deps: Pick<Deps, 'db' | 'clock'>, input: { clientId: string; clientSecret: string; scope: string | undefined }): Promise<TokenGrant> => {
  const client = await findApiClientByClientId(deps.db, input.clientId);
  // hash the secret whether or not the client exists, so the answer's timing tells nothing
  const given = sha256(input.clientSecret);
  if (!client || client.revokedAt || !sameHash(given, client.secretHash)) return { ok: false, error: 'invalid_client' };
  const granted = grantedScopes(input.scope, client.scopes);
  if (!granted.ok) return { ok: false, error: 'invalid_scope' };
  const now = deps.clock.now();
  const accessToken = newToken();
  await deps.db.transaction(async (tx) => {
    await insertApiToken(tx, {
      tokenHash: sha256(accessToken),
      companyId: client.companyId,
      apiClientId: client.id,
      scopes: granted.scopes,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS * 1000),
      createdAt: now,
    });
  });
  return { ok: true, accessToken, expiresIn: TOKEN_TTL_SECONDS, scopes: granted.scopes };
};

/** "Last used" is kept to the minute: one write a minute per client, not one per request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export type ApiPrincipal = { id: string; companyId: string; name: string; clientId: string; scopes: string[] };

/** The client holding a bearer token, or null when the token is unknown, expired or its client revoked. */
export const authenticateToken = async (deps: Pick<Deps, 'db' | 'clock'>, token: string): Promise<ApiPrincipal | null> => {
  const now = deps.clock.now();
  const holder = await findTokenHolder(deps.db, sha256(token), now);
  if (!holder) return null;
  if (!holder.lastUsedAt || now.getTime() - holder.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchApiClient(deps.db, scopeOfRow(holder), holder.id, now);
  }
  const { lastUsedAt: _l, ...principal } = holder;
  return principal;
};
