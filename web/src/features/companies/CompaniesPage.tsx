import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconBuildingSkyscraper, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { ListEmpty, ListScaffold, NoMatch, useRowLink } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams, useSearchBox } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
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
  const box = useSearchBox(q, update);
  const rowLink = useRowLink();

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
      <ListScaffold
        query={companies}
        search={{ label: t('companies.searchLabel'), placeholder: t('companies.searchPlaceholder'), box }}
        empty={
          q ? (
            <NoMatch icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />} title={t('companies.noMatch', { q })} onClear={box.clear} clearLabel={t('actions.clearSearch')} />
          ) : (
            <ListEmpty icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />} title={t('companies.emptyTitle')} />
          )
        }
        table={{
          label: t('nav.companies'),
          minWidth: 900,
          columns: 7,
          horizontalSpacing: 'xs',
          head: (
            <>
              <Table.Th>{t('companies.columns.name')}</Table.Th>
              <Table.Th>{t('company.vatNumber')}</Table.Th>
              <Table.Th>{t('company.reference')}</Table.Th>
              <Table.Th>{t('company.productTypes')}</Table.Th>
              <Table.Th ta="right">{t('companies.columns.services')}</Table.Th>
              <Table.Th ta="right">{t('companies.columns.users')}</Table.Th>
              <Table.Th ta="right">{t('companies.columns.administrators')}</Table.Th>
            </>
          ),
        }}
        row={(company) => (
          <Table.Tr key={company.id} {...rowLink(companyPath(company.id))}>
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
        )}
        pager={{ page, pageSize, ...pagingHandlers(update) }}
      />
    </Page>
  );
};
