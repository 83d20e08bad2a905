import { Box, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlaneDeparture } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { QueryError } from '../../shared/ui/QueryError';
import { Amount } from '../billing/BillingLines';
import { useServiceUsage } from '../usage/api';
import { BandBadge, DataBar } from '../usage/UsageBits';
import { dataAmount } from '../usage/usage-format';

const MonthsChart = lazy(() => import('../usage/UsageCharts').then((m) => ({ default: m.MonthsChart })));

/** Statuses of a line that has carried traffic: the network's usage file knows it. */
const HAS_USAGE: readonly ServiceDetail['status'][] = ['active', 'suspended', 'barred', 'terminated'];

const Figure = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Box>
    <Text fz="xs" c="dimmed" fw={600} tt="uppercase">
      {label}
    </Text>
    <Box mt={4}>{children}</Box>
  </Box>
);

/** On a service: this month's use against its bundle, out-of-bundle charges, roaming, and the last months. */
export const ServiceUsageCard = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const shown = HAS_USAGE.includes(service.status) && service.activatedAt !== null;
  const usage = useServiceUsage(service.id, shown);
  const monthLabel = useMemo(() => {
    const f = new Intl.DateTimeFormat(format.locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    return (month: string) => f.format(new Date(`${month}-01T00:00:00Z`));
  }, [format.locale]);
  if (!shown) return null;
  const data = usage.data;

  return (
    <Card component="section" aria-labelledby="service-usage-title">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} fz="lg" id="service-usage-title">
          {t('serviceUsage.title')}
        </Title>
        {data && (
          <Text fz="sm" c="dimmed">
            {monthLabel(data.month)}
          </Text>
        )}
      </Group>
      {usage.isError ? (
        <QueryError error={usage.error} onRetry={() => usage.refetch()} />
      ) : !data ? (
        <Skeleton height={120} radius="md" />
      ) : !data.line ? (
        <Text fz="sm" c="dimmed">
          {t('serviceUsage.none')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <Stack gap="md">
            <Figure label={t('serviceUsage.data')}>
              <Group gap="sm" align="flex-start" wrap="nowrap">
                <Box style={{ flex: 1 }}>
                  <DataBar line={data.line} />
                </Box>
                <BandBadge band={data.line.band} />
              </Group>
            </Figure>
            <SimpleGrid cols={2} spacing="md">
              <Figure label={t('serviceUsage.voice')}>
                <Text fz="sm">
                  {data.line.voiceAllowanceMin === null
                    ? t('usage.minutesUnlimited', { used: format.number(data.line.voiceMin) })
                    : t('usage.minutesOf', { used: format.number(data.line.voiceMin), allowance: format.number(data.line.voiceAllowanceMin) })}
                </Text>
                <Text fz="xs" c="dimmed">
                  {t('usage.international', { minutes: format.number(data.line.internationalMin) })} · {t('usage.totals.sms', { count: data.line.sms, formatted: format.number(data.line.sms) })}
                </Text>
              </Figure>
              <Figure label={t('serviceUsage.outOfBundle')}>
                <Amount cents={data.line.outOfBundleCents} strong />
                <Text fz="xs" c="dimmed">
                  {t('serviceUsage.outOfBundleHint')}
                </Text>
              </Figure>
            </SimpleGrid>
            <Figure label={t('serviceUsage.roaming')}>
              {data.roamingZones.length === 0 ? (
                <Text fz="sm" c="dimmed">
                  {t('serviceUsage.noRoaming')}
                </Text>
              ) : (
                <Stack gap={2}>
                  {data.roamingZones.map((zone) => (
                    <Group key={zone.zone} gap={6} wrap="nowrap">
                      <IconPlaneDeparture size={14} aria-hidden="true" />
                      <Text fz="sm">
                        {t(`serviceUsage.zone.${zone.zone}`)}: {t('usage.roamingDays', { count: zone.days, formatted: format.number(zone.days), data: dataAmount(zone.dataMb, format) })}
                      </Text>
                    </Group>
                  ))}
                </Stack>
              )}
            </Figure>
          </Stack>
          <Figure label={t('serviceUsage.months')}>
            {data.months.length === 0 ? (
              <Text fz="sm" c="dimmed">
                {t('serviceUsage.none')}
              </Text>
            ) : (
              <Suspense fallback={<Skeleton height={160} radius="md" />}>
                <MonthsChart
                  months={data.months}
                  dataLabel={t('usage.chart.data')}
                  label={t('serviceUsage.monthsLabel', {
                    months: data.months.map((m) => `${monthLabel(m.month)}: ${dataAmount(m.dataMb, format)}`).join(', '),
                  })}
                />
              </Suspense>
            )}
          </Figure>
        </SimpleGrid>
      )}
    </Card>
  );
};
