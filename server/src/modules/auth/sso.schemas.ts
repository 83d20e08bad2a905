import { EmailSchema, LanguageSchema, text, z } from '../../platform/validation.js';
import { COMPANY_ROLES } from './domain/roles.js';
import { isDomain, normalizeDomain, SSO_MAX_DOMAINS } from './domain/sso.js';

// ---------------------------------------------------------------- the company's configuration (owner)

const DomainSchema = text()
  .transform(normalizeDomain)
  .refine(isDomain, { message: 'invalid_domain' });

export const SsoSettingsInputSchema = z
  .object({
    /** checked (https, or http on loopback / outside production) and discovered when saved */
    issuer: text().trim().min(1).max(500),
    clientId: text().trim().min(1).max(300),
    /** omitted or empty: keep the stored one (required the first time) */
    clientSecret: text().max(1000).optional(),
    domains: z.array(DomainSchema).min(1).max(SSO_MAX_DOMAINS),
    /** the role of people created on their first sign-in; null: unknown people are refused */
    newAccountRole: z.enum(COMPANY_ROLES).nullable(),
    enabled: z.boolean(),
  })
  .strict();
export type SsoSettingsInput = z.infer<typeof SsoSettingsInputSchema>;

export const SsoSettingsSchema = z.object({
  configured: z.boolean(),
  enabled: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  /** the secret itself is never sent back */
  hasClientSecret: z.boolean(),
  domains: z.array(z.string()),
  newAccountRole: z.enum(COMPANY_ROLES).nullable(),
  /** the address to register at the provider as the client's redirect URI */
  redirectUri: z.string(),
  updatedAt: z.string().nullable(),
});

// ---------------------------------------------------------------- signing in

export const SsoCheckInputSchema = z.object({ email: EmailSchema }).strict();
export const SsoCheckSchema = z.object({ sso: z.boolean(), companyName: z.string().nullable() });

export const SsoStartInputSchema = z
  .object({ email: EmailSchema, next: text().max(500).optional(), language: LanguageSchema.optional() })
  .strict();
export const SsoStartSchema = z.object({ redirectUrl: z.string() });

export const SsoCallbackQuerySchema = z.object({
  code: z.string().max(4000).optional(),
  state: z.string().max(1000).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
}).passthrough();
