import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../platform/validation.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { ActivationViewSchema, TokenParamSchema } from '../activation/activation.schemas.js';
import { getServiceDetail } from '../services/index.js';
import { BillingImpactSchema, ServiceDetailSchema } from '../services/services.schemas.js';
import { AppError } from '../../platform/app-error.js';
import { EnterReplacementSimSchema, OperationParamsSchema, ReportLostSchema, SuspendInputSchema, SuspensionResultSchema, SwapInputSchema } from './lines.schemas.js';
import { enterReplacementSim, liftBar, retryLineOperation, previewSuspension, reportLost, reportLostByEmployee, requestSimSwap, resumeLine, suspendLine } from './use-cases/line-operations.js';

/** Running a live line: suspend, resume, lost or stolen, replacement SIM or eSIM (the administrator's). */
export const lineRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['line operations'];
    app.addHook('onRequest', requireAdmin);

    const detail = async (req: Parameters<typeof adminContext>[0], id: string) => {
      const service = await getServiceDetail(deps.db, adminContext(req).scope, id, req.lang);
      if (!service) throw new AppError('SERVICE.NOT_FOUND');
      return service;
    };
    const problems = problemResponses(400, 401, 403, 404, 409, 422);

    app.post(
      '/api/services/:id/suspend/preview',
      { schema: { tags, summary: 'What a suspension from today costs: the suspended monthly price and this month’s pro-rata lines; writes nothing', params: IdParamSchema, response: { 200: BillingImpactSchema, ...problems } } },
      async (req) => previewSuspension(deps, adminContext(req).scope, req.params.id, 'suspend', req.lang),
    );
    app.post(
      '/api/services/:id/resume/preview',
      { schema: { tags, summary: 'What resuming from today does to the bill: the full price again for the rest of the month; writes nothing', params: IdParamSchema, response: { 200: BillingImpactSchema, ...problems } } },
      async (req) => previewSuspension(deps, adminContext(req).scope, req.params.id, 'resume', req.lang),
    );
    app.post(
      '/api/services/:id/suspend',
      {
        schema: {
          tags,
          summary: 'Suspend an active line from today, optionally until a date (it then resumes by itself)',
          description: 'No calls, texts or data while suspended. Billed as a change: the rest of the month at the suspended price.',
          params: IdParamSchema,
          body: SuspendInputSchema,
          response: { 200: SuspensionResultSchema, ...problems },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        const impact = await suspendLine(deps, scope, actor, req.params.id, req.body, req.lang);
        return { service: await detail(req, req.params.id), impact };
      },
    );
    app.post(
      '/api/services/:id/resume',
      { schema: { tags, summary: 'Resume a suspended line from today', params: IdParamSchema, response: { 200: SuspensionResultSchema, ...problems } } },
      async (req) => {
        const { scope, actor } = adminContext(req);
        const impact = await resumeLine(deps, scope, actor, req.params.id, req.lang);
        return { service: await detail(req, req.params.id), impact };
      },
    );
    app.post(
      '/api/services/:id/report-lost',
      { schema: { tags, summary: 'The phone is lost or stolen: bar the line on the network at once', params: IdParamSchema, body: ReportLostSchema, response: { 200: ServiceDetailSchema, ...problems } } },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await reportLost(deps, scope, actor, req.params.id, req.body.cause);
        return detail(req, req.params.id);
      },
    );
    app.post(
      '/api/services/:id/lift-bar',
      { schema: { tags, summary: 'The phone was found: lift the bar of a line reported lost or stolen', params: IdParamSchema, response: { 200: ServiceDetailSchema, ...problems } } },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await liftBar(deps, scope, actor, req.params.id);
        return detail(req, req.params.id);
      },
    );
    app.post(
      '/api/services/:id/swap-sim',
      {
        schema: {
          tags,
          summary: 'A replacement SIM card (from the company’s stock) or a new eSIM profile for the same number',
          description: 'The old SIM keeps working until the new one is live; a barred line’s bar is lifted then. A new eSIM’s QR code is e-mailed to the employee.',
          params: IdParamSchema,
          body: SwapInputSchema,
          response: { 200: ServiceDetailSchema, ...problems },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await requestSimSwap(deps, scope, actor, req.params.id, req.body);
        return detail(req, req.params.id);
      },
    );
    app.post(
      '/api/services/:id/line-operations/:operationId/retry',
      {
        schema: {
          tags,
          summary: 'Ask the network again for a line operation it refused or never confirmed (suspend, resume, bar, lift the bar)',
          params: OperationParamsSchema,
          response: { 200: ServiceDetailSchema, ...problems },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await retryLineOperation(deps, scope, actor, req.params.id, req.params.operationId);
        return detail(req, req.params.id);
      },
    );
  };

/** The employee's side, from their personal link (rate-limited: the token is the only credential). */
export const employeeLineRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/activation/:token/report-lost',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['employee activation'],
          summary: 'The employee reports their phone lost or stolen: the line is barred at once',
          params: TokenParamSchema,
          body: ReportLostSchema,
          response: { 200: ActivationViewSchema, ...problemResponses(400, 404, 409, 422, 429) },
        },
      },
      async (req) => reportLostByEmployee(deps, req.params.token, req.body.cause),
    );
    app.post(
      '/api/activation/:token/replacement-sim',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['employee activation'],
          summary: 'The employee enters the number of their replacement SIM card; the swap starts',
          params: TokenParamSchema,
          body: EnterReplacementSimSchema,
          response: { 200: ActivationViewSchema, ...problemResponses(400, 404, 409, 422, 429) },
        },
      },
      async (req) => enterReplacementSim(deps, req.params.token, req.body.iccid),
    );
  };
