import { Anchor, Box, Card, Group, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconClockPause, IconDeviceMobile, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OverviewSummary } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { QueryError } from '../../shared/ui/QueryError';
import { PendingApprovalsCard } from '../approvals/PendingApprovalsCard';
import { PORTING_ISSUES_PATH } from '../porting-issues/paths';
import { useOverviewSummary } from './api';
import { OVERVIEW_PATH } from './overview-params';

const WAITING_PATH = '/self-service/uc-mobile/waiting';

// Bar colours follow the status badges (ServiceStatusBadge), so a status looks the same everywhere.
const STATUS_BAR: Record<string, string> = {
  waiting_for_activation: 'gray.5',
  activation_started: 'indigo.5',
  awaiting_user: 'yellow.5',
  provisioning: 'blue.5',
  porting: 'cyan.5',
  porting_refused: 'red.6',
  activation_failed: 'red.8',
  active: 'green.6',
  suspended: 'orange.5',
  barred: 'pink.7',
  terminated: 'dark.4',
  cancelled: 'dark.4',
};

type Stat = { label: string; value: ReactNode; icon: ReactNode; color: string; footer?: ReactNode };

const StatCard = ({ label, value, icon, color, footer }: Stat) => (
  <Card py="md">
    <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
      <Box style={{ minWidth: 0 }}>
        <Text fz="sm" c="dimmed" fw={600}>
          {label}
        </Text>
        <Text fz={28} fw={700} lh={1.2} mt={4} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {value}
        </Text>
      </Box>
      <ThemeIcon variant="light" color={color} size={38} radius="md" aria-hidden="true">
        {icon}
      </ThemeIcon>
    </Group>
    {footer && <Box mt="xs">{footer}</Box>}
  </Card>
);

type Bar = { key: string; label: string; count: number; color: string; to: string };

/** A horizontal bar chart as a list: the bars are decoration, the label and count are the content. */
const BarList = ({ title, bars, emptyText }: { title: string; bars: Bar[]; emptyText: string }) => {
  const format = useFormat();
  const max = Math.max(1, ...bars.map((bar) => bar.count));
  return (
    <Card>
      <Title order={2} fz="md" mb="sm">
        {title}
      </Title>
      {bars.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {emptyText}
        </Text>
      ) : (
        <Stack component="ul" gap={10} m={0} p={0} style={{ listStyle: 'none' }} aria-label={title}>
          {bars.map((bar) => (
            <Box component="li" key={bar.key}>
              <Group justify="space-between" gap="sm" wrap="nowrap" mb={4}>
                <Anchor component={Link} to={bar.to} fz="sm" c="inherit" style={{ minWidth: 0 }} lineClamp={1}>
                  {bar.label}
                </Anchor>
                <Text fz="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.number(bar.count)}
                </Text>
              </Group>
              <Progress value={(bar.count / max) * 100} color={bar.color} size="md" radius="sm" aria-hidden="true" />
            </Box>
          ))}
        </Stack>
      )}
    </Card>
  );
};

const Dashboard = ({ summary }: { summary: OverviewSummary }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { deletions } = summary;
  const deletionShare = deletions.limit > 0 ? Math.min(100, (deletions.used / deletions.limit) * 100) : 100;
  const statusBars: Bar[] = summary.byStatus.map((item) => ({
    key: item.status,
    label: t(`serviceStatus.${item.status}`, { defaultValue: item.status }),
    count: item.count,
    color: STATUS_BAR[item.status] ?? 'gray.5',
    to: `${OVERVIEW_PATH}?status=${item.status}`,
  }));
  const productBars: Bar[] = summary.byProduct.map((item) => ({
    key: item.code,
    label: item.name,
    count: item.count,
    color: 'indigo.5',
    to: `${OVERVIEW_PATH}?product=${encodeURIComponent(item.code)}`,
  }));

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="lg">
        <StatCard label={t('overview.dashboard.total')} value={format.number(summary.total)} icon={<IconDeviceMobile size={20} />} color="indigo" />
        <StatCard
          label={t('overview.dashboard.waiting')}
          value={format.number(summary.waitingForActivation)}
          icon={<IconClockPause size={20} />}
          color="gray"
          footer={
            <Anchor component={Link} to={WAITING_PATH} fz="sm">
              {t('overview.dashboard.openWaiting')}
            </Anchor>
          }
        />
        <StatCard
          label={t('overview.dashboard.portingIssues')}
          value={format.number(summary.portingIssues)}
          icon={<IconAlertTriangle size={20} />}
          color={summary.portingIssues > 0 ? 'red' : 'gray'}
          footer={
            <Anchor component={Link} to={PORTING_ISSUES_PATH} fz="sm">
              {t('overview.dashboard.openPortingIssues')}
            </Anchor>
          }
        />
        <StatCard
          label={t('overview.dashboard.deletions')}
          value={t('overview.dashboard.deletionsValue', { used: format.number(deletions.used), limit: format.number(deletions.limit) })}
          icon={<IconTrash size={20} />}
          color={deletions.remaining === 0 ? 'red' : 'gray'}
          footer={
            <>
              <Progress value={deletionShare} color={deletions.remaining === 0 ? 'red' : 'indigo'} size="sm" radius="sm" aria-hidden="true" />
              <Text fz="xs" c="dimmed" mt={6}>
                {deletions.periodEndsOn
                  ? t('overview.dashboard.deletionsHint', {
                      count: deletions.remaining,
                      remaining: format.number(deletions.remaining),
                      end: format.calendarDate(deletions.periodEndsOn),
                    })
                  : t('overview.dashboard.noContract')}
              </Text>
            </>
          }
        />
      </SimpleGrid>
      <PendingApprovalsCard />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <BarList title={t('overview.dashboard.byStatus')} bars={statusBars} emptyText={t('overview.dashboard.noLines')} />
        <BarList title={t('overview.dashboard.byProduct')} bars={productBars} emptyText={t('overview.dashboard.noLines')} />
      </SimpleGrid>
    </Stack>
  );
};

/** The figures on top of the Service overview: lines by status and product, work waiting, the 30 % rule. */
export const OverviewDashboard = () => {
  const summary = useOverviewSummary();
  if (summary.isError) return <QueryError error={summary.error} onRetry={() => summary.refetch()} />;
  if (!summary.data) {
    return (
      <Stack gap="lg">
        <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="lg">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} height={112} radius="md" />
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Skeleton height={200} radius="md" />
          <Skeleton height={200} radius="md" />
        </SimpleGrid>
      </Stack>
    );
  }
  return <Dashboard summary={summary.data} />;
};
