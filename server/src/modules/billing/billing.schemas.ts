import { z } from '../../platform/validation.js';
import { isMonth, isMonthInRange, MONTH_RANGE } from '../../platform/calendar.js';

export const NextBillQuerySchema = z.object({
  month: z
    .string()
    .refine(isMonth, { message: 'invalid_format', abort: true })
    .refine(isMonthInRange, { message: 'month_range', params: { minimum: MONTH_RANGE.first, maximum: MONTH_RANGE.last } })
    .optional(),
});

const LineKindSchema = z.enum(['charge', 'credit']);

export const NextBillSchema = z.object({
  month: z.string(),
  periodStartsOn: z.string(),
  periodEndsOn: z.string(),
  users: z.array(
    z.object({
      mobileUserId: z.uuid(),
      userName: z.string(),
      recurring: z.array(z.object({ serviceId: z.uuid(), msisdn: z.string().nullable(), description: z.string(), amountCents: z.number().int() })),
      changes: z.array(
        z.object({
          serviceId: z.uuid(),
          msisdn: z.string().nullable(),
          occurredOn: z.string(),
          reason: z.enum(['new_service', 'change', 'deletion', 'suspension', 'resumption']),
          code: z.string(),
          name: z.string(),
          kind: LineKindSchema,
          days: z.number().int(),
          daysInMonth: z.number().int(),
          amountCents: z.number().int(),
        }),
      ),
      outOfBundle: z
        .array(z.object({ serviceId: z.uuid(), msisdn: z.string().nullable(), amountCents: z.number().int() }))
        .describe("each line's out-of-bundle charges of the month as the network rated them (so far, in the current month)"),
      totalCents: z.number().int(),
    }),
  ),
  recurringTotalCents: z.number().int(),
  changesTotalCents: z.number().int(),
  outOfBundleTotalCents: z.number().int(),
  totalCents: z.number().int(),
});
export type NextBill = z.infer<typeof NextBillSchema>;

export const ChargebackQuerySchema = NextBillQuerySchema;

/** What one cost centre's users cost in a month: the next bill's lines, summed by the cost centre of each line's user. */
const ChargebackCentreSchema = z.object({
  costCentre: z.string().nullable().describe('null: users without a cost centre'),
  users: z.number().int(),
  lines: z.number().int().describe('services with a charge in the month'),
  recurringCents: z.number().int(),
  changesCents: z.number().int(),
  outOfBundleCents: z.number().int(),
  totalCents: z.number().int(),
});
export const ChargebackSchema = z.object({
  month: z.string(),
  centres: z.array(ChargebackCentreSchema).describe('by cost centre name; users without one last'),
  recurringTotalCents: z.number().int(),
  changesTotalCents: z.number().int(),
  outOfBundleTotalCents: z.number().int(),
  totalCents: z.number().int(),
});
export type Chargeback = z.infer<typeof ChargebackSchema>;

/** One line of a billing impact shown before a change or delete is confirmed. */
export const ImpactLineSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: LineKindSchema,
  days: z.number().int(),
  daysInMonth: z.number().int(),
  amountCents: z.number().int(),
});
