import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageDirection, parseOverviewSearch, prefixRange } from './overview-query.js';

describe('overview search', () => {
  it('reads a number however it is typed', () => {
    expect(parseOverviewSearch('0470 12 34')).toEqual({ kind: 'number_prefix', prefix: '+3247012' + '34' });
    expect(parseOverviewSearch('+32 470 12')).toEqual({ kind: 'number_prefix', prefix: '+3247012' });
    expect(parseOverviewSearch('0032 470')).toEqual({ kind: 'number_prefix', prefix: '+32470' });
    expect(parseOverviewSearch('12 34 56')).toEqual({ kind: 'number_digits', digits: '123456' });
  });
  it('reads an ICCID as a prefix of at least 10 digits starting with 89', () => {
    expect(parseOverviewSearch('8932 0000 12')).toEqual({ kind: 'iccid_prefix', prefix: '8932000012' });
    expect(parseOverviewSearch('893200')).toEqual({ kind: 'number_digits', digits: '893200' });
  });
  it('reads anything else as words of a name, at most five', () => {
    expect(parseOverviewSearch('  Van  Damme ')).toEqual({ kind: 'name', words: ['Van', 'Damme'] });
    expect(parseOverviewSearch('a b c d e f g')).toEqual({ kind: 'name', words: ['a', 'b', 'c', 'd', 'e'] });
    expect(parseOverviewSearch('   ')).toBeNull();
  });
  it('turns a prefix into a range that holds exactly the strings starting with it', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?\d{1,8}$/), fc.stringMatching(/^\+?\d{0,12}$/), (prefix, other) => {
        const { from, to } = prefixRange(prefix);
        const inRange = other >= from && other < to;
        expect(inRange).toBe(other.startsWith(prefix));
      }),
    );
  });
});

describe('overview cursors', () => {
  it('round-trips a key and refuses one made for another sort or order', () => {
    const c = encodeCursor('user', 'asc', ['Peeters', 'An', 'u1', 's1']);
    expect(decodeCursor(c, 'user', 'asc')).toEqual(['Peeters', 'An', 'u1', 's1']);
    expect(decodeCursor(c, 'user', 'desc')).toBeNull();
    expect(decodeCursor(c, 'number', 'asc')).toBeNull();
  });
  it('refuses damaged cursors without throwing', () => {
    fc.assert(
      fc.property(fc.string(), (junk) => {
        expect(() => decodeCursor(junk, 'number', 'asc')).not.toThrow();
      }),
    );
    expect(decodeCursor(Buffer.from(JSON.stringify({ s: 'number', o: 'asc', k: [1, 2] })).toString('base64url'), 'number', 'asc')).toBeNull();
  });
  it('reads backwards for a previous page and flips it', () => {
    expect(pageDirection('asc', 'after')).toEqual({ comparison: '>', readAscending: true, flip: false });
    expect(pageDirection('asc', 'before')).toEqual({ comparison: '<', readAscending: false, flip: true });
    expect(pageDirection('desc', 'after')).toEqual({ comparison: '<', readAscending: false, flip: false });
    expect(pageDirection('desc', 'before')).toEqual({ comparison: '>', readAscending: true, flip: true });
  });
});
