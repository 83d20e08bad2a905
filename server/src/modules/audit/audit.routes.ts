import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { listAudit } from './audit.repository.js';
import { AuditPageSchema, AuditQuerySchema } from './audit.schemas.js';
import type { AppDeps } from '../../deps.js';

export const auditRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        onRequest: requireAdmin,
        schema: {
          tags: ['audit'],
          summary: "Your company's audit log: who changed what, when, before and after",
          querystring: AuditQuerySchema,
          response: { 200: AuditPageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listAudit(deps.db, adminContext(req).scope, req.query),
    );
  };
