import { describe, expect, it } from 'vitest';
import { contractProblems, normalizeVatNumber, vatNumberProblem } from './company-rules.js';

describe('contract rules', () => {
  const catalog = ['mobile', 'smartmobile', 'fmc', 'mobile_data'];
  it('accepts known product types and a period that ends after it starts', () => {
    expect(contractProblems({ productTypes: ['mobile', 'fmc'], startsOn: '2025-01-01', endsOn: '2027-12-31' }, catalog)).toEqual([]);
  });
  it('names the unknown product type, a repeated one, and an end not after the start', () => {
    expect(contractProblems({ productTypes: ['mobile', 'fax'], startsOn: '2025-01-01', endsOn: '2026-01-01' }, catalog)).toEqual([
      { field: 'productTypes.1', rule: 'unknown_product_type' },
    ]);
    expect(contractProblems({ productTypes: ['mobile', 'mobile'], startsOn: '2025-01-01', endsOn: '2026-01-01' }, catalog)).toEqual([
      { field: 'productTypes', rule: 'repeated' },
    ]);
    expect(contractProblems({ productTypes: ['mobile'], startsOn: '2025-01-01', endsOn: '2025-01-01' }, catalog)).toEqual([{ field: 'endsOn', rule: 'ends_before_start' }]);
    expect(contractProblems({ productTypes: ['mobile'], startsOn: '2025-06-01', endsOn: '2025-01-01' }, catalog)).toEqual([{ field: 'endsOn', rule: 'ends_before_start' }]);
  });
});

describe('VAT numbers', () => {
  it('are stored compact and upper-case', () => {
    expect(normalizeVatNumber('be 0123.456.789')).toBe('BE0123456789');
  });
  it('must look like a VAT number; Belgian ones have 10 digits', () => {
    expect(vatNumberProblem('BE0123456789')).toBeNull();
    expect(vatNumberProblem('NL123456789B01')).toBeNull();
    expect(vatNumberProblem('BE123')).toBe('vat_format');
    expect(vatNumberProblem('BE2123456789')).toBe('vat_format');
    expect(vatNumberProblem('0123456789')).toBe('vat_format');
  });
});
