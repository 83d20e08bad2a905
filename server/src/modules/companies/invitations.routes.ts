import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/openapi.js';
import { InvitationTokenParamSchema, InvitationViewSchema, PasswordSetSchema, SetPasswordSchema } from './companies.schemas.js';
import { acceptInvitation, describeInvitation } from './use-cases/administrators.js';
import type { AppDeps } from '../../deps.js';

/**
 * The invited administrator's page: no account yet, the link's token is the credential — so it is
 * rate-limited like the employee's activation link. After choosing a password they sign in as usual.
 */
export const invitationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    const rateLimit = { max: 20, timeWindow: '1 minute' };

    app.get(
      '/api/auth/invitations/:token',
      {
        config: { rateLimit },
        schema: { tags, summary: 'Who an invitation link is for, while it can still be used', params: InvitationTokenParamSchema, response: { 200: InvitationViewSchema, ...problemResponses(400, 404, 410, 429) } },
      },
      async (req) => describeInvitation(deps, req.params.token),
    );

    app.post(
      '/api/auth/invitations/:token/password',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'Choose the password of an invited administrator account (once); then sign in with POST /api/auth/login',
          params: InvitationTokenParamSchema,
          body: SetPasswordSchema,
          response: { 200: PasswordSetSchema, ...problemResponses(400, 403, 404, 409, 410, 429) },
        },
      },
      async (req) => acceptInvitation(deps, req.params.token, req.body.password),
    );
  };
