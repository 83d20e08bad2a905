import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import type { AppDeps } from '../../deps.js';
import { AppError } from '../../platform/app-error.js';
import { brusselsDay, monthOfDay } from '../../platform/calendar.js';
import { csvWriter } from '../../platform/csv.js';
import { t } from '../../platform/i18n.js';
import { IdParamSchema, z } from '../../platform/validation.js';
import { CompanyUsageSchema, ServiceUsageQuerySchema, ServiceUsageSchema, UsageQuerySchema, type LineUsage } from './usage.schemas.js';
import { companyUsage, serviceUsage, usageLinesSelected } from './use-cases/usage-views.js';

const CSV_COLUMNS = ['user', 'mobileNumber', 'bundle', 'dataMb', 'dataAllowanceMb', 'dataShare', 'band', 'voiceMin', 'internationalMin', 'sms', 'roamingDays', 'roamingDataMb', 'outOfBundle'] as const;

/** What each line uses: the company's Usage page, its CSV, and a service's usage (the administrator's). */
export const usageRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['usage'];
    app.addHook('onRequest', requireAdmin);
    const thisMonth = () => monthOfDay(brusselsDay(deps.clock.now()));

    app.get(
      '/api/usage',
      {
        schema: {
          tags,
          summary: "The company's usage of a month: totals, days, lines by band, top lines, roaming, the filtered lines and bundle suggestions",
          querystring: UsageQuerySchema,
          response: { 200: CompanyUsageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => companyUsage(deps.db, adminContext(req).scope, req.query.month ?? thisMonth(), req.query, req.lang),
    );

    app.get(
      '/api/usage/export.csv',
      {
        schema: {
          tags,
          summary: "The month's usage of every line the filters select, as CSV",
          querystring: UsageQuerySchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe("CSV, UTF-8 with BOM, header row in the caller's language"), ...problemResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        const { scope } = adminContext(req);
        const lang = req.lang;
        const month = req.query.month ?? thisMonth();
        const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
        const row = (l: LineUsage) => [
          l.userName,
          l.msisdn ?? '',
          l.bundleName,
          l.dataMb,
          l.dataAllowanceMb ?? '',
          l.dataSharePct ?? '',
          l.band ? t(lang, `usageCsv.band.${l.band}`) : '',
          l.voiceMin,
          l.internationalMin,
          l.sms,
          l.roamingDays,
          l.roamingDataMb,
          money.format(l.outOfBundleCents / 100),
        ];
        const lines = await usageLinesSelected(deps.db, scope, month, req.query, lang);
        const csv = Readable.from(lines.map(row)).pipe(csvWriter({ bom: true, header: true, columns: CSV_COLUMNS.map((c) => t(lang, `usageCsv.columns.${c}`)) }));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="usage-${month}.csv"`)
          .send(csv as unknown as string);
      },
    );

    app.get(
      '/api/services/:id/usage',
      {
        schema: {
          tags,
          summary: "A service's usage of a month (default: this one) against its bundle, its roaming, and its last six months",
          params: IdParamSchema,
          querystring: ServiceUsageQuerySchema,
          response: { 200: ServiceUsageSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => {
        const usage = await serviceUsage(deps.db, adminContext(req).scope, req.params.id, req.query.month ?? thisMonth(), req.lang);
        if (!usage) throw new AppError('SERVICE.NOT_FOUND');
        return usage;
      },
    );
  };
