import { Anchor, Badge, Box, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SortOrder, UserSort } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { DEFAULT_PAGE_SIZE, positiveInt, type ParamChanges } from '../../shared/ui/list-params';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { SortableTh } from '../../shared/ui/SortableTh';
import { PAGE_SIZES, TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useMobileUsers } from '../mobile-users/api';
import { userPath } from '../mobile-users/UsersListPage';

// "All users of your organisation" (seed), from the same list API as Manage users. Its address keys
// carry a `u` prefix so that the services tab's search and paging survive a visit to this tab.

type Update = (changes: ParamChanges, replace?: boolean) => void;

const readUserParams = (searchParams: URLSearchParams) => {
  const size = Number(searchParams.get('upageSize'));
  const sort = searchParams.get('usort');
  return {
    q: searchParams.get('uq') ?? '',
    page: positiveInt(searchParams.get('upage')),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    sort: (sort === 'department' ? 'department' : 'name') as UserSort,
    order: (searchParams.get('uorder') === 'desc' ? 'desc' : 'asc') as SortOrder,
  };
};

export const UsersTab = ({ searchParams, update }: { searchParams: URLSearchParams; update: Update }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const params = readUserParams(searchParams);
  const query = useMobileUsers(params);
  const [search, setSearch] = useState(params.q);
  const [debounced] = useDebouncedValue(search, 300);

  useEffect(() => {
    if (debounced.trim() !== params.q.trim()) update({ uq: debounced.trim() || null, upage: null }, true);
    // the debounced input drives this; address changes are mirrored below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);
  useEffect(() => {
    setSearch((current) => (current.trim() === params.q.trim() ? current : params.q));
  }, [params.q]);

  const clear = () => {
    setSearch('');
    update({ uq: null, upage: null });
  };
  const sortBy = (column: UserSort) => {
    const order: SortOrder = params.sort === column && params.order === 'asc' ? 'desc' : 'asc';
    update({ usort: column === 'name' ? null : column, uorder: order === 'asc' ? null : order, upage: null });
  };
  const sorted = (column: UserSort) => (params.sort === column ? params.order : null);
  const data = query.data;

  return (
    <Stack gap={0}>
      <Group p="md">
        <SearchInput label={t('users.searchLabel')} placeholder={t('users.searchPlaceholder')} value={search} onChange={setSearch} onClear={clear} busy={query.isFetching && !query.isLoading} />
      </Group>
      {query.isError ? (
        <Box p="md">
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        </Box>
      ) : data && data.total === 0 ? (
        params.q ? (
          <EmptyState py={48} icon={<IconUserSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('users.noMatch', { q: params.q })} description={t('users.noMatchHint')} />
        ) : (
          <EmptyState py={48} icon={<IconUsers size={28} aria-hidden="true" />} withIndicatorBackground title={t('users.emptyTitle')} description={t('users.emptyHint')} />
        )
      ) : (
        <TableScroll minWidth={760} label={t('overview.usersTableLabel')}>
          <Table highlightOnHover horizontalSpacing="sm" aria-label={t('overview.usersTableLabel')} aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
            <Table.Thead>
              <Table.Tr>
                <SortableTh sorted={sorted('name')} onSort={() => sortBy('name')}>
                  {t('users.columns.name')}
                </SortableTh>
                <Table.Th>{labels.field('email')}</Table.Th>
                <Table.Th>{t('users.columns.numbers')}</Table.Th>
                <SortableTh sorted={sorted('department')} onSort={() => sortBy('department')}>
                  {labels.field('department')}
                </SortableTh>
                <Table.Th ta="right">{t('users.columns.services')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {query.isLoading ? (
                <TableSkeletonRows columns={5} />
              ) : (
                data?.items.map((user) => (
                  <Table.Tr key={user.id}>
                    <Table.Td className="fd-nowrap">
                      <Anchor component={Link} to={userPath(user.id)} fw={600} fz="sm">
                        {user.firstName} {user.lastName}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{user.email}</Text>
                    </Table.Td>
                    <Table.Td className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
                      <Text fz="sm">{user.numbers.length ? user.numbers.map((number) => format.phone(number)).join(', ') : '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text fz="sm">{user.department ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Badge variant="light" color={user.serviceCount > 0 ? 'indigo' : 'gray'} radius="sm">
                        {format.number(user.serviceCount)}
                      </Badge>
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
          <TablePager
            page={params.page}
            pageSize={params.pageSize}
            total={data.total}
            onPageChange={(page) => update({ upage: page === 1 ? null : page })}
            onPageSizeChange={(size) => update({ upageSize: size === DEFAULT_PAGE_SIZE ? null : size, upage: null })}
          />
        </TableFooter>
      )}
    </Stack>
  );
};
