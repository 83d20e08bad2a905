import { Anchor, Button, Card, Checkbox, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconCalendarTime, IconClockPause, IconPlayerPlay, IconSearch, IconUsers } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SortOrder } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { SortableTh } from '../../shared/ui/SortableTh';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';
import { userPath } from '../mobile-users/UsersListPage';
import { ScheduleModal, StartActivationModal } from './ActivationModals';
import { useWaitingServices, type WaitingListParams, type WaitingSort } from './api';
import { useServiceText } from './service-text';
import { servicePath } from './ServiceDetailPage';

const SORTS: readonly WaitingSort[] = ['createdAt', 'userName', 'scheduledStartAt'];
// Newest first: after saving a batch with "start later", that batch is on top.
const DEFAULT_SORT: WaitingSort = 'createdAt';
const DEFAULT_ORDER: SortOrder = 'desc';

const readParams = (searchParams: URLSearchParams): WaitingListParams => {
  const sort = searchParams.get('sort') as WaitingSort | null;
  const order = searchParams.get('order');
  return {
    q: searchParams.get('q') ?? '',
    ...readPaging(searchParams),
    sort: sort && SORTS.includes(sort) ? sort : DEFAULT_SORT,
    order: order === 'asc' || order === 'desc' ? order : DEFAULT_ORDER,
  };
};

export const WAITING_PATH = '/self-service/uc-mobile/waiting';

