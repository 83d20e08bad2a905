import { z, requiredText } from '../../platform/validation.js';

export const LocalizedTextSchema = z.object({ en: z.string(), fr: z.string(), nl: z.string() });
export const LocalizedTextInputSchema = z.object({ en: requiredText(120), fr: requiredText(120), nl: requiredText(120) }).strict();

export const ItemKindSchema = z.enum(['bundle', 'option']);
export const CatalogEntryKindSchema = z.enum(['product-types', 'service-types', 'bundles', 'options']);

const PlannedPriceSchema = z.object({ monthlyPriceCents: z.number().int(), effectiveFrom: z.string() }).nullable();

export const BackOfficeCatalogSchema = z.object({
  today: z.string().describe('Today in Brussels (YYYY-MM-DD): prices may start from this day on'),
  productTypes: z.array(z.object({ code: z.string(), name: LocalizedTextSchema, sortOrder: z.number().int() })),
  serviceTypes: z.array(
    z.object({
      code: z.string(),
      productTypeCode: z.string(),
      name: LocalizedTextSchema,
      needsSim: z.boolean(),
      needsMobileNumber: z.boolean(),
      needsFixedNumber: z.boolean(),
    }),
  ),
  bundles: z.array(
    z.object({
      code: z.string(),
      serviceTypeCode: z.string(),
      name: LocalizedTextSchema,
      dataGb: z.number().nullable(),
      callMinutes: z.number().int().nullable(),
      monthlyPriceCents: z.number().int().describe('the price in effect today'),
      nextPrice: PlannedPriceSchema,
      suspendedMonthlyPriceCents: z.number().int().nullable().describe('a suspended line of this bundle a month; null: the full price'),
      active: z.boolean(),
      optionCodes: z.array(z.string()),
    }),
  ),
  options: z.array(
    z.object({
      code: z.string(),
      name: LocalizedTextSchema,
      monthlyPriceCents: z.number().int(),
      nextPrice: PlannedPriceSchema,
      active: z.boolean(),
      bundleCodes: z.array(z.string()),
    }),
  ),
});

export const CatalogEntryParamsSchema = z.object({ kind: CatalogEntryKindSchema, code: z.string().min(1).max(64) });
export const CatalogEntryPatchSchema = z
  .object({
    name: LocalizedTextInputSchema.optional(),
    active: z.boolean().optional(),
    // bundles only: what a suspended line costs a month, options included; null = the full price
    suspendedMonthlyPriceCents: z.number().int().min(0).max(10_000_000).nullable().optional(),
  })
  .strict();

export const PriceItemParamsSchema = z.object({ itemKind: ItemKindSchema, itemCode: z.string().min(1).max(64) });

export const PriceInputSchema = z
  .object({
    itemKind: ItemKindSchema,
    itemCode: requiredText(64),
    monthlyPriceCents: z.number().int().min(0).max(10_000_000),
    effectiveFrom: z.iso.date(),
  })
  .strict();
export type PriceInput = z.infer<typeof PriceInputSchema>;
export const PriceAddedSchema = z.object({ id: z.uuid(), appliedNow: z.boolean() });

export const PriceHistorySchema = z.object({
  today: z.string(),
  items: z.array(
    z.object({
      id: z.uuid(),
      monthlyPriceCents: z.number().int(),
      effectiveFrom: z.string(),
      status: z.enum(['past', 'current', 'planned']),
      createdAt: z.string(),
      createdByName: z.string().nullable(),
    }),
  ),
});

export const PriceIdParamSchema = z.object({ id: z.uuid() });
