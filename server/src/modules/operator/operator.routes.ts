import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error.js';
import { getOperatorBranding } from './operator.repository.js';
import type { AppDeps } from '../../deps.js';
import { OperatorBrandingSchema } from './operator.schemas.js';

// the shape lives in operator.schemas.ts now; the old name stays importable from here
export { OperatorBrandingSchema };

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
