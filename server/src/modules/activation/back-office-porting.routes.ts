import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { PortingIssueSchema, PortingIssuesQuerySchema } from './activation.schemas.js';
import { listPortingIssuesAcrossCompanies } from './activation.repository.js';

export const BackOfficePortingIssuesQuerySchema = PortingIssuesQuerySchema.extend({ companyId: z.uuid().optional() });
export const BackOfficePortingIssuePageSchema = z.object({
  items: z.array(PortingIssueSchema.extend({ companyId: z.uuid(), companyName: z.string() })),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

/** Operator staff see every company's refused port-ins, to help administrators; correcting them stays with the administrator. */
export const backOfficePortingIssueRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    app.get(
      '/api/back-office/porting-issues',
      {
        onRequest: requireOperator,
        schema: {
          tags: ['back office'],
          summary: 'Mobile porting issues of all companies, or of one (read-only)',
          querystring: BackOfficePortingIssuesQuerySchema,
          response: { 200: BackOfficePortingIssuePageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listPortingIssuesAcrossCompanies(db, req.query, req.lang),
    );
  };
