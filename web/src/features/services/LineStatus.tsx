import { Alert, Badge, Button, Card, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconLockOpen, IconPlayerPause, IconReplace, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { LineOperation, ServiceDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { resumeDay, useRetryLineOperation } from './line-api';
import { useCan } from '../auth/can';

// What the page says about a live line's operations: the bar of a lost phone, a suspension, a
// replacement SIM on its way, and each request the network is carrying out (or has carried out).

const newest = (service: ServiceDetail, kind: LineOperation['kind']) =>
  [...service.lineOperations].filter((operation) => operation.kind === kind).sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0] ?? null;

/** A replacement card the employee has yet to identify from their link: nothing on the network yet. */
const awaitingEmployee = (service: ServiceDetail) => {
  const swap = newest(service, 'swap_sim');
  return swap?.status === 'pending' && swap.toIccid === null;
};

type Actions = { onReplace: () => void; onLiftBar: () => void };

/** The barred line: who reported it and when, and the two ways out (a replacement, or the phone found). */
const BarredAlert = ({ service, onReplace, onLiftBar }: { service: ServiceDetail } & Pick<Actions, 'onReplace' | 'onLiftBar'>) => {
  const { t } = useTranslation();
  const mayChange = useCan('services.change');
  const labels = useLabels();
  const format = useFormat();
  const bar = newest(service, 'bar');
  const cause = bar?.cause ?? 'lost';
  return (
    <Alert color="red" variant="light" icon={<IconShieldLock aria-hidden="true" />} title={t(`lineOps.barred.title.${cause}`)}>
      <Stack gap="sm">
        <Text fz="sm">
          {bar
            ? t(`lineOps.barred.reported.${cause}`, { at: format.dateTime(bar.createdAt), name: labels.actor(bar.requestedBy) })
            : t('lineOps.barred.reportedUnknown')}{' '}
          {t('lineOps.barred.noTraffic')}
        </Text>
        {mayChange && <Group gap="sm">
          {!service.replacementSim && !awaitingEmployee(service) && (
            <Button color="red" leftSection={<IconReplace size={16} aria-hidden="true" />} onClick={onReplace}>
              {t('lineOps.replacement.order')}
            </Button>
          )}
          <Button variant="default" leftSection={<IconLockOpen size={16} aria-hidden="true" />} onClick={onLiftBar}>
            {t('lineOps.found.action')}
          </Button>
        </Group>}
      </Stack>
    </Alert>
  );
};

/** The suspension: until when, its price and reason (Resume stands at the top of the page, next to Manage service). */
const SuspendedAlert = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const suspension = newest(service, 'suspend');
  return (
    <Alert color="orange" variant="light" icon={<IconPlayerPause aria-hidden="true" />} title={t('lineOps.suspended.title')}>
      <Stack gap="sm">
        <Text fz="sm">
          {service.suspendedUntil ? t('lineOps.suspended.until', { date: format.calendarDate(resumeDay(service.suspendedUntil)) }) : t('lineOps.suspended.byHand')}{' '}
          {t('lineOps.suspended.price', { price: format.money(service.suspendedMonthlyPriceCents) })}
        </Text>
        {suspension?.reason && (
          <Text fz="sm">
            <Text span fz="sm" fw={600}>
              {t('lineOps.suspend.reason')}:
            </Text>{' '}
            {suspension.reason}
          </Text>
        )}
      </Stack>
    </Alert>
  );
};

const ReplacementAlert = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const replacement = service.replacementSim;
  const waiting = awaitingEmployee(service);
  if (!replacement && !waiting) return null;
  const what = !replacement
    ? t('lineOps.replacement.onItsWayUser', { name: service.userName })
    : replacement.kind === 'esim'
      ? t('lineOps.replacement.onItsWayEsim')
      : t('lineOps.replacement.onItsWaySim', { iccid: format.iccid(replacement.iccid) });
  return (
    <Alert color="blue" variant="light" icon={<IconReplace aria-hidden="true" />} title={t('lineOps.replacement.onItsWayTitle')}>
      <Text fz="sm">
        {what} {t(service.status === 'barred' ? 'lineOps.replacement.liftsBar' : 'lineOps.replacement.oldWorks')}
      </Text>
    </Alert>
  );
};

