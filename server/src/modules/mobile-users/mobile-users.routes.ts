import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error.js';
import { IdParamSchema } from '../../platform/validation.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { AuditPageSchema, AuditQuerySchema, listAudit } from '../audit/index.js';
import { findMobileUserRow, getMobileUser, listCostCentres, listMobileUsers } from './mobile-users.repository.js';
import {
  CostCentreBulkResultSchema,
  CostCentreBulkSchema,
  CostCentreListSchema,
  MobileUserInputSchema,
  MobileUserListQuerySchema,
  MobileUserPageSchema,
  MobileUserPatchSchema,
  MobileUserSchema,
} from './mobile-users.schemas.js';
import { createMobileUser, setUsersCostCentre, updateMobileUserDetails } from './use-cases/save-mobile-user.js';
import type { AppDeps } from '../../deps.js';

export const mobileUserRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['mobile users'];
    app.addHook('onRequest', requireAdmin);

    const load = async (req: Parameters<typeof adminContext>[0], id: string) => {
      const user = await getMobileUser(db, adminContext(req).scope, id, req.lang);
      if (!user) throw new AppError('MOBILE_USER.NOT_FOUND');
      return user;
    };

    app.get(
      '/api/mobile-users',
      {
        schema: {
          tags,
          summary: 'List and search the mobile users of your company',
          description: '`q` matches first and last name, e-mail, or (with 3+ digits) a number of one of the user\'s lines.',
          querystring: MobileUserListQuerySchema,
          response: { 200: MobileUserPageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listMobileUsers(db, adminContext(req).scope, req.query),
    );

    app.post(
      '/api/mobile-users',
      {
        schema: {
          tags,
          summary: 'Create a mobile user',
          body: MobileUserInputSchema,
          response: { 201: MobileUserSchema, ...problemResponses(400, 401, 403, 409, 422) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = adminContext(req);
        const row = await createMobileUser(db, scope, actor, req.body);
        return reply.status(201).send(await load(req, row.id));
      },
    );

    app.get(
      '/api/mobile-users/cost-centres',
      {
        schema: { tags, summary: "The cost centres your company's users are in", response: { 200: CostCentreListSchema, ...problemResponses(401, 403) } },
      },
      async (req) => ({ items: (await listCostCentres(db, adminContext(req).scope)).map((c) => ({ costCentre: c.costCentre, users: Number(c.users) })) }),
    );

    app.post(
      '/api/mobile-users/cost-centre',
      {
        schema: {
          tags,
          summary: 'Put several mobile users in one cost centre (or in none)',
          body: CostCentreBulkSchema,
          response: { 200: CostCentreBulkResultSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return setUsersCostCentre(db, scope, actor, req.body);
      },
    );

    app.get(
      '/api/mobile-users/:id',
      {
        schema: { tags, summary: 'A mobile user with their services', params: IdParamSchema, response: { 200: MobileUserSchema, ...problemResponses(400, 401, 403, 404) } },
      },
      async (req) => load(req, req.params.id),
    );

    app.patch(
      '/api/mobile-users/:id',
      {
        schema: {
          tags,
          summary: 'Change a mobile user',
          params: IdParamSchema,
          body: MobileUserPatchSchema,
          response: { 200: MobileUserSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await updateMobileUserDetails(db, scope, actor, req.params.id, req.body);
        return load(req, req.params.id);
      },
    );

    app.get(
      '/api/mobile-users/:id/audit',
      {
        schema: {
          tags,
          summary: 'The audit trail of one mobile user',
          params: IdParamSchema,
          querystring: AuditQuerySchema.pick({ page: true, pageSize: true }),
          response: { 200: AuditPageSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        if (!(await findMobileUserRow(db, adminContext(req).scope, req.params.id))) throw new AppError('MOBILE_USER.NOT_FOUND');
        return listAudit(db, adminContext(req).scope, { ...req.query, entityType: 'mobile_user', entityId: req.params.id });
      },
    );
  };
