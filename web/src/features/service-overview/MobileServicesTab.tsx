import { Anchor, Button, Checkbox, Group, MultiSelect, Select, Stack, Table, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconDeviceMobileOff, IconFilterOff } from '@tabler/icons-react';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BulkActionKind, OverviewItem, OverviewSort } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch, useRowLink } from '../../shared/ui/ListScaffold';
import { type ParamChanges, useSearchBox } from '../../shared/ui/list-params';
import { SearchInput } from '../../shared/ui/SearchInput';
import { SortableTh } from '../../shared/ui/SortableTh';
import { TableFooter } from '../../shared/ui/TablePager';
import { Dash, SimSummary } from '../../shared/ui/values';
import { ServiceStatusBadge } from '../mobile-users/ServiceStatusBadge';
import { userPath } from '../mobile-users/UsersListPage';
import { servicePath } from '../services/ServiceDetailPage';
import { filterQuery, useOverviewCount, useOverviewFacets, useOverviewPage } from './api';
import { BulkActionBar, BulkActionModal, BulkActionsPanel, type BulkSelection } from './BulkActions';
import { useRowSelection } from '../../shared/ui/row-selection';
import { useCan } from '../auth/can';
import { BACK_TO_FIRST_PAGE, DEFAULT_OVERVIEW_LIMIT, OVERVIEW_PAGE_SIZES, filtersOf, hasFilters, nextSort, pageRange, type OverviewState } from './overview-params';

type Update = (changes: ParamChanges, replace?: boolean) => void;


const Filters = ({ state, update }: { state: OverviewState; update: Update }) => {
  const { t } = useTranslation();
  const facets = useOverviewFacets().data;
  const filter = (changes: ParamChanges) => update({ ...changes, ...BACK_TO_FIRST_PAGE });
  // Bundles of the chosen product only; the bundle filter is cleared when the product changes.
  const bundles = (facets?.bundles ?? []).filter((bundle) => !state.product || bundle.productTypeCode === state.product);
  const statuses = facets?.statuses ?? [];
  // every filter can be emptied again, by a clear button with a name
  const emptiable = { clearable: true, clearButtonProps: { 'aria-label': t('overview.filters.clear') }, comboboxProps: { withinPortal: true } };
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        {...emptiable}
        label={t('overview.filters.status')}
        placeholder={state.status.length ? undefined : t('overview.filters.openServices')}
        data={statuses.map((status) => ({ value: status, label: t(`serviceStatus.${status}`, { defaultValue: status }) }))}
        value={state.status}
        onChange={(status) => filter({ status: status.join(',') || null })}
        w={{ base: '100%', sm: 240 }}
      />
      <Select
        {...emptiable}
        label={t('overview.filters.product')}
        placeholder={t('overview.filters.all')}
        data={(facets?.products ?? []).map((product) => ({ value: product.code, label: product.name }))}
        value={state.product}
        onChange={(product) => filter({ product, bundle: null })}
        w={{ base: '100%', sm: 190 }}
      />
      <Select
        {...emptiable}
        label={t('overview.filters.bundle')}
        placeholder={t('overview.filters.all')}
        data={bundles.map((bundle) => ({ value: bundle.code, label: bundle.name }))}
        value={state.bundle}
        onChange={(bundle) => filter({ bundle })}
        searchable
        w={{ base: '100%', sm: 200 }}
      />
      <Select
        {...emptiable}
        label={t('overview.filters.department')}
        placeholder={t('overview.filters.all')}
        data={facets?.departments ?? []}
        value={state.department}
        onChange={(department) => filter({ department })}
        searchable
        nothingFoundMessage={t('overview.filters.noDepartment')}
        w={{ base: '100%', sm: 190 }}
      />
    </Group>
  );
};

