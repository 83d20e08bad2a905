import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../platform/app-error.js';
import type { Db } from '../platform/db.js';
import { fromAcceptLanguage } from '../platform/i18n.js';
import { findEmployeeSession, findSession, isEmployeeToken, noteSessionSeen, type FoundEmployeeSession, type SessionCache } from '../modules/auth/index.js';
import { SESSION_COOKIE } from './context.js';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// Sign-in has no session yet to hold a token, and the employee's activation page authenticates by
// the token in its own URL (nothing a cross-site page could borrow): they check the Origin header instead.
// The invited administrator's set-password link works the same way, and so do a reset link and the
// second step of a sign-in (its own cookie, sent to those endpoints only).
const CSRF_EXEMPT = new Set([
  '/api/auth/password-reset',
  '/api/auth/password-reset/:token/password',
  '/api/auth/second-step/code',
  '/api/auth/second-step/enrolment',
  '/api/auth/second-step/enrolment/confirm',
  // an employee's sign-in to My lines: asking for a link, and following it (the token is the credential)
  '/api/employee/sign-in',
  '/api/employee/sign-in/:token',
  // single sign-on: whether an address goes to its provider, and the start of such a sign-in
  '/api/auth/sso/check',
  '/api/auth/sso/start',
  '/api/auth/login', '/api/activation/:token/sim', '/api/activation/:token/activate', '/api/activation/:token/report-lost', '/api/activation/:token/replacement-sim', '/api/activation/:token/roaming-block/lift', '/api/auth/invitations/:token/password']);

const sameToken = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** A browser sends Origin on cross-site POSTs; when it is present it must be this host. */
const originMatchesHost = (req: FastifyRequest) => {
  const origin = req.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
};

/** Loads the signed-in account and the caller's language; refuses state changes without the CSRF token. */
export const registerSessionHooks = (app: FastifyInstance, db: Db, cache?: SessionCache, employeeCache?: SessionCache<FoundEmployeeSession>) => {
  app.decorateRequest('account', null);
  app.decorateRequest('employee', null);
  app.decorateRequest('sessionToken', null);
  app.decorateRequest('csrfToken', null);
  app.decorateRequest('lang', 'en');
  // set by the public API's bearer-token guard (modules/public-api/bearer-auth.ts)
  app.decorateRequest('apiClient', null);

  // "Last seen" of the person's sessions page: after the answer is sent, at most one write a minute,
  // and only for requests that were answered (a refused one changes nothing, not even this).
  app.addHook('onResponse', async (req, reply) => {
    if (req.account && req.sessionToken && reply.statusCode < 400) await noteSessionSeen(db, req.sessionToken);
  });

  app.addHook('onRequest', async (req) => {
    req.lang = fromAcceptLanguage(req.headers['accept-language']) ?? 'en';
    // Decide on the route that matched, not the raw URL: "/%61pi/…" reaches the same handlers.
    const route = req.routeOptions.url;
    if (!route?.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token && isEmployeeToken(token)) {
      // an employee's session (My lines): a mobile user, never an account
      const found = await findEmployeeSession(db, token, employeeCache);
      if (found) {
        req.employee = found.employee;
        req.sessionToken = token;
        req.csrfToken = found.csrfToken;
        req.lang = found.employee.language;
      }
    } else if (token) {
      const found = await findSession(db, token, cache);
      if (found) {
        req.account = found.account;
        req.sessionToken = token;
        req.csrfToken = found.csrfToken;
        req.lang = found.account.language;
      }
    }
    if (!UNSAFE.has(req.method)) return;
    if (CSRF_EXEMPT.has(route)) {
      if (!originMatchesHost(req)) throw new AppError('AUTH.CSRF_INVALID');
      return;
    }
    if ((!req.account && !req.employee) || !req.csrfToken) throw new AppError('AUTH.NOT_SIGNED_IN');
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, req.csrfToken)) throw new AppError('AUTH.CSRF_INVALID');
  });
};

