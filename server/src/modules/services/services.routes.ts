import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error.js';
import { IdParamSchema } from '../../platform/validation.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { getServiceDetail, listPortCandidates, listWaiting, listWizardFixedNumbers, wizardStock } from './services.repository.js';
import {
  BillingImpactSchema,
  CandidateQuerySchema,
  ChangeOptionsSchema,
  ChangeResultSchema,
  ChangeSelectionSchema,
  DeletionQuotaSchema,
  DeletionResultSchema,
  PortCandidatesSchema,
  ScheduleServicesSchema,
  ScheduledSchema,
  ServiceDetailSchema,
  StartServicesSchema,
  StartedSchema,
  WaitingPageSchema,
  WaitingQuerySchema,
  WizardCheckQuerySchema,
  WizardCheckedSchema,
  WizardDraftSchema,
  WizardFixedNumbersSchema,
  WizardInputSchema,
  WizardStockSchema,
} from './services.schemas.js';
import { checkWizardStep } from './use-cases/add-service.js';
import { approvalView, orderBundleChange, orderNewService } from '../approvals/index.js';
import { PendingApprovalSchema } from '../approvals/approvals.schemas.js';
import { cancelService, scheduleServices, startServices } from './use-cases/start-activation.js';
import { changeOptions, deleteService, deletionQuota, previewChange } from './use-cases/manage-service.js';

