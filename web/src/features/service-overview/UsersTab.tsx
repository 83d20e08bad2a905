import { Table, Text } from '@mantine/core';
import { IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserSort } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { ListEmpty, ListScaffold } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, readSort, sortControl, useSearchBox, type ListKeys, type ParamChanges } from '../../shared/ui/list-params';
import { SortableTh } from '../../shared/ui/SortableTh';
import { useMobileUsers } from '../mobile-users/api';
import { ServiceCountBadge, UserNameCells } from '../mobile-users/UsersListPage';

// "All users of your organisation" (seed), from the same list API as Manage users. Its address keys
// carry a `u` prefix so that the services tab's search and paging survive a visit to this tab.
const KEYS: ListKeys = { q: 'uq', page: 'upage', pageSize: 'upageSize', sort: 'usort', order: 'uorder' };
const SORTS: readonly UserSort[] = ['name', 'department'];
const DEFAULT_SORT = { sort: 'name', order: 'asc' } as const;

type Update = (changes: ParamChanges, replace?: boolean) => void;

const readUserParams = (searchParams: URLSearchParams) => ({
  q: searchParams.get(KEYS.q) ?? '',
  ...readPaging(searchParams, KEYS),
  ...readSort(searchParams.get(KEYS.sort), searchParams.get(KEYS.order), SORTS, DEFAULT_SORT),
});

export const UsersTab = ({ searchParams, update }: { searchParams: URLSearchParams; update: Update }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const params = readUserParams(searchParams);
  const query = useMobileUsers(params);
  const box = useSearchBox(params.q, update, KEYS);
  const { sortBy, sorted } = sortControl(params, update, { defaults: DEFAULT_SORT, keys: KEYS });

  return (
    <ListScaffold
      framed={false}
      query={query}
      search={{ label: t('users.searchLabel'), placeholder: t('users.searchPlaceholder'), box }}
      empty={
        params.q ? (
          <ListEmpty icon={<IconUserSearch size={28} aria-hidden="true" />} title={t('users.noMatch', { q: params.q })} description={t('users.noMatchHint')} />
        ) : (
          <ListEmpty icon={<IconUsers size={28} aria-hidden="true" />} title={t('users.emptyTitle')} description={t('users.emptyHint')} />
        )
      }
      table={{
        label: t('overview.usersTableLabel'),
        minWidth: 760,
        columns: 5,
        head: (
          <>
            <SortableTh sorted={sorted('name')} onSort={() => sortBy('name')}>
              {t('users.columns.name')}
            </SortableTh>
            <Table.Th>{labels.field('email')}</Table.Th>
            <Table.Th>{t('users.columns.numbers')}</Table.Th>
            <SortableTh sorted={sorted('department')} onSort={() => sortBy('department')}>
              {labels.field('department')}
            </SortableTh>
            <Table.Th ta="right">{t('users.columns.services')}</Table.Th>
          </>
        ),
      }}
      row={(user) => (
        <Table.Tr key={user.id}>
          <UserNameCells user={user} />
          <Table.Td className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
            <Text fz="sm">{user.numbers.length ? user.numbers.map((number) => format.phone(number)).join(', ') : '—'}</Text>
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{user.department ?? '—'}</Text>
          </Table.Td>
          <Table.Td ta="right">
            <ServiceCountBadge count={user.serviceCount} />
          </Table.Td>
        </Table.Tr>
      )}
      pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update, KEYS) }}
    />
  );
};
