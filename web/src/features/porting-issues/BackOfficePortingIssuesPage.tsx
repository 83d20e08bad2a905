import { Alert, Anchor, Button, Card, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle, IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../shared/api/client';
import type { CompanySummary, Page as PageOf } from '../../shared/api/types';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import type { PortingIssue } from './api';
import { PortingIssueCells } from './PortingIssueCells';

type Item = PortingIssue & { companyId: string; companyName: string };
type Params = { q: string; page: number; pageSize: number; companyId: string | null };

const usePortingIssuesAcross = (params: Params) =>
  useQuery({
    queryKey: ['back-office', 'porting-issues', params],
    queryFn: ({ signal }) => api.get<PageOf<Item>>('/api/back-office/porting-issues', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

const useCompanyOptions = () =>
  useQuery({
    queryKey: ['companies', 'options'],
    queryFn: ({ signal }) => api.get<PageOf<CompanySummary>>('/api/companies', { pageSize: 200 }, signal),
    staleTime: 60_000,
  });

const UUID = /^[0-9a-f-]{36}$/i;

/** Back office › Mobile porting issues: every company's refused port-ins, to help administrators; correcting stays with them. */
export const BackOfficePortingIssuesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const [searchParams, update] = useListParams();
  const companyParam = searchParams.get('company');
  const params: Params = { q: searchParams.get('q') ?? '', ...readPaging(searchParams), companyId: companyParam && UUID.test(companyParam) ? companyParam : null };
  const query = usePortingIssuesAcross(params);
  const companies = useCompanyOptions();
  const { search, setSearch, clear } = useSearchBox(params.q, update);
  const data = query.data;
  const filtered = Boolean(params.q || params.companyId);

  return (
    <Page
      title={t('nav.portingIssues')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.portingIssues') }]}
      description={data && data.total > 0 ? t('portingIssues.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
    >
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('backOffice.porting.readOnly')}
      </Alert>
      <Card padding={0}>
        <Group p="md" gap="sm" wrap="wrap">
          <SearchInput label={t('portingIssues.searchLabel')} placeholder={t('portingIssues.searchPlaceholder')} value={search} onChange={setSearch} onClear={clear} busy={query.isFetching && !query.isLoading} />
          <Select
            aria-label={t('backOffice.porting.company')}
            placeholder={t('backOffice.porting.allCompanies')}
            clearable
            searchable
            w={{ base: '100%', sm: 280 }}
            data={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            value={params.companyId}
            onChange={(value) => update({ company: value, page: null })}
            comboboxProps={{ withinPortal: true }}
          />
        </Group>
        {query.isError ? (
          <Stack p="md">
            <QueryError error={query.error} onRetry={() => query.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          filtered ? (
            <EmptyState py={48} icon={<IconSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('backOffice.porting.noMatch')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={() => (clear(), update({ company: null, q: null, page: null }))}>
                  {t('stock.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState py={48} icon={<IconCircleCheck size={28} aria-hidden="true" />} withIndicatorBackground title={t('backOffice.porting.emptyTitle')} description={t('backOffice.porting.emptyHint')} />
          )
        ) : (
          <TableScroll minWidth={980} label={t('portingIssues.tableLabel')}>
            <Table highlightOnHover aria-label={t('portingIssues.tableLabel')} aria-busy={query.isFetching} style={{ opacity: query.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backOffice.porting.company')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.user')}</Table.Th>
                  <Table.Th>{labels.field('donorOperator')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.details')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.reason')}</Table.Th>
                  <Table.Th>{t('portingIssues.columns.refused')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {query.isLoading || !data ? (
                  <TableSkeletonRows columns={6} />
                ) : (
                  data.items.map((item) => (
                    <Table.Tr key={item.serviceId} style={{ verticalAlign: 'top' }}>
                      <Table.Td>
                        <Anchor component={Link} to={`/back-office/companies/${item.companyId}`} fz="sm" fw={600}>
                          {item.companyName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="fd-nowrap">
                        <Text fz="sm" fw={600}>
                          {item.userName}
                        </Text>
                        <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                          {format.phone(item.msisdn)}
                        </Text>
                        <Text fz="xs" c="dimmed">
                          {item.serviceType.name}
                        </Text>
                      </Table.Td>
                      <PortingIssueCells item={item} />
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
