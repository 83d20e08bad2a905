import { z, LanguageSchema, text } from '../../platform/validation.js';
import { COMPANY_ROLES, PERMISSION_NAMES, type Permission } from './domain/roles.js';

export const LoginSchema = z.object({
  email: text().trim().toLowerCase().min(1).max(254),
  password: text().min(1).max(200),
});

export const MeSchema = z.object({
  account: z.object({
    id: z.uuid(),
    email: z.string(),
    fullName: z.string(),
    role: z.enum(['admin', 'operator']),
    /** A company account's role; null for operator staff. */
    companyRole: z.enum(COMPANY_ROLES).nullable(),
    language: LanguageSchema,
    company: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    /** What this account may do (its role's permissions): the browser shows only these actions. */
    permissions: z.array(z.enum(PERMISSION_NAMES as [Permission, ...Permission[]])),
  }),
  csrfToken: z.string(),
});

export const LanguageBodySchema = z.object({ language: LanguageSchema }).strict();
