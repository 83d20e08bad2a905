import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { likePattern, parseUserSearch } from './search.js';

describe('user search text', () => {
  it('is nothing when empty or blank', () => {
    expect(parseUserSearch(undefined)).toBeNull();
    expect(parseUserSearch('   ')).toBeNull();
  });

  it('finds the same line whether typed internationally or nationally', () => {
    expect(parseUserSearch('+32 470 12 34 56')?.numberDigits).toBe('32470123456');
    expect(parseUserSearch('0032 470 12 34 56')?.numberDigits).toBe('32470123456');
    expect(parseUserSearch('0470/12.34.56')?.numberDigits).toBe('470123456');
  });

  it('treats names and e-mail addresses as text only', () => {
    expect(parseUserSearch('Janssens')).toEqual({ text: 'Janssens', numberDigits: null });
    expect(parseUserSearch('jan2@acme.be')?.numberDigits).toBeNull();
  });

  it('never lets user text act as a LIKE wildcard', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const p = likePattern(s).slice(1, -1);
        // every % or _ in the pattern body is escaped
        expect(/(^|[^\\])(\\\\)*[%_]/.test(p)).toBe(false);
      }),
    );
  });
});
