import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../platform/app-error.js';
import { hasKey, t, type Lang } from '../platform/i18n.js';
import { isTmfPath, pathOf } from './api-paths.js';

/** RFC 9457 problem details, the body of every error response. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: { field: string; rule: string; message: string }[];
  /** Values behind the message (limits, contacts), for clients that offer a way out. */
  params?: Record<string, string | number>;
};

const fieldLabel = (lang: Lang, field: string, label?: string) => {
  if (label && hasKey(lang, `fields.${label}`)) return t(lang, `fields.${label}`);
  const parts = field.split('.').filter((p) => !/^\d+$/.test(p));
  // "number.kind" and "sim.kind" need their own labels; most fields are named well by their last part.
  const path = parts.join('_');
  if (hasKey(lang, `fields.${path}`)) return t(lang, `fields.${path}`);
  const leaf = parts.pop() ?? field;
  return hasKey(lang, `fields.${leaf}`) ? t(lang, `fields.${leaf}`) : leaf;
};

export const translateFieldError = (lang: Lang, e: FieldError) => ({
  field: e.field,
  rule: e.rule,
  message: t(lang, [`rules.${e.rule}`, 'rules.invalid'], { ...e.params, field: fieldLabel(lang, e.field, e.label) }),
});

export const toProblem = (err: AppError, lang: Lang, instance?: string): Problem => ({
  type: `https://fleetdesk.dev/problems/${err.code.toLowerCase().replace(/[._]/g, '-')}`,
  title: t(lang, `errors.${err.code}.title`),
  status: err.status,
  code: err.code,
  detail: t(lang, `errors.${err.code}.detail`, err.params),
  ...(instance ? { instance } : {}),
  ...(err.fieldErrors.length ? { errors: err.fieldErrors.map((e) => translateFieldError(lang, e)) } : {}),
  ...(Object.keys(err.params).length ? { params: err.params } : {}),
});

/** TMF630's Error: `code` and `reason` required; ours adds the translated field errors. */
export const toTmfError = (p: Problem) => ({
  '@type': 'Error',
  code: p.code,
  reason: p.title,
  message: p.detail,
  status: String(p.status),
  referenceError: p.type,
  ...(p.errors ? { errors: p.errors } : {}),
});

/** Request validation failures from the zod schemas become VALIDATION.FAILED with one entry per field. */
const fromValidation = (err: FastifyError): AppError | null => {
  if (!hasZodFastifySchemaValidationErrors(err)) return null;
  const fieldErrors = err.validation.map((v) => {
    const field = v.instancePath.replace(/^\//, '').replaceAll('/', '.') || String(err.validationContext ?? 'body');
    const params: Record<string, string | number> = {};
    // a refinement's own limits (zod keeps them under `params`), e.g. the first and last month, count too
    const given = { ...(v.params as Record<string, unknown>), ...((v.params as { params?: Record<string, unknown> }).params ?? {}) };
    for (const k of ['minimum', 'maximum'] as const) {
      const value = given[k];
      if (typeof value === 'number' || typeof value === 'bigint') params[k] = Number(value);
      else if (typeof value === 'string') params[k] = value;
    }
    // unrecognized_keys reports the unknown names in `keys`; name them rather than the parent object
    const keys = (v.params as { keys?: string[] }).keys;
    return { field: keys?.length ? keys.join(', ') : field, rule: v.message ?? 'invalid', params };
  });
  return new AppError('VALIDATION.FAILED', { fieldErrors });
};

/** Fastify's own client errors keep their status; a malformed body names the body. */
const fromClientStatus = (status: number) => {
  if (status === 404) return new AppError('NOT_FOUND');
  if (status === 413) return new AppError('REQUEST.TOO_LARGE');
  if (status === 415) return new AppError('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  return new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: 'body', rule: 'invalid' }] });
};

/** Drizzle puts a failed query's parameters (names, e-mails) in its message: they stay out of the logs. */
const redacted = (err: Error) => ({
  type: err.name,
  message: err.message.replace(/\nparams:[\s\S]*$/, '\nparams: [redacted]'),
  code: (err as { code?: string }).code,
  cause: err.cause instanceof Error ? { type: err.cause.name, message: err.cause.message, code: (err.cause as { code?: string }).code } : undefined,
  stack: err.stack?.split('\n').slice(1).join('\n'),
});

export const errorHandler = (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
  let appError: AppError;
  if (err instanceof AppError) appError = err;
  else {
    const validation = fromValidation(err);
    if (validation) appError = validation;
    else if (err.statusCode === 429) appError = new AppError('AUTH.RATE_LIMITED');
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) appError = fromClientStatus(err.statusCode);
    else appError = new AppError('INTERNAL', { cause: err });
  }
  if (appError.status >= 500) req.log.error({ err: redacted(err) }, 'request failed');
  const problem = toProblem(appError, req.lang, req.url);
  // The TM Forum APIs answer their own Error shape (TMF630), which their clients and kits read.
  if (isTmfPath(pathOf(req.url))) return reply.status(appError.status).type('application/json').send(toTmfError(problem));
  return reply.status(appError.status).type('application/problem+json').send(problem);
};
