import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { monthlyTotalCents, optionsKeptFor, sameBundleChoice } from './bundle-choice';

const bundle = {
  monthlyPriceCents: 2500,
  options: [
    { code: 'intl-100', monthlyPriceCents: 500 },
    { code: 'data-10', monthlyPriceCents: 800 },
  ],
};

describe('choosing a bundle and its options', () => {
  test('another bundle keeps only the options it offers', () => {
    expect(optionsKeptFor(bundle, ['data-10', 'roaming', 'intl-100'])).toEqual(['data-10', 'intl-100']);
    expect(optionsKeptFor({ options: [] }, ['data-10'])).toEqual([]);
    expect(optionsKeptFor(null, ['data-10'])).toEqual([]);
  });

  test('the monthly price is the bundle plus the chosen options it offers', () => {
    expect(monthlyTotalCents(bundle, [])).toBe(2500);
    expect(monthlyTotalCents(bundle, ['intl-100', 'data-10'])).toBe(3800);
    expect(monthlyTotalCents(bundle, ['unknown'])).toBe(2500);
  });

  test('the same choice in another order is the same choice', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd')), (codes) => {
        expect(sameBundleChoice({ bundleCode: 'x', optionCodes: codes }, { bundleCode: 'x', optionCodes: [...codes].reverse() })).toBe(true);
        expect(sameBundleChoice({ bundleCode: 'x', optionCodes: codes }, { bundleCode: 'y', optionCodes: codes })).toBe(false);
      }),
    );
    expect(sameBundleChoice({ bundleCode: 'x', optionCodes: ['a'] }, { bundleCode: 'x', optionCodes: ['a', 'b'] })).toBe(false);
  });
});
