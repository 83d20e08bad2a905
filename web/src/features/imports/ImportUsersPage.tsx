import { Anchor, Badge, Button, Card, FileInput, Group, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconListCheck, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notify } from '../../shared/ui/notify';
import { Link, useNavigate } from 'react-router';
import type { ImportDryRun, ImportDryRunRow } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { CardHeading } from '../../shared/ui/DetailCard';
import { Page } from '../../shared/ui/Page';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { fileIssuesOf, templateUrl, useDryRun, useImports, useStartImport } from './api';
import { ImportStatusBadge } from './ImportProgressPage';
import { importProgressPath, useImportScope, type ImportScope } from './scope';

/** At most this many rows are drawn; the rows with a problem come first, so none of them is hidden behind the limit. */
const SHOWN_ROWS = 300;

const ACTION_COLORS: Record<ImportDryRunRow['action'], string> = { create_user: 'green', existing_user: 'indigo', already_imported: 'gray', refused: 'red' };

const ServiceCell = ({ row }: { row: ImportDryRunRow }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const s = row.service;
  if (!s) return <Text fz="sm" c="dimmed">{t('imports.userOnly')}</Text>;
  const number = s.number ? format.phone(s.number) : s.numberChoice ? t(`imports.numberChoice.${s.numberChoice}`) : null;
  return (
    <Stack gap={0}>
      <Text fz="sm">{[s.serviceTypeCode, s.bundleCode].filter(Boolean).join(' · ')}</Text>
      <Text fz="xs" c="dimmed">
        {[number, s.sim ? t(`imports.sim.${s.sim}`) : null].filter(Boolean).join(' · ')}
      </Text>
    </Stack>
  );
};

