import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { AppError } from '../../platform/app-error.js';
import { CSRF_COOKIE, SESSION_COOKIE, employeeContext } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { deleteSession } from './auth.repository.js';
import { deleteEmployeeSession, findEmployeeSession, isEmployeeToken } from './employee-sessions.repository.js';
import { EmployeeMeSchema, EmployeeSignInRequestSchema, ResetTokenParamSchema } from './sign-in-security.schemas.js';
import { originOf } from './sign-in-security.routes.js';
import { requestEmployeeSignIn, signInWithEmployeeLink } from './use-cases/employee-sign-in.js';
import type { SessionEmployee } from './employee-sessions.repository.js';

// As "forgot password": per address and per client address, whatever the answer (the same for all).
const PER_ADDRESS = { max: 5, timeWindow: '1 hour' };
const PER_CLIENT = { max: 30, timeWindow: '1 hour' };

const meOf = (employee: SessionEmployee, csrfToken: string) => ({
  employee: { firstName: employee.firstName, lastName: employee.lastName, email: employee.email, language: employee.language, companyName: employee.companyName },
  csrfToken,
});

/** "Employee sign-in": a single-use link by e-mail opens an employee session (My lines), never an account's. */
export const employeeSignInRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['my lines'];
    const cookieBase = { path: '/', sameSite: 'lax' as const, secure: deps.config.cookieSecure };
    const perClient = app.createRateLimit(PER_CLIENT);

    app.post(
      '/api/employee/sign-in',
      {
        onRequest: async (req) => {
          const limit = await perClient(req);
          if (!limit.isAllowed && limit.isExceeded) throw new AppError('AUTH.RATE_LIMITED');
        },
        config: { rateLimit: { ...PER_ADDRESS, hook: 'preHandler', keyGenerator: (req) => `employee-sign-in|${String((req.body as { email?: string } | undefined)?.email ?? '').trim().toLowerCase()}` } },
        schema: {
          tags,
          summary: "Employee sign-in: e-mail a single-use link to My lines (the same answer whether or not the address is an employee's)",
          body: EmployeeSignInRequestSchema,
          response: { 202: z.null(), ...problemResponses(400, 403, 429) },
        },
      },
      async (req, reply) => {
        await requestEmployeeSignIn(deps, req.body.email);
        return reply.status(202).send(null);
      },
    );

    app.post(
      '/api/employee/sign-in/:token',
      {
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Follow a sign-in link (once, within 15 minutes): an employee session starts',
          description: 'A POST, not the GET of the e-mailed address: a mail scanner opening the link does not use it up. The browser page posts it.',
          params: ResetTokenParamSchema,
          response: { 200: EmployeeMeSchema, ...problemResponses(400, 403, 404, 410, 429) },
        },
      },
      async (req, reply) => {
        const session = await signInWithEmployeeLink(deps, req.params.token, originOf(req));
        // once the link proved good, the browser's earlier session of either kind ends: one person signed in per browser
        if (req.sessionToken) await (isEmployeeToken(req.sessionToken) ? deleteEmployeeSession(db, req.sessionToken) : deleteSession(db, req.sessionToken));
        reply.setCookie(SESSION_COOKIE, session.token, { ...cookieBase, httpOnly: true, expires: session.expiresAt });
        reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...cookieBase, httpOnly: false, expires: session.expiresAt });
        const found = await findEmployeeSession(db, session.token);
        return meOf(found!.employee, session.csrfToken);
      },
    );

    app.get(
      '/api/employee/me',
      { schema: { tags, summary: 'The signed-in employee (My lines)', response: { 200: EmployeeMeSchema, ...problemResponses(401, 403) } } },
      async (req) => meOf(employeeContext(req).employee, req.csrfToken!),
    );

    app.post(
      '/api/employee/sign-out',
      { schema: { tags, summary: 'Sign out of My lines', response: { 204: z.null(), ...problemResponses(401, 403) } } },
      async (req, reply) => {
        employeeContext(req);
        if (req.sessionToken) await deleteEmployeeSession(db, req.sessionToken);
        reply.clearCookie(SESSION_COOKIE, cookieBase).clearCookie(CSRF_COOKIE, cookieBase);
        return reply.status(204).send(null);
      },
    );
  };
