import { Readable } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../platform/app-error.js';
import { csvWriter } from '../../platform/csv.js';
import { t, type Lang } from '../../platform/i18n.js';
import { orderImport } from '../approvals/index.js';
import { IdParamSchema } from '../../platform/validation.js';
import { adminContext, operatorCompanyContext, requireSignedIn } from '../../http/context.js';
import { problemResponses } from '../../http/openapi.js';
import { errorHandler, toProblem } from '../../http/problem.js';
import type { AppDeps } from '../../deps.js';
import { IMPORT_COLUMNS, MAX_IMPORT_BYTES, type ImportIssue } from './domain/import-file.js';
import { templateRows } from './domain/import-template.js';
import { failedRows, findImport, importCounts, listImports } from './imports.repository.js';
import {
  CompanyImportIdParamsSchema,
  CompanyImportParamsSchema,
  DryRunSchema,
  ImportFileProblemSchema,
  ImportListSchema,
  ImportSchema,
  ImportStartedSchema,
  UploadBodySchema,
  UploadQuerySchema,
} from './imports.schemas.js';
import { checkImport } from './use-cases/check-import.js';
import { commitImport } from './use-cases/commit-import.js';
import type { UploadedFile } from './use-cases/read-import.js';
import { columnLabel, describeIssue } from './import-messages.js';
import type { CompanyScope } from '../../platform/tenant.js';
import type { AccountActor } from '../../platform/actor.js';

/** The file as a whole cannot be imported: its problems, each in the caller's language. */
class ImportFileError extends AppError {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.some((i) => i.rule === 'import_too_large') ? 'IMPORT.FILE_TOO_LARGE' : 'IMPORT.INVALID_FILE');
  }
}

const importErrorHandler = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  // a body over the limit never reaches the route: say so in the import's own words
  const error = err.statusCode === 413 ? new ImportFileError([{ line: 1, column: null, rule: 'import_too_large', params: { maximum: MAX_IMPORT_BYTES / 1024 / 1024 } }]) : err;
  if (!(error instanceof ImportFileError)) return errorHandler(err, req, reply);
  return reply
    .status(error.status)
    .type('application/problem+json')
    .send({ ...toProblem(error, req.lang, req.url), issues: error.issues.slice(0, 1000).map((i) => describeIssue(req.lang, i)) });
};

const FILE_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream', 'application/vnd.ms-excel'];
const uploadSchema = { querystring: UploadQuerySchema, body: UploadBodySchema, consumes: FILE_TYPES };

type Context = { scope: CompanyScope; actor: AccountActor };

