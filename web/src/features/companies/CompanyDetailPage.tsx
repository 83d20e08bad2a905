import { Anchor, Card, DataList, Grid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../shared/ui/TableScroll';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { NotFoundContent } from '../../app/NotFoundPage';
import { ContractCard, OfficesCard } from '../company/ContractSummary';
import { CompanyStockTabs } from '../stock/CompanyStockTabs';
import { useCompanyDetail } from './api';

export const CompanyDetailPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const company = useCompanyDetail(id);
  const data = company.data;

  if (company.isError && isApiError(company.error) && company.error.status === 404) {
    return (
      <NotFoundContent
        title={t('companies.notFound')}
        description={t('companies.notFoundHint')}
        backTo="/back-office/companies"
        backLabel={t('companies.backToList')}
      />
    );
  }

  return (
    <Page
      title={data?.name ?? t('status.loading')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.companies'), to: '/back-office/companies' }]}
      description={data?.vatNumber ?? undefined}
    >
      <QueryContent query={company} skeletons={[200, 160]}>
        {(data) => (
          <CompanyStockTabs
            companyId={data.id}
            overview={
              <Stack gap="lg">
                <Grid gap="lg" align="stretch">
                  <Grid.Col span={{ base: 12, md: 7 }}>
                    <ContractCard contract={data.contract} />
                  </Grid.Col>
                  <Grid.Col span={{ base: 12, md: 5 }}>
                    <Card h="100%">
                      <Title order={2} fz="lg" mb="md">
                        {t('companies.usage')}
                      </Title>
                      <DataList labelWidth={170} gap="sm">
                        <DataList.Item>
                          <DataList.ItemLabel>{t('companies.columns.users')}</DataList.ItemLabel>
                          <DataList.ItemValue>{format.number(data.mobileUserCount)}</DataList.ItemValue>
                        </DataList.Item>
                        <DataList.Item>
                          <DataList.ItemLabel>{t('companies.columns.administrators')}</DataList.ItemLabel>
                          <DataList.ItemValue>{format.number(data.administrators.length)}</DataList.ItemValue>
                        </DataList.Item>
                        <DataList.Item>
                          <DataList.ItemLabel>{t('company.offices')}</DataList.ItemLabel>
                          <DataList.ItemValue>{format.number(data.offices.length)}</DataList.ItemValue>
                        </DataList.Item>
                      </DataList>
                    </Card>
                  </Grid.Col>
                </Grid>

                <Card padding={0}>
                  <Title order={2} fz="lg" p="lg" pb="xs">
                    {t('companies.administrators')}
                  </Title>
                  {data.administrators.length === 0 ? (
                    <Text c="dimmed" fz="sm" p="md">
                      {t('companies.noAdministrators')}
                    </Text>
                  ) : (
                    <TableScroll minWidth={480} label={t('companies.administrators')}>
                      <Table aria-label={t('companies.administrators')}>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>{t('companies.columns.adminName')}</Table.Th>
                            <Table.Th>{t('companies.columns.adminEmail')}</Table.Th>
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {data.administrators.map((admin) => (
                            <Table.Tr key={admin.id}>
                              <Table.Td fw={600}>{admin.fullName}</Table.Td>
                              <Table.Td>
                                <Anchor href={`mailto:${admin.email}`} fz="sm">
                                  {admin.email}
                                </Anchor>
                              </Table.Td>
                            </Table.Tr>
                          ))}
                        </Table.Tbody>
                      </Table>
                    </TableScroll>
                  )}
                </Card>

                <OfficesCard offices={data.offices} />
              </Stack>
            }
          />
        )}
      </QueryContent>
    </Page>
  );
};
