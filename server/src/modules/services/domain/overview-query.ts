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
    if (/^89\d{8,}$/.test(digits) && !text.startsWith('+')) return { kind: 'iccid_prefix', prefix: digits.slice(0, 22) };
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

/** Sort key of a row: user → [last name, first name, user id, service id]; number → [number, id]; activated → [ISO time, id]. */
export type CursorKey = string[];
const KEY_LENGTH: Record<OverviewSort, number> = { user: 4, number: 2, activated: 2 };

export const encodeCursor = (sort: OverviewSort, order: SortOrder, key: CursorKey) => Buffer.from(JSON.stringify({ s: sort, o: order, k: key })).toString('base64url');

/** The key in a cursor, or null when the cursor is damaged or belongs to another sort. */
export const decodeCursor = (cursor: string, sort: OverviewSort, order: SortOrder): CursorKey | null => {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { s?: unknown; o?: unknown; k?: unknown };
    if (v.s !== sort || v.o !== order || !Array.isArray(v.k) || v.k.length !== KEY_LENGTH[sort]) return null;
    if (!v.k.every((x) => typeof x === 'string' && x.length <= 300 && !x.includes('\0') && x.isWellFormed())) return null;
    return v.k as string[];
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
