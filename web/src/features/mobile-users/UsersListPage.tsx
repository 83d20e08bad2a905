import {
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  CloseButton,
  EmptyState,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useCallback, useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../shared/ui/TableScroll';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { SortOrder, UserSort } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SortableTh } from '../../shared/ui/SortableTh';
import { PAGE_SIZES, TablePager } from '../../shared/ui/TablePager';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useSelfServiceCrumbs } from './crumbs';
import { useMobileUsers, type MobileUserListParams } from './api';

const SORTS: readonly UserSort[] = ['name', 'email', 'department', 'createdAt'];
const DEFAULT_PAGE_SIZE = 20;

const readParams = (searchParams: URLSearchParams): MobileUserListParams => {
  const page = Number(searchParams.get('page'));
  const pageSize = Number(searchParams.get('pageSize'));
  const sort = searchParams.get('sort') as UserSort | null;
  const order = searchParams.get('order');
  return {
    q: searchParams.get('q') ?? '',
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    sort: sort && SORTS.includes(sort) ? sort : 'name',
    order: order === 'desc' ? 'desc' : 'asc',
  };
};

export const userPath = (id: string) => `/self-service/uc-mobile/users/${id}`;

export const UsersListPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const crumbs = useSelfServiceCrumbs();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const params = readParams(searchParams);
  const query = useMobileUsers(params);

  // The search box is local state, written to the URL (?q=) once typing pauses.
  const [search, setSearch] = useState(params.q);
  const [debouncedSearch] = useDebouncedValue(search, 300);

  const update = useCallback(
    (changes: Record<string, string | number | null>, replace = false) => {
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

  useEffect(() => {
    const trimmed = debouncedSearch.trim();
    if (trimmed !== params.q.trim()) update({ q: trimmed || null, page: null }, true);
    // only the debounced input drives this; URL changes are mirrored below
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debouncedSearch]);

  useEffect(() => {
    setSearch((current) => (current.trim() === params.q.trim() ? current : params.q));
  }, [params.q]);

  const clearSearch = () => {
    setSearch('');
    update({ q: null, page: null });
  };

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
          <TextInput
            type="search"
            aria-label={t('users.searchLabel')}
            placeholder={t('users.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape' && search) clearSearch();
            }}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            rightSection={
              query.isFetching && !query.isLoading ? (
                <Loader size={14} aria-hidden="true" />
              ) : search ? (
                <CloseButton size="sm" aria-label={t('users.clearSearch')} onClick={clearSearch} />
              ) : null
            }
            w={{ base: '100%', sm: 380 }}
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
                  {t('users.clearSearch')}
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
          <Box p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <TablePager
              page={params.page}
              pageSize={params.pageSize}
              total={data.total}
              onPageChange={(page) => update({ page: page === 1 ? null : page })}
              onPageSizeChange={(pageSize) => update({ pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize, page: null })}
            />
          </Box>
        )}
      </Card>
    </Page>
  );
};
