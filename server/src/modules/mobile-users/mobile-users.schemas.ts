import { z, text, EmailSchema, LanguageSchema, LocalizedNameSchema, PageQuerySchema, optionalText, pageOf, requiredText } from '../../platform/validation.js';

// The fields of a mobile user, as an administrator types them; create needs them all, edit any subset.
const userFields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: EmailSchema,
  language: LanguageSchema,
  department: optionalText(100),
  costCentre: optionalText(100),
  officeId: z.uuid().nullable(),
};

export const MobileUserInputSchema = z
  .object({ ...userFields, officeId: userFields.officeId.optional().transform((v) => v ?? null) })
  .strict();
export type MobileUserInput = z.infer<typeof MobileUserInputSchema>;

export const MobileUserPatchSchema = z.object(userFields).partial().strict();
export type MobileUserPatch = z.infer<typeof MobileUserPatchSchema>;

export const MobileUserListQuerySchema = PageQuerySchema.extend({
  q: text().max(200).optional(),
  sort: z.enum(['name', 'email', 'department', 'createdAt']).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type MobileUserListQuery = z.infer<typeof MobileUserListQuerySchema>;

export const MobileUserSummarySchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  email: z.string(),
  language: LanguageSchema,
  department: z.string().nullable(),
  costCentre: z.string().nullable(),
  officeId: z.uuid().nullable(),
  officeName: z.string().nullable(),
  numbers: z.array(z.string()),
  serviceCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const PricedNameSchema = LocalizedNameSchema.extend({ monthlyPriceCents: z.number().int() });

export const ServiceSummarySchema = z.object({
  id: z.uuid(),
  productType: LocalizedNameSchema,
  serviceType: LocalizedNameSchema,
  bundle: PricedNameSchema,
  options: z.array(PricedNameSchema),
  // bundle + options, at today's prices
  monthlyPriceCents: z.number().int(),
  msisdn: z.string().nullable(),
  fixedNumber: z.string().nullable(),
  sim: z.object({ kind: z.enum(['physical', 'esim']), iccid: z.string() }).nullable(),
  status: z.string(),
  activatedAt: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
});

export const MobileUserSchema = MobileUserSummarySchema.extend({ services: z.array(ServiceSummarySchema) });
export type MobileUser = z.infer<typeof MobileUserSchema>;
export const MobileUserPageSchema = pageOf(MobileUserSummarySchema);

/** Several users put in one cost centre at once (Manage users: select, then "Set cost centre"); null or "" takes them out of any. */
export const CostCentreBulkSchema = z
  .object({
    userIds: z.array(z.uuid()).min(1).max(200).refine((ids) => new Set(ids).size === ids.length, { message: 'repeated' }),
    costCentre: userFields.costCentre,
  })
  .strict();
export type CostCentreBulk = z.infer<typeof CostCentreBulkSchema>;
export const CostCentreBulkResultSchema = z.object({ updated: z.number().int().describe('users whose cost centre changed') });

/** The cost centres the company's users are in, with how many users each. */
export const CostCentreListSchema = z.object({ items: z.array(z.object({ costCentre: z.string(), users: z.number().int() })) });
