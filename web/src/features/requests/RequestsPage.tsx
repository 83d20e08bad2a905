import { Alert, Anchor, Button, Card, EmptyState, Group, List, Stack } from '@mantine/core';
import { IconBulb, IconClipboardList, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { useOperator } from '../auth/session';
import { NEW_REQUEST_PATH, requestPath, useRequests, type RequestListParams } from './api';
import { isKind, isStatus, StatusKindFilters } from './RequestFilters';
import { RequestsTable } from './RequestsTable';

const readParams = (sp: URLSearchParams): RequestListParams => {
  const status = sp.get('status');
  const kind = sp.get('kind');
  return { q: sp.get('q') ?? '', status: isStatus(status) ? status : null, kind: isKind(kind) ? kind : null, ...readPaging(sp) };
};

/** What the seed says can be done directly in the portal, instead of by request. */
export const SelfServiceHint = () => {
  const { t } = useTranslation();
  const portal = useOperator().data?.portalName ?? 'MyDstny';
  return (
    <Alert color="indigo" variant="light" icon={<IconBulb aria-hidden="true" />} title={t('requests.selfService.title')}>
      <List fz="sm" spacing={4}>
        <List.Item>
          {t('requests.selfService.sims', { portal })}{' '}
          <Anchor component={Link} to="/self-service/uc-mobile/users" fz="sm" fw={600} c="indigo.9" underline="always">
            {t('requests.selfService.simsLink')}
          </Anchor>
        </List.Item>
        <List.Item>
          {t('requests.selfService.uc')}{' '}
          <Anchor component={Link} to="/self-service/company" fz="sm" fw={600} c="indigo.9" underline="always">
            {t('requests.selfService.ucLink')}
          </Anchor>
        </List.Item>
      </List>
    </Alert>
  );
};

export const RequestsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams, update] = useListParams();
  const params = readParams(searchParams);
  const query = useRequests(params);
  const { search, setSearch, clear: clearSearch } = useSearchBox(params.q, update);
  const data = query.data;
  const filtered = Boolean(params.q || params.status || params.kind);
  const clearAll = () => {
    clearSearch();
    update({ status: null, kind: null, page: null });
  };

  return (
    <Page
      title={t('nav.requests')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.requests') }]}
      description={data && data.total > 0 ? t('requests.count', { count: data.total, formatted: format.number(data.total) }) : t('requests.intro')}
      actions={
        <Button component={Link} to={NEW_REQUEST_PATH} leftSection={<IconPlus size={16} aria-hidden="true" />}>
          {t('requests.newRequest')}
        </Button>
      }
    >
      <SelfServiceHint />
      <Card padding={0}>
        <Group p="md" gap="sm" align="flex-end" wrap="wrap">
          <div style={{ flex: '1 1 260px' }}>
            <SearchInput
              label={t('requests.searchLabel')}
              placeholder={t('requests.searchPlaceholder')}
              value={search}
              onChange={setSearch}
              onClear={clearSearch}
              busy={query.isFetching && !query.isLoading}
            />
          </div>
          <StatusKindFilters status={params.status} kind={params.kind} onChange={(c) => update({ ...c, page: null })} />
        </Group>
        {query.isError ? (
          <Stack p="md">
            <QueryError error={query.error} onRetry={() => query.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          filtered ? (
            <EmptyState py={48} icon={<IconSearch size={28} aria-hidden="true" />} withIndicatorBackground title={t('requests.noMatch')} description={t('requests.noMatchHint')}>
              <EmptyState.Actions>
                <Button variant="default" onClick={clearAll}>
                  {t('requests.clearFilters')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          ) : (
            <EmptyState py={48} icon={<IconClipboardList size={28} aria-hidden="true" />} withIndicatorBackground title={t('requests.emptyTitle')} description={t('requests.emptyHint')}>
              <EmptyState.Actions>
                <Button component={Link} to={NEW_REQUEST_PATH} leftSection={<IconPlus size={16} aria-hidden="true" />}>
                  {t('requests.newRequest')}
                </Button>
              </EmptyState.Actions>
            </EmptyState>
          )
        ) : (
          <RequestsTable items={data?.items ?? []} loading={query.isLoading} dimmed={query.isPlaceholderData} busy={query.isFetching} pathOf={requestPath} />
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
