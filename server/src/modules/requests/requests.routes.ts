import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../deps.js';
import { adminContext, operatorCompanyContext, operatorContext, requireAdmin, requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { AppError } from '../../platform/app-error.js';
import type { CompanyScope } from '../../platform/tenant.js';
import { IdParamSchema, z } from '../../platform/validation.js';
import { eventsFor, type RequestRole } from './domain/request-machine.js';
import { companyOfRequest, getRequestDetail, listRequestableServices, listRequests, type RequestActor } from './requests.repository.js';
import {
  CommentInputSchema,
  FileRequestSchema,
  QueueQuerySchema,
  RequestableServicesQuerySchema,
  RequestableServicesSchema,
  RequestDetailSchema,
  RequestListQuerySchema,
  RequestPageSchema,
  TransitionInputSchema,
  WithdrawInputSchema,
} from './requests.schemas.js';
import { assignRequestToSelf } from './use-cases/assign-request.js';
import { changeRequestStatus } from './use-cases/change-request-status.js';
import { commentOnRequest } from './use-cases/comment-on-request.js';
import { fileRequest } from './use-cases/file-request.js';

const actorOf = (account: { id: string; fullName: string }, role: RequestRole): RequestActor => ({ accountId: account.id, name: account.fullName, role });

/** The request as `role` sees it, with the steps the transition table lets that role take now. */
const detailFor = async (deps: AppDeps, req: FastifyRequest, scope: CompanyScope, id: string, role: RequestRole) => {
  const detail = await getRequestDetail(deps.db, scope, id, req.lang);
  if (!detail) throw new AppError('REQUEST.NOT_FOUND');
  return { ...detail, allowedEvents: eventsFor(detail.status, role) };
};

/** The fleet administrator's requests: their own company's only (a request of another company is "not found"). */
export const requestRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['requests'];
    app.addHook('onRequest', requireAdmin);

    app.get(
      '/api/requests',
      {
        schema: { tags, summary: "Your company's MACD and support requests, newest first", querystring: RequestListQuerySchema, response: { 200: RequestPageSchema, ...problemResponses(400, 401, 403) } },
      },
      async (req) => listRequests(deps.db, adminContext(req).scope, req.query),
    );

    app.get(
      '/api/requests/services',
      {
        schema: {
          tags,
          summary: 'Services of your company a request can name (not ended): by name or number, or by id',
          querystring: RequestableServicesQuerySchema,
          response: { 200: RequestableServicesSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listRequestableServices(deps.db, adminContext(req).scope, req.query, req.lang),
    );

    app.post(
      '/api/requests',
      {
        schema: {
          tags,
          summary: 'File a Move, Add, Change, Delete or support request',
          description: 'The office and services must be your company\'s; dates (moving date, desired date) must lie ahead. Each kind checks what it needs; every problem is answered at once.',
          body: FileRequestSchema,
          response: { 201: RequestDetailSchema, ...problemResponses(400, 401, 403, 422) },
        },
      },
      async (req, reply) => {
        const { account, scope } = adminContext(req);
        const id = await fileRequest(deps, scope, actorOf(account, 'admin'), req.body);
        return reply.status(201).send(await detailFor(deps, req, scope, id, 'admin'));
      },
    );

    app.get(
      '/api/requests/:id',
      { schema: { tags, summary: 'One request: status, details, services, comments and history', params: IdParamSchema, response: { 200: RequestDetailSchema, ...problemResponses(400, 401, 403, 404) } } },
      async (req) => detailFor(deps, req, adminContext(req).scope, req.params.id, 'admin'),
    );

    app.post(
      '/api/requests/:id/comments',
      {
        schema: { tags, summary: 'Add a comment to a request', params: IdParamSchema, body: CommentInputSchema, response: { 201: RequestDetailSchema, ...problemResponses(400, 401, 403, 404) } },
      },
      async (req, reply) => {
        const { account, scope } = adminContext(req);
        await commentOnRequest(deps, scope, actorOf(account, 'admin'), req.params.id, req.body.body);
        return reply.status(201).send(await detailFor(deps, req, scope, req.params.id, 'admin'));
      },
    );

    app.post(
      '/api/requests/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw a request nobody handles yet (status submitted)',
          params: IdParamSchema,
          body: WithdrawInputSchema,
          response: { 200: RequestDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { account, scope } = adminContext(req);
        await changeRequestStatus(deps, scope, actorOf(account, 'admin'), req.params.id, 'withdraw', { reason: req.body.reason ?? null });
        return detailFor(deps, req, scope, req.params.id, 'admin');
      },
    );
  };

/** The back-office queue: requests of every company, for operator staff only (an administrator gets 403). */
export const backOfficeRequestRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['back office: requests'];
    app.addHook('onRequest', requireOperator);

    // Operator staff work across companies: the request's own company becomes the scope.
    const requestContext = async (req: FastifyRequest, id: string) => operatorCompanyContext(req, deps.db, await companyOfRequest(deps.db, id), 'REQUEST.NOT_FOUND');

    app.get(
      '/api/back-office/requests',
      {
        schema: {
          tags,
          summary: 'MACD and support requests of all companies, newest first (operator staff)',
          querystring: QueueQuerySchema,
          response: { 200: RequestPageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { account } = operatorContext(req);
        const { assignedToMe, ...filter } = req.query;
        return listRequests(deps.db, null, { ...filter, assignedTo: assignedToMe === 'true' ? account.id : undefined });
      },
    );

    app.get(
      '/api/back-office/requests/:id',
      { schema: { tags, summary: 'One request with its company, comments and history (operator staff)', params: IdParamSchema, response: { 200: RequestDetailSchema, ...problemResponses(400, 401, 403, 404) } } },
      async (req) => detailFor(deps, req, (await requestContext(req, req.params.id)).scope, req.params.id, 'operator'),
    );

    app.post(
      '/api/back-office/requests/:id/assign',
      {
        schema: {
          tags,
          summary: 'Take the request: assign it to yourself (operator staff)',
          params: IdParamSchema,
          body: z.object({}).strict().optional(),
          response: { 200: RequestDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { account, scope } = await requestContext(req, req.params.id);
        await assignRequestToSelf(deps, scope, actorOf(account, 'operator'), req.params.id);
        return detailFor(deps, req, scope, req.params.id, 'operator');
      },
    );

    app.post(
      '/api/back-office/requests/:id/transitions',
      {
        schema: {
          tags,
          summary: 'Move the request through its states: start_review, schedule / reschedule (scheduledFor), complete, reject (reason) (operator staff)',
          description: 'An event the current status does not allow is 409 REQUEST.ILLEGAL_TRANSITION; an event of the other side (withdraw) is 403 REQUEST.EVENT_FORBIDDEN. Nothing is written then.',
          params: IdParamSchema,
          body: TransitionInputSchema,
          response: { 200: RequestDetailSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { account, scope } = await requestContext(req, req.params.id);
        await changeRequestStatus(deps, scope, actorOf(account, 'operator'), req.params.id, req.body.event, { reason: req.body.reason ?? null, scheduledFor: req.body.scheduledFor ?? null });
        return detailFor(deps, req, scope, req.params.id, 'operator');
      },
    );

    app.post(
      '/api/back-office/requests/:id/comments',
      {
        schema: {
          tags,
          summary: 'Comment on a request; the administrator who filed it is e-mailed (operator staff)',
          params: IdParamSchema,
          body: CommentInputSchema,
          response: { 201: RequestDetailSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req, reply) => {
        const { account, scope } = await requestContext(req, req.params.id);
        await commentOnRequest(deps, scope, actorOf(account, 'operator'), req.params.id, req.body.body);
        return reply.status(201).send(await detailFor(deps, req, scope, req.params.id, 'operator'));
      },
    );
  };