/** "Barring on the network…", "Done at …", "Failed" (with Try again for the latest of its kind): one line per request, newest first. */
const OperationState = ({ service, operation }: { service: ServiceDetail; operation: LineOperation }) => {
  const { t } = useTranslation();
  const mayChange = useCan('services.change');
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const retry = useRetryLineOperation(service.id);
  const retryable = operation.status === 'failed' && operation.kind !== 'swap_sim' && newest(service, operation.kind)?.id === operation.id;
  if (operation.status === 'pending') {
    return (
      <Group gap={8} wrap="nowrap">
        <Loader size={14} aria-hidden="true" />
        <Text fz="sm">{t(operation.kind === 'swap_sim' && operation.toIccid === null ? 'lineOps.operations.pending.swapUser' : `lineOps.operations.pending.${operation.kind}`)}</Text>
      </Group>
    );
  }
  if (retryable && mayChange) {
    return (
      <Stack gap={4} align="flex-start">
        <Badge variant="light" color="red" radius="sm" tt="none" fw={600}>
          {t('lineOps.operations.failed')}
        </Badge>
        <Button
          size="compact-sm"
          variant="default"
          loading={retry.isPending}
          onClick={() =>
            retry.mutate(operation.id, {
              onSuccess: () => notify({ color: 'green', title: t('lineOps.operations.retried'), message: t(`lineOps.operations.pending.${operation.kind}`) }),
              onError: (error) => notify({ color: 'red', title: t('lineOps.operations.retryFailed'), message: problemMessage(error) }),
            })
          }
        >
          {t('lineOps.operations.retry')}
        </Button>
      </Stack>
    );
  }
  if (operation.status === 'done') return <Text fz="sm">{t('lineOps.operations.doneAt', { at: format.dateTime(operation.completedAt ?? operation.createdAt) })}</Text>;
  return (
    <Badge variant="light" color={operation.status === 'failed' ? 'red' : 'gray'} radius="sm" tt="none" fw={600}>
      {t(`lineOps.operations.${operation.status}`)}
    </Badge>
  );
};

const MAX_SHOWN = 6;

const OperationsCard = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  if (service.lineOperations.length === 0) return null;
  const operations = [...service.lineOperations].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).slice(0, MAX_SHOWN);
  const pending = operations.some((operation) => operation.status === 'pending');
  return (
    <Card>
      <Title order={2} fz="lg" mb="xs">
        {t('lineOps.operations.title')}
      </Title>
      {pending && (
        <Text fz="xs" c="dimmed" mb="sm">
          {t('lineOps.operations.following')}
        </Text>
      )}
      {/* a polite live region: the state of a request changes while the page follows it */}
      <div aria-live="polite">
        <LabelledTable
          label={t('lineOps.operations.title')}
          verticalSpacing="xs"
          head={
            <>
              <Table.Th>{t('lineOps.operations.request')}</Table.Th>
              <Table.Th>{t('lineOps.operations.asked')}</Table.Th>
              <Table.Th>{t('lineOps.operations.state')}</Table.Th>
            </>
          }
        >
          {operations.map((operation) => (
            <Table.Tr key={operation.id}>
              <Table.Td>
                <Text fz="sm" fw={600}>
                  {t(`lineOps.operations.kind.${operation.kind}`)}
                </Text>
                {operation.toIccid && (
                  <Text fz="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {format.iccid(operation.toIccid)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Text fz="sm">{format.dateTime(operation.createdAt)}</Text>
                <Text fz="xs" c="dimmed">
                  {t('serviceDetail.by', { name: labels.actor(operation.requestedBy) })}
                </Text>
              </Table.Td>
              <Table.Td>
                <OperationState service={service} operation={operation} />
              </Table.Td>
            </Table.Tr>
          ))}
        </LabelledTable>
      </div>
    </Card>
  );
};

/** The line's operations on its page: alerts for what holds the line, then the requests. */
export const LineStatus = ({ service, ...actions }: { service: ServiceDetail } & Actions) => (
  <>
    {service.status === 'barred' && <BarredAlert service={service} onReplace={actions.onReplace} onLiftBar={actions.onLiftBar} />}
    {service.status === 'suspended' && <SuspendedAlert service={service} />}
    <ReplacementAlert service={service} />
    <OperationsCard service={service} />
  </>
);
