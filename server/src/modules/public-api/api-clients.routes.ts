import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppDeps } from '../../deps.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { z } from '../../platform/validation.js';
import {
  ApiClientInputSchema,
  ApiClientListSchema,
  ApiClientParamsSchema,
  CreatedApiClientSchema,
  OAuthErrorSchema,
  TokenRequestSchema,
  TokenSchema,
} from './api-clients.schemas.js';
import { apiClientsOf, createApiClient, issueToken, revokeApiClient } from './use-cases/api-clients.js';

type OAuthError = z.infer<typeof OAuthErrorSchema>['error'];

/** RFC 6749 §2.3.1: HTTP Basic with the form-encoded client_id and secret. */
const basicCredentials = (header: string | undefined) => {
  const m = /^Basic +([A-Za-z0-9+/]+=*)$/i.exec(header ?? '');
  if (!m) return null;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  try {
    const form = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return { clientId: form(decoded.slice(0, colon)), clientSecret: form(decoded.slice(colon + 1)) };
  } catch {
    return null;
  }
};

/** Administrators manage their company's API clients; the clients exchange their credentials for tokens. */
export const apiClientRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['company'];

    app.get(
      '/api/company/api-clients',
      { onRequest: requireAdmin, schema: { tags, summary: "Your company's API clients (never their secrets)", response: { 200: ApiClientListSchema, ...problemResponses(401, 403) } } },
      async (req) => ({ items: await apiClientsOf(deps.db, adminContext(req).scope) }),
    );

    app.post(
      '/api/company/api-clients',
      {
        onRequest: requireAdmin,
        schema: { tags, summary: 'Create an API client; the answer holds its secret, shown this once', body: ApiClientInputSchema, response: { 201: CreatedApiClientSchema, ...problemResponses(400, 401, 403) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        return reply.status(201).send(await createApiClient(deps.db, scope, actor, req.body));
      },
    );

    app.delete(
      '/api/company/api-clients/:apiClientId',
      {
        onRequest: requireAdmin,
        schema: { tags, summary: 'Revoke an API client: its tokens stop working at once', params: ApiClientParamsSchema, response: { 204: z.null(), ...problemResponses(401, 403, 404) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await revokeApiClient(deps, scope, actor, req.params.apiClientId);
        return reply.status(204).send(null);
      },
    );

    // RFC 6749 §4.4.2: the token request is form-encoded.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(body as string)));
    });

    const refuse = (reply: FastifyReply, status: 400 | 401, error: OAuthError, description: string, basic = false) => {
      // a client that authenticated with Basic is told how to (RFC 6749 §5.2)
      if (basic) reply.header('www-authenticate', 'Basic realm="fleetdesk"');
      return reply.status(status).header('pragma', 'no-cache').send({ error, error_description: description });
    };

    app.post(
      '/oauth/token',
      {
        schema: {
          tags: ['public api'],
          summary: 'OAuth 2.0 client credentials: exchange an API client\'s id and secret for a bearer token',
          description: 'RFC 6749 §4.4. Send `grant_type=client_credentials` form-encoded, with the client authenticated by HTTP Basic (preferred) or `client_id` and `client_secret` in the body.',
          security: [],
          body: TokenRequestSchema,
          response: { 200: TokenSchema, 400: OAuthErrorSchema, 401: OAuthErrorSchema, ...problemResponses(429) },
        },
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req: FastifyRequest<{ Body: z.infer<typeof TokenRequestSchema> }>, reply) => {
        const body = req.body ?? {};
        const basic = basicCredentials(req.headers.authorization);
        if (req.headers.authorization && !basic) return refuse(reply, 401, 'invalid_client', 'Unsupported client authentication.', true);
        if (basic && (body.client_id !== undefined || body.client_secret !== undefined)) {
          return refuse(reply, 400, 'invalid_request', 'Authenticate the client one way only.');
        }
        if (!body.grant_type) return refuse(reply, 400, 'invalid_request', 'grant_type is required.');
        if (body.grant_type !== 'client_credentials') return refuse(reply, 400, 'unsupported_grant_type', 'Only client_credentials is supported.');
        const clientId = basic?.clientId ?? body.client_id;
        const clientSecret = basic?.clientSecret ?? body.client_secret;
        if (!clientId || !clientSecret) return refuse(reply, 401, 'invalid_client', 'Client authentication is required.', true);
        const grant = await issueToken(deps, { clientId, clientSecret, scope: body.scope });
        if (!grant.ok) {
          return grant.error === 'invalid_scope'
            ? refuse(reply, 400, 'invalid_scope', 'The client does not hold every scope asked for.')
            : refuse(reply, 401, 'invalid_client', 'Unknown client, wrong secret, or a revoked client.', Boolean(basic));
        }
        return reply
          .header('pragma', 'no-cache')
          .send({ access_token: grant.accessToken, token_type: 'Bearer' as const, expires_in: grant.expiresIn, scope: grant.scopes.join(' ') });
      },
    );
  };
