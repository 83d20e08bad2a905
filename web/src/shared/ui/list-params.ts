import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigation, useSearchParams } from 'react-router';
import { PAGE_SIZES } from './TablePager';

// The state of a list page (search, page, page size, sort) lives in the address bar, so that a
// list can be bookmarked, shared and reloaded. These helpers are the one place that reads and
// writes it; anything odd in the address falls back to the default.

export const DEFAULT_PAGE_SIZE = 20;

export type ParamChanges = Record<string, string | number | null>;

/** A whole number of 1 or more, or the fallback. */
export const positiveInt = (raw: string | null, fallback = 1): number => {
  const value = Number(raw);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};

export const readPaging = (searchParams: URLSearchParams, keys: ListKeys = LIST_KEYS) => {
  const size = Number(searchParams.get(keys.pageSize));
  return {
    page: positiveInt(searchParams.get(keys.page)),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
};

/**
 * The names of a list's parameters in the address. A second list on the same page (the overview's
 * users tab) uses its own, so that each keeps its search and page while the other changes.
 */
export type ListKeys = { q: string; page: string; pageSize: string; sort: string; order: string };
export const LIST_KEYS: ListKeys = { q: 'q', page: 'page', pageSize: 'pageSize', sort: 'sort', order: 'order' };

/** Pager callbacks that leave defaults out of the address. */
export const pagingHandlers = (update: (changes: ParamChanges) => void, keys: ListKeys = LIST_KEYS) => ({
  onPageChange: (page: number) => update({ [keys.page]: page === 1 ? null : page }),
  onPageSizeChange: (size: number) => update({ [keys.pageSize]: size === DEFAULT_PAGE_SIZE ? null : size, [keys.page]: null }),
});

/** The address bar's parameters and a way to change some of them (null or '' removes one). */
export const useListParams = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  // The person has left for another page whose code is still arriving (the router keeps this one
  // shown meanwhile): a search that settles now must not pull them back to the list.
  const navigation = useNavigation();
  const { pathname } = useLocation();
  const leaving = useRef(false);
  leaving.current = navigation.state !== 'idle' && navigation.location.pathname !== pathname;
  const update = useCallback(
    (changes: ParamChanges, replace = false) => {
      if (leaving.current) return;
      setSearchParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(changes)) {
            if (value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          return next;
        },
        { replace },
      );
    },
    [setSearchParams],
  );
  return [searchParams, update] as const;
};

/**
 * A search box whose text is local state, written to ?q= (back to page 1) once typing pauses,
 * and which follows ?q= when the address changes (back button, a link).
 */
export const useSearchBox = (q: string, update: (changes: ParamChanges, replace?: boolean) => void, keys: ListKeys = LIST_KEYS) => {
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  useEffect(() => {
    const trimmed = debounced.trim();
    if (trimmed !== q.trim()) update({ [keys.q]: trimmed || null, [keys.page]: null }, true);
    // only the debounced input drives this; address changes are mirrored below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    setSearch((current) => (current.trim() === q.trim() ? current : q));
  }, [q]);

  const clear = () => {
    setSearch('');
    update({ [keys.q]: null, [keys.page]: null });
  };

  return { search, setSearch, clear };
};

type SortOrder = 'asc' | 'desc';

/**
 * Sortable column headers of a list whose sort lives in the address: clicking the sorted column
 * turns its order around, another column starts with `firstOrder(column)`. The defaults stay out of
 * the address. `keys` names the parameters (a second list on the page uses its own); `reset` is what
 * a new order also changes (back to the first page).
 */
export const sortControl = <S extends string>(
  current: { sort: S; order: SortOrder },
  update: (changes: ParamChanges) => void,
  options: { defaults: { sort: S; order: SortOrder }; firstOrder?: (column: S) => SortOrder; keys?: ListKeys; reset?: ParamChanges },
) => {
  const { defaults, firstOrder = () => 'asc', keys = LIST_KEYS, reset = { [keys.page]: null } } = options;
  return {
    sorted: (column: S): SortOrder | null => (current.sort === column ? current.order : null),
    sortBy: (column: S) => {
      const order: SortOrder = current.sort === column ? (current.order === 'asc' ? 'desc' : 'asc') : firstOrder(column);
      const isDefault = column === defaults.sort && order === defaults.order;
      update({ [keys.sort]: isDefault ? null : column, [keys.order]: order === defaults.order ? null : order, ...reset });
    },
  };
};

/** A sort from the address: one of the allowed columns and an order, or the defaults. */
export const readSort = <S extends string>(sort: string | null, order: string | null, allowed: readonly S[], defaults: { sort: S; order: SortOrder }) => ({
  sort: sort !== null && (allowed as readonly string[]).includes(sort) ? (sort as S) : defaults.sort,
  order: order === 'asc' || order === 'desc' ? order : defaults.order,
});
