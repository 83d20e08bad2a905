import { z, text, LocalizedNameSchema, PageQuerySchema, pageOf } from '../../platform/validation.js';

export const OfficeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
});

export const ContractSchema = z.object({
  reference: z.string(),
  productTypes: z.array(LocalizedNameSchema),
  contractedServices: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  activeServices: z.number().int(),
});

export const CompanyDetailSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  vatNumber: z.string().nullable(),
  contract: ContractSchema.nullable(),
  offices: z.array(OfficeSchema),
  administrators: z.array(z.object({ id: z.uuid(), fullName: z.string(), email: z.string() })),
  mobileUserCount: z.number().int(),
});

export const CompanyListQuerySchema = PageQuerySchema.extend({ q: text().max(200).optional() });

export const CompanyPageSchema = pageOf(
  z.object({
    id: z.uuid(),
    name: z.string(),
    vatNumber: z.string().nullable(),
    contractReference: z.string().nullable(),
    productTypes: z.array(LocalizedNameSchema),
    contractedServices: z.number().int(),
    activeServices: z.number().int(),
    mobileUserCount: z.number().int(),
    administrators: z.number().int(),
  }),
);