export const serviceRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['services'];
    app.addHook('onRequest', requireAdmin);

    const detail = async (req: Parameters<typeof adminContext>[0], id: string) => {
      const service = await getServiceDetail(db, adminContext(req).scope, id, req.lang);
      if (!service) throw new AppError('SERVICE.NOT_FOUND');
      return service;
    };

    app.get(
      '/api/wizard/stock',
      { schema: { tags, summary: 'What the Add Service wizard can hand out: free numbers, SIM and eSIM stock, fixed numbers, donor operators', response: { 200: WizardStockSchema, ...problemResponses(401, 403) } } },
      async (req) => wizardStock(db, adminContext(req).scope, req.lang),
    );

    app.get(
      '/api/wizard/port-candidates',
      {
        schema: {
          tags,
          summary: 'Active services whose number can move to a new service (port within the organisation)',
          querystring: CandidateQuerySchema,
          response: { 200: PortCandidatesSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listPortCandidates(db, adminContext(req).scope, req.query.q, req.lang),
    );

    app.get(
      '/api/wizard/fixed-numbers',
      {
        schema: {
          tags,
          summary: 'Fixed numbers available, and those held by active services (which can be taken over)',
          querystring: CandidateQuerySchema,
          response: { 200: WizardFixedNumbersSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listWizardFixedNumbers(db, adminContext(req).scope, req.query.q),
    );

    app.post(
      '/api/mobile-users/:id/services/check',
      {
        schema: {
          tags,
          summary: 'Check the wizard choices up to a step, without saving anything',
          params: IdParamSchema,
          querystring: WizardCheckQuerySchema,
          body: WizardDraftSchema,
          response: { 200: WizardCheckedSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        await checkWizardStep(deps, adminContext(req).scope, req.params.id, req.query.step, req.body);
        return { ok: true as const };
      },
    );

    app.post(
      '/api/mobile-users/:id/services',
      {
        schema: {
          tags,
          summary: 'Add a service to a mobile user (Save of the Add Service wizard)',
          description:
            "Reserves the number, SIM or eSIM profile and fixed number atomically. With `timing: asap` the activation process starts at once. When the company's approvals are on and the service's monthly price is above its amount, nothing is reserved or created: the order waits for another owner or administrator (202 with the pending approval).",
          params: IdParamSchema,
          body: WizardInputSchema,
          response: { 201: ServiceDetailSchema, 202: PendingApprovalSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const { scope, actor, account } = adminContext(req);
        const ordered = await orderNewService(deps, scope, actor, req.params.id, req.body);
        if (!ordered.done) return reply.status(202).send({ approval: approvalView(ordered.approval, { accountId: account.id, role: account.companyRole ?? 'read_only' }) });
        return reply.status(201).send(await detail(req, ordered.result));
      },
    );

    app.get(
      '/api/services/waiting',
      {
        schema: {
          tags,
          summary: 'Services waiting for activation',
          querystring: WaitingQuerySchema,
          response: { 200: WaitingPageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listWaiting(db, adminContext(req).scope, req.query, req.lang),
    );

    app.post(
      '/api/services/start',
      {
        schema: {
          tags,
          summary: 'Start the activation of services waiting for activation (all or none)',
          body: StartServicesSchema,
          response: { 200: StartedSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return { started: await startServices(deps, scope, actor, req.body.serviceIds) };
      },
    );

    app.post(
      '/api/services/schedule',
      {
        schema: {
          tags,
          summary: 'Schedule (or with null, unschedule) the start of services waiting for activation',
          body: ScheduleServicesSchema,
          response: { 200: ScheduledSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return { scheduled: await scheduleServices(deps, scope, actor, req.body.serviceIds, req.body.startAt) };
      },
    );

    app.get(
      '/api/services/deletion-quota',
      { schema: { tags, summary: 'The 30 % rule: deletions allowed and used in the current contract period', response: { 200: DeletionQuotaSchema, ...problemResponses(401, 403) } } },
      async (req) => deletionQuota(db, adminContext(req).scope),
    );

    app.get(
      '/api/services/:id/change-options',
      {
        schema: {
          tags,
          summary: 'Bundles and options an active service can change to (same service type)',
          params: IdParamSchema,
          response: { 200: ChangeOptionsSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => changeOptions(db, adminContext(req).scope, req.params.id, req.lang),
    );

    app.post(
      '/api/services/:id/change/preview',
      {
        schema: {
          tags,
          summary: 'What a change of bundle and options does to the bill, before confirming; writes nothing',
          params: IdParamSchema,
          body: ChangeSelectionSchema,
          response: { 200: BillingImpactSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => previewChange(deps, adminContext(req).scope, req.params.id, req.body, req.lang),
    );

    app.post(
      '/api/services/:id/change',
      {
        schema: {
          tags,
          summary: 'Change the bundle and options of an active service, from today (Manage service → Continue)',
          description: "When the company's approvals are on and the monthly increase is above its amount, nothing changes yet: the change waits for another owner or administrator (202 with the pending approval).",
          params: IdParamSchema,
          body: ChangeSelectionSchema,
          response: { 200: ChangeResultSchema, 202: PendingApprovalSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req, reply) => {
        const { scope, actor, account } = adminContext(req);
        const ordered = await orderBundleChange(deps, scope, actor, req.params.id, req.body, req.lang);
        if (!ordered.done) return reply.status(202).send({ approval: approvalView(ordered.approval, { accountId: account.id, role: account.companyRole ?? 'read_only' }) });
        return { service: await detail(req, req.params.id), impact: ordered.result };
      },
    );

    app.post(
      '/api/services/:id/delete',
      {
        schema: {
          tags,
          summary: 'Delete an active service (Remove → Yes), within the 30 % rule',
          description: 'Ends the service today: the number is quarantined, the SIM retired, the fixed number returns to the company list, the rest of the month is credited. 409 SERVICE.DELETION_QUOTA_REACHED past the 30 % rule.',
          params: IdParamSchema,
          response: { 200: DeletionResultSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        const impact = await deleteService(deps, scope, actor, req.params.id, req.lang);
        return { service: await detail(req, req.params.id), impact };
      },
    );

    app.get(
      '/api/services/:id',
      { schema: { tags, summary: 'A service with its timeline', params: IdParamSchema, response: { 200: ServiceDetailSchema, ...problemResponses(400, 401, 403, 404) } } },
      async (req) => detail(req, req.params.id),
    );

    app.post(
      '/api/services/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a service waiting for activation; its number, SIM and fixed number go back to stock',
          params: IdParamSchema,
          response: { 200: ServiceDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await cancelService(deps, scope, actor, req.params.id);
        return detail(req, req.params.id);
      },
    );
  };
