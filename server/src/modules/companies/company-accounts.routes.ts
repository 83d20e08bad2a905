import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import type { AccountActor } from '../../platform/actor.js';
import type { CompanyScope } from '../../platform/tenant.js';
import { adminContext } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { CreatedSchema } from './companies.schemas.js';
import { ChangeRoleSchema, CompanyAccountListQuerySchema, CompanyAccountPageSchema, CompanyAccountParamsSchema, InviteCompanyAccountSchema } from './company-accounts.schemas.js';
import {
  changeCompanyRole,
  deactivateCompanyAccount,
  inviteCompanyAccount,
  listCompanyAccounts,
  reactivateCompanyAccount,
  resendCompanyInvitation,
} from './use-cases/company-accounts.js';
import type { AppDeps } from '../../deps.js';

/**
 * The company's owner manages its accounts. Who may call these is in http/route-permissions.ts
 * (`accounts.manage`: the owner); the company is the owner's own, from the session.
 */
export const companyAccountRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['company'];
    const ok = { 204: z.null() };

    app.get(
      '/api/company/accounts',
      {
        schema: { tags, summary: "Your company's accounts and their roles (owner)", querystring: CompanyAccountListQuerySchema, response: { 200: CompanyAccountPageSchema, ...problemResponses(400, 401, 403) } },
      },
      async (req) => listCompanyAccounts(db, adminContext(req).scope, req.query),
    );

    app.post(
      '/api/company/accounts',
      {
        schema: {
          tags,
          summary: 'Invite a colleague with a role: they get an e-mail in their language with a single-use link to choose a password (owner)',
          body: InviteCompanyAccountSchema,
          response: { 201: CreatedSchema, ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        return reply.status(201).send(await inviteCompanyAccount(deps, scope, actor, req.body));
      },
    );

    app.put(
      '/api/company/accounts/:accountId/role',
      {
        schema: {
          tags,
          summary: "Change an account's role; the company keeps at least one active owner (owner)",
          params: CompanyAccountParamsSchema,
          body: ChangeRoleSchema,
          response: { ...ok, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await changeCompanyRole(db, scope, actor, req.params.accountId, req.body.role);
        return reply.status(204).send(null);
      },
    );

    const accountAction = (path: string, summary: string, run: (scope: CompanyScope, actor: AccountActor, accountId: string) => Promise<unknown>) =>
      app.post(
        `/api/company/accounts/:accountId/${path}`,
        { schema: { tags, summary, params: CompanyAccountParamsSchema, response: { ...ok, ...problemResponses(400, 401, 403, 404, 409) } } },
        async (req, reply) => {
          const { scope, actor } = adminContext(req);
          await run(scope, actor, req.params.accountId);
          return reply.status(204).send(null);
        },
      );
    accountAction('resend-invitation', 'Send the invitation again with a new link (the previous link stops working) (owner)', (scope, actor, id) => resendCompanyInvitation(deps, scope, actor, id));
    accountAction('deactivate', 'Deactivate an account: signed out everywhere at once, can no longer sign in; not the last active owner (owner)', (scope, actor, id) => deactivateCompanyAccount(db, scope, actor, id));
    accountAction('reactivate', 'Reactivate a deactivated account (owner)', (scope, actor, id) => reactivateCompanyAccount(db, scope, actor, id));
  };
