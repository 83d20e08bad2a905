import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { IdParamSchema } from '../../platform/validation.js';
import { TokenParamSchema } from '../activation/activation.schemas.js';
import { AlertSettingsSchema, BarringBodySchema, BarringParamsSchema, EmployeeRoamingBlockSchema, LineAlertSettingsSchema, UsageControlsSchema } from './usage-alerts.schemas.js';
import {
  employeeRoamingBlock,
  getCompanyAlertSettings,
  liftRoamingBlock,
  liftRoamingBlockByEmployee,
  setBarring,
  setCompanyAlertSettings,
  setLineAlertSettings,
  usageControls,
} from './use-cases/usage-alerts.js';

/** Usage alerts, the roaming cap and barring: the administrator's settings and the line's barrings. */
export const usageAlertRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['usage alerts and barring'];
    app.addHook('onRequest', requireAdmin);
    const problems = problemResponses(400, 401, 403, 404, 409);

    app.get(
      '/api/company/usage-alerts',
      { schema: { tags, summary: "The company's usage alerts: data at 80 % and 100 %, the spending alert, the roaming data cap", response: { 200: AlertSettingsSchema, ...problemResponses(401, 403) } } },
      async (req) => getCompanyAlertSettings(deps, adminContext(req).scope),
    );
    app.put(
      '/api/company/usage-alerts',
      {
        schema: {
          tags,
          summary: "Set the company's usage alerts (every line without settings of its own follows them)",
          body: AlertSettingsSchema,
          response: { 200: AlertSettingsSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        return setCompanyAlertSettings(deps, scope, actor, req.body);
      },
    );

    app.get(
      '/api/services/:id/usage-controls',
      { schema: { tags, summary: "A line's barrings, its roaming block, this month's alerts and its alert settings", params: IdParamSchema, response: { 200: UsageControlsSchema, ...problems } } },
      async (req) => usageControls(deps, adminContext(req).scope, req.params.id),
    );
    app.put(
      '/api/services/:id/usage-alerts',
      {
        schema: { tags, summary: "A line's own usage alerts; null follows the company's", params: IdParamSchema, body: LineAlertSettingsSchema, response: { 200: UsageControlsSchema, ...problems } },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await setLineAlertSettings(deps, scope, actor, req.params.id, req.body);
        return usageControls(deps, scope, req.params.id);
      },
    );
    app.put(
      '/api/services/:id/barrings/:kind',
      {
        schema: {
          tags,
          summary: 'Bar or allow roaming, premium-rate numbers or international calls on a line (through the network)',
          description: 'Allowing roaming while the roaming cap blocks it lifts the block for the rest of the month.',
          params: BarringParamsSchema,
          body: BarringBodySchema,
          response: { 200: UsageControlsSchema, ...problems },
        },
      },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await setBarring(deps, scope, actor, req.params.id, req.params.kind, req.body.barred);
        return usageControls(deps, scope, req.params.id);
      },
    );
    app.post(
      '/api/services/:id/roaming-block/lift',
      { schema: { tags, summary: 'Lift the roaming block of the roaming cap for the rest of the month (it applies again next month)', params: IdParamSchema, response: { 200: UsageControlsSchema, ...problems } } },
      async (req) => {
        const { scope, actor } = adminContext(req);
        await liftRoamingBlock(deps, scope, actor, req.params.id);
        return usageControls(deps, scope, req.params.id);
      },
    );
  };

/** The employee's side, from their personal link (rate-limited: the token is the only credential). */
export const employeeRoamingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['employee activation'];
    const config = { rateLimit: { max: 30, timeWindow: '1 minute' } };
    app.get(
      '/api/activation/:token/roaming-block',
      { config, schema: { tags, summary: 'Whether the roaming cap blocks roaming on the employee’s line this month', params: TokenParamSchema, response: { 200: EmployeeRoamingBlockSchema, ...problemResponses(404, 429) } } },
      async (req) => employeeRoamingBlock(deps, req.params.token),
    );
    app.post(
      '/api/activation/:token/roaming-block/lift',
      {
        config,
        schema: { tags, summary: 'The employee chooses to continue roaming: the block is lifted for the rest of the month', params: TokenParamSchema, response: { 200: EmployeeRoamingBlockSchema, ...problemResponses(404, 409, 429) } },
      },
      async (req) => liftRoamingBlockByEmployee(deps, req.params.token),
    );
  };
