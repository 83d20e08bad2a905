import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { adminContext, requireAdmin } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { brusselsDay, monthOfDay } from '../../platform/calendar.js';
import { csvWriter } from '../../platform/csv.js';
import { t } from '../../platform/i18n.js';
import { z } from '../../platform/validation.js';
import type { AppDeps } from '../../deps.js';
import { ChargebackQuerySchema, ChargebackSchema, NextBillQuerySchema, NextBillSchema } from './billing.schemas.js';
import { chargeback } from './use-cases/chargeback.js';
import { nextBill } from './use-cases/next-bill.js';

const CHARGEBACK_COLUMNS = ['costCentre', 'users', 'lines', 'recurring', 'changes', 'outOfBundle', 'total'] as const;

export const billingRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.addHook('onRequest', requireAdmin);
    const thisMonth = () => monthOfDay(brusselsDay(deps.clock.now()));
    app.get(
      '/api/billing/next-bill',
      {
        schema: {
          tags: ['billing'],
          summary: "A month's bill as it stands: recurring charges, the changed-service lines and the out-of-bundle charges, per user",
          querystring: NextBillQuerySchema,
          response: { 200: NextBillSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => nextBill(deps.db, adminContext(req).scope, req.query.month ?? thisMonth(), req.lang),
    );
    app.get(
      '/api/billing/chargeback',
      {
        schema: {
          tags: ['billing'],
          summary: "A month's bill by cost centre: recurring charges, pro-rata lines and out-of-bundle charges of each centre's users",
          querystring: ChargebackQuerySchema,
          response: { 200: ChargebackSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => chargeback(deps.db, adminContext(req).scope, req.query.month ?? thisMonth(), req.lang),
    );
    app.get(
      '/api/billing/chargeback.csv',
      {
        schema: {
          tags: ['billing'],
          summary: "A month's chargeback per cost centre, as CSV",
          querystring: ChargebackQuerySchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe("CSV, UTF-8 with BOM, header row in the caller's language; amounts in euro"), ...problemResponses(400, 401, 403) },
        },
      },
      async (req, reply) => {
        const lang = req.lang;
        const month = req.query.month ?? thisMonth();
        const report = await chargeback(deps.db, adminContext(req).scope, month, lang);
        const money = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
        const euro = (cents: number) => money.format(cents / 100);
        const rows = report.centres.map((c) => [
          c.costCentre ?? t(lang, 'chargebackCsv.none'),
          c.users,
          c.lines,
          euro(c.recurringCents),
          euro(c.changesCents),
          euro(c.outOfBundleCents),
          euro(c.totalCents),
        ]);
        const csv = Readable.from(rows).pipe(csvWriter({ bom: true, header: true, columns: CHARGEBACK_COLUMNS.map((c) => t(lang, `chargebackCsv.columns.${c}`)) }));
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="chargeback-${month}.csv"`)
          .send(csv as unknown as string);
      },
    );
  };
