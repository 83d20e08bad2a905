import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { AppError } from '../../platform/app-error.js';
import { getOperatorBranding } from './operator.repository.js';
import type { AppDeps } from '../../deps.js';

export const OperatorBrandingSchema = z.object({
  name: z.string(),
  portalName: z.string(),
  supportPhone: z.string(),
  supportEmail: z.string(),
  salesEmail: z.string(),
  financeEmail: z.string(),
  portalUrl: z.string(),
});

export const operatorRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/operator',
      { schema: { tags: ['operator'], summary: 'Branding and contact points of the operator (public)', response: { 200: OperatorBrandingSchema } } },
      async () => {
        const branding = await getOperatorBranding(deps.db);
        if (!branding) throw new AppError('NOT_FOUND');
        return branding;
      },
    );
  };
