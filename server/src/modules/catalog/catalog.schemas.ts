import { z } from '../../platform/validation.js';

/** GET /api/catalog: what a company may order (the wizard's steps 1–3), names in the caller's language. */
const named = { code: z.string(), name: z.string() };
export const CatalogSchema = z.object({
  productTypes: z.array(
    z.object({
      ...named,
      description: z.string(),
      serviceTypes: z.array(
        z.object({
          ...named,
          description: z.string(),
          needsSim: z.boolean(),
          needsMobileNumber: z.boolean(),
          needsFixedNumber: z.boolean(),
          bundles: z.array(
            z.object({
              ...named,
              dataGb: z.number().nullable(),
              callMinutes: z.number().int().nullable().describe('null means unlimited'),
              monthlyPriceCents: z.number().int(),
              options: z.array(z.object({ ...named, monthlyPriceCents: z.number().int() })),
            }),
          ),
        }),
      ),
    }),
  ),
});
