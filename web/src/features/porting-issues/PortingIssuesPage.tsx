import { Alert, Anchor, Button, Card, EmptyState, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconPencil, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useOperator } from '../auth/session';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';
import { userPath } from '../mobile-users/UsersListPage';
import { servicePath } from '../services/ServiceDetailPage';
import { CorrectPortModal } from './CorrectPortModal';
import { usePortingIssues, type PortingIssue, type PortingIssueListParams } from './api';
import { PortingIssueCells } from './PortingIssueCells';

const readParams = (searchParams: URLSearchParams): PortingIssueListParams => ({
  q: searchParams.get('q') ?? '',
  ...readPaging(searchParams),
});

const COLUMNS = 6;

export const PortingIssuesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const portal = useOperator().data?.portalName ?? 'MyDstny';
  const crumbs = useSelfServiceCrumbs().slice(0, 2);
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = usePortingIssues(params);
  const { search, setSearch, clear: clearSearch } = useSearchBox(params.q, update);
  const [editing, setEditing] = useState<PortingIssue | null>(null);

  const data = query.data;
  const items = data?.items ?? [];

  return (
    <Page
      title={t('nav.portingIssues')}
      breadcrumbs={crumbs}
      description={data && data.total > 0 ? t('portingIssues.count', { count: data.total, formatted: format.number(data.total) }) : t('portingIssues.intro')}
    >
      <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('portingIssues.explainTitle')}>
        {t('portingIssues.explain', { portal })}
      </Alert>
      <Card padding={0}>
        <Stack p="md" gap="sm">
          <SearchInput
            label={t('portingIssues.searchLabel')}
            placeholder={t('portingIssues.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onClear={clearSearch}
            busy={query.isFetching && !query.isLoading}
          />
        </Stack>

        {query.isError ? (
          <Stack p="md">
            <QueryError error={query.error} onRetry={() => query.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          params.q ? (
            <EmptyState py={48} icon={<IconSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('portingIssues.noMatch', { q: params.q })} description={t('portingIssues.noMatchHint')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={clearSearch}>
                  {t('actions.clearSearch')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState py={48} icon={<IconCircleCheck size={28} aria-hidden="true" />} withIndicatorBackground title={t('portingIssues.emptyTitle')} description={t('portingIssues.emptyHint')} />
          )
        ) : (
          <TableScroll minWidth={940} label={t('portingIssues.tableLabel')}>
            <Table highlightOnHover horizontalSpacing="sm" aria-label={t('portingIssues.tableLabel')} aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('portingIssues.columns.user')}</Table.Th>
                  <Table.Th>{labels.field('donorOperator')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.details')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.reason')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.refused')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('portingIssues.columns.action')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.isLoading ? (
                  <TableSkeletonRows columns={COLUMNS} />
                ) : (
                  items.map((item) => (
                    <Table.Tr key={item.serviceId} style={{ verticalAlign: 'top' }}>
                      <Table.Td className="fd-nowrap">
                        <Anchor component={Link} to={userPath(item.mobileUserId)} fz="sm" fw={600}>
                          {item.userName}
                        </Anchor>
                        <Text fz="sm">
                          <Anchor component={Link} to={servicePath(item.serviceId)} fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                            {format.phone(item.msisdn)}
                          </Anchor>
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {item.serviceType.name}
                        </Text>
                      </Table.Td>
                      <PortingIssueCells item={item} />
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="light"
                          leftSection={<IconPencil size={14} aria-hidden="true" />}
                          onClick={() => setEditing(item)}
                          // the visible words first, so speech control finds the button by what it shows
                          aria-label={`${t('portingIssues.correct')} – ${format.phone(item.msisdn)} (${item.userName})`}
                        >
                          {t('portingIssues.correct')}
                        </Button>
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

      <CorrectPortModal issue={editing} onClose={() => setEditing(null)} />
    </Page>
  );
};
