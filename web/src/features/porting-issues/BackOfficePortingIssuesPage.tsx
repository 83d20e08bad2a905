import { Alert, Anchor, Select, Table, Text } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { PhoneText } from '../../shared/ui/values';
import { useCompanies } from '../companies/api';
import { usePortingIssuesAcross, type BackOfficePortingIssueListParams } from './api';
import { PortingIssueCells, PortingIssueHead } from './PortingIssueCells';

const UUID = /^[0-9a-f-]{36}$/i;

/** Back office › Mobile porting issues: every company's refused port-ins, to help administrators; correcting stays with them. */
export const BackOfficePortingIssuesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams, update] = useListParams();
  const companyParam = searchParams.get('company');
  const params: BackOfficePortingIssueListParams = { q: searchParams.get('q') ?? '', ...readPaging(searchParams), companyId: companyParam && UUID.test(companyParam) ? companyParam : null };
  const query = usePortingIssuesAcross(params);
  const companies = useCompanies({ q: '', page: 1, pageSize: 200 });
  const box = useSearchBox(params.q, update);
  const data = query.data;

  return (
    <Page
      title={t('nav.portingIssues')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.portingIssues') }]}
      description={data && data.total > 0 ? t('portingIssues.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
    >
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('backOffice.porting.readOnly')}
      </Alert>
      <ListScaffold
        query={query}
        search={{ label: t('portingIssues.searchLabel'), placeholder: t('portingIssues.searchPlaceholder'), box }}
        filters={
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
        }
        empty={
          params.q || params.companyId ? (
            <NoMatch title={t('backOffice.porting.noMatch')} onClear={() => (box.clear(), update({ company: null, q: null, page: null }))} clearLabel={t('stock.clearFilters')} />
          ) : (
            <ListEmpty icon={<IconCircleCheck size={28} aria-hidden="true" />} title={t('backOffice.porting.emptyTitle')} description={t('backOffice.porting.emptyHint')} />
          )
        }
        table={{
          label: t('portingIssues.tableLabel'),
          minWidth: 980,
          columns: 6,
          horizontalSpacing: 'xs',
          head: (
            <>
              <Table.Th>{t('backOffice.porting.company')}</Table.Th>
              <Table.Th>{t('portingIssues.columns.user')}</Table.Th>
              <PortingIssueHead />
            </>
          ),
        }}
        row={(item) => (
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
              <PhoneText msisdn={item.msisdn} />
              <Text fz="xs" c="dimmed">
                {item.serviceType.name}
              </Text>
            </Table.Td>
            <PortingIssueCells item={item} />
          </Table.Tr>
        )}
        pager={{ page: params.page, pageSize: params.pageSize, ...pagingHandlers(update) }}
      />
    </Page>
  );
};
