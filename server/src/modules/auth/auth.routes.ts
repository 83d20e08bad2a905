import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { AppError } from '../../platform/app-error.js';
import { CSRF_COOKIE, SESSION_COOKIE, requireSignedIn, signedIn } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { deleteSession, findSession, setAccountLanguage } from './auth.repository.js';
import { LanguageBodySchema, LoginSchema, MeSchema } from './auth.schemas.js';
import { LoginAnswerSchema } from './sign-in-security.schemas.js';
import { CHALLENGE_COOKIE, CHALLENGE_COOKIE_PATH, originOf } from './sign-in-security.routes.js';
import { signIn } from './use-cases/sign-in.js';
import { meOf } from './me.js';
import type { AppDeps } from '../../deps.js';

/** The account as the browser sees it: with what its role lets it do, so the page hides the rest. */

export const authRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.config.cookieSecure };

    // Across all e-mail addresses: one address cannot try account after account.
    const perAddress = app.createRateLimit({ max: deps.config.loginRateLimitPerIpPerMinute, timeWindow: '1 minute' });

    app.post(
      '/api/auth/login',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign in with e-mail and password',
          description:
            'Signed in at once, or — for an account with two-factor sign-in, or one that must set it up — `{ secondStep }`: a short-lived cookie then opens only `/api/auth/second-step/…`, where the code (or the set-up) completes the sign-in.',
          body: LoginSchema,
          response: { 200: LoginAnswerSchema, ...problemResponses(400, 401, 403, 429) },
        },
        // counted before anything else, so attempts refused by the per-account limit count here too
        onRequest: async (req) => {
          const limit = await perAddress(req);
          if (!limit.isAllowed && limit.isExceeded) throw new AppError('AUTH.RATE_LIMITED');
        },
        config: {
          rateLimit: {
            max: deps.config.loginRateLimitPerMinute,
            timeWindow: '1 minute',
            hook: 'preHandler',
            // per address and account: one attacker cannot lock everybody out, nor try one account from many tabs
            keyGenerator: (req) => `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? '').toLowerCase()}`,
          },
        },
      },
      async (req, reply) => {
        // A new sign-in replaces the session this browser had, so an old cookie stops working.
        if (req.sessionToken) await deleteSession(db, req.sessionToken);
        const outcome = await signIn(deps, req.body.email, req.body.password, deps.config, originOf(req));
        if (outcome.kind === 'challenge') {
          reply.setCookie(CHALLENGE_COOKIE, outcome.token, { ...cookieBase, path: CHALLENGE_COOKIE_PATH, httpOnly: true, expires: outcome.expiresAt });
          return { secondStep: outcome.step };
        }
        const session = outcome;
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, expires: session.expiresAt });
        reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, expires: session.expiresAt });
        const found = await findSession(db, session.token);
        return meOf(found!.account, session.csrfToken);
      },
    );

    app.post(
      '/api/auth/logout',
      { schema: { tags: ['auth'], summary: 'Sign out', response: { 204: z.null(), ...problemResponses(401, 403) } } },
      async (req, reply) => {
        if (req.sessionToken) await deleteSession(db, req.sessionToken);
        reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
        return reply.status(204).send(null);
      },
    );

    app.get(
      '/api/auth/me',
      { onRequest: requireSignedIn, schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: MeSchema, ...problemResponses(401) } } },
      async (req) => meOf(signedIn(req), req.csrfToken!),
    );

    app.put(
      '/api/auth/me/language',
      {
        onRequest: requireSignedIn,
        schema: {
          tags: ['auth'],
          summary: 'Remember the interface language of the signed-in account',
          body: LanguageBodySchema,
          response: { 200: MeSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const account = signedIn(req);
        await setAccountLanguage(db, account.id, req.body.language);
        return meOf({ ...account, language: req.body.language }, req.csrfToken!);
      },
    );
  };
