import { Alert, Anchor, Badge, Button, Card, DataList, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconDownload, IconHourglass, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ImportProgress } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { CardHeading, Detail } from '../../shared/ui/DetailCard';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { failedRowsUrl, useImportProgress } from './api';
import { useImportScope, type ImportScope } from './scope';
import { APPROVALS_PATH } from '../approvals/api';

export const ImportStatusBadge = ({ progress }: { progress: ImportProgress }) => {
  const { t } = useTranslation();
  const status =
    progress.status === 'running' || progress.status === 'awaiting_approval' || progress.status === 'cancelled' ? progress.status : progress.failed > 0 ? 'finishedWithFailures' : 'finished';
  const color = { running: 'blue', finishedWithFailures: 'orange', finished: 'green', awaiting_approval: 'yellow', cancelled: 'gray' }[status];
  return (
    <Badge variant="light" color={color} radius="sm">
      {t(`imports.status.${status}`)}
    </Badge>
  );
};

const Count = ({ label, value, color }: { label: string; value: number; color: string }) => {
  const format = useFormat();
  return (
    <Stack gap={0}>
      <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} c={color} style={{ fontVariantNumeric: 'tabular-nums' }}>
        {format.number(value)}
      </Text>
    </Stack>
  );
};

const ProgressCard = ({ progress, scope }: { progress: ImportProgress; scope: ImportScope }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const handled = progress.done + progress.failed + progress.skipped;
  const percent = progress.totalRows === 0 ? 100 : Math.floor((handled / progress.totalRows) * 100);
  return (
    <Stack gap="lg">
      {progress.status === 'awaiting_approval' && (
        <Alert color="yellow" variant="light" icon={<IconHourglass aria-hidden="true" />} title={t('approvals.waits.title')}>
          {t('approvals.waits.import')}{' '}
          <Anchor component={Link} to={APPROVALS_PATH} fz="sm" fw={600} c="yellow.9" underline="always">
            {t('approvals.card.openAll')}
          </Anchor>
        </Alert>
      )}
      {progress.status === 'cancelled' && (
        <Alert color="gray" variant="light" title={t('imports.status.cancelled')}>
          {t('approvals.waits.importCancelled')}
        </Alert>
      )}
      <Card>
        <CardHeading title={t('imports.progressTitle')} action={<ImportStatusBadge progress={progress} />} />
        <Stack gap="md">
          <Progress.Root size="xl" aria-hidden="true">
            <Progress.Section value={(progress.done / Math.max(progress.totalRows, 1)) * 100} color="green" />
            <Progress.Section value={(progress.skipped / Math.max(progress.totalRows, 1)) * 100} color="gray" />
            <Progress.Section value={(progress.failed / Math.max(progress.totalRows, 1)) * 100} color="red" />
          </Progress.Root>
          <div role="progressbar" aria-label={t('imports.progressTitle')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-valuetext={t('imports.progressText', { handled: format.number(handled), total: format.number(progress.totalRows) })}>
            <Text fz="sm" aria-live="polite">
              {t('imports.progressText', { handled: format.number(handled), total: format.number(progress.totalRows) })}
            </Text>
          </div>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            <Count label={t('imports.counts.done')} value={progress.done} color="green.8" />
            <Count label={t('imports.counts.failed')} value={progress.failed} color={progress.failed ? 'red.8' : 'dimmed'} />
            <Count label={t('imports.counts.skipped')} value={progress.skipped} color="dimmed" />
            <Count label={t('imports.counts.pending')} value={progress.pending} color="blue.8" />
          </SimpleGrid>
          {progress.failed > 0 && (
            <Group justify="space-between" align="center">
              <Text fz="sm">{t('imports.failedHint')}</Text>
              <Button component="a" href={failedRowsUrl(scope.api, progress.id)} download variant="light" color="red" leftSection={<IconDownload size={16} aria-hidden="true" />}>
                {t('imports.downloadFailed')}
              </Button>
            </Group>
          )}
        </Stack>
      </Card>
      <Card>
        <CardHeading title={t('imports.aboutTitle')} />
        <DataList labelWidth={160} gap="sm">
          <Detail label={t('imports.columns.file')}>{progress.fileName}</Detail>
          <Detail label={t('imports.startedBy')}>{progress.startedBy}</Detail>
          <Detail label={t('imports.columns.started')}>{format.dateTime(progress.createdAt)}</Detail>
          <Detail label={t('imports.finishedAt')}>{progress.finishedAt ? format.dateTime(progress.finishedAt) : '—'}</Detail>
        </DataList>
      </Card>
    </Stack>
  );
};

/** One import's progress, read from the server every second while it runs: a reload loses nothing. */
export const ImportProgressPage = () => {
  const { t } = useTranslation();
  const { importId = '' } = useParams();
  const scope = useImportScope();
  const query = useImportProgress(scope.api, importId);
  return (
    <Page
      title={t('imports.progressPageTitle')}
      breadcrumbs={[...scope.crumbs, { label: t('imports.crumb'), to: scope.page }, { label: query.data?.fileName ?? '…' }]}
      actions={
        <Button component={Link} to={scope.page} variant="default" leftSection={<IconUpload size={16} aria-hidden="true" />}>
          {t('imports.another')}
        </Button>
      }
    >
      <QueryContent query={query} skeletons={[260, 180]}>{(progress) => <ProgressCard progress={progress} scope={scope} />}</QueryContent>
    </Page>
  );
};
