import { Badge, Select, Table, Text, type MantineColor } from '@mantine/core';
import { IconPackage } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch, type ListData } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox, type ParamChanges } from '../../shared/ui/list-params';
import { Dash } from '../../shared/ui/values';
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
  query: UseQueryResult<ListData<T>>;
  columns: { label: string; align?: 'right' }[];
  renderRow: (item: T) => ReactNode;
  empty: { title: string; hint: string };
  minWidth: number;
};

/** A stock list: search, filters and actions above a paged table; the empty and error states. */
export const StockTable = <T,>({ caption, search, params, update, statuses, filters, actions, query, columns, renderRow, empty, minWidth }: StockTableProps<T>) => {
  const { t } = useTranslation();
  const box = useSearchBox(params.q, update);
  const filtered = Boolean(params.q || params.status || params.kind);
  const clearAll = () => {
    box.clear();
    update({ q: null, status: null, kind: null, page: null });
  };

  return (
    <ListScaffold
      query={query}
      search={{ ...search, box }}
      filters={
        <>
          {filters}
          <FilterSelect
            label={t('stock.columns.status')}
            allLabel={t('stock.filters.allStatuses')}
            options={statuses.map((status) => ({ value: status, label: t(`stock.status.${status}`) }))}
            value={params.status}
            onChange={(status) => update({ status, page: null })}
          />
        </>
      }
      actions={actions}
      empty={
        filtered ? (
          <NoMatch title={t('stock.noMatch')} description={t('stock.noMatchHint')} onClear={clearAll} clearLabel={t('stock.clearFilters')} />
        ) : (
          <ListEmpty icon={<IconPackage size={28} aria-hidden="true" />} title={empty.title} description={empty.hint} />
        )
      }
      table={{
        label: caption,
        minWidth,
        columns: columns.length,
        horizontalSpacing: 'xs',
        head: columns.map((column) => (
          <Table.Th key={column.label} ta={column.align} className="fd-nowrap">
            {column.label}
          </Table.Th>
        )),
      }}
      row={renderRow}
      pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
    />
  );
};
