import { z, LanguageSchema, text } from '../../platform/validation.js';

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
    language: LanguageSchema,
    company: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  }),
  csrfToken: z.string(),
});

export const LanguageBodySchema = z.object({ language: LanguageSchema }).strict();
