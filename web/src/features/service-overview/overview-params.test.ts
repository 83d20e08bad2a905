import { describe, expect, test } from 'vitest';
import { DEFAULT_OVERVIEW_LIMIT, hasFilters, nextSort, pageRange, readOverviewState, filtersOf } from './overview-params';

const read = (query: string) => readOverviewState(new URLSearchParams(query));

describe('overview state in the address', () => {
  test('an empty address is the first page of all open services by user', () => {
    const state = read('');
    expect(state).toMatchObject({ tab: 'services', q: '', status: [], product: null, bundle: null, department: null, sort: 'user', order: 'asc', limit: DEFAULT_OVERVIEW_LIMIT, after: null, before: null, page: 1 });
    expect(hasFilters(filtersOf(state))).toBe(false);
  });

  test('filters, sort, size and cursor are read back', () => {
    const state = read('tab=users&q=0470&status=active,suspended&product=mobile&bundle=mobile-s&department=Sales&sort=activated&order=desc&limit=100&after=abc&page=3');
    expect(state).toMatchObject({ tab: 'users', q: '0470', status: ['active', 'suspended'], product: 'mobile', bundle: 'mobile-s', department: 'Sales', sort: 'activated', order: 'desc', limit: 100, after: 'abc', before: null, page: 3 });
    expect(hasFilters(filtersOf(state))).toBe(true);
  });

  test('unknown values fall back to the defaults', () => {
    const state = read('status=active,nonsense&sort=iccid&order=up&limit=7&page=-2&product=%20');
    expect(state).toMatchObject({ status: ['active'], sort: 'user', order: 'asc', limit: DEFAULT_OVERVIEW_LIMIT, page: 1, product: null });
  });

  test('only one cursor is used at a time', () => {
    expect(read('after=a&before=b')).toMatchObject({ after: 'a', before: null });
    expect(read('before=b')).toMatchObject({ after: null, before: 'b' });
  });
});

describe('sorting', () => {
  test('the same column flips, a new column starts ascending, dates newest first', () => {
    expect(nextSort({ sort: 'user', order: 'asc' }, 'user')).toEqual({ sort: 'user', order: 'desc' });
    expect(nextSort({ sort: 'user', order: 'desc' }, 'number')).toEqual({ sort: 'number', order: 'asc' });
    expect(nextSort({ sort: 'user', order: 'asc' }, 'activated')).toEqual({ sort: 'activated', order: 'desc' });
  });
});

describe('range under the table', () => {
  test('pages of 50 out of 120', () => {
    expect(pageRange(1, 50, 50, 120)).toEqual({ from: 1, to: 50 });
    expect(pageRange(3, 50, 20, 120)).toEqual({ from: 101, to: 120 });
  });
  test('no rows and a count that shrank meanwhile', () => {
    expect(pageRange(1, 50, 0, 0)).toEqual({ from: 0, to: 0 });
    expect(pageRange(3, 50, 5, 102)).toEqual({ from: 101, to: 102 });
  });
});
