import { ProblemSchema } from '../../http/openapi.js';
import { z, text, PageQuerySchema, optionalText, pageOf, requiredText } from '../../platform/validation.js';
import { SIM_KINDS } from './domain/stock-items.js';

// Shapes only: the rules of an ICCID, a PIN or a Belgian number live in domain/stock-items.ts and
// judge form and CSV rows alike. Lengths here just keep absurd input out.

const SearchSchema = text().max(200).optional();
export const SIM_STATUSES = ['in_stock', 'reserved', 'assigned', 'retired'] as const;
export const FIXED_NUMBER_STATUSES = ['available', 'assigned'] as const;
export const POOL_NUMBER_STATUSES = ['free', 'reserved', 'assigned', 'quarantined'] as const;

export const SimCardListQuerySchema = PageQuerySchema.extend({ q: SearchSchema, kind: z.enum(SIM_KINDS).optional(), status: z.enum(SIM_STATUSES).optional() });
export type SimCardListQuery = z.infer<typeof SimCardListQuerySchema>;
export const FixedNumberListQuerySchema = PageQuerySchema.extend({ q: SearchSchema, status: z.enum(FIXED_NUMBER_STATUSES).optional() });
export type FixedNumberListQuery = z.infer<typeof FixedNumberListQuerySchema>;
export const PoolNumberListQuerySchema = PageQuerySchema.extend({ q: SearchSchema, status: z.enum(POOL_NUMBER_STATUSES).optional() });
export type PoolNumberListQuery = z.infer<typeof PoolNumberListQuerySchema>;

export const SimCardInputSchema = z
  .object({
    kind: z.enum(SIM_KINDS),
    iccid: requiredText(60),
    pin: optionalText(20),
    puk: optionalText(20),
    smdpAddress: optionalText(255),
    matchingId: optionalText(255),
  })
  .strict();
export const FixedNumberInputSchema = z.object({ number: requiredText(40) }).strict();
export const PoolNumberInputSchema = z.object({ msisdn: requiredText(40) }).strict();

export const SimCardSchema = z.object({
  id: z.uuid(),
  kind: z.enum(SIM_KINDS),
  iccid: z.string(),
  status: z.enum(SIM_STATUSES),
  /** Whether the card's PIN or PUK is on record: the codes themselves are never in a list (the service page looks them up). */
  pinPukRecorded: z.boolean(),
  smdpAddress: z.string().nullable(),
  matchingId: z.string().nullable(),
  activationCode: z.string().nullable().describe('LPA:1$<SM-DP+ address>$<matching ID>, eSIM profiles only'),
  serviceId: z.uuid().nullable(),
  holderName: z.string().nullable(),
  createdAt: z.string(),
});
export const FixedNumberSchema = z.object({
  id: z.uuid(),
  number: z.string().describe('E.164'),
  status: z.enum(FIXED_NUMBER_STATUSES),
  serviceId: z.uuid().nullable(),
  holderName: z.string().nullable(),
  createdAt: z.string(),
});
export const PoolNumberSchema = z.object({
  msisdn: z.string().describe('E.164'),
  status: z.enum(POOL_NUMBER_STATUSES),
  companyName: z.string().nullable(),
  createdAt: z.string(),
});
export const SimCardPageSchema = pageOf(SimCardSchema);
export const FixedNumberPageSchema = pageOf(FixedNumberSchema);
export const PoolNumberPageSchema = pageOf(PoolNumberSchema);

export const CsvBodySchema = text().describe('CSV text with a header row (Content-Type: text/csv), at most 5,000 rows');
export const ImportResultSchema = z.object({ imported: z.number().int() });

/** A refused import: nothing was written; each problem names its line (header = 1) and column. */
export const ImportProblemSchema = ProblemSchema.extend({
  rows: z
    .array(z.object({ line: z.number().int(), field: z.string().describe('the CSV column, "" for the line as a whole'), rule: z.string(), message: z.string() }))
    .optional(),
}).meta({ id: 'StockImportProblem', description: 'STOCK.IMPORT_INVALID: the problems of the file, line by line (at most 1,000 listed).' });
