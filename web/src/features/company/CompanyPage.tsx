import { Anchor, Card, DataList, Grid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useCompany } from './api';
import { ContractCard } from './ContractSummary';
import { OfficesPanel } from './OfficesPanel';

/** Self-service › Company & contract: the company, its contract, its account manager, and the offices the administrator maintains. */
export const CompanyPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const company = useCompany();
  const data = company.data;
  return (
    <Page title={t('nav.companyContract')} breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.companyContract') }]} description={data?.name}>
      <QueryContent query={company} skeletons={[200, 160]}>
        {(data) => (
          <Stack gap="lg">
            <Grid gap="lg" align="stretch">
              <Grid.Col span={{ base: 12, md: 5 }}>
                <Card h="100%">
                  <Title order={2} fz="lg" mb="md">
                    {t('company.company')}
                  </Title>
                  <DataList labelWidth={150} gap="sm">
                    <DataList.Item>
                      <DataList.ItemLabel>{t('company.name')}</DataList.ItemLabel>
                      <DataList.ItemValue>{data.name}</DataList.ItemValue>
                    </DataList.Item>
                    <DataList.Item>
                      <DataList.ItemLabel>{t('company.vatNumber')}</DataList.ItemLabel>
                      <DataList.ItemValue>{data.vatNumber ?? <Text span c="dimmed">—</Text>}</DataList.ItemValue>
                    </DataList.Item>
                    <DataList.Item>
                      <DataList.ItemLabel>{t('company.offices')}</DataList.ItemLabel>
                      <DataList.ItemValue>{format.number(data.offices.length)}</DataList.ItemValue>
                    </DataList.Item>
                    <DataList.Item>
                      <DataList.ItemLabel>{t('backOffice.company.accountManager')}</DataList.ItemLabel>
                      <DataList.ItemValue>
                        {data.accountManager ? (
                          <Stack gap={0}>
                            <Text fz="sm">{data.accountManager.fullName}</Text>
                            <Anchor href={`mailto:${data.accountManager.email}`} fz="sm">
                              {data.accountManager.email}
                            </Anchor>
                          </Stack>
                        ) : (
                          <Text span c="dimmed" fz="sm">
                            {t('backOffice.company.noManagerAdmin')}
                          </Text>
                        )}
                      </DataList.ItemValue>
                    </DataList.Item>
                  </DataList>
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ContractCard contract={data.contract} />
              </Grid.Col>
            </Grid>
            <OfficesPanel offices={data.offices} base="/api/company" />
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
};
