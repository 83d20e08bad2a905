import { Anchor, Button, Checkbox, Table, Text } from '@mantine/core';
import { IconCalendarTime, IconClockPause, IconPlayerPlay, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WaitingSort } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch, useRowLink } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, readSort, sortControl, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { SortableTh } from '../../shared/ui/SortableTh';
import { useRowSelection } from '../../shared/ui/row-selection';
import { PhoneText } from '../../shared/ui/values';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';
import { userPath } from '../mobile-users/UsersListPage';
import { ScheduleModal, StartActivationModal } from './ActivationModals';
import { useWaitingServices, type WaitingListParams } from './api';
import { useServiceText } from './service-text';
import { servicePath } from './ServiceDetailPage';
import { useCan } from '../auth/can';

const SORTS: readonly WaitingSort[] = ['createdAt', 'userName', 'scheduledStartAt'];
// Newest first: after saving a batch with "start later", that batch is on top.
const DEFAULT_SORT = { sort: 'createdAt', order: 'desc' } as const;

const readParams = (searchParams: URLSearchParams): WaitingListParams => ({
  q: searchParams.get('q') ?? '',
  ...readPaging(searchParams),
  ...readSort(searchParams.get('sort'), searchParams.get('order'), SORTS, DEFAULT_SORT),
});

export const WAITING_PATH = '/self-service/uc-mobile/waiting';

export const WaitingServicesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  const rowLink = useRowLink();
  const crumbs = useSelfServiceCrumbs().slice(0, 2);
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useWaitingServices(params);
  const box = useSearchBox(params.q, update);
  const [dialog, setDialog] = useState<'start' | 'schedule' | null>(null);

  const data = query.data;
  const items = data?.items ?? [];
  const selection = useRowSelection(items);
  const chosen = selection.chosen;
  const mayChange = useCan('services.change');

  const { sortBy, sorted } = sortControl(params, update, { defaults: DEFAULT_SORT, firstOrder: (column) => (column === 'createdAt' ? 'desc' : 'asc') });

  return (
    <Page
      title={t('nav.waitingServices')}
      breadcrumbs={crumbs}
      description={data ? t('waiting.count', { count: data.total, formatted: format.number(data.total) }) : t('waiting.intro')}
    >
      <ListScaffold
        query={query}
        search={{ label: t('waiting.searchLabel'), placeholder: t('waiting.searchPlaceholder'), box }}
        actions={
          !mayChange || data?.total === 0 ? undefined : (
            <>
              <Text fz="sm" c="dimmed" aria-live="polite">
                {chosen.length > 0 ? t('waiting.selected', { count: chosen.length, formatted: format.number(chosen.length) }) : t('waiting.noneSelected')}
              </Text>
              <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} disabled={chosen.length === 0} onClick={() => setDialog('start')}>
                {t('waiting.start')}
              </Button>
              <Button variant="default" leftSection={<IconCalendarTime size={16} aria-hidden="true" />} disabled={chosen.length === 0} onClick={() => setDialog('schedule')}>
                {t('waiting.scheduleAction')}
              </Button>
            </>
          )
        }
        empty={
          params.q ? (
            <NoMatch title={t('waiting.noMatch', { q: params.q })} description={t('waiting.noMatchHint')} onClear={box.clear} clearLabel={t('actions.clearSearch')} />
          ) : (
            <ListEmpty
              icon={<IconClockPause size={28} aria-hidden="true" />}
              title={t('waiting.emptyTitle')}
              description={t('waiting.emptyHint')}
              action={
                <Button component={Link} to="/self-service/uc-mobile/users" variant="default" leftSection={<IconUsers size={16} aria-hidden="true" />}>
                  {t('nav.manageUsers')}
                </Button>
              }
            />
          )
        }
        table={{
          label: t('waiting.tableLabel'),
          minWidth: 980,
          columns: mayChange ? 7 : 6,
          head: (
            <>
              {mayChange && <Table.Th w={44}>
                <Checkbox
                  aria-label={t('waiting.selectAll')}
                  checked={selection.allOnPage}
                  indeterminate={selection.someOnPage}
                  disabled={items.length === 0}
                  onChange={(event) => selection.toggleAll(event.currentTarget.checked)}
                />
              </Table.Th>}
              <SortableTh sorted={sorted('userName')} onSort={() => sortBy('userName')}>
                {t('waiting.columns.user')}
              </SortableTh>
              <Table.Th>{t('waiting.columns.service')}</Table.Th>
              <Table.Th>{t('waiting.columns.number')}</Table.Th>
              <Table.Th>{t('waiting.columns.method')}</Table.Th>
              <SortableTh sorted={sorted('scheduledStartAt')} onSort={() => sortBy('scheduledStartAt')}>
                {t('waiting.columns.scheduled')}
              </SortableTh>
              <SortableTh sorted={sorted('createdAt')} onSort={() => sortBy('createdAt')}>
                {t('waiting.columns.created')}
              </SortableTh>
            </>
          ),
        }}
        row={(item) => (
          <Table.Tr key={item.id} {...rowLink(servicePath(item.id))} bg={selection.isSelected(item.id) ? 'var(--mantine-color-indigo-0)' : undefined}>
            {mayChange && <Table.Td>
              <Checkbox
                aria-label={t('waiting.selectRow', { name: item.userName, service: item.serviceType.name })}
                checked={selection.isSelected(item.id)}
                onChange={(event) => selection.toggle(item.id, event.currentTarget.checked)}
              />
            </Table.Td>}
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
              <PhoneText msisdn={item.msisdn} />
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
        )}
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />

      <StartActivationModal opened={dialog === 'start'} onClose={() => setDialog(null)} serviceIds={selection.ids} onDone={selection.clear} />
      <ScheduleModal
        opened={dialog === 'schedule'}
        onClose={() => setDialog(null)}
        serviceIds={selection.ids}
        current={chosen.length === 1 ? chosen[0]!.scheduledStartAt : null}
        canClear={chosen.some((item) => item.scheduledStartAt !== null)}
        onDone={selection.clear}
      />
    </Page>
  );
};