const ServiceRow = ({ item, selected, onSelect }: { item: OverviewItem; selected: boolean; onSelect: ((on: boolean) => void) | null }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const rowLink = useRowLink();
  return (
    <Table.Tr {...rowLink(servicePath(item.id))} bg={selected ? 'var(--mantine-color-indigo-0)' : undefined}>
      {onSelect && (
        <Table.Td>
          <Checkbox aria-label={t('bulk.selectRow', { name: item.userName, service: item.msisdn ? format.phone(item.msisdn) : item.serviceType.name })} checked={selected} onChange={(event) => onSelect(event.currentTarget.checked)} />
        </Table.Td>
      )}
      <Table.Td>
        <Anchor component={Link} to={userPath(item.mobileUserId)} fz="sm" fw={600}>
          {item.userName}
        </Anchor>
        {item.department && (
          <Text fz="xs" c="dimmed">
            {item.department}
          </Text>
        )}
      </Table.Td>
      <Table.Td className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Anchor component={Link} to={servicePath(item.id)} fz="sm" fw={600}>
          {item.msisdn ? format.phone(item.msisdn) : item.serviceType.name}
        </Anchor>
        {item.fixedNumber && (
          <Text fz="xs" c="dimmed">
            {t('overview.fixed', { number: format.phone(item.fixedNumber) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Text fz="sm">{item.bundle.name}</Text>
        <Text fz="xs" c="dimmed">
          {item.productType.name} · {item.serviceType.name}
        </Text>
        {item.options.length > 0 && (
          <Text fz="xs" c="dimmed">
            + {item.options.map((option) => option.name).join(', ')}
          </Text>
        )}
      </Table.Td>
      <Table.Td ta="right" className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
        <Text fz="sm">{format.money(item.monthlyPriceCents)}</Text>
      </Table.Td>
      <Table.Td>
        <SimSummary sim={item.sim} />
      </Table.Td>
      <Table.Td>
        <ServiceStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td className="fd-nowrap">
        {item.activatedAt ? <Text fz="sm">{format.date(item.activatedAt)}</Text> : <Dash />}
      </Table.Td>
    </Table.Tr>
  );
};

/** Previous / Next with the keyset cursors, "51–100 of 20,000" and the page size. */
const CursorPager = ({ state, update, shown, total, estimated, nextCursor, prevCursor }: { state: OverviewState; update: Update; shown: number; total: number | undefined; estimated: boolean; nextCursor: string | null; prevCursor: string | null }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const sizeId = useId();
  const range = total === undefined ? null : pageRange(state.page, state.limit, shown, total);
  const toPrevious = () =>
    state.page <= 2 || !prevCursor
      ? update(BACK_TO_FIRST_PAGE) // page 1 is the plain address, without a cursor
      : update({ before: prevCursor, after: null, page: state.page - 1 });
  return (
    <Group justify="space-between" gap="md" wrap="wrap">
      <Group gap="lg" wrap="wrap">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {range ? t(estimated ? 'table.rangeAbout' : 'table.range', { from: format.number(range.from), to: format.number(range.to), total: format.number(total ?? 0) }) : '\u00a0'}
        </Text>
        <Group gap={8} wrap="nowrap">
          <Text component="label" fz="sm" c="dimmed" htmlFor={sizeId}>
            {t('table.rowsPerPage')}
          </Text>
          <Select
            id={sizeId}
            w={84}
            size="xs"
            allowDeselect={false}
            data={OVERVIEW_PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
            value={String(state.limit)}
            onChange={(value) => value && update({ limit: Number(value) === DEFAULT_OVERVIEW_LIMIT ? null : value, ...BACK_TO_FIRST_PAGE })}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
      </Group>
      <Group gap="xs">
        <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} aria-hidden="true" />} disabled={!prevCursor && state.page <= 1} onClick={toPrevious}>
          {t('overview.previous')}
        </Button>
        <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} aria-hidden="true" />} disabled={!nextCursor} onClick={() => nextCursor && update({ after: nextCursor, before: null, page: state.page + 1 })}>
          {t('overview.next')}
        </Button>
      </Group>
    </Group>
  );
};

export const MobileServicesTab = ({ state, update }: { state: OverviewState; update: Update }) => {
  const { t } = useTranslation();
  const format = useFormat();
  // read-only and billing accounts see the list, without the boxes and actions they could not use
  const mayChange = useCan('services.change');
  const filters = filtersOf(state);
  const page = useOverviewPage(state);
  const count = useOverviewCount(filters);
  const { search, setSearch, clear } = useSearchBox(state.q, (changes, replace) => update({ ...changes, ...BACK_TO_FIRST_PAGE }, replace));
  const filtered = hasFilters(filters);
  const clearAll = () => {
    setSearch('');
    update({ q: null, status: null, product: null, bundle: null, department: null, ...BACK_TO_FIRST_PAGE });
  };
  const sortBy = (column: OverviewSort) => {
    const next = nextSort(state, column);
    update({ sort: next.sort === 'user' ? null : next.sort, order: next.order === 'asc' ? null : next.order, ...BACK_TO_FIRST_PAGE });
  };
  const sorted = (column: OverviewSort) => (state.sort === column ? state.order : null);
  const data = page.data;
  const items = data?.items ?? [];
  const onLaterPage = state.after !== null || state.before !== null;
  const selection = useRowSelection(items);
  // "all N matching the filters" instead of the ticked rows of this page
  const [allMatching, setAllMatching] = useState(false);
  const [action, setAction] = useState<BulkActionKind | null>(null);
  const total = count.data?.total ?? 0;
  // above 20,000 the count is the database's estimate ("of about 140,000"): more than a bulk action takes, so no "select all"
  const estimated = count.data?.estimated ?? false;
  const selectedCount = allMatching ? total : selection.ids.length;
  const bulkSelection: BulkSelection = allMatching ? { filter: filterQuery(filters) } : { serviceIds: selection.ids };
  const clearSelection = () => {
    selection.clear();
    setAllMatching(false);
  };
  // other filters match other services: "all matching" meant the old ones
  const filterKey = JSON.stringify(filterQuery(filters));
  useEffect(() => setAllMatching(false), [filterKey]);

  return (
    <>
      <ListScaffold
        framed={false}
        query={page}
        toolbar={
          <Stack p="md" gap="sm">
            <Group gap="sm" justify="space-between" wrap="wrap" align="flex-end">
              <SearchInput
                label={t('overview.searchLabel')}
                placeholder={t('overview.searchPlaceholder')}
                value={search}
                onChange={setSearch}
                onClear={clear}
                busy={page.isFetching && !page.isLoading}
              />
              {filtered && (
                <Button variant="subtle" size="sm" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={clearAll}>
                  {t('overview.filters.clearAll')}
                </Button>
              )}
            </Group>
            <Filters state={state} update={update} />
            {mayChange && selectedCount > 0 && <BulkActionBar count={selectedCount} onAction={setAction} onClear={clearSelection} />}
            {mayChange && selection.allOnPage && !estimated && total > items.length && (
              <Text fz="sm" role="status">
                {allMatching ? t('bulk.allMatchingSelected', { count: total, formatted: format.number(total) }) : t('bulk.pageSelected', { count: items.length, formatted: format.number(items.length) })}{' '}
                <Anchor component="button" type="button" fz="sm" onClick={() => (allMatching ? clearSelection() : setAllMatching(true))}>
                  {allMatching ? t('bulk.clearSelection') : t('bulk.selectAllMatching', { count: total, formatted: format.number(total) })}
                </Anchor>
              </Text>
            )}
            {mayChange && <BulkActionsPanel />}
          </Stack>
        }
        empty={
          onLaterPage ? (
            <ListEmpty
              icon={<IconDeviceMobileOff size={28} aria-hidden="true" />}
              title={t('overview.pageEmpty')}
              action={
                <Button variant="default" onClick={() => update(BACK_TO_FIRST_PAGE)}>
                  {t('overview.firstPage')}
                </Button>
              }
            />
          ) : filtered ? (
            <NoMatch title={t('overview.noMatch')} description={t('overview.noMatchHint')} onClear={clearAll} clearLabel={t('overview.filters.clearAll')} />
          ) : (
            <ListEmpty
              icon={<IconDeviceMobileOff size={28} aria-hidden="true" />}
              title={t('overview.emptyTitle')}
              description={t('overview.emptyHint')}
              action={
                <Button component={Link} to="/self-service/uc-mobile/users" variant="default">
                  {t('nav.manageUsers')}
                </Button>
              }
            />
          )
        }
        table={{
          label: t('overview.tableLabel'),
          minWidth: 1000,
          columns: 8,
          verticalSpacing: 'xs',
          head: (
            <>
              <Table.Th w={44}>
                <Checkbox
                  aria-label={t('bulk.selectPage')}
                  checked={selection.allOnPage}
                  indeterminate={selection.someOnPage}
                  disabled={items.length === 0}
                  onChange={(event) => {
                    selection.toggleAll(event.currentTarget.checked);
                    if (!event.currentTarget.checked) setAllMatching(false);
                  }}
                />
              </Table.Th>
              <SortableTh sorted={sorted('user')} onSort={() => sortBy('user')}>
                {t('overview.columns.user')}
              </SortableTh>
              <SortableTh sorted={sorted('number')} onSort={() => sortBy('number')}>
                {t('overview.columns.number')}
              </SortableTh>
              <Table.Th>{t('overview.columns.bundle')}</Table.Th>
              <Table.Th ta="right">{t('overview.columns.monthly')}</Table.Th>
              <Table.Th>{t('overview.columns.sim')}</Table.Th>
              <Table.Th>{t('overview.columns.status')}</Table.Th>
              <SortableTh sorted={sorted('activated')} onSort={() => sortBy('activated')}>
                {t('overview.columns.activated')}
              </SortableTh>
            </>
          ),
        }}
        row={(item) => (
          <ServiceRow
            key={item.id}
            item={item}
            selected={allMatching || selection.isSelected(item.id)}
            onSelect={(on) => {
              setAllMatching(false);
              selection.toggle(item.id, on);
            }}
          />
        )}
        footer={
          data && (
            <TableFooter>
              <CursorPager state={state} update={update} shown={items.length} total={count.data?.total} estimated={estimated} nextCursor={data.nextCursor} prevCursor={data.prevCursor} />
            </TableFooter>
          )
        }
      />
      <BulkActionModal kind={action} selection={bulkSelection} count={selectedCount} sampleServiceId={items.find((i) => allMatching || selection.isSelected(i.id))?.id ?? null} onClose={() => setAction(null)} onStarted={clearSelection} />
    </>
  );
};
