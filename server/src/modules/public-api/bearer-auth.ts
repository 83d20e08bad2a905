import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/app-error.js';
import type { ApiScope } from './domain/api-scopes.js';
import { authenticateToken } from './use-cases/api-clients.js';

// RFC 6750 §2.1: "Bearer" and a token of b64token characters.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*)$/i;

/**
 * The guard of every public-API route: a live bearer token (RFC 6750) whose client holds `needed`.
 * No cookie is read, so there is no CSRF to defend against. 401 and 403 carry the
 * `WWW-Authenticate` challenge the RFC asks for.
 */
export const requireApiScope =
  (deps: Pick<AppDeps, 'db' | 'clock'>, needed: ApiScope) =>
  async (req: FastifyRequest, reply: FastifyReply) => {
    const match = BEARER.exec(req.headers.authorization ?? '');
    const client = match ? await authenticateToken(deps, match[1]!) : null;
    if (!client) {
      reply.header('www-authenticate', match ? 'Bearer realm="fleetdesk", error="invalid_token"' : 'Bearer realm="fleetdesk"');
      throw new AppError('API.TOKEN_INVALID');
    }
    req.apiClient = client;
    if (!client.scopes.includes(needed)) {
      reply.header('www-authenticate', `Bearer realm="fleetdesk", error="insufficient_scope", scope="${needed}"`);
      throw new AppError('API.SCOPE_MISSING', { params: { scope: needed } });
    }
  };

/**
 * Per client, after the guard has named it (hence `preHandler`): one client's burst never slows
 * another company's. Counted in this process's memory: behind a load balancer each instance
 * allows the limit, so the configured figure is per instance.
 */
export const perClientRateLimit = (deps: Pick<AppDeps, 'config'>): RateLimitOptions => ({
  max: deps.config.apiRateLimitPerMinute,
  timeWindow: '1 minute',
  hook: 'preHandler',
  keyGenerator: (req) => `api-client:${req.apiClient?.id ?? req.ip}`,
  errorResponseBuilder: (_req, context) => new AppError('API.RATE_LIMITED', { params: { after: context.after } }),
});
