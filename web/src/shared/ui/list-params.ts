import { useDebouncedValue } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
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

export const readPaging = (searchParams: URLSearchParams) => {
  const size = Number(searchParams.get('pageSize'));
  return {
    page: positiveInt(searchParams.get('page')),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
  };
};

/** Pager callbacks that leave defaults out of the address. */
export const pagingHandlers = (update: (changes: ParamChanges) => void) => ({
  onPageChange: (page: number) => update({ page: page === 1 ? null : page }),
  onPageSizeChange: (size: number) => update({ pageSize: size === DEFAULT_PAGE_SIZE ? null : size, page: null }),
});

/** The address bar's parameters and a way to change some of them (null or '' removes one). */
export const useListParams = () => {
  const [searchParams, setSearchParams] = useSearchParams();
  const update = useCallback(
    (changes: ParamChanges, replace = false) => {
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
export const useSearchBox = (q: string, update: (changes: ParamChanges, replace?: boolean) => void) => {
  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  useEffect(() => {
    const trimmed = debounced.trim();
    if (trimmed !== q.trim()) update({ q: trimmed || null, page: null }, true);
    // only the debounced input drives this; address changes are mirrored below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    setSearch((current) => (current.trim() === q.trim() ? current : q));
  }, [q]);

  const clear = () => {
    setSearch('');
    update({ q: null, page: null });
  };

  return { search, setSearch, clear };
};
