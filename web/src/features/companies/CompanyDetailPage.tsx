import { Button, Grid, Stack, Tabs, Text } from '@mantine/core';
import { IconBuilding, IconBuildingSkyscraper, IconDeviceSim, IconPencil, IconPhone, IconUpload, IconUsers } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { CompanyDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { NotFoundContent } from '../../app/NotFoundPage';
import { AccountManager, ContractCard } from '../company/ContractSummary';
import { OfficesPanel } from '../company/OfficesPanel';
import { FixedNumbersTable } from '../stock/FixedNumbersTable';
import { SimCardsTable } from '../stock/SimCardsTable';
import { AdministratorsPanel } from './AdministratorsPanel';
import { ContractModal, EditCompanyModal } from './CompanyForms';
import { useCompanyDetail } from './api';
import { Detail, DetailCard } from '../../shared/ui/DetailCard';

const TABS = ['overview', 'offices', 'administrators', 'sim-cards', 'fixed-numbers'] as const;
type Tab = (typeof TABS)[number];

const Overview = ({ company }: { company: CompanyDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState<'company' | 'contract' | null>(null);
  const admins = company.administrators.filter((a) => a.status !== 'deactivated').length;
  return (
    <Stack gap="lg">
      <Grid gap="lg" align="stretch">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <DetailCard
            h="100%"
            title={t('company.company')}
            labelWidth={170}
            action={
            <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing('company')} aria-label={t('backOffice.company.editTitle')}>
              {t('actions.edit')}
            </Button>
            }
          >
            <Detail label={t('company.name')}>{company.name}</Detail>
            <Detail label={t('company.vatNumber')}>{company.vatNumber ?? <Text span c="dimmed">—</Text>}</Detail>
            <Detail label={t('backOffice.company.accountManager')}>
              <AccountManager manager={company.accountManager} none={t('backOffice.company.noManager')} />
            </Detail>
            <Detail label={t('companies.columns.users')}>{format.number(company.mobileUserCount)}</Detail>
            <Detail label={t('companies.columns.administrators')}>{format.number(admins)}</Detail>
            <Detail label={t('company.offices')}>{format.number(company.offices.length)}</Detail>
          </DetailCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <ContractCard
            contract={company.contract}
            action={
              <Button size="xs" variant="light" leftSection={<IconPencil size={14} aria-hidden="true" />} onClick={() => setEditing('contract')}>
                {company.contract ? t('backOffice.company.editContract') : t('backOffice.company.addContract')}
              </Button>
            }
          />
        </Grid.Col>
      </Grid>
      <EditCompanyModal company={company} opened={editing === 'company'} onClose={() => setEditing(null)} />
      <ContractModal company={company} opened={editing === 'contract'} onClose={() => setEditing(null)} />
    </Stack>
  );
};

/**
 * Back office › Companies › a company: overview and contract, offices, administrators, and the stock
 * operator staff load for it. The tab is in the address (?tab=offices); changing tab starts its list afresh.
 */
export const CompanyDetailPage = () => {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const company = useCompanyDetail(id);
  const data = company.data;
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'overview';

  if (company.isError && isApiError(company.error) && company.error.status === 404) {
    return <NotFoundContent title={t('companies.notFound')} description={t('companies.notFoundHint')} backTo="/back-office/companies" backLabel={t('companies.backToList')} />;
  }

  return (
    <Page
      title={data?.name ?? t('status.loading')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.companies'), to: '/back-office/companies' }]}
      description={data?.vatNumber ?? undefined}
      actions={
        data && (
          // operator staff import a moving company's whole fleet for it, with the administrator's import page
          <Button component={Link} to={`/back-office/companies/${encodeURIComponent(data.id)}/import`} variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />}>
            {t('imports.title')}
          </Button>
        )
      }
    >
      <QueryContent query={company} skeletons={[200, 160]}>
        {(data) => (
          <Tabs value={tab} onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })} keepMounted={false}>
            <Tabs.List mb="lg">
              <Tabs.Tab value="overview" leftSection={<IconBuildingSkyscraper size={16} aria-hidden="true" />}>
                {t('backOffice.tabs.overview')}
              </Tabs.Tab>
              <Tabs.Tab value="offices" leftSection={<IconBuilding size={16} aria-hidden="true" />}>
                {t('company.offices')}
              </Tabs.Tab>
              <Tabs.Tab value="administrators" leftSection={<IconUsers size={16} aria-hidden="true" />}>
                {t('backOffice.tabs.administrators')}
              </Tabs.Tab>
              <Tabs.Tab value="sim-cards" leftSection={<IconDeviceSim size={16} aria-hidden="true" />}>
                {t('stock.tabs.simCards')}
              </Tabs.Tab>
              <Tabs.Tab value="fixed-numbers" leftSection={<IconPhone size={16} aria-hidden="true" />}>
                {t('stock.tabs.fixedNumbers')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="overview">
              <Overview company={data} />
            </Tabs.Panel>
            <Tabs.Panel value="offices">
              <OfficesPanel offices={data.offices} base={`/api/companies/${encodeURIComponent(data.id)}`} title={false} />
            </Tabs.Panel>
            <Tabs.Panel value="administrators">
              <AdministratorsPanel companyId={data.id} companyName={data.name} administrators={data.administrators} />
            </Tabs.Panel>
            <Tabs.Panel value="sim-cards">
              <SimCardsTable companyId={data.id} />
            </Tabs.Panel>
            <Tabs.Panel value="fixed-numbers">
              <FixedNumbersTable companyId={data.id} />
            </Tabs.Panel>
          </Tabs>
        )}
      </QueryContent>
    </Page>
  );
};
