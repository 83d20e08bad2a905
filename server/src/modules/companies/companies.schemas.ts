import { COMPANY_ROLES } from '../auth/domain/roles.js';
import { z, text, requiredText, optionalText, EmailSchema, LanguageSchema, LocalizedNameSchema, PageQuerySchema, pageOf } from '../../platform/validation.js';

export const OfficeSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  street: z.string(),
  postalCode: z.string(),
  city: z.string(),
  country: z.string(),
  /** Mobile users attached to the office: while there are any, it cannot be removed. */
  mobileUserCount: z.number().int(),
});

export const ContractSchema = z.object({
  reference: z.string(),
  productTypes: z.array(LocalizedNameSchema),
  contractedServices: z.number().int(),
  startsOn: z.string(),
  endsOn: z.string(),
  activeServices: z.number().int(),
});

export const AccountStatusSchema = z.enum(['invited', 'active', 'deactivated']);

export const AdministratorSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  language: LanguageSchema,
  status: AccountStatusSchema,
  role: z.enum(COMPANY_ROLES),
  lastLoginAt: z.string().nullable(),
  /** When the latest invitation link stops working (invited accounts only). */
  invitationExpiresAt: z.string().nullable(),
});

export const StaffMemberSchema = z.object({ id: z.uuid(), fullName: z.string(), email: z.string() });

export const CompanyDetailSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  vatNumber: z.string().nullable(),
  contract: ContractSchema.nullable(),
  offices: z.array(OfficeSchema),
  administrators: z.array(AdministratorSchema),
  accountManager: StaffMemberSchema.nullable(),
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

// ---------------------------------------------------------------- changes (operator staff)

const isoDate = () => z.iso.date();

export const ContractInputSchema = z
  .object({
    reference: requiredText(60),
    productTypes: z.array(text().trim().min(1).max(40)).min(1).max(20),
    contractedServices: z.number().int().min(1).max(1_000_000),
    startsOn: isoDate(),
    endsOn: isoDate(),
  })
  .strict();
export type ContractInput = z.infer<typeof ContractInputSchema>;

export const CompanyInputSchema = z
  .object({
    name: requiredText(200),
    vatNumber: optionalText(40),
    accountManagerId: z.uuid().nullish().transform((v) => v ?? null),
  })
  .strict();
export type CompanyInput = z.infer<typeof CompanyInputSchema>;

/** A new company, optionally with its contract: both are saved, or neither. */
export const CreateCompanySchema = CompanyInputSchema.extend({ contract: ContractInputSchema.optional() }).strict();
export type CreateCompanyInput = z.infer<typeof CreateCompanySchema>;

export const CreatedSchema = z.object({ id: z.uuid() });

export const OfficeInputSchema = z
  .object({
    name: requiredText(120),
    street: requiredText(200),
    postalCode: requiredText(12),
    city: requiredText(120),
    country: text()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .default('BE'),
  })
  .strict();
export type OfficeInput = z.infer<typeof OfficeInputSchema>;

export const OfficeParamsSchema = z.object({ id: z.uuid(), officeId: z.uuid() });
export const OfficeIdParamSchema = z.object({ officeId: z.uuid() });
export const AdministratorParamsSchema = z.object({ id: z.uuid(), accountId: z.uuid() });

export const InviteAdministratorSchema = z
  .object({
    email: EmailSchema,
    fullName: requiredText(120),
    language: LanguageSchema,
    /** Operator staff make a company's first owner this way; today's invitations make administrators. */
    role: z.enum(COMPANY_ROLES).default('administrator'),
  })
  .strict();
export type InviteAdministratorInput = z.infer<typeof InviteAdministratorSchema>;

export const StaffListSchema = z.object({ items: z.array(StaffMemberSchema) });

// ---------------------------------------------------------------- invitation links (public)

export const InvitationTokenParamSchema = z.object({ token: text().min(20).max(200) });

export const InvitationViewSchema = z.object({
  email: z.string(),
  fullName: z.string(),
  companyName: z.string(),
  language: LanguageSchema,
  expiresAt: z.string(),
});

export const SetPasswordSchema = z.object({ password: text().max(1000) }).strict();
export const PasswordSetSchema = z.object({ email: z.string() });
