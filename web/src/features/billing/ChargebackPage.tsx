import { Anchor, Button, Card, EmptyState, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconReportMoney } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { useListParams } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { chargebackExportHref, useChargeback } from './api';
import { currentBillingMonth, readBillingMonth, recentMonths } from './billing-month';
import { Amount } from './BillingLines';
const NEXT_BILL_PATH = '/self-service/uc-mobile/next-bill';

export const CHARGEBACK_PATH = '/self-service/uc-mobile/cost-centres';
const MONTHS_OFFERED = 13;
const COLUMNS = 7;

/** Self-service › UC & Mobile › Cost centres: the month's bill split by the cost centre of each line's user. */
export const ChargebackPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const [searchParams, update] = useListParams();
  const thisMonth = currentBillingMonth();
  const month = readBillingMonth(searchParams.get('month'), thisMonth);
  const report = useChargeback(month);
  const data = report.data;
  const monthLabel = useMemo(() => {
    const f = new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return (value: string) => f.format(new Date(`${value}-01T00:00:00Z`));
  }, [format.locale]);

  return (
    <Page
      title={t('nav.costCentres')}
      description={
        <>
          {t('chargeback.intro')}{' '}
          <Anchor component={Link} to={NEXT_BILL_PATH} fz="sm" underline="always">
            {t('chargeback.seeBill')}
          </Anchor>
        </>
      }
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.ucMobile') }, { label: t('nav.costCentres') }]}
      actions={
        <Group gap="sm" align="flex-end">
          <Select
            label={t('nextBill.month')}
            data={recentMonths(thisMonth, MONTHS_OFFERED).map((value) => ({ value, label: monthLabel(value) }))}
            value={month}
            onChange={(value) => value && update({ month: value === thisMonth ? null : value })}
            allowDeselect={false}
            w={200}
            comboboxProps={{ withinPortal: true }}
          />
          {/* A plain link: the browser downloads the file itself, with the session cookie. */}
          <Button component="a" href={chargebackExportHref(month)} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
            {t('chargeback.export')}
          </Button>
        </Group>
      }
    >
      {report.isError ? (
        <QueryError error={report.error} onRetry={() => report.refetch()} />
      ) : (
        <Card padding={0}>
          {data && data.centres.length === 0 ? (
            <EmptyState py={48} icon={<IconReportMoney size={28} aria-hidden="true" />} withIndicatorBackground title={t('chargeback.emptyTitle')} description={t('chargeback.emptyHint')} />
          ) : (
            <LabelledTable
              label={t('chargeback.tableLabel', { month: monthLabel(month) })}
              minWidth={820}
              horizontalSpacing="md"
              aria-busy={report.isFetching}
              style={{ opacity: report.isPlaceholderData ? 0.6 : 1 }}
              head={
                <>
                  <Table.Th>{t('chargeback.columns.costCentre')}</Table.Th>
                  <Table.Th ta="right">{t('chargeback.columns.users')}</Table.Th>
                  <Table.Th ta="right">{t('chargeback.columns.lines')}</Table.Th>
                  <Table.Th ta="right">{t('nextBill.recurring')}</Table.Th>
                  <Table.Th ta="right">{t('chargeback.columns.proRata')}</Table.Th>
                  <Table.Th ta="right">{t('nextBill.outOfBundle')}</Table.Th>
                  <Table.Th ta="right">{t('billing.total')}</Table.Th>
                </>
              }
              foot={
                data && (
                  <Table.Tr>
                    <Table.Th colSpan={3}>{t('chargeback.allCentres')}</Table.Th>
                    <Table.Td ta="right">
                      <Amount cents={data.recurringTotalCents} strong />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={data.changesTotalCents} strong />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={data.outOfBundleTotalCents} strong />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={data.totalCents} strong />
                    </Table.Td>
                  </Table.Tr>
                )
              }
            >
              {!data ? (
                <TableSkeletonRows columns={COLUMNS} />
              ) : (
                data.centres.map((centre) => (
                  <Table.Tr key={centre.costCentre ?? ''}>
                    <Table.Td>
                      {centre.costCentre ? (
                        <Text fz="sm" fw={600}>
                          {centre.costCentre}
                        </Text>
                      ) : (
                        <Text fz="sm" fs="italic" c="dimmed">
                          {t('chargeback.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text fz="sm">{format.number(centre.users)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text fz="sm">{format.number(centre.lines)}</Text>
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={centre.recurringCents} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={centre.changesCents} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={centre.outOfBundleCents} />
                    </Table.Td>
                    <Table.Td ta="right">
                      <Amount cents={centre.totalCents} strong />
                    </Table.Td>
                  </Table.Tr>
                ))
              )}
            </LabelledTable>
          )}
        </Card>
      )}
      <Stack gap={0}>
        <Text fz="sm" c="dimmed">
          {t('chargeback.assignHint')}{' '}
          <Anchor component={Link} to="/self-service/uc-mobile/users" fz="sm" underline="always">
            {t('nav.manageUsers')}
          </Anchor>
        </Text>
      </Stack>
    </Page>
  );
};
