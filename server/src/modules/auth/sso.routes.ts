import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { AppError } from '../../platform/app-error.js';
import { CSRF_COOKIE, SESSION_COOKIE, adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { CHALLENGE_COOKIE, CHALLENGE_COOKIE_PATH, originOf } from './sign-in-security.routes.js';
import { SsoCallbackQuerySchema, SsoCheckInputSchema, SsoCheckSchema, SsoSettingsInputSchema, SsoSettingsSchema, SsoStartInputSchema, SsoStartSchema } from './sso.schemas.js';
import { checkSso, completeSsoSignIn, getSsoSettings, saveSsoSettingsOf, ssoRedirectUri, startSsoSignIn } from './use-cases/sso.js';

/** The browser's side of a sign-in sent to the provider: sent back only to the callback. */
export const SSO_COOKIE = 'fd_sso';
const SSO_COOKIE_PATH = '/api/auth/sso';

/** Single sign-on: the owner's configuration, and the sign-in through the company's provider. */
export const ssoRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];
    // SameSite=Lax: the provider sends the browser back with a top-level GET, which carries it
    const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.config.cookieSecure };
    const perClient = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };

    app.get(
      '/api/company/sso',
      { onRequest: requireAdmin, schema: { tags, summary: 'The company’s single sign-on (OpenID Connect) settings, without the client secret', response: { 200: SsoSettingsSchema, ...problemResponses(401, 403) } } },
      async (req) => getSsoSettings(deps, adminContext(req).scope),
    );

    app.put(
      '/api/company/sso',
      {
        onRequest: requireAdmin,
        schema: {
          tags,
          summary: 'Set up single sign-on: the provider (discovered at once), the client, the e-mail domains, the role of people created on first sign-in, on or off',
          body: SsoSettingsInputSchema,
          response: { 200: SsoSettingsSchema, ...problemResponses(400, 401, 403, 409, 422) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return saveSsoSettingsOf(deps, scope, actor, req.body);
      },
    );

    app.post(
      '/api/auth/sso/check',
      {
        config: { rateLimit: perClient },
        schema: { tags, summary: 'Whether an e-mail address signs in through its company’s identity provider instead of a password', body: SsoCheckInputSchema, response: { 200: SsoCheckSchema, ...problemResponses(400, 403, 429) } },
      },
      async (req) => checkSso(deps, req.body.email),
    );

    app.post(
      '/api/auth/sso/start',
      {
        config: { rateLimit: perClient },
        schema: {
          tags,
          summary: 'Start a sign-in at the company’s identity provider: the address to send the browser to (authorization code flow with PKCE)',
          body: SsoStartInputSchema,
          response: { 200: SsoStartSchema, ...problemResponses(400, 403, 409, 429, 502) },
        },
      },
      async (req, reply) => {
        const started = await startSsoSignIn(deps, req.body, originOf(req));
        reply.setCookie(SSO_COOKIE, started.token, { ...cookieBase, path: SSO_COOKIE_PATH, httpOnly: true, expires: started.expiresAt });
        return { redirectUrl: started.redirectUrl };
      },
    );

    const back = (reply: FastifyReply, location: string) => reply.clearCookie(SSO_COOKIE, { ...cookieBase, path: SSO_COOKIE_PATH }).redirect(location, 303);

    app.get(
      '/api/auth/sso/callback',
      {
        config: { rateLimit: perClient },
        schema: {
          tags,
          summary: 'Where the identity provider sends the browser back: signed in (or the second step), else the sign-in page with the reason',
          querystring: SsoCallbackQuerySchema,
          response: { 303: z.null() },
        },
      },
      async (req: FastifyRequest, reply) => {
        const callbackUrl = new URL(ssoRedirectUri(deps));
        callbackUrl.search = new URL(req.url, 'http://x').search;
        try {
          const { outcome, nextPath } = await completeSsoSignIn(deps, req.cookies[SSO_COOKIE], callbackUrl, originOf(req));
          if (outcome.kind === 'challenge') {
            reply.setCookie(CHALLENGE_COOKIE, outcome.token, { ...cookieBase, path: CHALLENGE_COOKIE_PATH, httpOnly: true, expires: outcome.expiresAt });
            return back(reply, `/login?secondStep=${outcome.step}${nextPath ? `&next=${encodeURIComponent(nextPath)}` : ''}`);
          }
          reply.setCookie(SESSION_COOKIE, outcome.token, { ...cookieBase, httpOnly: true, expires: outcome.expiresAt });
          reply.setCookie(CSRF_COOKIE, outcome.csrfToken, { ...cookieBase, httpOnly: false, expires: outcome.expiresAt });
          return back(reply, nextPath ?? '/');
        } catch (error) {
          const code = error instanceof AppError ? error.code : 'SSO.PROVIDER_ERROR';
          if (!(error instanceof AppError) || code === 'SSO.PROVIDER_ERROR') req.log.warn({ err: error instanceof AppError ? error.cause : error }, 'single sign-on failed');
          return back(reply, `/login?ssoError=${encodeURIComponent(code)}`);
        }
      },
    );
  };
