import { Card, DataList, Grid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useCompany } from './api';
import { ContractCard, OfficesCard } from './ContractSummary';

export const CompanyPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const company = useCompany();
  const data = company.data;
  return (
    <Page
      title={t('nav.companyContract')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.companyContract') }]}
      description={data?.name}
    >
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
                  </DataList>
                </Card>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 7 }}>
                <ContractCard contract={data.contract} />
              </Grid.Col>
            </Grid>
            <OfficesCard offices={data.offices} />
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
};
