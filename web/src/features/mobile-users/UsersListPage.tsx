import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core';
import { IconBuildingBank, IconPlus, IconUpload, IconUserSearch, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { UserSort } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { ListEmpty, ListScaffold, NoMatch, useRowLink } from '../../shared/ui/ListScaffold';
import { EmployeeRequestsCard } from '../my-lines/EmployeeRequestsCard';
import { pagingHandlers, readPaging, readSort, sortControl, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { SortableTh } from '../../shared/ui/SortableTh';
import { useRowSelection } from '../../shared/ui/row-selection';
import { CostCentreModal } from './CostCentreModal';
import { useSelfServiceCrumbs } from './crumbs';
import { useMobileUsers, type MobileUserListParams } from './api';
import { SELF_SERVICE_IMPORT_PAGE } from '../imports/scope';
import { useCan } from '../auth/can';

const SORTS: readonly UserSort[] = ['name', 'email', 'department', 'createdAt'];
const DEFAULT_SORT = { sort: 'name', order: 'asc' } as const;
const NEW_USER_PATH = '/self-service/uc-mobile/users/new';

const readParams = (searchParams: URLSearchParams): MobileUserListParams => ({
  q: searchParams.get('q') ?? '',
  ...readPaging(searchParams),
  ...readSort(searchParams.get('sort'), searchParams.get('order'), SORTS, DEFAULT_SORT),
});

export const userPath = (id: string) => `/self-service/uc-mobile/users/${id}`;

/** A user's numbers, one a line, or a dash. */
/** A user's first cells in a list of users: the name, a link to the user, and the e-mail address. */
export const UserNameCells = ({ user }: { user: { id: string; firstName: string; lastName: string; email: string } }) => (
  <>
    <Table.Td className="fd-nowrap">
      <Anchor component={Link} to={userPath(user.id)} fw={600} fz="sm">
        {user.firstName} {user.lastName}
      </Anchor>
    </Table.Td>
    <Table.Td>
      <Text fz="sm">{user.email}</Text>
    </Table.Td>
  </>
);

export const NumberLines = ({ numbers }: { numbers: string[] }) => {
  const format = useFormat();
  if (numbers.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        —
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {numbers.map((number) => (
        <Text key={number} fz="sm" className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {format.phone(number)}
        </Text>
      ))}
    </Stack>
  );
};

/** How many services a user has, as a small badge (grey when none). */
export const ServiceCountBadge = ({ count }: { count: number }) => {
  const format = useFormat();
  return (
    <Badge variant="light" color={count > 0 ? 'indigo' : 'gray'} radius="sm">
      {format.number(count)}
    </Badge>
  );
};

export const UsersListPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const crumbs = useSelfServiceCrumbs();
  const rowLink = useRowLink();
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useMobileUsers(params);
  const box = useSearchBox(params.q, update);
  const { sortBy, sorted } = sortControl(params, update, { defaults: DEFAULT_SORT, firstOrder: (column) => (column === 'createdAt' ? 'desc' : 'asc') });
  const data = query.data;
  const mayChange = useCan('services.change');
  const selection = useRowSelection(data?.items ?? []);
  const [settingCentre, setSettingCentre] = useState(false);
  const createButton = mayChange && (
    <Button component={Link} to={NEW_USER_PATH} leftSection={<IconPlus size={16} aria-hidden="true" />}>
      {t('users.create')}
    </Button>
  );
  const actions = mayChange && (
    <Group gap="sm">
      <Button component={Link} to={SELF_SERVICE_IMPORT_PAGE} variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />}>
        {t('imports.open')}
      </Button>
      {createButton}
    </Group>
  );

  return (
    <Page
      title={t('nav.manageUsers')}
      breadcrumbs={crumbs}
      description={data ? t('users.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
      actions={actions || undefined}
    >
      <EmployeeRequestsCard />
      <ListScaffold
        query={query}
        search={{ label: t('users.searchLabel'), placeholder: t('users.searchPlaceholder'), box }}
        actions={
          mayChange && data?.total ? (
            <>
              <Text fz="sm" c="dimmed" aria-live="polite">
                {selection.chosen.length > 0 ? t('waiting.selected', { count: selection.chosen.length, formatted: format.number(selection.chosen.length) }) : t('users.noneSelected')}
              </Text>
              <Button variant="default" leftSection={<IconBuildingBank size={16} aria-hidden="true" />} disabled={selection.chosen.length === 0} onClick={() => setSettingCentre(true)}>
                {t('costCentre.action')}
              </Button>
            </>
          ) : undefined
        }
        empty={
          params.q ? (
            <NoMatch
              icon={<IconUserSearch size={28} aria-hidden="true" />}
              title={t('users.noMatch', { q: params.q })}
              description={t('users.noMatchHint')}
              onClear={box.clear}
              clearLabel={t('actions.clearSearch')}
            />
          ) : (
            <ListEmpty icon={<IconUsers size={28} aria-hidden="true" />} title={t('users.emptyTitle')} description={t('users.emptyHint')} action={createButton || undefined} />
          )
        }
        table={{
          label: t('users.tableLabel'),
          minWidth: 1000,
          columns: mayChange ? 9 : 8,
          head: (
            <>
              {mayChange && (
                <Table.Th w={44}>
                  <Checkbox
                    aria-label={t('users.selectAll')}
                    checked={selection.allOnPage}
                    indeterminate={selection.someOnPage}
                    disabled={!data?.items.length}
                    onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
                  />
                </Table.Th>
              )}
              <SortableTh sorted={sorted('name')} onSort={() => sortBy('name')}>
                {t('users.columns.name')}
              </SortableTh>
              <SortableTh sorted={sorted('email')} onSort={() => sortBy('email')}>
                {labels.field('email')}
              </SortableTh>
              <Table.Th>{t('users.columns.numbers')}</Table.Th>
              <SortableTh sorted={sorted('department')} onSort={() => sortBy('department')}>
                {labels.field('department')}
              </SortableTh>
              <Table.Th>{labels.field('costCentre')}</Table.Th>
              <Table.Th>{labels.field('officeId')}</Table.Th>
              <Table.Th ta="right">{t('users.columns.services')}</Table.Th>
              <SortableTh sorted={sorted('createdAt')} onSort={() => sortBy('createdAt')}>
                {t('users.columns.created')}
              </SortableTh>
            </>
          ),
        }}
        row={(user) => (
          <Table.Tr key={user.id} {...rowLink(userPath(user.id))} bg={selection.isSelected(user.id) ? 'var(--mantine-color-indigo-0)' : undefined}>
            {mayChange && (
              <Table.Td>
                <Checkbox
                  aria-label={t('users.selectRow', { name: `${user.firstName} ${user.lastName}` })}
                  checked={selection.isSelected(user.id)}
                  onChange={(event) => selection.toggle(user.id, event.currentTarget.checked)}
                />
              </Table.Td>
            )}
            <UserNameCells user={user} />
            <Table.Td>
              <NumberLines numbers={user.numbers} />
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{user.department ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{user.costCentre ?? '—'}</Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm">{user.officeName ?? '—'}</Text>
            </Table.Td>
            <Table.Td ta="right">
              <ServiceCountBadge count={user.serviceCount} />
            </Table.Td>
            <Table.Td className="fd-nowrap">
              <Text fz="sm">{format.date(user.createdAt)}</Text>
            </Table.Td>
          </Table.Tr>
        )}
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />
      <CostCentreModal opened={settingCentre} onClose={() => setSettingCentre(false)} userIds={selection.ids} onDone={selection.clear} />
    </Page>
  );
};
