import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import type { AppDeps } from '../../deps.js';

const HealthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ status: z.enum(['up', 'down']), kind: z.enum(['pglite', 'postgres']) }),
  jobs: z.object({ status: z.enum(['up', 'down']), lastHeartbeatAt: z.string().nullable() }),
});

export const healthRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['health'],
          summary: 'Readiness of the database and the job runner',
          description: '200 when both are up, 503 otherwise (same body).',
          response: { 200: HealthSchema, 503: HealthSchema },
        },
      },
      async (_req, reply) => {
        const dbUp = await deps.database.ping().then(
          () => true,
          () => false,
        );
        const jobs = deps.jobStatus();
        const ok = dbUp && jobs.status === 'up';
        return reply.status(ok ? 200 : 503).send({
          status: ok ? 'ok' : 'degraded',
          database: { status: dbUp ? 'up' : 'down', kind: deps.database.kind },
          jobs,
        });
      },
    );
  };
