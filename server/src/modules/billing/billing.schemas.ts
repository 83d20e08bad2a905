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
      totalCents: z.number().int(),
    }),
  ),
  recurringTotalCents: z.number().int(),
  changesTotalCents: z.number().int(),
  totalCents: z.number().int(),
});
export type NextBill = z.infer<typeof NextBillSchema>;

/** One line of a billing impact shown before a change or delete is confirmed. */
export const ImpactLineSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: LineKindSchema,
  days: z.number().int(),
  daysInMonth: z.number().int(),
  amountCents: z.number().int(),
});
