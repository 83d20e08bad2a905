import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { approvalView } from './approval-view.js';
import { countPending, findApproval, listApprovals } from './approvals.repository.js';
import {
  ApprovalDecisionSchema,
  ApprovalListQuerySchema,
  ApprovalPageSchema,
  ApprovalParamsSchema,
  ApprovalSchema,
  ApprovalSettingsSchema,
  ApprovalSummarySchema,
} from './approvals.schemas.js';
import { getApprovalSettings, setApprovalSettings } from './use-cases/approval-settings.js';
import { decideApproval } from './use-cases/decide-approval.js';

export const approvalRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['approvals'];
    app.addHook('onRequest', requireAdmin);

    const callerOf = (req: Parameters<typeof adminContext>[0]) => {
      const { account, scope, actor } = adminContext(req);
      return { scope, caller: { accountId: account.id, role: account.companyRole ?? 'read_only', actor } };
    };

    app.get(
      '/api/company/approval-settings',
      { schema: { tags, summary: "The company's approval rule: the monthly amount above which an order waits for a second person, or null (off)", response: { 200: ApprovalSettingsSchema, ...problemResponses(401, 403) } } },
      async (req) => getApprovalSettings(deps, adminContext(req).scope),
    );

    app.put(
      '/api/company/approval-settings',
      {
        schema: {
          tags,
          summary: 'Turn approvals on with a monthly amount (euro cents, excl. VAT), change it, or turn them off with null (owner)',
          body: ApprovalSettingsSchema,
          response: { 200: ApprovalSettingsSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return setApprovalSettings(deps, scope, actor, req.body.thresholdCents);
      },
    );

    app.get(
      '/api/approvals',
      { schema: { tags, summary: "The company's approvals, newest first: search, status, pages", querystring: ApprovalListQuerySchema, response: { 200: ApprovalPageSchema, ...problemResponses(400, 401, 403) } } },
      async (req) => {
        const { scope, caller } = callerOf(req);
        const page = await listApprovals(db, scope, req.query);
        return { ...page, items: page.items.map((row) => approvalView(row, caller)) };
      },
    );

    app.get(
      '/api/approvals/summary',
      { schema: { tags, summary: "For the dashboard: the company's rule, how many orders wait for approval, and the latest few", response: { 200: ApprovalSummarySchema, ...problemResponses(401, 403) } } },
      async (req) => {
        const { scope, caller } = callerOf(req);
        const [settings, pending, page] = await Promise.all([getApprovalSettings(deps, scope), countPending(db, scope), listApprovals(db, scope, { status: 'pending', page: 1, pageSize: 5 })]);
        return { thresholdCents: settings.thresholdCents, pending, latest: page.items.map((row) => approvalView(row, caller)) };
      },
    );

    app.get(
      '/api/approvals/:approvalId',
      { schema: { tags, summary: 'One approval', params: ApprovalParamsSchema, response: { 200: ApprovalSchema, ...problemResponses(400, 401, 403, 404) } } },
      async (req) => {
        const { scope, caller } = callerOf(req);
        const row = await findApproval(db, scope, req.params.approvalId);
        if (!row) throw new AppError('APPROVAL.NOT_FOUND');
        return approvalView(row, caller);
      },
    );

    for (const event of ['approve', 'reject', 'cancel'] as const) {
      const summary = {
        approve: 'Approve a pending order (another owner or administrator than the requester): the order is carried out by its own use case at once; if it no longer can be, the approval ends failed with the reason',
        reject: 'Reject a pending order with a reason (another owner or administrator than the requester); nothing of it is carried out',
        cancel: 'Withdraw one of your own pending orders',
      }[event];
      app.post(
        `/api/approvals/:approvalId/${event}`,
        {
          schema: {
            tags,
            summary,
            params: ApprovalParamsSchema,
            body: ApprovalDecisionSchema.optional(),
            response: { 200: ApprovalSchema, ...problemResponses(400, 401, 403, 404, 409, 422) },
          },
        },
        async (req) => {
          const { scope, caller } = callerOf(req);
          const row = await decideApproval(deps, scope, caller, req.params.approvalId, event, req.body ?? {}, req.lang);
          return approvalView(row, caller);
        },
      );
    }
  };