const DryRunTable = ({ result }: { result: ImportDryRun }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ordered = [...result.rows.filter((r) => r.issues.length > 0), ...result.rows.filter((r) => r.issues.length === 0)];
  const shown = ordered.slice(0, SHOWN_ROWS);
  return (
    <Stack gap="xs">
      <LabelledTable
        label={t('imports.dryRunTable')}
        minWidth={900}
        verticalSpacing="xs"
        head={
          <>
            <Table.Th ta="right">{t('imports.columns.line')}</Table.Th>
            <Table.Th>{t('imports.columns.user')}</Table.Th>
            <Table.Th>{t('imports.columns.action')}</Table.Th>
            <Table.Th>{t('imports.columns.service')}</Table.Th>
            <Table.Th>{t('imports.columns.problems')}</Table.Th>
          </>
        }
      >
        {shown.map((row) => (
              <Table.Tr key={row.line}>
                <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {format.number(row.line)}
                </Table.Td>
                <Table.Td>
                  <Text fz="sm" fw={600}>
                    {row.name || '—'}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {row.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={ACTION_COLORS[row.action]} radius="sm">
                    {t(`imports.action.${row.action}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <ServiceCell row={row} />
                </Table.Td>
                <Table.Td>
                  {row.issues.length === 0 ? (
                    <Text fz="sm" c="dimmed">
                      —
                    </Text>
                  ) : (
                    <List size="sm" spacing={2}>
                      {row.issues.map((issue) => (
                        <List.Item key={`${issue.column}-${issue.rule}`}>
                          <Text fz="sm" c="red.9">
                            {issue.message}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
      </LabelledTable>
      {ordered.length > shown.length && (
        <Text fz="sm" c="dimmed">
          {t('imports.moreRows', { shown: format.number(shown.length), total: format.number(ordered.length) })}
        </Text>
      )}
    </Stack>
  );
};

const RecentImports = ({ scope }: { scope: ImportScope }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useImports(scope.api);
  const items = query.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card>
      <CardHeading title={t('imports.recent')} />
      <LabelledTable
        label={t('imports.recent')}
        minWidth={640}
        verticalSpacing="xs"
        head={
          <>
            <Table.Th>{t('imports.columns.file')}</Table.Th>
            <Table.Th>{t('imports.columns.started')}</Table.Th>
            <Table.Th>{t('imports.columns.status')}</Table.Th>
            <Table.Th ta="right">{t('imports.columns.rows')}</Table.Th>
          </>
        }
      >
        {items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor component={Link} to={importProgressPath(scope, item.id)} fz="sm" fw={600}>
                    {item.fileName}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text fz="sm">{format.dateTime(item.createdAt)}</Text>
                  <Text fz="xs" c="dimmed">
                    {item.startedBy}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ImportStatusBadge progress={item} />
                </Table.Td>
                <Table.Td ta="right">
                  <Text fz="sm">{t('imports.rowsSummary', { done: format.number(item.done), failed: format.number(item.failed), total: format.number(item.totalRows) })}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
      </LabelledTable>
    </Card>
  );
};

/** Manage users › Import (or a company's import in the back office): the template, a dry run of the chosen file, then the import itself. */
export const ImportUsersPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const scope = useImportScope();
  const problemMessage = useProblemMessage();
  const dryRun = useDryRun(scope.api);
  const start = useStartImport(scope.api);
  const [file, setFile] = useState<File | null>(null);
  const result = dryRun.data && !dryRun.isPending ? dryRun.data : null;
  const importable = result ? result.counts.createUser + result.counts.existingUser : 0;
  const fileIssues = fileIssuesOf(dryRun.error ?? start.error);

  const choose = (next: File | null) => {
    setFile(next);
    dryRun.reset();
    start.reset();
  };
  const commit = async () => {
    if (!file) return;
    const started = await start.mutateAsync(file);
    if (started.awaitingApproval) notify({ color: 'yellow', title: t('approvals.waits.title'), message: t('approvals.waits.import') });
    navigate(importProgressPath(scope, started.id));
  };

  return (
    <Page title={t('imports.title')} breadcrumbs={[...scope.crumbs, { label: t('imports.crumb') }]} description={t('imports.intro')}>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card>
          <CardHeading title={t('imports.step1')} />
          <Stack gap="sm">
            <Text fz="sm">{t('imports.templateHint')}</Text>
            <Group>
              <Button component="a" href={templateUrl(scope.api)} download variant="light" leftSection={<IconDownload size={16} aria-hidden="true" />}>
                {t('imports.downloadTemplate')}
              </Button>
            </Group>
            <Text fz="xs" c="dimmed">
              {t('imports.limits')}
            </Text>
          </Stack>
        </Card>
        <Card>
          <CardHeading title={t('imports.step2')} />
          <Stack gap="sm">
            <FileInput
              label={t('imports.fileLabel')}
              description={t('imports.fileHint')}
              placeholder={t('imports.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
              value={file}
              onChange={choose}
              clearable
              clearButtonProps={{ 'aria-label': t('imports.clearFile') }}
            />
            <Group>
              <Button onClick={() => file && dryRun.mutate(file)} disabled={!file} loading={dryRun.isPending} leftSection={<IconListCheck size={16} aria-hidden="true" />}>
                {t('imports.check')}
              </Button>
            </Group>
          </Stack>
        </Card>
      </SimpleGrid>

      <ProblemAlert title={t('imports.fileRefused')} live>
        {dryRun.error || start.error ? (
          <Stack gap={4}>
            <Text fz="sm">{problemMessage(dryRun.error ?? start.error)}</Text>
            {fileIssues && (
              <List size="sm">
                {fileIssues.map((issue) => (
                  <List.Item key={`${issue.line}-${issue.rule}-${issue.column}`}>{t('imports.lineIssue', { line: format.number(issue.line), message: issue.message })}</List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : null}
      </ProblemAlert>

      {result && (
        <Card>
          <Stack gap="md">
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2} fz="lg">
                  {t('imports.step3')}
                </Title>
                <Text fz="sm" c="dimmed" aria-live="polite">
                  {t('imports.dryRunSummary', {
                    total: format.number(result.counts.total),
                    create: format.number(result.counts.createUser),
                    existing: format.number(result.counts.existingUser),
                    skipped: format.number(result.counts.alreadyImported),
                    refused: format.number(result.counts.refused),
                  })}
                </Text>
              </div>
              <Button onClick={() => void commit()} disabled={importable === 0} loading={start.isPending} leftSection={<IconUpload size={16} aria-hidden="true" />}>
                {t('imports.commit', { count: importable, formatted: format.number(importable) })}
              </Button>
            </Group>
            {result.counts.refused > 0 && <Text fz="sm">{t('imports.refusedHint')}</Text>}
            <DryRunTable result={result} />
          </Stack>
        </Card>
      )}

      <RecentImports scope={scope} />
    </Page>
  );
};
