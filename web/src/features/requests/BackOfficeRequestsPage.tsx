import { Checkbox, Select } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { useCompanies } from '../companies/api';
import { backOfficeRequestPath, useRequestQueue, type QueueParams } from './api';
import { isKind, isStatus, StatusKindFilters } from './RequestFilters';
import { RequestList } from './RequestsTable';

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
  const box = useSearchBox(params.q, update);
  const data = query.data;
  const filtered = Boolean(params.q || params.status || params.kind || params.companyId || params.assignedToMe);
  const clearAll = () => {
    box.clear();
    update({ status: null, kind: null, companyId: null, mine: null, page: null });
  };

  return (
    <Page
      title={t('nav.requestQueue')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.requestQueue') }]}
      description={data ? t('requests.count', { count: data.total, formatted: format.number(data.total) }) : t('requests.queueIntro')}
    >
      <RequestList
        query={query}
        pathOf={backOfficeRequestPath}
        backOffice
        search={{ label: t('requests.queueSearchLabel'), placeholder: t('requests.queueSearchPlaceholder'), box }}
        filters={
          <>
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
          </>
        }
        empty={
          filtered ? (
            <NoMatch title={t('requests.noMatch')} description={t('requests.noMatchHint')} onClear={clearAll} clearLabel={t('requests.clearFilters')} />
          ) : (
            <ListEmpty icon={<IconInbox size={28} aria-hidden="true" />} title={t('requests.queueEmpty')} />
          )
        }
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />
    </Page>
  );
};
