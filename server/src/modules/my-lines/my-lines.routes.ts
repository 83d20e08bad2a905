import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema, z } from '../../platform/validation.js';
import { adminContext, employeeContext } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { ReportLostSchema } from '../lines/lines.schemas.js';
import { BillingImpactSchema, ChangeOptionsSchema } from '../services/services.schemas.js';
import { AskedSchema, AskForChangeSchema, EmployeeRequestListQuerySchema, EmployeeRequestListSchema, MyLinesSchema, MyPukSchema, RefuseSchema } from './my-lines.schemas.js';
import { approveEmployeeRequest, askForChange, cancelMyRequest, listEmployeeRequests, previewEmployeeRequest, refuseEmployeeRequest } from './use-cases/employee-requests.js';
import { myChangeOptions, myLines, myPuk, reportMyLineLost } from './use-cases/my-lines.js';

/** My lines: the signed-in employee's own lines (an employee session, never an account's: route-permissions.ts). */
export const myLinesRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['my lines'];
    const problems = problemResponses(400, 401, 403, 404, 409, 422);

    app.get('/api/employee/lines', { schema: { tags, summary: "The signed-in employee's own lines", response: { 200: MyLinesSchema, ...problemResponses(401, 403) } } }, async (req) => {
      const { scope, employee } = employeeContext(req);
      return myLines(deps, scope, employee, req.lang);
    });
    app.get(
      '/api/employee/lines/:id/puk',
      { schema: { tags, summary: "The PUK of the employee's own line's SIM (each look is an audit line)", params: IdParamSchema, response: { 200: MyPukSchema, ...problems } } },
      async (req) => {
        const { scope, employee, actor } = employeeContext(req);
        return myPuk(deps, scope, employee, actor, req.params.id);
      },
    );
    app.get(
      '/api/employee/lines/:id/change-options',
      { schema: { tags, summary: 'The bundles and options the employee may ask for on their line', params: IdParamSchema, response: { 200: ChangeOptionsSchema, ...problems } } },
      async (req) => {
        const { scope, employee } = employeeContext(req);
        return myChangeOptions(deps, scope, employee, req.params.id, req.lang);
      },
    );
    app.post(
      '/api/employee/lines/:id/report-lost',
      {
        schema: {
          tags,
          summary: 'The employee reports their phone lost or stolen: the line is barred at once (the administrator’s line operation, in the employee’s name)',
          params: IdParamSchema,
          body: ReportLostSchema,
          response: { 200: MyLinesSchema, ...problems },
        },
      },
      async (req) => {
        const { scope, employee, actor } = employeeContext(req);
        await reportMyLineLost(deps, scope, employee, actor, req.params.id, req.body.cause);
        return myLines(deps, scope, employee, req.lang);
      },
    );
    app.post(
      '/api/employee/requests',
      {
        schema: {
          tags,
          summary: 'Ask the administrator for a new eSIM (a new phone) or another bundle on one of one’s lines',
          body: AskForChangeSchema,
          response: { 201: AskedSchema, ...problems },
        },
      },
      async (req, reply) => {
        const { scope, employee, actor } = employeeContext(req);
        return reply.status(201).send(await askForChange(deps, scope, employee, actor, req.body, req.lang));
      },
    );
    app.post(
      '/api/employee/requests/:id/cancel',
      { schema: { tags, summary: 'Withdraw one’s own request while nobody decided it', params: IdParamSchema, response: { 204: z.null(), ...problems } } },
      async (req, reply) => {
        const { scope, employee, actor } = employeeContext(req);
        await cancelMyRequest(deps, scope, employee, actor, req.params.id);
        return reply.status(204).send(null);
      },
    );
  };

/** The employees' requests as the company's administrators see and decide them. */
export const employeeRequestAdminRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['my lines'];
    const problems = problemResponses(400, 401, 403, 404, 409, 422);
    app.get(
      '/api/employee-requests',
      { schema: { tags, summary: "The company's employee requests in a status (pending by default), oldest first", querystring: EmployeeRequestListQuerySchema, response: { 200: EmployeeRequestListSchema, ...problemResponses(400, 401, 403) } } },
      async (req) => ({ requests: await listEmployeeRequests(deps, adminContext(req).scope, req.query.status, req.lang) }),
    );
    app.get(
      '/api/employee-requests/:id/preview',
      { schema: { tags, summary: "Before approving: a bundle change's billing impact (Manage service's); null for a new eSIM. Writes nothing", params: IdParamSchema, response: { 200: z.object({ impact: BillingImpactSchema.nullable() }), ...problems } } },
      async (req) => previewEmployeeRequest(deps, adminContext(req).scope, req.params.id, req.lang),
    );
    app.post(
      '/api/employee-requests/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve: the new eSIM is ordered, or the bundle changes (with its billing impact); the employee is e-mailed',
          params: IdParamSchema,
          response: { 200: z.object({ impact: BillingImpactSchema.nullable() }), ...problems },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return approveEmployeeRequest(deps, scope, actor, req.params.id, req.lang);
      },
    );
    app.post(
      '/api/employee-requests/:id/refuse',
      { schema: { tags, summary: 'Refuse, with the reason the employee is e-mailed', params: IdParamSchema, body: RefuseSchema, response: { 204: z.null(), ...problems } } },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        await refuseEmployeeRequest(deps, scope, actor, req.params.id, req.body.reason);
        return reply.status(204).send(null);
      },
    );
  };
