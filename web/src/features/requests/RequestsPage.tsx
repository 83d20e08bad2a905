import { Alert, Anchor, Button, List } from '@mantine/core';
import { IconBulb, IconClipboardList, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { useOperator } from '../auth/session';
import { NEW_REQUEST_PATH, requestPath, useRequests, type RequestListParams } from './api';
import { isKind, isStatus, StatusKindFilters } from './RequestFilters';
import { RequestList } from './RequestsTable';
import { useCan } from '../auth/can';

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
  const box = useSearchBox(params.q, update);
  const data = query.data;
  const newRequestButton = useCan('services.change') && (
    <Button component={Link} to={NEW_REQUEST_PATH} leftSection={<IconPlus size={16} aria-hidden="true" />}>
      {t('requests.newRequest')}
    </Button>
  );
  const filtered = Boolean(params.q || params.status || params.kind);
  const clearAll = () => {
    box.clear();
    update({ status: null, kind: null, page: null });
  };

  return (
    <Page
      title={t('nav.requests')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.requests') }]}
      description={data && data.total > 0 ? t('requests.count', { count: data.total, formatted: format.number(data.total) }) : t('requests.intro')}
      actions={newRequestButton || undefined}
    >
      <SelfServiceHint />
      <RequestList
        query={query}
        pathOf={requestPath}
        search={{ label: t('requests.searchLabel'), placeholder: t('requests.searchPlaceholder'), box }}
        filters={<StatusKindFilters status={params.status} kind={params.kind} onChange={(c) => update({ ...c, page: null })} />}
        empty={
          filtered ? (
            <NoMatch title={t('requests.noMatch')} description={t('requests.noMatchHint')} onClear={clearAll} clearLabel={t('requests.clearFilters')} />
          ) : (
            <ListEmpty icon={<IconClipboardList size={28} aria-hidden="true" />} title={t('requests.emptyTitle')} description={t('requests.emptyHint')} action={newRequestButton || undefined} />
          )
        }
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />
    </Page>
  );
};