export const WaitingServicesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  const navigate = useNavigate();
  const crumbs = useSelfServiceCrumbs().slice(0, 2);
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useWaitingServices(params);
  const { search, setSearch, clear: clearSearch } = useSearchBox(params.q, update);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [dialog, setDialog] = useState<'start' | 'schedule' | null>(null);

  const data = query.data;
  const items = data?.items ?? [];
  // Only what is on screen can be acted on: a selection never hides on another page.
  const chosen = items.filter((item) => selected.has(item.id));
  const chosenIds = chosen.map((item) => item.id);
  const allOnPage = items.length > 0 && chosen.length === items.length;

  const sortBy = (column: WaitingSort) => {
    const order: SortOrder = params.sort === column ? (params.order === 'asc' ? 'desc' : 'asc') : column === 'createdAt' ? 'desc' : 'asc';
    const isDefault = column === DEFAULT_SORT && order === DEFAULT_ORDER;
    update({ sort: isDefault ? null : column, order: isDefault ? null : order, page: null });
  };
  const sortedState = (column: WaitingSort) => (params.sort === column ? params.order : null);

  const toggle = (id: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const toggleAll = (on: boolean) => setSelected(on ? new Set(items.map((item) => item.id)) : new Set());

  const openRow = (id: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest('a, button, input, label')) return;
    if (event.metaKey || event.ctrlKey) window.open(servicePath(id), '_blank', 'noopener');
    else navigate(servicePath(id));
  };

  const COLUMNS = 7;

  return (
    <Page
      title={t('nav.waitingServices')}
      breadcrumbs={crumbs}
      description={data ? t('waiting.count', { count: data.total, formatted: format.number(data.total) }) : t('waiting.intro')}
    >
      <Card padding={0}>
        <Group p="md" gap="sm" justify="space-between" wrap="wrap">
          <SearchInput
            label={t('waiting.searchLabel')}
            placeholder={t('waiting.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onClear={clearSearch}
            busy={query.isFetching && !query.isLoading}
          />
          <Group gap="sm" wrap="wrap" display={data && data.total === 0 ? 'none' : undefined}>
            <Text fz="sm" c="dimmed" aria-live="polite">
              {chosen.length > 0 ? t('waiting.selected', { count: chosen.length, formatted: format.number(chosen.length) }) : t('waiting.noneSelected')}
            </Text>
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} disabled={chosen.length === 0} onClick={() => setDialog('start')}>
              {t('waiting.start')}
            </Button>
            <Button variant="default" leftSection={<IconCalendarTime size={16} aria-hidden="true" />} disabled={chosen.length === 0} onClick={() => setDialog('schedule')}>
              {t('waiting.scheduleAction')}
            </Button>
          </Group>
        </Group>

        {query.isError ? (
          <Stack p="md">
            <QueryError error={query.error} onRetry={() => query.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          params.q ? (
            <EmptyState py={48} icon={<IconSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('waiting.noMatch', { q: params.q })} description={t('waiting.noMatchHint')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={clearSearch}>
                  {t('actions.clearSearch')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState py={48} icon={<IconClockPause size={28} aria-hidden="true" />} withIndicatorBackground title={t('waiting.emptyTitle')} description={t('waiting.emptyHint')}>
              <EmptyState.Actions>
                <Button component={Link} to="/self-service/uc-mobile/users" variant="default" leftSection={<IconUsers size={16} aria-hidden="true" />}>
                  {t('nav.manageUsers')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )
        ) : (
          <TableScroll minWidth={980} label={t('waiting.tableLabel')}>
            <Table highlightOnHover horizontalSpacing="sm" aria-label={t('waiting.tableLabel')} aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={44}>
                    <Checkbox
                      aria-label={t('waiting.selectAll')}
                      checked={allOnPage}
                      indeterminate={chosen.length > 0 && !allOnPage}
                      disabled={items.length === 0}
                      onChange={(event) => toggleAll(event.currentTarget.checked)}
                    />
                  </Table.Th>
                  <SortableTh sorted={sortedState('userName')} onSort={() => sortBy('userName')}>
                    {t('waiting.columns.user')}
                  </SortableTh>
                  <Table.Th>{t('waiting.columns.service')}</Table.Th>
                  <Table.Th>{t('waiting.columns.number')}</Table.Th>
                  <Table.Th>{t('waiting.columns.method')}</Table.Th>
                  <SortableTh sorted={sortedState('scheduledStartAt')} onSort={() => sortBy('scheduledStartAt')}>
                    {t('waiting.columns.scheduled')}
                  </SortableTh>
                  <SortableTh sorted={sortedState('createdAt')} onSort={() => sortBy('createdAt')}>
                    {t('waiting.columns.created')}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.isLoading ? (
                  <TableSkeletonRows columns={COLUMNS} />
                ) : (
                  items.map((item) => (
                    <Table.Tr key={item.id} className="fd-row-link" onClick={openRow(item.id)} bg={selected.has(item.id) ? 'var(--mantine-color-indigo-0)' : undefined}>
                      <Table.Td>
                        <Checkbox
                          aria-label={t('waiting.selectRow', { name: item.userName, service: item.serviceType.name })}
                          checked={selected.has(item.id)}
                          onChange={(event) => toggle(item.id, event.currentTarget.checked)}
                        />
                      </Table.Td>
                      <Table.Td className="fd-nowrap">
                        <Anchor component={Link} to={userPath(item.mobileUserId)} fz="sm" fw={600}>
                          {item.userName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={servicePath(item.id)} fz="sm">
                          {item.serviceType.name}
                        </Anchor>
                        <Text fz="xs" c="dimmed">
                          {item.productType.name} · {item.bundle.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {item.msisdn ? (
                          <Text fz="sm" className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {format.phone(item.msisdn)}
                          </Text>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            —
                          </Text>
                        )}
                        {item.numberSource && (
                          <Text fz="xs" c="dimmed">
                            {text.numberSource(item.numberSource)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{item.activationMethod ? text.method(item.activationMethod) : '—'}</Text>
                        {item.simChoice && (
                          <Text fz="xs" c="dimmed">
                            {text.simChoice(item.simChoice)}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className="fd-nowrap">
                        {item.scheduledStartAt ? (
                          <Text fz="sm">{format.dateTime(item.scheduledStartAt)}</Text>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            {t('waiting.byHand')}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td className="fd-nowrap">
                        <Text fz="sm">{format.dateTime(item.createdAt)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}

        {data && data.total > 0 && (
          <TableFooter>
            <TablePager page={params.page} pageSize={params.pageSize} total={data.total} {...pagingHandlers(update)} />
          </TableFooter>
        )}
      </Card>

      <StartActivationModal opened={dialog === 'start'} onClose={() => setDialog(null)} serviceIds={chosenIds} onDone={() => setSelected(new Set())} />
      <ScheduleModal
        opened={dialog === 'schedule'}
        onClose={() => setDialog(null)}
        serviceIds={chosenIds}
        current={chosen.length === 1 ? chosen[0]!.scheduledStartAt : null}
        canClear={chosen.some((item) => item.scheduledStartAt !== null)}
        onDone={() => setSelected(new Set())}
      />
    </Page>
  );
};
