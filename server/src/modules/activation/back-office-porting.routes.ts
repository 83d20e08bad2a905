import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { BackOfficePortingIssuePageSchema, BackOfficePortingIssuesQuerySchema } from './activation.schemas.js';
import { listPortingIssuesAcrossCompanies } from './activation.repository.js';

export { BackOfficePortingIssuePageSchema, BackOfficePortingIssuesQuerySchema } from './activation.schemas.js';

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
