import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../platform/app-error.js';
import type { Lang } from '../platform/i18n.js';
import { companyScope, type CompanyScope } from '../platform/tenant.js';
import type { Actor } from '../modules/audit/audit.repository.js';
import type { SessionAccount } from '../modules/auth/auth.repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    account: SessionAccount | null;
    sessionToken: string | null;
    csrfToken: string | null;
    lang: Lang;
  }
}

export const SESSION_COOKIE = 'fd_session';
export const CSRF_COOKIE = 'fd_csrf';

export const signedIn = (req: FastifyRequest): SessionAccount => {
  if (!req.account) throw new AppError('AUTH.NOT_SIGNED_IN');
  return req.account;
};

export const actorOf = (account: SessionAccount): Actor => ({ accountId: account.id, name: account.fullName });

/** The company a fleet administrator acts in. Anyone else is refused before any query runs. */
export const adminContext = (req: FastifyRequest): { account: SessionAccount; scope: CompanyScope; actor: Actor } => {
  const account = signedIn(req);
  if (account.role !== 'admin' || !account.company) throw new AppError('AUTH.FORBIDDEN');
  return { account, scope: companyScope(account.company.id), actor: actorOf(account) };
};

export const operatorContext = (req: FastifyRequest) => {
  const account = signedIn(req);
  if (account.role !== 'operator') throw new AppError('AUTH.FORBIDDEN');
  return { account, actor: actorOf(account) };
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
