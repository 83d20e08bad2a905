import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AccountActor } from '../../platform/actor.js';
import type { CompanyScope } from '../../platform/tenant.js';
import { AppError } from '../../platform/app-error.js';
import { IdParamSchema, z } from '../../platform/validation.js';
import { adminContext, operatorCompanyContext, operatorContext, requireAdmin, requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { getCompanyDetail, listCompanies } from './companies.repository.js';
import { listOperatorStaff } from './back-office.repository.js';
import {
  AdministratorParamsSchema,
  CompanyDetailSchema,
  CompanyInputSchema,
  CompanyListQuerySchema,
  CompanyPageSchema,
  ContractInputSchema,
  CreateCompanySchema,
  CreatedSchema,
  InviteAdministratorSchema,
  OfficeIdParamSchema,
  OfficeInputSchema,
  OfficeParamsSchema,
  StaffListSchema,
} from './companies.schemas.js';
import { createCompany, saveContract, updateCompanyDetails } from './use-cases/manage-company.js';
import { addOffice, editOffice, removeOffice } from './use-cases/offices.js';
import { deactivateAdministrator, inviteAdministrator, reactivateAdministrator, resendInvitation } from './use-cases/administrators.js';
import type { AppDeps } from '../../deps.js';

export const companyRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const backOffice = ['back office'];
    const ok = { 204: z.null() };
    // Operator staff work across companies: the company named in the path, once it is known to exist.
    const companyOf = (req: FastifyRequest, id: string) => operatorCompanyContext(req, db, id);
    const detailOf = async (req: FastifyRequest, id: string) => {
      const detail = await getCompanyDetail(db, (await companyOf(req, id)).scope, req.lang);
      if (!detail) throw new AppError('COMPANY.NOT_FOUND');
      return detail;
    };

    // ------------------------------------------------------------ the administrator's own company

    app.get(
      '/api/company',
      {
        onRequest: requireAdmin,
        schema: { tags: ['company'], summary: 'Your company, its mobile contract, offices and account manager', response: { 200: CompanyDetailSchema, ...problemResponses(401, 403) } },
      },
      async (req) => {
        const detail = await getCompanyDetail(db, adminContext(req).scope, req.lang);
        if (!detail) throw new AppError('COMPANY.NOT_FOUND');
        return detail;
      },
    );

    app.post(
      '/api/company/offices',
      {
        onRequest: requireAdmin,
        schema: { tags: ['company'], summary: 'Add an office to your company', body: OfficeInputSchema, response: { 201: CreatedSchema, ...problemResponses(400, 401, 403) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        return reply.status(201).send(await addOffice(db, scope, actor, req.body));
      },
    );

    app.put(
      '/api/company/offices/:officeId',
      {
        onRequest: requireAdmin,
        schema: { tags: ['company'], summary: 'Change one of your offices', params: OfficeIdParamSchema, body: OfficeInputSchema, response: { ...ok, ...problemResponses(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await editOffice(db, scope, actor, req.params.officeId, req.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/company/offices/:officeId',
      {
        onRequest: requireAdmin,
        schema: { tags: ['company'], summary: 'Remove an office no mobile user or request refers to', params: OfficeIdParamSchema, response: { ...ok, ...problemResponses(400, 401, 403, 404, 409) } },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await removeOffice(db, scope, actor, req.params.officeId);
        return reply.status(204).send(null);
      },
    );

    // ------------------------------------------------------------ operator staff: every company

    app.get(
      '/api/companies',
      {
        onRequest: requireOperator,
        schema: { tags: backOffice, summary: 'Customer companies (operator staff)', querystring: CompanyListQuerySchema, response: { 200: CompanyPageSchema, ...problemResponses(400, 401, 403) } },
      },
      async (req) => listCompanies(db, req.query, req.lang),
    );

    app.post(
      '/api/companies',
      {
        onRequest: requireOperator,
        schema: {
          tags: backOffice,
          summary: 'Register a customer company, optionally with its contract (both or nothing)',
          body: CreateCompanySchema,
          response: { 201: CreatedSchema, ...problemResponses(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) => reply.status(201).send(await createCompany(db, operatorContext(req).actor, req.body)),
    );

    app.get(
      '/api/companies/:id',
      {
        onRequest: requireOperator,
        schema: {
          tags: backOffice,
          summary: 'One customer company with contract, offices, administrators and account manager (operator staff)',
          params: IdParamSchema,
          response: { 200: CompanyDetailSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => detailOf(req, req.params.id),
    );

    app.put(
      '/api/companies/:id',
      {
        onRequest: requireOperator,
        schema: {
          tags: backOffice,
          summary: "Change a company's name, VAT number and account manager",
          params: IdParamSchema,
          body: CompanyInputSchema,
          response: { 200: CompanyDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        await updateCompanyDetails(db, scope, actor, req.body);
        return detailOf(req, req.params.id);
      },
    );

    app.put(
      '/api/companies/:id/contract',
      {
        onRequest: requireOperator,
        schema: {
          tags: backOffice,
          summary: "Save the company's mobile contract: reference, product types, contracted services, period",
          params: IdParamSchema,
          body: ContractInputSchema,
          response: { 200: CompanyDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        await saveContract(db, scope, actor, req.body);
        return detailOf(req, req.params.id);
      },
    );

    app.post(
      '/api/companies/:id/offices',
      {
        onRequest: requireOperator,
        schema: { tags: backOffice, summary: 'Add an office to a company', params: IdParamSchema, body: OfficeInputSchema, response: { 201: CreatedSchema, ...problemResponses(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        return reply.status(201).send(await addOffice(db, scope, actor, req.body));
      },
    );

    app.put(
      '/api/companies/:id/offices/:officeId',
      {
        onRequest: requireOperator,
        schema: { tags: backOffice, summary: "Change a company's office", params: OfficeParamsSchema, body: OfficeInputSchema, response: { ...ok, ...problemResponses(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        await editOffice(db, scope, actor, req.params.officeId, req.body);
        return reply.status(204).send(null);
      },
    );

    app.delete(
      '/api/companies/:id/offices/:officeId',
      {
        onRequest: requireOperator,
        schema: { tags: backOffice, summary: 'Remove an office no mobile user or request refers to', params: OfficeParamsSchema, response: { ...ok, ...problemResponses(400, 401, 403, 404, 409) } },
      },
      async (req, reply) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        await removeOffice(db, scope, actor, req.params.officeId);
        return reply.status(204).send(null);
      },
    );

    app.post(
      '/api/companies/:id/administrators',
      {
        onRequest: requireOperator,
        schema: {
          tags: backOffice,
          summary: 'Invite a fleet administrator: an account without a password, and an e-mail with a single-use link to choose one',
          params: IdParamSchema,
          body: InviteAdministratorSchema,
          response: { 201: CreatedSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        return reply.status(201).send(await inviteAdministrator(deps, scope, actor, req.body));
      },
    );

    const accountAction = (path: string, summary: string, run: (scope: CompanyScope, actor: AccountActor, accountId: string) => Promise<unknown>) =>
      app.post(
        `/api/companies/:id/administrators/:accountId/${path}`,
        {
          onRequest: requireOperator,
          schema: { tags: backOffice, summary, params: AdministratorParamsSchema, response: { ...ok, ...problemResponses(400, 401, 403, 404, 409) } },
        },
        async (req, reply) => {
          const { scope, actor } = await companyOf(req, req.params.id);
          await run(scope, actor, req.params.accountId);
          return reply.status(204).send(null);
        },
      );
    accountAction('resend-invitation', 'Send the invitation again with a new link (the previous link stops working)', (scope, actor, id) => resendInvitation(deps, scope, actor, id));
    accountAction('deactivate', 'Deactivate an administrator: signed out everywhere, can no longer sign in', (scope, actor, id) => deactivateAdministrator(db, scope, actor, id));
    accountAction('reactivate', 'Reactivate a deactivated administrator', (scope, actor, id) => reactivateAdministrator(db, scope, actor, id));

    app.get(
      '/api/back-office/operator-staff',
      {
        onRequest: requireOperator,
        schema: { tags: backOffice, summary: 'Active operator staff, who can be account managers', response: { 200: StaffListSchema, ...problemResponses(401, 403) } },
      },
      async () => ({ items: await listOperatorStaff(db) }),
    );
  };
