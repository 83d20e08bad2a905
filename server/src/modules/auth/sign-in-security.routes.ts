import { meOf } from './me.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { AppError } from '../../platform/app-error.js';
import { CSRF_COOKIE, SESSION_COOKIE, adminContext, actorOf, requireAdmin, requireSignedIn, signedIn } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { findSession, type SignInOrigin } from './auth.repository.js';
import {
  CodeInputSchema,
  CompanyTwoFactorInputSchema,
  CompanyTwoFactorSchema,
  DisableTwoFactorSchema,
  EndedSessionsSchema,
  EnrolledSignInSchema,
  EnrolmentSchema,
  NewPasswordSchema,
  OwnSessionListSchema,
  PasswordResetDoneSchema,
  PasswordResetRequestSchema,
  PasswordResetViewSchema,
  RecoveryCodesSchema,
  RegenerateRecoveryCodesSchema,
  ResetTokenParamSchema,
  SecondFactorInputSchema,
  SessionIdParamSchema,
  TwoFactorStatusSchema,
} from './sign-in-security.schemas.js';
import { endOtherSessions, endOwnSession, listOwnSessions } from './use-cases/my-sessions.js';
import { describePasswordReset, requestPasswordReset, resetPassword } from './use-cases/password-reset.js';
import {
  companyTwoFactorSetting,
  completeSignInWithCode,
  confirmOwnEnrolment,
  confirmSignInEnrolment,
  disableTwoFactor,
  regenerateRecoveryCodes,
  setCompanyTwoFactorSetting,
  startOwnEnrolment,
  startSignInEnrolment,
  twoFactorStatus,
} from './use-cases/two-factor.js';

/** The half-signed-in state's cookie: sent only to the second step's own endpoints. */
export const CHALLENGE_COOKIE = 'fd_second_step';
export const CHALLENGE_COOKIE_PATH = '/api/auth/second-step';

export const originOf = (req: FastifyRequest): SignInOrigin => ({ userAgent: req.headers['user-agent'] ?? null, ipAddress: req.ip });

// "Forgot password": per address and per client address, whatever the answer (the same for all).
const RESET_PER_ADDRESS = { max: 5, timeWindow: '1 hour' };
const RESET_PER_CLIENT = { max: 30, timeWindow: '1 hour' };

