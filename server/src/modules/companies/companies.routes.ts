import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error.js';
import { companyScope } from '../../platform/tenant.js';
import { IdParamSchema } from '../../platform/validation.js';
import { adminContext, requireAdmin, requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { getCompanyDetail, listCompanies } from './companies.repository.js';
import { CompanyDetailSchema, CompanyListQuerySchema, CompanyPageSchema } from './companies.schemas.js';
import type { AppDeps } from '../../app.js';

export const companyRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps.database;

    app.get(
      '/api/company',
      {
        onRequest: requireAdmin,
        schema: { tags: ['company'], summary: 'Your company, its mobile contract and offices', response: { 200: CompanyDetailSchema, ...problemResponses(401, 403) } },
      },
      async (req) => {
        const detail = await getCompanyDetail(db, adminContext(req).scope, req.lang);
        if (!detail) throw new AppError('COMPANY.NOT_FOUND');
        return detail;
      },
    );

    app.get(
      '/api/companies',
      {
        onRequest: requireOperator,
        schema: {
          tags: ['back office'],
          summary: 'Customer companies (operator staff)',
          querystring: CompanyListQuerySchema,
          response: { 200: CompanyPageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listCompanies(db, req.query, req.lang),
    );

    app.get(
      '/api/companies/:id',
      {
        onRequest: requireOperator,
        schema: {
          tags: ['back office'],
          summary: 'One customer company with contract, offices and administrators (operator staff)',
          params: IdParamSchema,
          response: { 200: CompanyDetailSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        // Operator staff work across companies: the scope comes from the URL.
        const detail = await getCompanyDetail(db, companyScope(req.params.id), req.lang);
        if (!detail) throw new AppError('COMPANY.NOT_FOUND');
        return detail;
      },
    );
  };
