import { describe, expect, it } from 'vitest';
import { lineSearch } from './line-search.js';

const line = { userName: 'Nora Peeters', msisdn: '+32470123456' };

describe('usage line search', () => {
  it('finds a line by a part of the name, whatever the case', () => {
    expect(lineSearch('peet')(line)).toBe(true);
    expect(lineSearch('nora p')(line)).toBe(true);
    expect(lineSearch('jan')(line)).toBe(false);
  });
  it('finds a line by its number typed the Belgian ways', () => {
    for (const typed of ['0470 12 34', '+32 470 123 456', '0032470123456', '3456']) expect(lineSearch(typed)(line)).toBe(true);
    expect(lineSearch('0471')(line)).toBe(false);
    expect(lineSearch('47')({ ...line, msisdn: null })).toBe(false);
  });
  it('keeps every line when the box is empty', () => {
    expect(lineSearch(undefined)(line)).toBe(true);
    expect(lineSearch('   ')(line)).toBe(true);
  });
});
