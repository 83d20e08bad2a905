import { Anchor, Badge, Button, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { SortOrder, UserSort } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { SortableTh } from '../../shared/ui/SortableTh';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useSelfServiceCrumbs } from './crumbs';
import { useMobileUsers, type MobileUserListParams } from './api';

const SORTS: readonly UserSort[] = ['name', 'email', 'department', 'createdAt'];

const readParams = (searchParams: URLSearchParams): MobileUserListParams => {
  const sort = searchParams.get('sort') as UserSort | null;
  return {
    q: searchParams.get('q') ?? '',
    ...readPaging(searchParams),
    sort: sort && SORTS.includes(sort) ? sort : 'name',
    order: searchParams.get('order') === 'desc' ? 'desc' : 'asc',
  };
};

export const userPath = (id: string) => `/self-service/uc-mobile/users/${id}`;

export const UsersListPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const crumbs = useSelfServiceCrumbs();
  const navigate = useNavigate();
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useMobileUsers(params);
  const { search, setSearch, clear: clearSearch } = useSearchBox(params.q, update);

  const sortBy = (column: UserSort) => {
    const order: SortOrder =
      params.sort === column ? (params.order === 'asc' ? 'desc' : 'asc') : column === 'createdAt' ? 'desc' : 'asc';
    update({ sort: column === 'name' && order === 'asc' ? null : column, order: order === 'asc' ? null : order, page: null });
  };

  const sortedState = (column: UserSort) => (params.sort === column ? params.order : null);

  const openRow = (id: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    // The name is a real link; clicks on it (or any other control) are left alone.
    if ((event.target as HTMLElement).closest('a, button, input')) return;
    if (event.metaKey || event.ctrlKey) window.open(userPath(id), '_blank', 'noopener');
    else navigate(userPath(id));
  };

  const data = query.data;
  const items = data?.items ?? [];
  const COLUMNS = 7;

  return (
    <Page
      title={t('nav.manageUsers')}
      breadcrumbs={crumbs}
      description={data ? t('users.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
      actions={
        <Button component={Link} to="/self-service/uc-mobile/users/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
          {t('users.create')}
        </Button>
      }
    >
      <Card padding={0}>
        <Group p="md" gap="sm" justify="space-between" wrap="wrap">
          <SearchInput
            label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onClear={clearSearch}
            busy={query.isFetching && !query.isLoading}
          />
        </Group>

        {query.isError ? (
          <Stack p="md">
            <QueryError error={query.error} onRetry={() => query.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          params.q ? (
            <EmptyState
              py={48}
              icon={<IconUserSearch size={28} aria-hidden="true" />}
              withIndicatorBackground
              title={t('users.noMatch', { q: params.q })}
              description={t('users.noMatchHint')}
            >
              <EmptyState.Actions>
                <Button variant="default" onClick={clearSearch}>
                  {t('actions.clearSearch')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState
              py={48}
              icon={<IconUsers size={28} aria-hidden="true" />}
              withIndicatorBackground
              title={t('users.emptyTitle')}
              description={t('users.emptyHint')}
            >
              <EmptyState.Actions>
                <Button component={Link} to="/self-service/uc-mobile/users/new" leftSection={<IconPlus size={16} aria-hidden="true" />}>
                  {t('users.create')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )
        ) : (
          <TableScroll minWidth={860} label={t('users.tableLabel')}>
            <Table highlightOnHover horizontalSpacing="sm" aria-label={t('users.tableLabel')} aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <SortableTh sorted={sortedState('name')} onSort={() => sortBy('name')}>
                    {t('users.columns.name')}
                  </SortableTh>
                  <SortableTh sorted={sortedState('email')} onSort={() => sortBy('email')}>
                    {labels.field('email')}
                  </SortableTh>
                  <Table.Th>{t('users.columns.numbers')}</Table.Th>
                  <SortableTh sorted={sortedState('department')} onSort={() => sortBy('department')}>
                    {labels.field('department')}
                  </SortableTh>
                  <Table.Th>{labels.field('officeId')}</Table.Th>
                  <Table.Th ta="right">{t('users.columns.services')}</Table.Th>
                  <SortableTh sorted={sortedState('createdAt')} onSort={() => sortBy('createdAt')}>
                    {t('users.columns.created')}
                  </SortableTh>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.isLoading ? (
                  <TableSkeletonRows columns={COLUMNS} />
                ) : (
                  items.map((user) => (
                    <Table.Tr key={user.id} className="fd-row-link" onClick={openRow(user.id)}>
                      <Table.Td className="fd-nowrap">
                        <Anchor component={Link} to={userPath(user.id)} fw={600} fz="sm">
                          {user.firstName} {user.lastName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{user.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        {user.numbers.length === 0 ? (
                          <Text fz="sm" c="dimmed">
                            —
                          </Text>
                        ) : (
                          <Stack gap={0}>
                            {user.numbers.map((number) => (
                              <Text key={number} fz="sm" className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
                                {format.phone(number)}
                              </Text>
                            ))}
                          </Stack>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{user.department ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{user.officeName ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Badge variant="light" color={user.serviceCount > 0 ? 'indigo' : 'gray'} radius="sm">
                          {format.number(user.serviceCount)}
                        </Badge>
                      </Table.Td>
                      <Table.Td className="fd-nowrap">
                        <Text fz="sm">{format.date(user.createdAt)}</Text>
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
    </Page>
  );
};
