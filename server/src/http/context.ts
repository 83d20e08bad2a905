import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AccountActor, Actor } from '../platform/actor.js';
import { AppError, type ErrorCode } from '../platform/app-error.js';
import type { Queryable } from '../platform/db.js';
import type { Lang } from '../platform/i18n.js';
import { scopeOfAccount, scopeOfCompany, scopeOfRow, type CompanyScope } from '../platform/tenant.js';
import type { SessionAccount, SessionEmployee } from '../modules/auth/index.js';
import { companyExists } from '../modules/companies/index.js';
import type { ApiPrincipal } from '../modules/public-api/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: SessionAccount | null;
    /** The employee of an employee session (My lines); null for accounts and anonymous callers. */
    employee: SessionEmployee | null;
    sessionToken: string | null;
    csrfToken: string | null;
    lang: Lang;
    /** The API client of a public-API request (`/tmf-api`), from its bearer token; null elsewhere. */
    apiClient: ApiPrincipal | null;
  }
}

export const SESSION_COOKIE = 'fd_session';
export const CSRF_COOKIE = 'fd_csrf';

export const signedIn = (req: FastifyRequest): SessionAccount => {
  if (!req.account) throw new AppError('AUTH.NOT_SIGNED_IN');
  return req.account;
};

export const actorOf = (account: SessionAccount): AccountActor => ({ accountId: account.id, name: account.fullName });

// Company scopes of HTTP requests are made here only (see platform/tenant.ts): routes take them
// from these contexts and never build one from a path parameter.

/** The company a fleet administrator acts in: their own, from the session. Anyone else is refused before any query runs. */
export const adminContext = (req: FastifyRequest): { account: SessionAccount; scope: CompanyScope; actor: AccountActor } => {
  const account = signedIn(req);
  if (account.role !== 'admin' || !account.company) throw new AppError('AUTH.FORBIDDEN');
  return { account, scope: scopeOfAccount({ company: account.company }), actor: actorOf(account) };
};

/** The signed-in administrator's company, or null for operator staff (pages both open, e.g. the catalog). */
export const ownCompanyScope = (req: FastifyRequest): CompanyScope | null => {
  const account = signedIn(req);
  return account.role === 'admin' && account.company ? scopeOfAccount({ company: account.company }) : null;
};

export const operatorContext = (req: FastifyRequest) => {
  const account = signedIn(req);
  if (account.role !== 'operator') throw new AppError('AUTH.FORBIDDEN');
  return { account, actor: actorOf(account) };
};

/**
 * Operator staff acting on one company: the one named in the path, or the company of an item named
 * in the path (pass null when there is no such item). It must exist: `notFound` (404) otherwise.
 */
export const operatorCompanyContext = async (req: FastifyRequest, q: Queryable, companyId: string | null, notFound: ErrorCode = 'COMPANY.NOT_FOUND') => {
  const context = operatorContext(req);
  if (!companyId || !(await companyExists(q, companyId))) throw new AppError(notFound);
  return { ...context, scope: scopeOfCompany({ id: companyId }) };
};

// preHandlers: refuse early so that the schema of a forbidden route is never evaluated against data.
export const requireAdmin = async (req: FastifyRequest, _reply: FastifyReply) => {
  adminContext(req);
};
export const requireOperator = async (req: FastifyRequest, _reply: FastifyReply) => {
  operatorContext(req);
};
export const requireSignedIn = async (req: FastifyRequest, _reply: FastifyReply) => {
  signedIn(req);
};

/**
 * An employee signed in to My lines: their company, found by their session (a row found by a
 * credential of its own), and themselves as the actor of what they change. Accounts are refused.
 */
export const employeeContext = (req: FastifyRequest): { employee: SessionEmployee; scope: CompanyScope; actor: Actor } => {
  const employee = req.employee;
  if (!employee) throw new AppError(req.account ? 'AUTH.FORBIDDEN' : 'AUTH.NOT_SIGNED_IN');
  return { employee, scope: scopeOfRow(employee), actor: { accountId: null, name: `${employee.firstName} ${employee.lastName}` } };
};

/**
 * A public-API request: the company of the API client whose bearer token it carries (found by the
 * token, like an activation link's row), and the client as the actor of what it changes.
 */
export const apiClientContext = (req: FastifyRequest): { client: ApiPrincipal; scope: CompanyScope; actor: Actor } => {
  const client = req.apiClient;
  if (!client) throw new AppError('API.TOKEN_INVALID');
  return { client, scope: scopeOfRow(client), actor: { accountId: null, name: `${client.name} (API)` } };
};
