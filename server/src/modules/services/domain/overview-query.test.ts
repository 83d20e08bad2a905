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
  it('reads an ICCID grouped in fours, as the portal shows it, like the same digits run together', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^89[0-9]{8,18}$/), fc.constantFrom(' ', '-', '.'), (iccid, separator) => {
        const grouped = iccid.match(/.{1,4}/g)!.join(separator);
        expect(parseOverviewSearch(grouped)).toEqual({ kind: 'iccid_prefix', prefix: iccid });
        expect(parseOverviewSearch(iccid)).toEqual({ kind: 'iccid_prefix', prefix: iccid });
      }),
    );
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
    const key = ['Peeters', 'An', '5d0c8a3e-9b1f-4e2a-8c7d-6b5a4f3e2d1c', '0b7c9e4e-2f1a-4c3b-9d8e-7f6a5b4c3d2e'];
    const c = encodeCursor('user', 'asc', key);
    expect(decodeCursor(c, 'user', 'asc')).toEqual(key);
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
  const cursorOf = (sort: string, key: unknown[]) => Buffer.from(JSON.stringify({ s: sort, o: 'asc', k: key })).toString('base64url');
  const uuid = '0b7c9e4e-2f1a-4c3b-9d8e-7f6a5b4c3d2e';
  /** A time as PostgreSQL writes a timestamptz as text, at a whole-hour or odd offset. */
  const pgText = (at: Date, offsetMinutes: number) => {
    const local = new Date(at.getTime() + offsetMinutes * 60_000).toISOString();
    const sign = offsetMinutes < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
    const mm = Math.abs(offsetMinutes) % 60;
    return `${local.slice(0, 10)} ${local.slice(11, 23)}${sign}${hh}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
  };

  it('round-trips every key the database can hand out', () => {
    const text = fc.string({ maxLength: 300 }).filter((s) => !s.includes('\0') && s.isWellFormed());
    const time = fc.tuple(fc.date({ min: new Date('1970-01-01'), max: new Date('2999-12-31'), noInvalidDate: true }), fc.integer({ min: -15 * 60, max: 15 * 60 }));
    fc.assert(
      fc.property(text, text, fc.uuid(), fc.uuid(), time, (last, first, userId, serviceId, [at, offset]) => {
        const keys = { user: [last, first, userId, serviceId], number: [last, serviceId], activated: [pgText(at, offset), serviceId] } as const;
        for (const sort of ['user', 'number', 'activated'] as const) expect(decodeCursor(encodeCursor(sort, 'desc', [...keys[sort]]), sort, 'desc')).toEqual(keys[sort]);
      }),
    );
    expect(decodeCursor(cursorOf('activated', ['-infinity', uuid]), 'activated', 'asc')).toEqual(['-infinity', uuid]);
    expect(decodeCursor(cursorOf('activated', ['2026-02-28 23:59:59+00', uuid]), 'activated', 'asc')).not.toBeNull();
    expect(decodeCursor(cursorOf('activated', ['2028-02-29 00:00:00.5-03:30', uuid]), 'activated', 'asc')).not.toBeNull();
  });

  it('refuses a well-formed cursor whose key the database could not read (a forged one)', () => {
    const refused = (sort: string, key: unknown[]) => expect(decodeCursor(cursorOf(sort, key), sort as never, 'asc'), JSON.stringify(key)).toBeNull();
    // the report: a name sort with a user id that is not an id
    refused('user', ['a', 'b', 'not-a-uuid', 'x']);
    refused('user', ['a', 'b', uuid, 'x']);
    refused('number', ['+32470', `${uuid}0`]);
    refused('number', ['a\0b', uuid]);
    for (const time of ['0000-01-01 00:00:00+00', '2026-02-29 00:00:00+00', '2026-13-01 00:00:00+00', '2026-01-01 24:00:00+00', '2026-01-01 10:60:00+00', '2026-01-01 10:00:00+16', '2026-01-01T10:00:00Z', '2026-01-01', 'infinity', 'yesterday', '']) {
      refused('activated', [time, uuid]);
    }
    // whatever the junk, the answer is a key of the right kinds or nothing, never an exception
    fc.assert(
      fc.property(fc.constantFrom('user', 'number', 'activated'), fc.array(fc.oneof(fc.string(), fc.uuid(), fc.integer(), fc.constant(null), fc.object()), { maxLength: 5 }), (sort, key) => {
        const decoded = decodeCursor(cursorOf(sort, key), sort, 'asc');
        if (decoded) expect(decoded.every((part) => typeof part === 'string')).toBe(true);
      }),
    );
  });

  it('reads backwards for a previous page and flips it', () => {
    expect(pageDirection('asc', 'after')).toEqual({ comparison: '>', readAscending: true, flip: false });
    expect(pageDirection('asc', 'before')).toEqual({ comparison: '<', readAscending: false, flip: true });
    expect(pageDirection('desc', 'after')).toEqual({ comparison: '<', readAscending: false, flip: false });
    expect(pageDirection('desc', 'before')).toEqual({ comparison: '>', readAscending: true, flip: true });
  });
});
