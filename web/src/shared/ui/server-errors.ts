import { useId, useState } from 'react';
import { isApiError } from '../api/client';
import { useProblemMessage } from './problem-message';

/**
 * Puts the server's translated field errors under the form's fields (`contract.endsOn` → `endsOn`
 * with prefix "contract."); what has no field on the form comes back as one message for an alert.
 */
export const placeServerErrors = (
  error: unknown,
  fields: readonly string[],
  setErrors: (errors: Record<string, string>) => void,
  fallback: (error: unknown) => string,
  prefix = '',
): { formError: string | null; firstField: string | null } => {
  if (!isApiError(error)) return { formError: fallback(error), firstField: null };
  const errors: Record<string, string> = {};
  const unplaced: string[] = [];
  for (const e of error.errors) {
    const name = e.field.startsWith(prefix) ? e.field.slice(prefix.length) : e.field;
    // productTypes.1 belongs under productTypes
    const field = fields.find((f) => name === f || name.startsWith(`${f}.`));
    if (field) errors[field] ??= e.message;
    else unplaced.push(e.message);
  }
  setErrors(errors);
  const firstField = fields.find((f) => errors[f]) ?? null;
  const formError = unplaced.length ? unplaced.join(' ') : Object.keys(errors).length ? null : error.detail || fallback(error);
  return { formError, firstField };
};

/**
 * A form's answer to a refused submit: the server's field errors under their fields and the focus on
 * the first (each field's id is `${idPrefix}-${field}`), the rest as `formError` for a ProblemAlert.
 */
export const useServerErrors = (fields: readonly string[], setErrors: (errors: Record<string, string>) => void, prefix = '') => {
  const problemMessage = useProblemMessage();
  const idPrefix = useId();
  const [formError, setFormError] = useState<string | null>(null);
  const show = (error: unknown) => {
    const placed = placeServerErrors(error, fields, setErrors, problemMessage, prefix);
    setFormError(placed.formError);
    if (placed.firstField) document.getElementById(`${idPrefix}-${placed.firstField}`)?.focus();
  };
  return { idPrefix, formError, setFormError, show };
};
