import { z, text } from '../../platform/validation.js';
import { ProblemSchema } from '../../http/openapi.js';
import { IMPORT_COLUMNS } from './domain/import-file.js';

const ColumnSchema = z.enum(IMPORT_COLUMNS);

/** A problem of the file or of a row: the line a person sees in an editor (header = 1), the column, the reason. */
export const ImportIssueSchema = z.object({
  line: z.number().int(),
  column: ColumnSchema.nullable(),
  /** The column's header in the reader's language. */
  columnLabel: z.string().nullable(),
  rule: z.string(),
  message: z.string(),
});

export const UploadQuerySchema = z.object({ fileName: text().trim().min(1).max(200).default('import.csv') });
export const UploadBodySchema = z.any().meta({ description: 'The file: CSV (UTF-8, comma or semicolon) or XLSX, at most 10 MB and 20,000 rows.' });

export const DryRunRowSchema = z.object({
  line: z.number().int(),
  action: z.enum(['create_user', 'existing_user', 'already_imported', 'refused']),
  name: z.string(),
  email: z.string(),
  service: z
    .object({
      productTypeCode: z.string().nullable(),
      serviceTypeCode: z.string().nullable(),
      bundleCode: z.string().nullable(),
      numberChoice: z.string().nullable(),
      number: z.string().nullable(),
      sim: z.string().nullable(),
      start: z.string().nullable(),
    })
    .nullable(),
  issues: z.array(ImportIssueSchema),
});
export const DryRunSchema = z.object({
  rows: z.array(DryRunRowSchema),
  counts: z.object({ total: z.number().int(), createUser: z.number().int(), existingUser: z.number().int(), alreadyImported: z.number().int(), refused: z.number().int() }),
});

export const ImportFileProblemSchema = ProblemSchema.extend({ issues: z.array(ImportIssueSchema) }).meta({
  id: 'ImportFileProblem',
  description: 'IMPORT.INVALID_FILE: what is wrong with the file as a whole (encoding, header, size), line by line.',
});

export const ImportSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  /** awaiting_approval: held until another owner or administrator approves it (Approvals); cancelled: rejected or withdrawn, nothing imported. */
  status: z.enum(['running', 'finished', 'awaiting_approval', 'cancelled']),
  totalRows: z.number().int(),
  pending: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  skipped: z.number().int(),
  startedBy: z.string(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export const ImportListSchema = z.object({ items: z.array(ImportSchema) });
/** `awaitingApproval`: the import's monthly amount is above the company's threshold, so it waits for approval (`approvalId`). */
export const ImportStartedSchema = z.object({ id: z.uuid(), awaitingApproval: z.boolean().default(false), approvalId: z.uuid().nullable().default(null) });
export const CompanyImportParamsSchema = z.object({ companyId: z.uuid() });
export const CompanyImportIdParamsSchema = z.object({ companyId: z.uuid(), id: z.uuid() });
