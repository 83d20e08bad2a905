import { Button, Card, Checkbox, EmptyState, Group, Select, Stack } from '@mantine/core';
import { IconInbox, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { useCompanies } from '../companies/api';
import { backOfficeRequestPath, useRequestQueue, type QueueParams } from './api';
import { isKind, isStatus, StatusKindFilters } from './RequestFilters';
import { RequestsTable } from './RequestsTable';

const UUID = /^[0-9a-f-]{36}$/i;

const readParams = (sp: URLSearchParams): QueueParams => {
  const status = sp.get('status');
  const kind = sp.get('kind');
  const companyId = sp.get('companyId');
  return {
    q: sp.get('q') ?? '',
    status: isStatus(status) ? status : null,
    kind: isKind(kind) ? kind : null,
    companyId: companyId && UUID.test(companyId) ? companyId : null,
    assignedToMe: sp.get('mine') === '1',
    ...readPaging(sp),
  };
};

/** Back office › Requests: MACD and support requests of every company, for operator staff. */
export const BackOfficeRequestsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useRequestQueue(params);
  const companies = useCompanies({ q: '', page: 1, pageSize: 200 });
  const { search, setSearch, clear: clearSearch } = useSearchBox(params.q, update);
  const data = query.data;
  const filtered = Boolean(params.q || params.status || params.kind || params.companyId || params.assignedToMe);
  const clearAll = () => {
    clearSearch();
    update({ status: null, kind: null, companyId: null, mine: null, page: null });
  };

  return (
    <Page
      title={t('nav.requestQueue')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.requestQueue') }]}
      description={data ? t('requests.count', { count: data.total, formatted: format.number(data.total) }) : t('requests.queueIntro')}
    >
      <Card padding={0}>
        <Group p="md" gap="sm" align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 240px' }}>
            <SearchInput
              label={t('requests.queueSearchLabel')}
              placeholder={t('requests.queueSearchPlaceholder')}
              value={search}
              onChange={setSearch}
              onClear={clearSearch}
              busy={query.isFetching && !query.isLoading}
            />
          </div>
          <StatusKindFilters status={params.status} kind={params.kind} onChange={(c) => update({ ...c, page: null })} />
          <Select
            label={t('requests.companyFilter')}
            placeholder={t('requests.allCompanies')}
            clearable
            searchable
            value={params.companyId}
            onChange={(value) => update({ companyId: value, page: null })}
            data={(companies.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
            w={220}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox label={t('requests.assignedToMe')} checked={params.assignedToMe} onChange={(e) => update({ mine: e.currentTarget.checked ? 1 : null, page: null })} mb={8} />
        </Group>
        {query.isError ? (
          <Stack p="md">
            <QueryError error={query.error} onRetry={() => query.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          <EmptyState
            py={48}
            icon={filtered ? <IconSearch size={28} aria-hidden="true" /> : <IconInbox size={28} aria-hidden="true" />}
            withIndicatorBackground
            title={filtered ? t('requests.noMatch') : t('requests.queueEmpty')}
            description={filtered ? t('requests.noMatchHint') : undefined}
          >
            {filtered && (
              <EmptyState.Actions>
                <Button variant="default" onClick={clearAll}>
                  {t('requests.clearFilters')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <RequestsTable items={data?.items ?? []} loading={query.isLoading} dimmed={query.isPlaceholderData} busy={query.isFetching} backOffice pathOf={backOfficeRequestPath} />
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