export const importRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const { db } = deps;
    app.addHook('onRequest', requireSignedIn);
    // The file comes as the body itself (no multipart): one extra byte over the limit is enough to refuse it.
    app.addContentTypeParser(FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES + 1 }, (_req, body, done) => done(null, body));
    app.setErrorHandler(importErrorHandler);

    const bytesOf = (body: unknown) => (Buffer.isBuffer(body) ? new Uint8Array(body.buffer, body.byteOffset, body.byteLength) : new Uint8Array());

    const progress = async (scope: CompanyScope, id: string) => {
      const record = await findImport(db, scope, id);
      if (!record) throw new AppError('IMPORT.NOT_FOUND');
      const counts = await importCounts(db, scope, id);
      return {
        id: record.id,
        fileName: record.fileName,
        status: record.status,
        totalRows: record.totalRows,
        ...counts,
        startedBy: record.startedByName,
        createdAt: record.createdAt.toISOString(),
        finishedAt: record.finishedAt?.toISOString() ?? null,
      };
    };

    // The same routes for an administrator (their own company) and operator staff (any company, named in the path).
    type Commit = (scope: CompanyScope, actor: AccountActor, lang: Lang, file: UploadedFile) => ReturnType<typeof orderImport>;
    const routes = (
      prefix: string,
      tags: string[],
      who: string,
      params: z.ZodObject | null,
      idParams: z.ZodObject,
      contextOf: (req: FastifyRequest) => Promise<Context>,
      commit: Commit,
    ) => {
      const withParams = params ? { params } : {};
      app.get(
        `${prefix}/template.csv`,
        {
          schema: {
            tags,
            summary: `The import template in the caller's language, with an example row for each case (${who})`,
            ...withParams,
            produces: ['text/csv'],
            response: { 200: z.string(), ...problemResponses(401, 403, 404) },
          },
        },
        async (req, reply) => {
          await contextOf(req);
          const lang = req.lang;
          const csv = Readable.from(templateRows(lang).map((row) => IMPORT_COLUMNS.map((c) => row[c] ?? ''))).pipe(
            // Excel in Belgium reads semicolons in French and Dutch; the import reads either
            csvWriter({ bom: true, header: true, delimiter: lang === 'en' ? ',' : ';', columns: IMPORT_COLUMNS.map((c) => columnLabel(lang, c)) }),
          );
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${t(lang, 'importFile.templateName')}.csv"`)
            .send(csv as unknown as string);
        },
      );

      app.post(
        `${prefix}/check`,
        {
          schema: {
            tags,
            summary: `Dry run: what an import of this file would do, row by row; nothing is written (${who})`,
            ...withParams,
            ...uploadSchema,
            response: { 200: DryRunSchema, ...problemResponses(401, 403, 404, 415), 413: ImportFileProblemSchema, 422: ImportFileProblemSchema },
          },
        },
        async (req) => {
          const { scope } = await contextOf(req);
          const checked = await checkImport(deps, scope, req.lang, { name: req.query.fileName, bytes: bytesOf(req.body) });
          if (!checked.ok) throw new ImportFileError(checked.issues);
          const counts = { total: checked.rows.length, createUser: 0, existingUser: 0, alreadyImported: 0, refused: 0 };
          const key = { create_user: 'createUser', existing_user: 'existingUser', already_imported: 'alreadyImported', refused: 'refused' } as const;
          for (const r of checked.rows) counts[key[r.action]]++;
          return {
            counts,
            rows: checked.rows.map((r) => ({
              line: r.line,
              action: r.action,
              name: r.name,
              email: r.email,
              service: r.service,
              issues: r.issues.map((i) => describeIssue(req.lang, i)),
            })),
          };
        },
      );

      app.post(
        prefix,
        {
          schema: {
            tags,
            summary: `Import the file: a durable job adds every row; follow it with GET …/{id} (${who})`,
            ...withParams,
            ...uploadSchema,
            response: { 202: ImportStartedSchema, ...problemResponses(401, 403, 404, 415), 413: ImportFileProblemSchema, 422: ImportFileProblemSchema },
          },
        },
        async (req, reply) => {
          const { scope, actor } = await contextOf(req);
          const started = await commit(scope, actor, req.lang, { name: req.query.fileName, bytes: bytesOf(req.body) });
          if (!started.ok) throw new ImportFileError(started.issues);
          const approvalId = 'approvalId' in started ? (started.approvalId as string | null) : null;
          return reply.status(202).send({ id: started.id, awaitingApproval: approvalId !== null, approvalId });
        },
      );

      app.get(
        prefix,
        { schema: { tags, summary: `The latest imports (${who})`, ...withParams, response: { 200: ImportListSchema, ...problemResponses(401, 403, 404) } } },
        async (req) => {
          const { scope } = await contextOf(req);
          const records = await listImports(db, scope, 20);
          return { items: await Promise.all(records.map((r) => progress(scope, r.id))) };
        },
      );

      app.get(
        `${prefix}/:id`,
        { schema: { tags, summary: `An import's progress: rows done, failed, skipped, waiting (${who})`, params: idParams, response: { 200: ImportSchema, ...problemResponses(400, 401, 403, 404) } } },
        async (req) => progress((await contextOf(req)).scope, (req.params as { id: string }).id),
      );

      app.get(
        `${prefix}/:id/failed-rows.csv`,
        {
          schema: {
            tags,
            summary: `The rows that did not go in, as a file to fix and import again, with the reason in an extra column (${who})`,
            params: idParams,
            produces: ['text/csv'],
            response: { 200: z.string(), ...problemResponses(400, 401, 403, 404) },
          },
        },
        async (req, reply) => {
          const { scope } = await contextOf(req);
          const id = (req.params as { id: string }).id;
          if (!(await findImport(db, scope, id))) throw new AppError('IMPORT.NOT_FOUND');
          const lang = req.lang;
          const rows = await failedRows(db, scope, id);
          const lines = rows.map((r) => [
            ...IMPORT_COLUMNS.map((c) => r.data[c] ?? ''),
            (r.errors ?? []).map((e) => describeIssue(lang, { line: r.line, column: (e.field || null) as ImportIssue['column'], rule: e.rule, ...(e.params ? { params: e.params } : {}) }).message).join(' '),
          ]);
          const columns = [...IMPORT_COLUMNS.map((c) => columnLabel(lang, c)), t(lang, 'importFile.problemColumn')];
          const csv = Readable.from(lines).pipe(csvWriter({ bom: true, header: true, delimiter: lang === 'en' ? ',' : ';', columns }));
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', `attachment; filename="${t(lang, 'importFile.failedName')}.csv"`)
            .send(csv as unknown as string);
        },
      );
    };

    // a company's own import runs under its approval rule; operator staff importing for a company do not order for it
    routes('/api/imports', ['bulk import'], 'administrator', null, IdParamSchema, async (req) => adminContext(req), (scope, actor, lang, file) => orderImport(deps, scope, actor, lang, file));
    routes(
      '/api/companies/:companyId/imports',
      ['back office: bulk import'],
      'operator staff',
      CompanyImportParamsSchema,
      CompanyImportIdParamsSchema,
      async (req) => operatorCompanyContext(req, db, (req.params as { companyId: string }).companyId),
      (scope, actor, lang, file) => commitImport(deps, scope, actor, lang, file),
    );
  };
