import { Alert, Badge, Button, Card, Checkbox, Group, List, Modal, Progress, SegmentedControl, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCalendarTime, IconListCheck, IconPlayerPause, IconPlayerPlay, IconReplace, IconTrash } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { BulkAction, BulkActionInput, BulkActionKind, BulkActionParams, BulkPreview } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { brusselsLocalToIso } from '../../shared/time/brussels';
import { useChangeOptions } from '../services/manage-api';
import { scheduleBounds, scheduleProblem } from '../services/schedule';
import { servicePath } from '../services/ServiceDetailPage';
import { useBulkActions, useBulkItems, useBulkPreview, useStartBulkAction } from './bulk-api';

export type BulkSelection = BulkActionInput['selection'];

const ICONS = { start: IconPlayerPlay, schedule: IconCalendarTime, change: IconReplace, suspend: IconPlayerPause, resume: IconPlayerPlay, delete: IconTrash } as const;
export const BULK_KINDS: readonly BulkActionKind[] = ['start', 'schedule', 'change', 'suspend', 'resume', 'delete'];

/** The bar above the table while services are ticked: how many, and what can be done to them. */
export const BulkActionBar = ({ count, onAction, onClear }: { count: number; onAction: (kind: BulkActionKind) => void; onClear: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group gap="xs" wrap="wrap" p="sm" bg="var(--mantine-color-indigo-0)" style={{ borderRadius: 'var(--mantine-radius-sm)' }} role="region" aria-label={t('bulk.barLabel')}>
      <Text fz="sm" fw={600} aria-live="polite" mr="sm">
        {t('bulk.selected', { count, formatted: format.number(count) })}
      </Text>
      {BULK_KINDS.map((kind) => {
        const Icon = ICONS[kind];
        return (
          <Button key={kind} size="xs" variant={kind === 'delete' ? 'light' : 'default'} color={kind === 'delete' ? 'red' : undefined} leftSection={<Icon size={14} aria-hidden="true" />} onClick={() => onAction(kind)}>
            {t(`bulk.kinds.${kind}`)}
          </Button>
        );
      })}
      <Button size="xs" variant="subtle" onClick={onClear}>
        {t('bulk.clearSelection')}
      </Button>
    </Group>
  );
};

