import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from '../../platform/validation.js';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { brusselsDay } from '../../platform/calendar.js';
import { csvWriter } from '../../platform/csv.js';
import { t } from '../../platform/i18n.js';
import type { AppDeps } from '../../deps.js';
import { SERVICE_STATUSES } from './domain/lifecycle.js';
import { allOverviewRows, countOverview, listOverview, overviewCounts, overviewFacets, type OverviewItem } from './overview.repository.js';
import { OverviewCountSchema, OverviewExportQuerySchema, OverviewFacetsSchema, OverviewFilterSchema, OverviewPageSchema, OverviewQuerySchema, OverviewSummarySchema } from './services.schemas.js';
import { deletionQuota } from './use-cases/manage-service.js';

const CSV_COLUMNS = ['user', 'department', 'product', 'serviceType', 'bundle', 'options', 'monthlyPrice', 'mobileNumber', 'fixedNumber', 'simKind', 'iccid', 'status', 'activatedAt'] as const;

/** Self-service › UC & Mobile › Service overview: every service of the company, with a dashboard and a CSV export. */
export const overviewRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { database } = deps;
    const { db } = database;
    const tags = ['service overview'];
    app.addHook('onRequest', requireAdmin);

    app.get(
      '/api/service-overview',
      {
        schema: {
          tags,
          summary: 'One page of the mobile services of the company (keyset pagination: pass nextCursor as `after`, prevCursor as `before`)',
          querystring: OverviewQuerySchema,
          response: { 200: OverviewPageSchema, ...problemResponses(400, 401, 403) },
        },
        // The page is built by typed code from typed rows; checking it again against the schema on
        // the way out cost more than the database (bench/service-overview.ts). The schema still
        // documents the answer, and the integration tests hold the shape.
        serializerCompiler: () => (data) => JSON.stringify(data),
      },
      async (req) => listOverview(database, adminContext(req).scope, req.query, req.lang),
    );

    app.get(
      '/api/service-overview/count',
      { schema: { tags, summary: 'How many services the filters match: exact up to 20,000, above that an estimate (`estimated: true`, "about N")', querystring: OverviewFilterSchema, response: { 200: OverviewCountSchema, ...problemResponses(400, 401, 403) } } },
      async (req) => countOverview(database, adminContext(req).scope, req.query),
    );

    app.get(
      '/api/service-overview/facets',
      { schema: { tags, summary: 'Values for the filters: products, bundles, departments, statuses', response: { 200: OverviewFacetsSchema, ...problemResponses(401, 403) } } },
      async (req) => ({ ...(await overviewFacets(database, adminContext(req).scope, req.lang)), statuses: [...SERVICE_STATUSES] }),
    );

    app.get(
      '/api/service-overview/summary',
      { schema: { tags, summary: 'The dashboard: lines by status and product, waiting, porting issues, deletions used', response: { 200: OverviewSummarySchema, ...problemResponses(401, 403) } } },
      async (req) => {
        const { scope } = adminContext(req);
        const [counts, deletions] = await Promise.all([overviewCounts(database, scope, req.lang), deletionQuota(db, scope)]);
        return { ...counts, deletions };
      },
    );

    app.get(
      '/api/service-overview/export.csv',
      {
        schema: {
          tags,
          summary: 'The filtered, sorted overview as CSV (every matching row, not one page)',
          querystring: OverviewExportQuerySchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe('CSV, UTF-8 with BOM, header row in the caller\'s language'), ...problemResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        const { scope } = adminContext(req);
        const lang = req.lang;
        const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
        const row = (s: OverviewItem) => [
          s.userName,
          s.department ?? '',
          s.productType.name,
          s.serviceType.name,
          s.bundle.name,
          s.options.map((o) => o.name).join('; '),
          money.format(s.monthlyPriceCents / 100),
          s.msisdn ?? '',
          s.fixedNumber ?? '',
          s.sim ? t(lang, `overviewCsv.simKind.${s.sim.kind}`) : '',
          s.sim?.iccid ?? '',
          t(lang, `serviceStatus.${s.status}`),
          s.activatedAt ?? '',
        ];
        async function* rows() {
          for await (const s of allOverviewRows(database, scope, req.query, lang)) yield row(s);
        }
        const csv = Readable.from(rows()).pipe(csvWriter({ bom: true, header: true, columns: CSV_COLUMNS.map((c) => t(lang, `overviewCsv.columns.${c}`)) }));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="services-${brusselsDay(deps.clock.now())}.csv"`)
          // a stream is sent as it is produced, never through the response serializer
          .send(csv as unknown as string);
      },
    );
  };
