import { Box, Button, Card, EmptyState, Group, Stack, type MantineSpacing } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import { type MouseEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { QueryError } from './QueryError';
import { SearchInput } from './SearchInput';
import { TableFooter, TablePager } from './TablePager';
import { LabelledTable } from './TableScroll';
import { TableSkeletonRows } from './TableSkeleton';
import type { useSearchBox } from './list-params';

// Every list of the portal is the same frame: a toolbar (search, filters, actions), then exactly one
// of an error with a retry, an empty or no-match state, or the table (placeholder rows while the
// first page loads, dimmed while the next one does), and a pager under it. ListScaffold is that
// frame; a page gives it its query, its words and its rows.
//
//   const [searchParams, update] = useListParams();
//   const params = readParams(searchParams);              // q, page, pageSize, filters, sort
//   const query = useThings(params);                      // placeholderData: keepPreviousData
//   const box = useSearchBox(params.q, update);
//   <ListScaffold
//     query={query}
//     search={{ label: t('things.searchLabel'), placeholder: t('things.searchPlaceholder'), box }}
//     filters={<FilterSelect … />}                           // optional, after the search box
//     actions={<Button>Add</Button>}                         // optional, at the right end
//     empty={params.q ? <NoMatch title=… onClear={box.clear} clearLabel=… /> : <ListEmpty icon=… title=… />}
//     table={{ label: t('things.tableLabel'), minWidth: 800, columns: 4, head: <>…<Table.Th>…</Table.Th></> }}
//     row={(thing) => <Table.Tr key={thing.id}>…</Table.Tr>}
//     pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
//   />

/** What a list query answers: a page of items, and (numbered pages) how many there are in all. */
export type ListData<T> = { items: T[]; total?: number };

type SearchBox = ReturnType<typeof useSearchBox>;

export type ListScaffoldProps<T> = {
  query: UseQueryResult<ListData<T>>;
  /** The search box at the start of the toolbar (its spinner follows the query). */
  search?: { label: string; placeholder: string; box: SearchBox };
  /** Filters after the search box. */
  filters?: ReactNode;
  /** Buttons at the right end of the toolbar (Add, Import, bulk actions). */
  actions?: ReactNode;
  /** Replaces the standard toolbar (search, filters, actions) when a list needs another layout. */
  toolbar?: ReactNode;
  /** Shown instead of the table when the query found nothing: a ListEmpty, or a NoMatch while filtered. */
  empty: ReactNode;
  table: {
    /** The table's accessible name, also that of its scroll region. */
    label: string;
    /** Below this width the table scrolls sideways instead of squeezing. */
    minWidth: number;
    /** The header cells (a Table.Th or SortableTh per column). */
    head: ReactNode;
    /** How many columns the loading placeholder rows have. */
    columns: number;
    horizontalSpacing?: MantineSpacing;
    verticalSpacing?: MantineSpacing;
  };
  /** One Table.Tr per item, with its key. */
  row: (item: T) => ReactNode;
  /** Numbered pages: the pager under the table (shown while there is something to page through). */
  pager?: { page: number; pageSize: number; onPageChange: (page: number) => void; onPageSizeChange?: (pageSize: number) => void };
  /** Any other footer under the table, e.g. previous/next for keyset pages. */
  footer?: ReactNode;
  /** Drawn on a card (a page of its own) or bare (inside a tab that is already on one). */
  framed?: boolean;
};

/** The frame of a list page; see the example at the top of this file. */
export const ListScaffold = <T,>({ query, search, filters, actions, toolbar, empty, table, row, pager, footer, framed = true }: ListScaffoldProps<T>) => {
  const data = query.data;
  const nothing = data !== undefined && (data.total ?? data.items.length) === 0;
  const content = (
    <>
      {toolbar ??
        ((search || filters || actions) && (
          <Group p="md" gap="sm" justify="space-between" align="flex-end" wrap="wrap">
            <Group gap="sm" align="flex-end" wrap="wrap">
              {search && (
                <SearchInput
                  label={search.label}
                  placeholder={search.placeholder}
                  value={search.box.search}
                  onChange={search.box.setSearch}
                  onClear={search.box.clear}
                  busy={query.isFetching && !query.isLoading}
                />
              )}
              {filters}
            </Group>
            {/* on the right, also when a narrow screen or a long label wraps them to their own line */}
            {actions && (
              <Group gap="sm" ml="auto">
                {actions}
              </Group>
            )}
          </Group>
        ))}

      {query.isError ? (
        <Box p="md">
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        </Box>
      ) : nothing ? (
        empty
      ) : (
        <LabelledTable
          label={table.label}
          minWidth={table.minWidth}
          highlightOnHover
          horizontalSpacing={table.horizontalSpacing ?? 'sm'}
          verticalSpacing={table.verticalSpacing}
          aria-busy={query.isFetching}
          style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}
          head={table.head}
        >
          {data === undefined ? <TableSkeletonRows columns={table.columns} /> : data.items.map(row)}
        </LabelledTable>
      )}

      {data && !nothing && !query.isError && (footer ?? (pager && data.total !== undefined && (
        <TableFooter>
          <TablePager {...pager} total={data.total} />
        </TableFooter>
      )))}
    </>
  );
  return framed ? <Card padding={0}>{content}</Card> : <Stack gap={0}>{content}</Stack>;
};

type ListEmptyProps = {
  icon: ReactNode;
  title: string;
  description?: string;
  /** A way on: the button that fills the list, or clears what hides its rows. */
  action?: ReactNode;
};

/** The list has nothing to show: what it would hold, and a way on. */
export const ListEmpty = ({ icon, title, description, action }: ListEmptyProps) => (
  <EmptyState py={48} icon={icon} withIndicatorBackground title={title} description={description}>
    {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
  </EmptyState>
);

/** Nothing matches the search or the filters: say so, and offer to clear them. */
export const NoMatch = ({ title, description, onClear, clearLabel, icon }: { title: string; description?: string; onClear: () => void; clearLabel: string; icon?: ReactNode }) => (
  <ListEmpty
    icon={icon ?? <IconSearch size={28} aria-hidden="true" />}
    title={title}
    description={description}
    action={
      <Button variant="default" onClick={onClear}>
        {clearLabel}
      </Button>
    }
  />
);

/**
 * A whole row that opens `to` when clicked, for mouse users; the row's first link stays the way in for
 * keyboards and screen readers. Clicks on the row's own links, buttons and inputs are left to them;
 * Ctrl/⌘-click opens a new tab.
 */
export const useRowLink = () => {
  const navigate = useNavigate();
  return (to: string) => ({
    className: 'fd-row-link',
    onClick: (event: MouseEvent<HTMLTableRowElement>) => {
      if ((event.target as HTMLElement).closest('a, button, input, label')) return;
      if (event.metaKey || event.ctrlKey) window.open(to, '_blank', 'noopener');
      else navigate(to);
    },
  });
};
