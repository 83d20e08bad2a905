import type { FieldError } from '../../../platform/app-error.js';

/**
 * The rules of a company's contract that a schema cannot express alone: the product types must be
 * in the catalog, and the period must end after it starts. Field paths are those of the request.
 */
export const contractProblems = (
  input: { productTypes: string[]; startsOn: string; endsOn: string },
  catalogProductTypes: readonly string[],
): FieldError[] => {
  const problems: FieldError[] = [];
  const known = new Set(catalogProductTypes);
  input.productTypes.forEach((code, i) => {
    if (!known.has(code)) problems.push({ field: `productTypes.${i}`, rule: 'unknown_product_type' });
  });
  if (new Set(input.productTypes).size !== input.productTypes.length) problems.push({ field: 'productTypes', rule: 'repeated' });
  // ISO dates compare as text
  if (input.endsOn <= input.startsOn) problems.push({ field: 'endsOn', rule: 'ends_before_start' });
  return problems;
};

/** Belgian VAT numbers are written BE0123456789 (or BE 0123.456.789): stored in the compact form. */
export const normalizeVatNumber = (raw: string): string => raw.replace(/[\s.\-]/g, '').toUpperCase();

/** Any EU-style VAT number: two letters then 8 to 12 letters or digits; Belgian ones are BE + 10 digits starting 0 or 1. */
export const vatNumberProblem = (compact: string): string | null => {
  if (!/^[A-Z]{2}[0-9A-Z]{8,12}$/.test(compact)) return 'vat_format';
  if (compact.startsWith('BE') && !/^BE[01]\d{9}$/.test(compact)) return 'vat_format';
  return null;
};
