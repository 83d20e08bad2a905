import { ActionIcon, Badge, Button, Card, EmptyState, Group, Modal, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { IconPlayerPlay, IconRefresh, IconSend, IconWebhook } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDelivery, EventHub } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { DEFAULT_PAGE_SIZE } from '../../shared/ui/list-params';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { QueryContent } from '../../shared/ui/QueryContent';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useCan } from '../auth/can';
import { useEventDeliveries, useEventHubs, useWebhookMutations } from './webhooks-api';

const HUB_COLOR = { active: 'green', disabled: 'red', deleted: 'gray' } as const;
const DELIVERY_COLOR = { pending: 'blue', delivered: 'green', failed: 'red', cancelled: 'gray' } as const;
const STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;
type DeliveryStatus = (typeof STATUSES)[number];

/** Asks before an event goes out again: the receiver gets the same event id a second time. */
const ReplayModal = ({ delivery, onClose }: { delivery: EventDelivery | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { replay } = useWebhookMutations();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!delivery) return;
    try {
      await replay.mutateAsync(delivery.id);
      notify({ color: 'green', title: t('webhooks.replayed'), message: delivery.eventType });
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  return (
    <Modal opened={delivery !== null} onClose={close} title={t('webhooks.replayTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t('webhooks.replayText', { type: delivery?.eventType ?? '', callback: delivery?.callback ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions label={t('webhooks.replay')} onConfirm={confirm} pending={replay.isPending} icon={IconSend} onCancel={close} focusCancel />
      </Stack>
    </Modal>
  );
};

const HubTable = ({ hubs }: { hubs: EventHub[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  // turning a subscription back on is the owner's (apiClients.manage); an administrator reads
  const mayManage = useCan('apiClients.manage');
  const problemMessage = useProblemMessage();
  const { enable } = useWebhookMutations();
  const turnOn = async (hub: EventHub) => {
    try {
      await enable.mutateAsync(hub.id);
      notify({ color: 'green', title: t('webhooks.enabled'), message: hub.callback });
    } catch (error) {
      notify({ color: 'red', title: t('webhooks.enable'), message: problemMessage(error) });
    }
  };
  return (
    <LabelledTable
      label={t('webhooks.hubsLabel')}
      minWidth={860}
      highlightOnHover
      head={
        <>
          <Table.Th>{t('webhooks.callback')}</Table.Th>
          <Table.Th>{t('webhooks.api')}</Table.Th>
          <Table.Th>{t('webhooks.query')}</Table.Th>
          <Table.Th>{t('webhooks.client')}</Table.Th>
          <Table.Th>{t('webhooks.status')}</Table.Th>
          {mayManage && <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>}
        </>
      }
    >
      {hubs.map((hub) => (
        <Table.Tr key={hub.id} c={hub.status === 'deleted' ? 'dimmed' : undefined}>
          <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
            {hub.callback}
          </Table.Td>
          <Table.Td>{t(`webhooks.apis.${hub.api}`)}</Table.Td>
          <Table.Td ff={hub.query ? 'monospace' : undefined} fz="xs">
            {hub.query ?? <Text span c="dimmed" fz="sm">{t('webhooks.allEvents')}</Text>}
          </Table.Td>
          <Table.Td>
            {hub.clientName}
            {hub.clientRevoked && (
              <Text span c="dimmed" fz="xs">
                {' '}
                ({t('apiClients.statusRevoked')})
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Tooltip label={hub.disabledAt ? format.dateTime(hub.disabledAt) : t('webhooks.since', { date: format.dateTime(hub.createdAt) })}>
              <Badge color={HUB_COLOR[hub.status]} variant="light">
                {t(`webhooks.hubStatus.${hub.status}`)}
              </Badge>
            </Tooltip>
          </Table.Td>
          {mayManage && (
          <Table.Td>
            <Group gap={4} justify="flex-end" wrap="nowrap">
              {hub.status === 'disabled' && !hub.clientRevoked && (
                <Button size="xs" variant="light" leftSection={<IconPlayerPlay size={14} aria-hidden="true" />} loading={enable.isPending && enable.variables === hub.id} onClick={() => turnOn(hub)}>
                  {t('webhooks.enable')}
                </Button>
              )}
            </Group>
          </Table.Td>
          )}
        </Table.Tr>
      ))}
    </LabelledTable>
  );
};

const DeliveryLog = ({ hubs }: { hubs: EventHub[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(DEFAULT_PAGE_SIZE);
  const [status, setStatus] = useState<DeliveryStatus | null>(null);
  const [hubId, setHubId] = useState<string | null>(null);
  const [replaying, setReplaying] = useState<EventDelivery | null>(null);
  // sending an event again is the owner's (apiClients.manage); an administrator reads the log
  const mayManage = useCan('apiClients.manage');
  const deliveries = useEventDeliveries({ page, pageSize, ...(status ? { status } : {}), ...(hubId ? { hubId } : {}) });
  const data = deliveries.data;
  return (
    <Stack gap={0}>
      <Group justify="space-between" px="lg" pt="md" pb="sm" wrap="wrap" align="flex-end">
        <Title order={3} fz="md">
          {t('webhooks.logTitle')}
        </Title>
        <Group gap="sm" wrap="wrap">
          <Select
            label={t('webhooks.status')}
            size="xs"
            w={160}
            clearable
            placeholder={t('webhooks.allStatuses')}
            data={STATUSES.map((s) => ({ value: s, label: t(`webhooks.deliveryStatus.${s}`) }))}
            value={status}
            onChange={(v) => {
              setStatus(v as DeliveryStatus | null);
              setPage(1);
            }}
          />
          <Select
            label={t('webhooks.subscription')}
            size="xs"
            w={260}
            clearable
            placeholder={t('webhooks.allSubscriptions')}
            data={hubs.map((h) => ({ value: h.id, label: `${h.callback} (${t(`webhooks.apis.${h.api}`)})` }))}
            value={hubId}
            onChange={(v) => {
              setHubId(v);
              setPage(1);
            }}
          />
        </Group>
      </Group>
      {data && data.total === 0 ? (
        <EmptyState py={32} icon={<IconSend size={24} aria-hidden="true" />} withIndicatorBackground title={t('webhooks.noDeliveries')} description={t('webhooks.noDeliveriesHint')} />
      ) : (
        <>
          <LabelledTable
            label={t('webhooks.logTitle')}
            minWidth={980}
            highlightOnHover
            head={
              <>
                <Table.Th>{t('webhooks.time')}</Table.Th>
                <Table.Th>{t('webhooks.event')}</Table.Th>
                <Table.Th>{t('webhooks.callback')}</Table.Th>
                <Table.Th>{t('webhooks.status')}</Table.Th>
                <Table.Th ta="right">{t('webhooks.attempts')}</Table.Th>
                <Table.Th>{t('webhooks.lastAnswer')}</Table.Th>
                {mayManage && <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>}
              </>
            }
          >
            {!data ? (
              <TableSkeletonRows columns={mayManage ? 7 : 6} rows={3} />
            ) : (
              data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td className="fd-nowrap">
                    <Text fz="sm" component="time" dateTime={d.createdAt}>
                      {format.dateTime(d.createdAt)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm" fw={600}>
                      {d.eventType}
                    </Text>
                    <Text fz="xs" c="dimmed" ff="monospace">
                      {d.eventId}
                    </Text>
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs" style={{ wordBreak: 'break-all' }}>
                    {d.callback}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={DELIVERY_COLOR[d.status]} variant="light">
                      {t(`webhooks.deliveryStatus.${d.status}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td ta="right">{format.number(d.attempts)}</Table.Td>
                  <Table.Td>
                    {d.lastStatusCode !== null ? (
                      <Text fz="sm" ff="monospace" span>
                        {d.lastStatusCode}
                      </Text>
                    ) : null}
                    {d.lastError && d.lastError !== `HTTP ${d.lastStatusCode}` ? (
                      <Text fz="xs" c="dimmed">
                        {d.lastError}
                      </Text>
                    ) : null}
                    {d.lastStatusCode === null && !d.lastError ? <Text span c="dimmed" fz="sm">—</Text> : null}
                    {d.lastAttemptAt ? (
                      <Text fz="xs" c="dimmed">
                        {format.dateTime(d.lastAttemptAt)}
                      </Text>
                    ) : null}
                  </Table.Td>
                  {mayManage && (
                  <Table.Td>
                    <Group gap={4} justify="flex-end" wrap="nowrap">
                      {d.status !== 'pending' && (
                        <Tooltip label={t('webhooks.replay')}>
                          <ActionIcon variant="subtle" aria-label={`${t('webhooks.replay')} – ${d.eventType} ${format.dateTime(d.createdAt)}`} onClick={() => setReplaying(d)}>
                            <IconRefresh size={16} aria-hidden="true" />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  )}
                </Table.Tr>
              ))
            )}
          </LabelledTable>
          {data && (
            <TableFooter>
              <TablePager
                page={page}
                pageSize={pageSize}
                total={data.total}
                onPageChange={setPage}
                onPageSizeChange={(size) => {
                  setPageSize(size);
                  setPage(1);
                }}
              />
            </TableFooter>
          )}
        </>
      )}
      <ReplayModal delivery={replaying} onClose={() => setReplaying(null)} />
    </Stack>
  );
};

/** Company & contract › Event subscriptions: what the API clients subscribed to, and every delivery with its outcome. */
export const WebhooksPanel = () => {
  const { t } = useTranslation();
  const hubs = useEventHubs();
  return (
    <Card padding={0}>
      <Stack gap={4} p="lg" pb="xs" maw={720}>
        <Title order={2} fz="lg">
          {t('webhooks.title')}
        </Title>
        <Text fz="sm" c="dimmed">
          {t('webhooks.intro')}
        </Text>
      </Stack>
      <QueryContent query={hubs} skeletons={[120]}>
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState py={40} icon={<IconWebhook size={28} aria-hidden="true" />} withIndicatorBackground title={t('webhooks.none')} description={t('webhooks.noneHint')} />
          ) : (
            <>
              <HubTable hubs={items} />
              <DeliveryLog hubs={items} />
            </>
          )
        }
      </QueryContent>
    </Card>
  );
};
