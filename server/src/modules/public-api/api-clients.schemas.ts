import { requiredText, z } from '../../platform/validation.js';
import { API_SCOPES } from './domain/api-scopes.js';

export const ApiScopeSchema = z.enum(API_SCOPES);

export const ApiClientInputSchema = z.object({ name: requiredText(120), scopes: z.array(ApiScopeSchema).min(1).max(API_SCOPES.length) }).strict();

export const ApiClientSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  clientId: z.string(),
  scopes: z.array(ApiScopeSchema),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export const ApiClientListSchema = z.object({ items: z.array(ApiClientSchema) });
/** The answer of a creation: the only time the secret is ever shown. */
export const CreatedApiClientSchema = ApiClientSchema.extend({ clientSecret: z.string() });
export const ApiClientParamsSchema = z.object({ apiClientId: z.uuid() });

/** RFC 6749 §4.4.2, form-encoded; every field optional here so that a bad request gets an OAuth error, not a problem body. */
export const TokenRequestSchema = z
  .object({
    grant_type: z.string().optional().describe('client_credentials'),
    scope: z.string().optional().describe('space-separated scopes; all the client holds when absent'),
    client_id: z.string().optional().describe('when not sent with HTTP Basic authentication'),
    client_secret: z.string().optional().describe('when not sent with HTTP Basic authentication'),
  })
  .loose();

export const TokenSchema = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int(),
  scope: z.string(),
});

export const OAuthErrorSchema = z
  .object({ error: z.enum(['invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope']), error_description: z.string().optional() })
  .meta({ id: 'OAuthError', description: 'RFC 6749 §5.2' });
