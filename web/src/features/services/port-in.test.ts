import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { missingPortInFields, portInDetailsInput, type PortInValues } from './port-in';

const empty: PortInValues = { donorOperator: null, accountType: null, customerNumber: '', donorSimNumber: '', holderName: '' };

describe('the donor details of a port-in', () => {
  test('every missing field is named at once, in the order of the form', () => {
    // the case: operator and Postpaid chosen, the rest left empty
    expect(missingPortInFields({ ...empty, msisdn: '', donorOperator: 'proximus', accountType: 'postpaid' })).toEqual(['msisdn', 'customerNumber', 'holderName']);
    expect(missingPortInFields({ ...empty, msisdn: '' })).toEqual(['msisdn', 'donorOperator', 'accountType', 'holderName']);
    expect(missingPortInFields({ ...empty, accountType: 'prepaid' })).toEqual(['donorOperator', 'donorSimNumber', 'holderName']);
  });

  test('blanks count as missing; a complete form has nothing missing', () => {
    expect(missingPortInFields({ donorOperator: 'base', accountType: 'postpaid', customerNumber: '  ', donorSimNumber: '', holderName: ' \t', msisdn: ' ' })).toEqual([
      'msisdn',
      'customerNumber',
      'holderName',
    ]);
    fc.assert(
      fc.property(fc.constantFrom('postpaid' as const, 'prepaid' as const), fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''), (accountType, filled) => {
        expect(missingPortInFields({ donorOperator: 'orange', accountType, customerNumber: filled, donorSimNumber: filled, holderName: filled, msisdn: filled })).toEqual([]);
      }),
    );
  });

  test('the API gets only the account detail that applies, trimmed', () => {
    const values: PortInValues = { donorOperator: 'proximus', accountType: 'prepaid', customerNumber: 'C-1', donorSimNumber: ' 8932 ', holderName: ' Acme ' };
    expect(portInDetailsInput(values)).toEqual({ donorOperator: 'proximus', accountType: 'prepaid', donorSimNumber: '8932', holderName: 'Acme' });
    expect(portInDetailsInput({ ...values, accountType: 'postpaid' })).toEqual({ donorOperator: 'proximus', accountType: 'postpaid', customerNumber: 'C-1', holderName: 'Acme' });
  });
});
