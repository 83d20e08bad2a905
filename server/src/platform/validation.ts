import { z } from 'zod';

/**
 * Turns every zod issue into a stable rule code ("required", "too_long", …) instead of an English
 * sentence. The HTTP layer translates rule codes into the caller's language, naming the field.
 * Imported for its side effect by every schema module (through `z` re-exported below).
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null ? 'required' : 'invalid_type';
      case 'too_small':
        if (issue.origin === 'string' && issue.minimum === 1) return 'required';
        return issue.origin === 'string' ? 'too_short' : 'too_small';
      case 'too_big':
        return issue.origin === 'string' ? 'too_long' : 'too_big';
      case 'invalid_format':
        return issue.format === 'email' ? 'invalid_email' : issue.format === 'uuid' ? 'invalid_id' : 'invalid_format';
      case 'invalid_value':
        return 'invalid_choice';
      case 'unrecognized_keys':
        return 'unknown_field';
      default:
        return 'invalid';
    }
  },
});

export { z };

/**
 * Text as PostgreSQL can store it: no NUL character and no half of a UTF-16 surrogate pair.
 * Every string a client sends goes through this, so odd bytes are a 400 naming the field, not a 500.
 */
export const text = () => z.string().refine((s) => !s.includes('\0') && s.isWellFormed(), { message: 'invalid_character' });

/** Trimmed text; an empty string counts as missing. */
export const requiredText = (max: number) => text().trim().min(1).max(max);
/** Optional text where "" and null both mean "none". */
export const optionalText = (max: number) =>
  text()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const EmailSchema = text().trim().toLowerCase().max(254).pipe(z.email());
export const LanguageSchema = z.enum(['en', 'fr', 'nl']);
export type Language = z.infer<typeof LanguageSchema>;
export const IdParamSchema = z.object({ id: z.uuid() });

export const PageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const LocalizedNameSchema = z.object({ code: z.string(), name: z.string() });
