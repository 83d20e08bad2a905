import { Badge, Button, Card, EmptyState, Group, Select, Stack, Table, Text, VisuallyHidden, type MantineColor } from '@mantine/core';
import { IconPackage, IconSearch } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Page } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { pagingHandlers, readPaging, useListParams, useSearchBox, type ParamChanges } from '../../shared/ui/list-params';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import type { StockListParams } from './api';

// The list state (search, filters, page) lives in the address bar like every list of the portal.
const oneOf = <T extends string>(value: string | null, allowed: readonly T[]): T | null =>
  value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : null;

/** The list parameters of a stock table; unknown filter values in the address count as none. */
export const useStockListParams = (statuses: readonly string[], kinds: readonly string[] = []) => {
  const [searchParams, update] = useListParams();
  const params: StockListParams = {
    q: searchParams.get('q') ?? '',
    ...readPaging(searchParams),
    status: oneOf(searchParams.get('status'), statuses),
    ...(kinds.length ? { kind: oneOf(searchParams.get('kind'), kinds) } : {}),
  };
  return { params, update };
};

const STATUS_COLORS: Record<string, MantineColor> = {
  in_stock: 'green',
  available: 'green',
  free: 'green',
  reserved: 'yellow',
  assigned: 'indigo',
  quarantined: 'orange',
  retired: 'gray',
};

export const StockStatusBadge = ({ status }: { status: string }) => {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} radius="sm" tt="none" fw={600}>
      {t(`stock.status.${status}`, { defaultValue: status })}
    </Badge>
  );
};

const ALL = 'all';

type FilterSelectProps = { label: string; allLabel: string; options: { value: string; label: string }[]; value: string | null; onChange: (value: string | null) => void };

/** A list filter: "All …" or one value. */
export const FilterSelect = ({ label, allLabel, options, value, onChange }: FilterSelectProps) => (
  <Select
    aria-label={label}
    w={{ base: '100%', xs: 170 }}
    allowDeselect={false}
    data={[{ value: ALL, label: allLabel }, ...options]}
    value={value ?? ALL}
    onChange={(next) => onChange(next === ALL ? null : next)}
    comboboxProps={{ withinPortal: true }}
  />
);

export const Dash = () => (
  <Text span fz="sm" c="dimmed">
    —
  </Text>
);

/** A number in stock: the number, its status, who or which company holds it, when it was added. */
export const NumberRow = ({ number, status, heldBy, createdAt }: { number: string; status: string; heldBy: string | null; createdAt: string }) => {
  const format = useFormat();
  return (
    <Table.Tr>
      <Table.Td className="fd-nowrap" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.phone(number)}
      </Table.Td>
      <Table.Td>
        <StockStatusBadge status={status} />
      </Table.Td>
      <Table.Td>{heldBy ? <Text fz="sm">{heldBy}</Text> : <Dash />}</Table.Td>
      <Table.Td className="fd-nowrap">{format.date(createdAt)}</Table.Td>
    </Table.Tr>
  );
};

type StockTableProps<T> = {
  /** The table's caption and the name of its scroll region. */
  caption: string;
  search: { label: string; placeholder: string };
  params: StockListParams;
  update: (changes: ParamChanges, replace?: boolean) => void;
  /** The statuses to filter by (a select after the search box and any other filter). */
  statuses: readonly string[];
  /** Filters before the status one, e.g. the kind of SIM. */
  filters?: ReactNode;
  /** Add and Import buttons, on the right of the toolbar. */
  actions: ReactNode;
  query: UseQueryResult<Page<T>>;
  columns: { label: string; align?: 'right' }[];
  renderRow: (item: T) => ReactNode;
  empty: { title: string; hint: string };
  minWidth: number;
};

/** A stock list: search, filters and actions above a paged table; the empty and error states. */
export const StockTable = <T,>({ caption, search, params, update, statuses, filters, actions, query, columns, renderRow, empty, minWidth }: StockTableProps<T>) => {
  const { t } = useTranslation();
  const box = useSearchBox(params.q, update);
  const data = query.data;
  const filtered = Boolean(params.q || params.status || params.kind);
  const clearAll = () => {
    box.clear();
    update({ q: null, status: null, kind: null, page: null });
  };

  return (
    <Card padding={0}>
      <Group p="md" gap="sm" justify="space-between" wrap="wrap">
        <Group gap="sm" wrap="wrap">
          <SearchInput label={search.label} placeholder={search.placeholder} value={box.search} onChange={box.setSearch} onClear={box.clear} busy={query.isFetching && !query.isLoading} />
          {filters}
          <FilterSelect
            label={t('stock.columns.status')}
            allLabel={t('stock.filters.allStatuses')}
            options={statuses.map((status) => ({ value: status, label: t(`stock.status.${status}`) }))}
            value={params.status}
            onChange={(status) => update({ status, page: null })}
          />
        </Group>
        {/* on the right, also when a narrow screen or a long label wraps them to their own line */}
        <Group gap="sm" ml="auto">
          {actions}
        </Group>
      </Group>

      {query.isError ? (
        <Stack p="md">
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        </Stack>
      ) : data && data.total === 0 ? (
        <EmptyState
          py={48}
          icon={filtered ? <IconSearch size={28} aria-hidden="true" /> : <IconPackage size={28} aria-hidden="true" />}
          withIndicatorBackground
          title={filtered ? t('stock.noMatch') : empty.title}
          description={filtered ? t('stock.noMatchHint') : empty.hint}
        >
          {filtered && (
            <EmptyState.Actions>
              <Button variant="default" onClick={clearAll}>
                {t('stock.clearFilters')}
              </Button>
            </EmptyState.Actions>
          )}
        </EmptyState>
      ) : (
        <TableScroll minWidth={minWidth} label={caption}>
          <Table highlightOnHover aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
            <VisuallyHidden component="caption">{caption}</VisuallyHidden>
            <Table.Thead>
              <Table.Tr>
                {columns.map((column) => (
                  <Table.Th key={column.label} ta={column.align} className="fd-nowrap">
                    {column.label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>{query.isLoading || !data ? <TableSkeletonRows columns={columns.length} /> : data.items.map(renderRow)}</Table.Tbody>
          </Table>
        </TableScroll>
      )}

      {data && data.total > 0 && (
        <TableFooter>
          <TablePager page={params.page} pageSize={params.pageSize} total={data.total} {...pagingHandlers(update)} />
        </TableFooter>
      )}
    </Card>
  );
};
