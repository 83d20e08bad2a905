import { iccidSearchDigits } from '../../stock/domain/iccid.js';

/**
 * The service overview's search box and paging, as plain rules. A search is a phone number (prefix
 * of the full number when typed with 0, 00 or +; otherwise digits anywhere in it), an ICCID (89…,
 * at least 10 digits; a prefix) or words of a name. Pages are keyset pages: a cursor holds the sort
 * key of the row it stands on, so a deep page costs what the first one does.
 */
export type OverviewSearch =
  | { kind: 'number_prefix'; prefix: string }
  | { kind: 'number_digits'; digits: string }
  | { kind: 'iccid_prefix'; prefix: string }
  | { kind: 'name'; words: string[] };

export const parseOverviewSearch = (raw: string | undefined): OverviewSearch | null => {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return null;
  const looksLikeNumber = /^[+\d][\d\s./()-]*$/.test(text);
  const digits = text.replace(/\D/g, '');
  if (looksLikeNumber && digits.length >= 3) {
    const iccid = iccidSearchDigits(text, 10);
    if (iccid?.startsWith('89')) return { kind: 'iccid_prefix', prefix: iccid.slice(0, 22) };
    if (text.startsWith('+')) return { kind: 'number_prefix', prefix: `+${digits}` };
    if (digits.startsWith('00')) return { kind: 'number_prefix', prefix: `+${digits.slice(2)}` };
    // a national number: 0470 … is +32 470 …
    if (digits.startsWith('0')) return { kind: 'number_prefix', prefix: `+32${digits.slice(1)}` };
    return { kind: 'number_digits', digits };
  }
  const words = text
    .split(' ')
    .map((w) => w.slice(0, 100))
    .filter(Boolean)
    .slice(0, 5);
  return { kind: 'name', words };
};

/**
 * The half-open range [from, to) of strings that start with `prefix`, compared byte by byte (collation
 * "C"): an index range instead of a LIKE. The prefix is digits (after an optional '+').
 */
export const prefixRange = (prefix: string): { from: string; to: string } => {
  const last = prefix.charCodeAt(prefix.length - 1);
  return { from: prefix, to: prefix.slice(0, -1) + String.fromCharCode(last + 1) };
};

export const OVERVIEW_SORTS = ['user', 'number', 'activated'] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];
export type SortOrder = 'asc' | 'desc';

/** Sort key of a row: user → [last name, first name, user id, service id]; number → [number, id]; activated → [time as PostgreSQL writes it, id]. */
export type CursorKey = string[];

const isText = (x: unknown): x is string => typeof x === 'string' && x.length <= 300 && !x.includes('\0') && x.isWellFormed();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isUuid = (x: unknown): x is string => typeof x === 'string' && UUID.test(x);

// A timestamptz in PostgreSQL's ISO text form: '2025-04-01 09:30:00.123456+02', the offset as
// '+HH', '+HH:MM' or '+HH:MM:SS'.
const PG_TIMESTAMPTZ = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?[+-](\d{2})(?::(\d{2})(?::(\d{2}))?)?$/;
const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** A time the database reads back as the same timestamptz (a real calendar day and clock time), or '-infinity' (never activated). */
const isActivationTime = (x: unknown): x is string => {
  if (x === '-infinity') return true;
  const m = typeof x === 'string' ? PG_TIMESTAMPTZ.exec(x) : null;
  if (!m) return false;
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes, offsetSeconds] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number, number, number, number];
  // year 0 does not exist (1 BC comes before AD 1): PostgreSQL refuses it
  return (
    year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59 && offsetHours <= 15 && offsetMinutes <= 59 && offsetSeconds <= 59
  );
};

/**
 * What each part of a sort key must be for the database to compare it with its column: a cursor
 * comes back from the client, so a forged one must be refused here like a damaged one (400), not by
 * the database failing to cast it (500).
 */
const KEY_PARTS: Record<OverviewSort, ((x: unknown) => x is string)[]> = {
  user: [isText, isText, isUuid, isUuid],
  number: [isText, isUuid],
  activated: [isActivationTime, isUuid],
};

export const encodeCursor = (sort: OverviewSort, order: SortOrder, key: CursorKey) => Buffer.from(JSON.stringify({ s: sort, o: order, k: key })).toString('base64url');

/** The key in a cursor, or null when the cursor is damaged, forged or belongs to another sort. */
export const decodeCursor = (cursor: string, sort: OverviewSort, order: SortOrder): CursorKey | null => {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown; k?: unknown };
    const parts = KEY_PARTS[sort];
    if (v.s !== sort || v.o !== order || !Array.isArray(v.k) || v.k.length !== parts.length) return null;
    return parts.every((isPart, i) => isPart((v.k as unknown[])[i])) ? (v.k as string[]) : null;
  } catch {
    return null;
  }
};

/**
 * Which way to read and whether to flip: a `before` page reads backwards from the cursor and is
 * turned around, so both directions walk the same index.
 */
export const pageDirection = (order: SortOrder, direction: 'after' | 'before') => {
  const ascending = (order === 'asc') === (direction === 'after');
  return { comparison: ascending ? ('>' as const) : ('<' as const), readAscending: ascending, flip: direction === 'before' };
};
