import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { brusselsDay, monthOfDay } from '../../platform/calendar.js';
import type { AppDeps } from '../../deps.js';
import { NextBillQuerySchema, NextBillSchema } from './billing.schemas.js';
import { nextBill } from './use-cases/next-bill.js';

export const billingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAdmin);
    app.get(
      '/api/billing/next-bill',
      {
        schema: {
          tags: ['billing'],
          summary: "A month's bill as it stands: recurring charges and the changed-service lines, per user",
          querystring: NextBillQuerySchema,
          response: { 200: NextBillSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => nextBill(deps.db, adminContext(req).scope, req.query.month ?? monthOfDay(brusselsDay(deps.clock.now())), req.lang),
    );
  };
