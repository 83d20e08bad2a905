import { Anchor, Button, Card, EmptyState, Group, Stack, Table, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconPlus } from '@tabler/icons-react';
import { useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { SearchInput } from '../../shared/ui/SearchInput';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { TableScroll } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { ProductTypeBadges } from '../company/ContractSummary';
import { useCompanies } from './api';
import { CreateCompanyModal } from './CompanyForms';

const companyPath = (id: string) => `/back-office/companies/${id}`;

export const CompaniesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [searchParams, update] = useListParams();
  const q = searchParams.get('q') ?? '';
  const { page, pageSize } = readPaging(searchParams);
  const companies = useCompanies({ q, page, pageSize });
  const { search, setSearch, clear: clearSearch } = useSearchBox(q, update);

  const openRow = (id: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest('a, button, input')) return;
    navigate(companyPath(id));
  };

  const data = companies.data;
  const [creating, setCreating] = useState(false);

  return (
    <Page
      title={t('nav.companies')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.companies') }]}
      description={data ? t('companies.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
      actions={
        <Button leftSection={<IconPlus size={16} aria-hidden="true" />} onClick={() => setCreating(true)}>
          {t('backOffice.company.create')}
        </Button>
      }
    >
      <CreateCompanyModal opened={creating} onClose={() => setCreating(false)} onCreated={(id) => navigate(companyPath(id))} />
      <Card padding={0}>
        <Group p="md">
          <SearchInput
            label={t('companies.searchLabel')}
            placeholder={t('companies.searchPlaceholder')}
            value={search}
            onChange={setSearch}
            onClear={clearSearch}
            busy={companies.isFetching && !companies.isLoading}
          />
        </Group>
        {companies.isError ? (
          <Stack p="md">
            <QueryError error={companies.error} onRetry={() => companies.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          <EmptyState
            py={48}
            icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />}
            withIndicatorBackground
            title={q ? t('companies.noMatch', { q }) : t('companies.emptyTitle')}
          >
            {q && (
              <EmptyState.Actions>
                <Button variant="default" onClick={clearSearch}>
                  {t('actions.clearSearch')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <TableScroll minWidth={900} label={t('nav.companies')}>
            <Table highlightOnHover aria-label={t('nav.companies')} style={{ opacity: companies.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('companies.columns.name')}</Table.Th>
                  <Table.Th>{t('company.vatNumber')}</Table.Th>
                  <Table.Th>{t('company.reference')}</Table.Th>
                  <Table.Th>{t('company.productTypes')}</Table.Th>
                  <Table.Th ta="right">{t('companies.columns.services')}</Table.Th>
                  <Table.Th ta="right">{t('companies.columns.users')}</Table.Th>
                  <Table.Th ta="right">{t('companies.columns.administrators')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {companies.isLoading || !data ? (
                  <TableSkeletonRows columns={7} />
                ) : (
                  data.items.map((company) => (
                    <Table.Tr key={company.id} className="fd-row-link" onClick={openRow(company.id)}>
                      <Table.Td className="fd-nowrap">
                        <Anchor component={Link} to={companyPath(company.id)} fw={600} fz="sm">
                          {company.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="fd-nowrap">{company.vatNumber ?? '—'}</Table.Td>
                      <Table.Td className="fd-nowrap">
                        {company.contractReference ? (
                          <Text fz="sm" ff="monospace">
                            {company.contractReference}
                          </Text>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <ProductTypeBadges productTypes={company.productTypes} gap={4} />
                      </Table.Td>
                      <Table.Td ta="right" className="fd-nowrap">
                        {t('companies.servicesValue', {
                          active: format.number(company.activeServices),
                          contracted: format.number(company.contractedServices),
                        })}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(company.mobileUserCount)}</Table.Td>
                      <Table.Td ta="right">{format.number(company.administrators)}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {data && data.total > 0 && (
          <TableFooter>
            <TablePager page={page} pageSize={pageSize} total={data.total} {...pagingHandlers(update)} />
          </TableFooter>
        )}
      </Card>
    </Page>
  );
};
