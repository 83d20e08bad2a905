import { z, text, requiredText, EmailSchema, LanguageSchema, PageQuerySchema, pageOf } from '../../platform/validation.js';
import { COMPANY_ROLES } from '../auth/domain/roles.js';
import { AccountStatusSchema } from './companies.schemas.js';

// The company's own accounts, as its owner manages them (Company & contract › Team).

export const CompanyRoleSchema = z.enum(COMPANY_ROLES);

export const CompanyAccountSchema = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string(),
  language: LanguageSchema,
  role: CompanyRoleSchema,
  status: AccountStatusSchema,
  lastLoginAt: z.string().nullable(),
  /** When the latest invitation link stops working (invited accounts only). */
  invitationExpiresAt: z.string().nullable(),
});

export const CompanyAccountPageSchema = pageOf(CompanyAccountSchema);

export const CompanyAccountListQuerySchema = PageQuerySchema.extend({
  /** Part of the name or e-mail address. */
  q: text().trim().max(200).optional(),
  role: CompanyRoleSchema.optional(),
  status: AccountStatusSchema.optional(),
});
export type CompanyAccountListQuery = z.infer<typeof CompanyAccountListQuerySchema>;

export const InviteCompanyAccountSchema = z
  .object({
    email: EmailSchema,
    fullName: requiredText(120),
    /** The invitation e-mail is written in this language, and the portal opens in it. */
    language: LanguageSchema,
    role: CompanyRoleSchema,
  })
  .strict();
export type InviteCompanyAccountInput = z.infer<typeof InviteCompanyAccountSchema>;

export const ChangeRoleSchema = z.object({ role: CompanyRoleSchema }).strict();

export const CompanyAccountParamsSchema = z.object({ accountId: z.uuid() });