/** What the action needs before its preview: a start date, a bundle, a suspension's reason. */
const ParamsForm = ({ kind, sampleServiceId, onReady, pending }: { kind: 'schedule' | 'change' | 'suspend'; sampleServiceId: string | null; onReady: (params: BulkActionParams) => void; pending: boolean }) => {
  const { t } = useTranslation();
  const [startAt, setStartAt] = useState('');
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [bundleCode, setBundleCode] = useState<string | null>(null);
  const [optionCodes, setOptionCodes] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const options = useChangeOptions(sampleServiceId ?? '', kind === 'change' && sampleServiceId !== null);
  const bundle = options.data?.bundles.find((b) => b.code === bundleCode);
  const bounds = scheduleBounds();
  const submit = () => {
    if (kind === 'schedule') {
      const invalid = scheduleProblem(startAt);
      if (invalid) return setError(t(`wizard.schedule.${invalid}`));
      const iso = brusselsLocalToIso(startAt);
      if (iso) onReady({ kind, startAt: iso });
    } else if (kind === 'change') {
      if (!bundleCode) return setError(t('bulk.chooseBundle'));
      onReady({ kind, bundleCode, optionCodes });
    } else {
      if (!reason.trim()) return setError(t('lineOps.suspend.reasonRequired'));
      onReady({ kind, reason: reason.trim(), until: until || null });
    }
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {kind === 'schedule' && (
          <TextInput
            type="datetime-local"
            label={t('wizard.activation.startAt')}
            description={t('waiting.scheduleHint')}
            withAsterisk
            data-autofocus
            value={startAt}
            min={bounds.min}
            max={bounds.max}
            onChange={(event) => {
              setStartAt(event.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
        )}
        {kind === 'change' && (
          <>
            <Text fz="sm" c="dimmed">
              {t('bulk.changeHint')}
            </Text>
            <Select
              label={t('manageService.bundle')}
              withAsterisk
              data-autofocus
              data={(options.data?.bundles ?? []).map((b) => ({ value: b.code, label: b.name }))}
              value={bundleCode}
              onChange={(value) => {
                setBundleCode(value);
                setOptionCodes([]);
                setError(null);
              }}
              error={error}
              comboboxProps={{ withinPortal: true }}
            />
            {bundle && bundle.options.length > 0 && (
              <Checkbox.Group label={t('manageService.options')} value={optionCodes} onChange={setOptionCodes}>
                <Stack gap={6} mt={6}>
                  {bundle.options.map((option) => (
                    <Checkbox key={option.code} value={option.code} label={option.name} />
                  ))}
                </Stack>
              </Checkbox.Group>
            )}
          </>
        )}
        {kind === 'suspend' && (
          <>
            <TextInput
              label={t('lineOps.suspend.reason')}
              description={t('lineOps.suspend.reasonHint')}
              withAsterisk
              data-autofocus
              value={reason}
              maxLength={500}
              onChange={(event) => {
                setReason(event.currentTarget.value);
                setError(null);
              }}
              error={error}
            />
            <TextInput type="date" label={t('lineOps.suspend.until')} description={t('lineOps.suspend.untilHint')} value={until} onChange={(event) => setUntil(event.currentTarget.value)} />
          </>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            {t('bulk.showPreview')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** The preview: how many services the action applies to, the others and why, the money, the 30 % rule. */
const PreviewSummary = ({ preview }: { preview: BulkPreview }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const skipped = preview.ineligible.reduce((s, i) => s + i.count, 0);
  return (
    <Stack gap="sm">
      <Text fz="sm" fw={600}>
        {preview.eligible === 0
          ? t('bulk.nothingEligible', { selected: format.number(preview.selected) })
          : t(`bulk.appliesTo.${preview.kind}`, { count: preview.eligible, formatted: format.number(preview.eligible), selected: format.number(preview.selected) })}
      </Text>
      {skipped > 0 && (
        <Alert color="gray" variant="light" title={t('bulk.skippedTitle', { count: skipped, formatted: format.number(skipped) })}>
          <List size="sm">
            {preview.ineligible.map((i) => (
              <List.Item key={i.status}>{t('bulk.skippedStatus', { count: i.count, formatted: format.number(i.count), status: t(`serviceStatus.${i.status}`) })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.refused.length > 0 && (
        <Alert color="orange" variant="light" title={t('bulk.refusedTitle')}>
          <List size="sm">
            {preview.refused.map((r) => (
              <List.Item key={r.message}>{t('bulk.refusedLine', { count: r.count, formatted: format.number(r.count), reason: r.message })}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {preview.impact && preview.eligible > 0 && (
        <Card withBorder padding="sm">
          <Text fz="sm" fw={600} mb={4}>
            {t('bulk.impactTitle')}
          </Text>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Tbody>
              {preview.impact.groups.map((g, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {t('bulk.impactGroup', { count: g.count, formatted: format.number(g.count), from: g.before.bundle.name, to: g.after.bundle.name })}
                  </Table.Td>
                  <Table.Td ta="right" className="fd-nowrap">
                    {format.money(g.count * g.totalCents)}
                  </Table.Td>
                </Table.Tr>
              ))}
              <Table.Tr>
                <Table.Td fw={600}>{t('bulk.thisMonth')}</Table.Td>
                <Table.Td ta="right" fw={600} className="fd-nowrap">
                  {format.money(preview.impact.totalCents)}
                </Table.Td>
              </Table.Tr>
              <Table.Tr>
                <Table.Td>{t('bulk.perMonth')}</Table.Td>
                <Table.Td ta="right" className="fd-nowrap">
                  {preview.impact.monthlyDifferenceCents > 0 ? '+' : ''}
                  {format.money(preview.impact.monthlyDifferenceCents)}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </Card>
      )}
      {preview.deletionQuota && (
        <Alert color={preview.deletionQuota.allowed ? 'blue' : 'red'} variant="light" title={preview.deletionQuota.allowed ? t('bulk.quotaOk') : t('bulk.quotaOver')}>
          <Text fz="sm">
            {t('bulk.quotaText', {
              requested: format.number(preview.eligible),
              remaining: format.number(preview.deletionQuota.remaining),
              limit: format.number(preview.deletionQuota.limit),
              used: format.number(preview.deletionQuota.used),
            })}
          </Text>
        </Alert>
      )}
      {preview.kind === 'delete' && preview.eligible > 0 && preview.deletionQuota?.allowed && (
        <Text fz="sm" c="red.8">
          {t('bulk.deleteWarning')}
        </Text>
      )}
    </Stack>
  );
};

type ModalProps = {
  kind: BulkActionKind | null;
  selection: BulkSelection;
  count: number;
  /** A selected service, whose type lists the bundles a change can choose from. */
  sampleServiceId: string | null;
  onClose: () => void;
  onStarted: () => void;
};

/** One bulk action: its input (if any), the preview, then Confirm; the job's progress shows on the page. */
export const BulkActionModal = ({ kind, selection, count, sampleServiceId, onClose, onStarted }: ModalProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const preview = useBulkPreview();
  const start = useStartBulkAction();
  const [params, setParams] = useState<BulkActionParams | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const needsInput = kind === 'schedule' || kind === 'change' || kind === 'suspend';

  const ask = (next: BulkActionParams) => {
    setParams(next);
    setProblem(null);
    preview.mutate({ action: next, selection }, { onError: (error) => setProblem(problemMessage(error)) });
  };
  useEffect(() => {
    setParams(null);
    setProblem(null);
    preview.reset();
    if (kind && !needsInput) ask({ kind } as BulkActionParams);
    // a new action or selection starts over
  }, [kind]);

  if (!kind) return null;
  const confirm = async () => {
    if (!params) return;
    setProblem(null);
    try {
      const action = await start.mutateAsync({ action: params, selection });
      notify({ color: 'green', title: t('bulk.startedTitle'), message: t('bulk.startedText', { count: action.total, formatted: format.number(action.total) }) });
      onStarted();
      onClose();
    } catch (error) {
      setProblem(isApiError(error) ? problemMessage(error) : String(error));
    }
  };
  const ready = preview.data && params && preview.data.eligible > 0 && (preview.data.deletionQuota?.allowed ?? true);
  return (
    <Modal opened onClose={onClose} size="lg" centered title={t(`bulk.titles.${kind}`, { count, formatted: format.number(count) })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <ProblemAlert live>{problem}</ProblemAlert>
        {needsInput && (!params || !preview.data) && <ParamsForm kind={kind} sampleServiceId={sampleServiceId} onReady={ask} pending={preview.isPending} />}
        {preview.isPending && !needsInput && <Progress value={100} animated aria-label={t('bulk.checking')} />}
        {preview.data && params && (
          <>
            <PreviewSummary preview={preview.data} />
            <Group justify="space-between">
              {needsInput ? (
                <Button variant="subtle" onClick={() => preview.reset()}>
                  {t('manageService.back')}
                </Button>
              ) : (
                <span />
              )}
              {ready ? (
                <ModalActions label={t(`bulk.confirm.${kind}`, { count: preview.data.eligible, formatted: format.number(preview.data.eligible) })} color={kind === 'delete' ? 'red' : undefined} icon={ICONS[kind]} onConfirm={() => void confirm()} pending={start.isPending} onCancel={onClose} focusCancel />
              ) : (
                <Button variant="default" onClick={onClose}>
                  {t('actions.close')}
                </Button>
              )}
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
};

const OUTCOMES = ['all', 'failed', 'done', 'pending'] as const;

/** Every service of an action with its outcome, and why one was refused. */
const ResultsModal = ({ action, onClose }: { action: BulkAction; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>(action.failed > 0 ? 'failed' : 'all');
  const [page, setPage] = useState(1);
  const items = useBulkItems(action.id, outcome === 'all' ? null : outcome, page);
  return (
    <Modal opened onClose={onClose} size="xl" centered title={t('bulk.resultsTitle', { action: t(`bulk.kinds.${action.kind}`) })} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <SegmentedControl
          value={outcome}
          onChange={(value) => {
            setOutcome(value as (typeof OUTCOMES)[number]);
            setPage(1);
          }}
          data={OUTCOMES.map((o) => ({ value: o, label: t(`bulk.outcomes.${o}`) }))}
          aria-label={t('bulk.outcomeFilter')}
        />
        <Table fz="sm" striped aria-label={t('bulk.resultsTable')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('overview.columns.user')}</Table.Th>
              <Table.Th>{t('overview.columns.number')}</Table.Th>
              <Table.Th>{t('overview.columns.status')}</Table.Th>
              <Table.Th>{t('bulk.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(items.data?.items ?? []).map((item) => (
              <Table.Tr key={item.serviceId}>
                <Table.Td>
                  <Text component={Link} to={servicePath(item.serviceId)} fz="sm" c="indigo.7" fw={600}>
                    {item.userName}
                  </Text>
                </Table.Td>
                <Table.Td className="fd-nowrap">{item.msisdn ? format.phone(item.msisdn) : '—'}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={item.status === 'done' ? 'green' : item.status === 'failed' ? 'red' : 'gray'}>
                    {t(`bulk.outcomes.${item.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>{item.message ?? '—'}</Table.Td>
              </Table.Tr>
            ))}
            {items.data && items.data.items.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>
                  <Text fz="sm" c="dimmed" ta="center" py="md">
                    {t('bulk.noResults')}
                  </Text>
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
        {items.data && (
          <TableFooter>
            <TablePager page={page} pageSize={items.data.pageSize} total={items.data.total} onPageChange={setPage} />
          </TableFooter>
        )}
      </Stack>
    </Modal>
  );
};

/** The latest bulk actions with their progress: running ones stay in view, and after a reload too. */
export const BulkActionsPanel = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useBulkActions();
  const [open, setOpen] = useState<BulkAction | null>(null);
  const recent = (list.data?.items ?? []).filter((a) => a.status === 'running' || (a.finishedAt && Date.now() - Date.parse(a.finishedAt) < 24 * 3600_000)).slice(0, 3);
  if (recent.length === 0) return null;
  return (
    <Stack gap="xs" p="md" pb={0}>
      {recent.map((action) => {
        const worked = action.done + action.failed;
        const percent = action.total ? Math.round((worked / action.total) * 100) : 100;
        return (
          <Card key={action.id} withBorder padding="sm" aria-label={t('bulk.progressLabel', { action: t(`bulk.kinds.${action.kind}`) })}>
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Group gap="xs">
                <IconListCheck size={18} aria-hidden="true" />
                <Text fz="sm" fw={600}>
                  {t(`bulk.kinds.${action.kind}`)}
                </Text>
                <Badge variant="light" color={action.status === 'running' ? 'blue' : action.failed > 0 ? 'orange' : 'green'}>
                  {action.status === 'running' ? t('bulk.running') : action.failed > 0 ? t('bulk.finishedWithFailures') : t('bulk.finished')}
                </Badge>
                <Text fz="xs" c="dimmed">
                  {t('bulk.startedBy', { name: action.startedBy, at: format.dateTime(action.createdAt) })}
                </Text>
              </Group>
              <Group gap="sm">
                <Text fz="sm" aria-live="polite">
                  {t('bulk.counts', { done: format.number(action.done), failed: format.number(action.failed), total: format.number(action.total) })}
                </Text>
                <Button size="xs" variant="default" onClick={() => setOpen(action)}>
                  {t('bulk.viewResults')}
                </Button>
              </Group>
            </Group>
            <Progress mt="xs" value={percent} color={action.failed > 0 ? 'orange' : 'indigo'} animated={action.status === 'running'} aria-label={t('bulk.progressLabel', { action: t(`bulk.kinds.${action.kind}`) })} />
          </Card>
        );
      })}
      {open && <ResultsModal action={open} onClose={() => setOpen(null)} />}
    </Stack>
  );
};
