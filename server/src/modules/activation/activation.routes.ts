import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../platform/validation.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/app-error.js';
import { getServiceDetail } from '../services/index.js';
import { ServiceDetailSchema } from '../services/services.schemas.js';
import {
  ActivationViewSchema,
  EmployeePukSchema,
  EnterSimSchema,
  EsimCodeSchema,
  SimCodesSchema,
  PortCorrectionSchema,
  PortingIssuePageSchema,
  PortingIssuesQuerySchema,
  ResendSchema,
  TokenParamSchema,
} from './activation.schemas.js';
import { listPortingIssues } from './activation.repository.js';
import { resendActivation, retryActivation, resubmitPortIn } from './use-cases/administrator-actions.js';
import { activateByEmployee, employeePuk, enterSim, getActivationPage } from './use-cases/employee-activation.js';
import { resendEsimQr, viewEsimCode, viewSimCodes } from './use-cases/esim-code.js';

/** The employee's personal page: no account, the link's token is the credential — so it is rate-limited. */
export const employeeActivationRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['employee activation'];
    const rateLimit = { max: 30, timeWindow: '1 minute' };

    app.get(
      '/api/activation/:token',
      {
        config: { rateLimit },
        schema: { tags, summary: "The employee's activation page, from their personal link", params: TokenParamSchema, response: { 200: ActivationViewSchema, ...problemResponses(400, 404, 429) } },
      },
      async (req) => getActivationPage(deps, req.params.token),
    );
    app.post(
      '/api/activation/:token/sim',
      {
        config: { rateLimit },
        schema: {
          tags,
          summary: 'The employee enters the number of their SIM card; the activation starts',
          params: TokenParamSchema,
          body: EnterSimSchema,
          response: { 200: ActivationViewSchema, ...problemResponses(400, 404, 409, 422, 429) },
        },
      },
      async (req) => enterSim(deps, req.params.token, req.body.iccid),
    );
    app.post(
      '/api/activation/:token/activate',
      {
        config: { rateLimit },
        schema: { tags, summary: 'The employee presses Activate (eSIM: the QR code is shown and e-mailed)', params: TokenParamSchema, response: { 200: ActivationViewSchema, ...problemResponses(400, 404, 429) } },
      },
      async (req) => activateByEmployee(deps, req.params.token),
    );
    app.get(
      '/api/activation/:token/puk',
      {
        config: { rateLimit },
        schema: { tags, summary: "The employee's own PUK code (each look is an audit line)", params: TokenParamSchema, response: { 200: EmployeePukSchema, ...problemResponses(400, 404, 409, 429) } },
      },
      async (req) => employeePuk(deps, req.params.token),
    );
  };

export const activationAdminRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['activation'];
    app.addHook('onRequest', requireAdmin);
    const detail = async (req: Parameters<typeof adminContext>[0], id: string) => {
      const service = await getServiceDetail(db, adminContext(req).scope, id, req.lang);
      if (!service) throw new AppError('SERVICE.NOT_FOUND');
      return service;
    };

    app.post(
      '/api/services/:id/resend-activation',
      {
        schema: {
          tags,
          summary: 'Send the activation e-mail again (after correcting the address if needed); the old link stops working',
          params: IdParamSchema,
          body: ResendSchema,
          response: { 200: ServiceDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await resendActivation(deps, scope, actor, req.params.id, req.body.email);
        return detail(req, req.params.id);
      },
    );
    app.post(
      '/api/services/:id/retry-activation',
      {
        schema: {
          tags,
          summary: 'Retry an activation whose network work failed for good: it goes on where it stopped',
          params: IdParamSchema,
          response: { 200: ServiceDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await retryActivation(deps, scope, actor, req.params.id);
        return detail(req, req.params.id);
      },
    );
    app.get(
      '/api/services/:id/esim-code',
      {
        schema: {
          tags,
          summary: "The eSIM's activation code and QR code, to install it with the employee (each look is an audit line)",
          params: IdParamSchema,
          response: { 200: EsimCodeSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return viewEsimCode(deps, scope, actor, req.params.id);
      },
    );
    app.get(
      '/api/services/:id/sim-codes',
      {
        schema: {
          tags,
          summary: "The PIN and PUK of the service's SIM card (each look is an audit line)",
          params: IdParamSchema,
          response: { 200: SimCodesSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return viewSimCodes(deps, scope, actor, req.params.id);
      },
    );
    app.post(
      '/api/services/:id/resend-esim-qr',
      {
        schema: {
          tags,
          summary: 'Send the eSIM QR e-mail to the employee again',
          params: IdParamSchema,
          response: { 200: ServiceDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await resendEsimQr(deps, scope, actor, req.params.id);
        return detail(req, req.params.id);
      },
    );
    app.get(
      '/api/porting-issues',
      { schema: { tags, summary: 'Mobile porting issues: port-ins the donor operator refused', querystring: PortingIssuesQuerySchema, response: { 200: PortingIssuePageSchema, ...problemResponses(400, 401, 403) } } },
      async (req) => listPortingIssues(db, adminContext(req).scope, req.query, req.lang),
    );
    app.post(
      '/api/porting-issues/:id/resubmit',
      {
        schema: {
          tags,
          summary: 'Correct a refused port-in and submit it again',
          params: IdParamSchema,
          body: PortCorrectionSchema,
          response: { 200: ServiceDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await resubmitPortIn(deps, scope, actor, req.params.id, req.body);
        return detail(req, req.params.id);
      },
    );
  };
