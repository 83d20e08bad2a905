/**
 * What an API client may do. A company's administrator grants scopes per client; every public
 * endpoint names the one it needs. `events:manage` is kept for the webhook subscriptions (hub).
 */
export const API_SCOPES = ['orders:read', 'orders:write', 'services:read', 'events:manage'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

/** How long a bearer token lives: short, so a leaked token is worth little; revocation stops it sooner. */
export const TOKEN_TTL_SECONDS = 900;

/** Public identifiers of clients start with this, so support can tell one from a secret at a glance. */
export const CLIENT_ID_PREFIX = 'fdc_';
export const CLIENT_SECRET_PREFIX = 'fds_';

export const isApiScope = (s: string): s is ApiScope => (API_SCOPES as readonly string[]).includes(s);

/**
 * RFC 6749 §3.3: the scope a token request asks for, as space-separated names. Absent: everything
 * the client was granted. Asking for a scope the client does not hold fails the whole request
 * (`invalid_scope`) rather than quietly narrowing it.
 */
export const grantedScopes = (requested: string | undefined, held: readonly string[]): { ok: true; scopes: string[] } | { ok: false } => {
  if (requested === undefined || requested.trim() === '') return { ok: true, scopes: [...held] };
  const asked = [...new Set(requested.split(' ').filter(Boolean))];
  if (asked.some((s) => !held.includes(s))) return { ok: false };
  return { ok: true, scopes: asked };
};
