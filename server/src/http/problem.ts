import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../platform/app-error.js';
import { hasKey, t, type Lang } from '../platform/i18n.js';

/** RFC 9457 problem details, the body of every error response. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { field: string; rule: string; message: string }[];
};

const fieldLabel = (lang: Lang, field: string) => {
  const leaf = field.split('.').filter((p) => !/^\d+$/.test(p)).pop() ?? field;
  return hasKey(lang, `fields.${leaf}`) ? t(lang, `fields.${leaf}`) : leaf;
};

export const translateFieldError = (lang: Lang, e: FieldError) => ({
  field: e.field,
  rule: e.rule,
  message: t(lang, [`rules.${e.rule}`, 'rules.invalid'], { ...e.params, field: fieldLabel(lang, e.field) }),
});

export const toProblem = (err: AppError, lang: Lang, instance?: string): Problem => ({
  type: `https://fleetdesk.dev/problems/${err.code.toLowerCase().replace(/[._]/g, '-')}`,
  title: t(lang, `errors.${err.code}.title`),
  status: err.status,
  code: err.code,
  detail: t(lang, `errors.${err.code}.detail`, err.params),
  ...(instance ? { instance } : {}),
  ...(err.fieldErrors.length ? { errors: err.fieldErrors.map((e) => translateFieldError(lang, e)) } : {}),
});

/** Request validation failures from the zod schemas become VALIDATION.FAILED with one entry per field. */
const fromValidation = (err: FastifyError): AppError | null => {
  if (!hasZodFastifySchemaValidationErrors(err)) return null;
  const fieldErrors = err.validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(err.validationContext ?? 'body');
    const params: Record<string, string | number> = {};
    for (const k of ['minimum', 'maximum'] as const) {
      const value = (v.params as Record<string, unknown>)[k];
      if (typeof value === 'number' || typeof value === 'bigint') params[k] = Number(value);
    }
    // unrecognized_keys reports the unknown names in `keys`; name them rather than the parent object
    const keys = (v.params as { keys?: string[] }).keys;
    return { field: keys?.length ? keys.join(', ') : field, rule: v.message ?? 'invalid', params };
  });
  return new AppError('VALIDATION.FAILED', { fieldErrors });
};

export const errorHandler = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else {
    const validation = fromValidation(err);
    if (validation) appError = validation;
    else if (err.statusCode === 429) appError = new AppError('AUTH.RATE_LIMITED');
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      // Fastify's own client errors (malformed JSON, wrong content type, body too large) name the body.
      appError = err.statusCode === 404
        ? new AppError('NOT_FOUND')
        : new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'body', rule: 'invalid' }] });
    } else appError = new AppError('INTERNAL', { cause: err });
  }
  if (appError.status >= 500) req.log.error({ err }, 'request failed');
  const problem = toProblem(appError, req.lang, req.url);
  if (appError.status >= 400 && appError.status < 500 && appError.code === 'VALIDATION.FAILED' && !(err instanceof AppError) && !hasZodFastifySchemaValidationErrors(err)) {
    req.log.info({ err: err.message }, 'client error');
  }
  return reply.status(appError.status).type('application/problem+json').send(problem);
};
