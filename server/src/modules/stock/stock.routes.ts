import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamSchema } from '../../platform/validation.js';
import { operatorCompanyContext, operatorContext, requireOperator } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { errorHandler, toProblem, translateFieldError } from '../../http/problem.js';
import { MAX_IMPORT_ROWS } from './domain/stock-file.js';
import { listFixedNumbers, listPoolNumbers, listSimCards, toFixedNumber, toPoolNumber, toSimCard } from './stock.repository.js';
import {
  CsvBodySchema,
  FixedNumberInputSchema,
  FixedNumberListQuerySchema,
  FixedNumberPageSchema,
  FixedNumberSchema,
  ImportProblemSchema,
  ImportResultSchema,
  PoolNumberInputSchema,
  PoolNumberListQuerySchema,
  PoolNumberPageSchema,
  PoolNumberSchema,
  SimCardInputSchema,
  SimCardListQuerySchema,
  SimCardPageSchema,
  SimCardSchema,
} from './stock.schemas.js';
import { addStockItem } from './use-cases/add-stock-item.js';
import { StockImportError, importStock } from './use-cases/import-stock.js';
import { fixedNumberStock, poolNumberStock, simCardStock } from './use-cases/stock-targets.js';
import type { AppDeps } from '../../deps.js';

// 5,000 rows of SIM cards with eSIM columns stay well under this.
const CSV_BODY_LIMIT = 2 * 1024 * 1024;

/** A refused import: the usual problem, plus its lines, each message in the caller's language naming the field. */
const importErrorHandler = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  if (!(err instanceof StockImportError)) return errorHandler(err, req, reply);
  const rows = err.lines.map((issue) => ({
    line: issue.line,
    ...translateFieldError(req.lang, issue),
    // the column is what the person fixing the file looks for
    field: issue.column ?? '',
  }));
  return reply
    .status(err.status)
    .type('application/problem+json')
    .send({ ...toProblem(err, req.lang, req.url), rows });
};

export const stockRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    const tags = ['back office: stock'];
    // Stock is loaded by operator staff only; an administrator is refused before anything is read.
    app.addHook('onRequest', requireOperator);
    // Both apply inside this plugin only: elsewhere CSV stays a 415, and problems keep their usual shape.
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
    app.setErrorHandler(importErrorHandler);

    // Operator staff work across companies: the company named in the path, once it is known to exist.
    const companyOf = (req: FastifyRequest, id: string) => operatorCompanyContext(req, db, id);
    const importDoc = (what: string, header: string) => ({
      consumes: ['text/csv'],
      summary: `Import ${what} from a CSV file (operator staff)`,
      description: `Header row \`${header}\` (any order), then up to ${MAX_IMPORT_ROWS.toLocaleString('en')} rows. Either every row is valid and all are imported, or nothing is and the answer lists each problem with its line (header = line 1) and column.`,
      body: CsvBodySchema,
      response: { 200: ImportResultSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415), 422: ImportProblemSchema },
    });

    app.get(
      '/api/companies/:id/sim-cards',
      {
        schema: {
          tags,
          summary: "A company's SIM cards and eSIM profiles (operator staff)",
          description: '`q` matches the ICCID (3+ digits), the matching ID or the name of the user holding the card. Sorted by ICCID.',
          params: IdParamSchema,
          querystring: SimCardListQuerySchema,
          response: { 200: SimCardPageSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => listSimCards(db, (await companyOf(req, req.params.id)).scope, req.query),
    );

    app.post(
      '/api/companies/:id/sim-cards',
      {
        schema: {
          tags,
          summary: 'Add a SIM card or eSIM profile to a company (operator staff)',
          params: IdParamSchema,
          body: SimCardInputSchema,
          response: { 201: SimCardSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        const row = await addStockItem(db, simCardStock(scope), actor, req.body);
        return reply.status(201).send(toSimCard(row, null));
      },
    );

    app.post(
      '/api/companies/:id/sim-cards/import',
      { schema: { tags, params: IdParamSchema, ...importDoc('SIM cards and eSIM profiles', 'kind,iccid,pin,puk,smdp_address,matching_id') } },
      async (req) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        return importStock(db, simCardStock(scope), actor, req.body);
      },
    );

    app.get(
      '/api/companies/:id/fixed-numbers',
      {
        schema: {
          tags,
          summary: "A company's fixed numbers (operator staff)",
          description: '`q` matches the number (3+ digits, any format) or the name of the user holding it. Sorted by number.',
          params: IdParamSchema,
          querystring: FixedNumberListQuerySchema,
          response: { 200: FixedNumberPageSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (req) => listFixedNumbers(db, (await companyOf(req, req.params.id)).scope, req.query),
    );

    app.post(
      '/api/companies/:id/fixed-numbers',
      {
        schema: {
          tags,
          summary: 'Add a fixed number to a company (operator staff)',
          params: IdParamSchema,
          body: FixedNumberInputSchema,
          response: { 201: FixedNumberSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (req, reply) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        const row = await addStockItem(db, fixedNumberStock(scope), actor, req.body);
        return reply.status(201).send(toFixedNumber(row, null));
      },
    );

    app.post(
      '/api/companies/:id/fixed-numbers/import',
      { schema: { tags, params: IdParamSchema, ...importDoc('fixed numbers', 'number') } },
      async (req) => {
        const { scope, actor } = await companyOf(req, req.params.id);
        return importStock(db, fixedNumberStock(scope), actor, req.body);
      },
    );

    app.get(
      '/api/mobile-number-pool',
      {
        schema: {
          tags,
          summary: "The operator's pool of mobile numbers (operator staff)",
          description: '`q` matches the number (3+ digits, any format) or the name of the company holding it. Sorted by number.',
          querystring: PoolNumberListQuerySchema,
          response: { 200: PoolNumberPageSchema, ...problemResponses(400, 401, 403) },
        },
      },
      async (req) => listPoolNumbers(db, req.query),
    );

    app.post(
      '/api/mobile-number-pool',
      {
        schema: {
          tags,
          summary: 'Add a free mobile number to the pool (operator staff)',
          body: PoolNumberInputSchema,
          response: { 201: PoolNumberSchema, ...problemResponses(400, 401, 403, 409) },
        },
      },
      async (req, reply) => {
        const row = await addStockItem(db, poolNumberStock, operatorContext(req).actor, req.body);
        return reply.status(201).send(toPoolNumber(row, null));
      },
    );

    app.post(
      '/api/mobile-number-pool/import',
      { schema: { tags, ...importDoc('free mobile numbers into the pool', 'msisdn') } },
      async (req) => importStock(db, poolNumberStock, operatorContext(req).actor, req.body),
    );
  };