/** Forgot password, the second step of a sign-in (two-factor), one's own second factor and sessions. */
export const signInSecurityRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['auth'];
    const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.config.cookieSecure };

    const startSession = async (reply: FastifyReply, session: { token: string; csrfToken: string; expiresAt: Date }) => {
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, expires: session.expiresAt });
      reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, expires: session.expiresAt });
      reply.clearCookie(CHALLENGE_COOKIE, { ...cookieBase, path: CHALLENGE_COOKIE_PATH });
      const found = await findSession(db, session.token);
      return meOf(found!.account, session.csrfToken);
    };
    const challengeOf = (req: FastifyRequest) => req.cookies[CHALLENGE_COOKIE];

    // ------------------------------------------------------------ forgot password (no session)

    const resetPerClient = app.createRateLimit(RESET_PER_CLIENT);
    app.post(
      '/api/auth/password-reset',
      {
        onRequest: async (req) => {
          const limit = await resetPerClient(req);
          if (!limit.isAllowed && limit.isExceeded) throw new AppError('AUTH.RATE_LIMITED');
        },
        config: { rateLimit: { ...RESET_PER_ADDRESS, hook: 'preHandler', keyGenerator: (req) => `reset|${String((req.body as { email?: string } | undefined)?.email ?? '').trim().toLowerCase()}` } },
        schema: {
          tags,
          summary: 'Forgot password: e-mail a single-use link to choose a new one (the same answer whether or not the address has an account)',
          body: PasswordResetRequestSchema,
          response: { 202: z.null(), ...problemResponses(400, 403, 429) },
        },
      },
      async (req, reply) => {
        await requestPasswordReset(deps, req.body.email);
        return reply.status(202).send(null);
      },
    );

    const linkRateLimit = { max: 20, timeWindow: '1 minute' };
    app.get(
      '/api/auth/password-reset/:token',
      {
        config: { rateLimit: linkRateLimit },
        schema: { tags, summary: 'Who a reset link is for, while it can still be used', params: ResetTokenParamSchema, response: { 200: PasswordResetViewSchema, ...problemResponses(400, 404, 410, 429) } },
      },
      async (req) => describePasswordReset(deps, req.params.token),
    );

    app.post(
      '/api/auth/password-reset/:token/password',
      {
        config: { rateLimit: linkRateLimit },
        schema: {
          tags,
          summary: 'Choose a new password with a reset link (once); every session of the account ends',
          params: ResetTokenParamSchema,
          body: NewPasswordSchema,
          response: { 200: PasswordResetDoneSchema, ...problemResponses(400, 403, 404, 410, 429) },
        },
      },
      async (req) => resetPassword(deps, req.params.token, req.body.password),
    );

    // ------------------------------------------------------------ the second step of a sign-in (half signed in)

    const secondStepLimit = { max: deps.config.loginRateLimitPerMinute, timeWindow: '1 minute' };
    app.post(
      '/api/auth/second-step/code',
      {
        config: { rateLimit: secondStepLimit },
        schema: {
          tags,
          summary: 'Complete a sign-in with the code of the authenticator app, or a recovery code',
          body: SecondFactorInputSchema,
          response: { 200: EnrolledSignInSchema.omit({ recoveryCodes: true }), ...problemResponses(400, 401, 403, 422, 429) },
        },
      },
      async (req, reply) => startSession(reply, await completeSignInWithCode(deps, challengeOf(req), req.body)),
    );

    app.post(
      '/api/auth/second-step/enrolment',
      {
        config: { rateLimit: secondStepLimit },
        schema: { tags, summary: 'Set up the required two-factor sign-in during sign-in: a new secret to scan', response: { 200: EnrolmentSchema, ...problemResponses(401, 403, 409, 429) } },
      },
      async (req) => startSignInEnrolment(deps, challengeOf(req)),
    );

    app.post(
      '/api/auth/second-step/enrolment/confirm',
      {
        config: { rateLimit: secondStepLimit },
        schema: {
          tags,
          summary: 'Confirm the new second factor with its first code: signed in, and the recovery codes (shown this once)',
          body: CodeInputSchema,
          response: { 200: EnrolledSignInSchema, ...problemResponses(400, 401, 403, 409, 422, 429) },
        },
      },
      async (req, reply) => {
        const { session, recoveryCodes } = await confirmSignInEnrolment(deps, challengeOf(req), req.body.code);
        return { ...(await startSession(reply, session)), recoveryCodes };
      },
    );

    // ------------------------------------------------------------ one's own second factor

    // wrong codes and passwords count per account, whatever the client address
    const perAccount = { max: 10, timeWindow: '1 minute', hook: 'preHandler' as const, keyGenerator: (req: FastifyRequest) => `2fa|${req.account?.id ?? req.ip}` };

    app.get(
      '/api/auth/two-factor',
      { onRequest: requireSignedIn, schema: { tags, summary: 'Whether the signed-in account signs in with a second factor', response: { 200: TwoFactorStatusSchema, ...problemResponses(401) } } },
      async (req) => twoFactorStatus(deps, signedIn(req).id),
    );

    app.post(
      '/api/auth/two-factor/enrolment',
      {
        onRequest: requireSignedIn,
        config: { rateLimit: perAccount },
        schema: { tags, summary: 'Start setting up two-factor sign-in: a new secret to scan (replaces one not confirmed yet)', response: { 200: EnrolmentSchema, ...problemResponses(401, 403, 409, 429) } },
      },
      async (req) => startOwnEnrolment(deps, signedIn(req)),
    );

    app.post(
      '/api/auth/two-factor/enrolment/confirm',
      {
        onRequest: requireSignedIn,
        config: { rateLimit: perAccount },
        schema: { tags, summary: 'Turn two-factor sign-in on with a first code: the recovery codes, shown this once', body: CodeInputSchema, response: { 200: RecoveryCodesSchema, ...problemResponses(400, 401, 403, 409, 422, 429) } },
      },
      async (req) => confirmOwnEnrolment(deps, signedIn(req).id, req.body.code),
    );

    app.post(
      '/api/auth/two-factor/disable',
      {
        onRequest: requireSignedIn,
        config: { rateLimit: perAccount },
        schema: { tags, summary: 'Turn two-factor sign-in off: the password and a code (or a recovery code)', body: DisableTwoFactorSchema, response: { 204: z.null(), ...problemResponses(400, 401, 403, 409, 422, 429) } },
      },
      async (req, reply) => {
        await disableTwoFactor(deps, signedIn(req).id, req.body);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/two-factor/recovery-codes',
      {
        onRequest: requireSignedIn,
        config: { rateLimit: perAccount },
        schema: {
          tags,
          summary: 'Ten new recovery codes, shown this once (the old ones stop working): a current code of the app, or the password',
          body: RegenerateRecoveryCodesSchema,
          response: { 200: RecoveryCodesSchema, ...problemResponses(400, 401, 403, 409, 422, 429) },
        },
      },
      async (req) => regenerateRecoveryCodes(deps, signedIn(req).id, req.body),
    );

    // ------------------------------------------------------------ one's own sessions

    app.get(
      '/api/auth/sessions',
      { onRequest: requireSignedIn, schema: { tags, summary: 'The signed-in account’s own sessions (devices), the current one marked', response: { 200: OwnSessionListSchema, ...problemResponses(401) } } },
      async (req) => listOwnSessions(db, signedIn(req).id, req.sessionToken),
    );

    app.delete(
      '/api/auth/sessions/:sessionId',
      {
        onRequest: requireSignedIn,
        schema: { tags, summary: 'Sign out one of one’s own sessions (at once, on every instance)', params: SessionIdParamSchema, response: { 204: z.null(), ...problemResponses(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        await endOwnSession(db, signedIn(req).id, req.params.sessionId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/auth/sessions/end-others',
      { onRequest: requireSignedIn, schema: { tags, summary: 'Sign out everywhere else: every session of the account but this one', response: { 200: EndedSessionsSchema, ...problemResponses(401, 403) } } },
      async (req) => endOtherSessions(db, signedIn(req).id, req.sessionToken),
    );

    // ------------------------------------------------------------ the company's requirement (administrators)

    app.get(
      '/api/company/two-factor',
      { onRequest: requireAdmin, schema: { tags, summary: 'Whether the company requires two-factor sign-in, and how many of its accounts have none yet', response: { 200: CompanyTwoFactorSchema, ...problemResponses(401, 403) } } },
      async (req) => companyTwoFactorSetting(db, adminContext(req).scope),
    );

    app.put(
      '/api/company/two-factor',
      {
        onRequest: requireAdmin,
        schema: {
          tags,
          summary: 'Require two-factor sign-in for every account of the company (those without it set it up at their next sign-in)',
          body: CompanyTwoFactorInputSchema,
          response: { 200: CompanyTwoFactorSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { scope, account } = adminContext(req);
        return setCompanyTwoFactorSetting(db, scope, actorOf(account), req.body.required);
      },
    );
  };
