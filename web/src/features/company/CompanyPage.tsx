import { Grid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useCompany } from './api';
import { AccountManager, ContractCard } from './ContractSummary';
import { OfficesPanel } from './OfficesPanel';
import { ApiClientsPanel } from '../api-clients/ApiClientsPanel';
import { CompanyTwoFactorPanel } from '../account-security/CompanyTwoFactorPanel';
import { SsoPanel } from '../account-security/SsoPanel';
import { UsageAlertSettings } from './UsageAlertSettings';
import { WebhooksPanel } from '../api-clients/WebhooksPanel';
import { Detail, DetailCard } from '../../shared/ui/DetailCard';
import { useCan } from '../auth/can';

/** Self-service › Company & contract: the company, its contract, its account manager, and the offices the administrator maintains. */
export const CompanyPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const company = useCompany();
  const mayChange = useCan('company.change');
  const seesApiClients = useCan('apiClients.read');
  // the company's sign-in rules are the owner's, like its accounts
  const mayManageAccounts = useCan('accounts.manage');
  const data = company.data;
  return (
    <Page title={t('nav.companyContract')} breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.companyContract') }]} description={data?.name}>
      <QueryContent query={company} skeletons={[200, 160]}>
        {(data) => (
          <Stack gap="lg">
            <Grid gap="lg" align="stretch">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <DetailCard h="100%" title={t('company.company')} labelWidth={150}>
                  <Detail label={t('company.name')}>{data.name}</Detail>
                  <Detail label={t('company.vatNumber')}>{data.vatNumber ?? <Text span c="dimmed">—</Text>}</Detail>
                  <Detail label={t('company.offices')}>{format.number(data.offices.length)}</Detail>
                  <Detail label={t('backOffice.company.accountManager')}>
                    <AccountManager manager={data.accountManager} none={t('backOffice.company.noManagerAdmin')} />
                  </Detail>
                </DetailCard>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ContractCard contract={data.contract} />
              </Grid.Col>
            </Grid>
            <OfficesPanel offices={data.offices} base="/api/company" readOnly={!mayChange} />
            {mayChange && <UsageAlertSettings />}
            {seesApiClients && <ApiClientsPanel />}
            {seesApiClients && <WebhooksPanel />}
            {mayManageAccounts && <CompanyTwoFactorPanel />}
            <SsoPanel mayManage={mayManageAccounts} />
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
};
