import { ActionIcon, Badge, Button, Card, EmptyState, Group, Modal, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconDevices, IconLogout } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnSession } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { Page } from '../../shared/ui/Page';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { QueryContent } from '../../shared/ui/QueryContent';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { useOwnSessions, useSessionMutations } from './api';
import { AccountTabs } from './AccountTabs';

const MOBILE = new Set(['iPhone', 'Android']);

/** "Firefox on Windows", or what is known of it. */
const useDeviceName = () => {
  const { t } = useTranslation();
  return (s: OwnSession) => {
    const { browser, os } = s.device;
    if (browser && os) return t('sessions.deviceOn', { browser, os });
    return browser ?? os ?? t('sessions.unknownDevice');
  };
};

type Ending = { kind: 'one'; session: OwnSession } | { kind: 'others'; count: number };

const EndModal = ({ ending, onClose }: { ending: Ending | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const deviceName = useDeviceName();
  const problemMessage = useProblemMessage();
  const { end, endOthers } = useSessionMutations();
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onClose();
  };
  const confirm = async () => {
    if (!ending) return;
    try {
      if (ending.kind === 'one') {
        await end.mutateAsync(ending.session.id);
        notify({ color: 'green', title: t('sessions.ended'), message: deviceName(ending.session) });
      } else {
        const { ended } = await endOthers.mutateAsync();
        notify({ color: 'green', title: t('sessions.endedOthers'), message: t('sessions.endedCount', { count: ended }) });
      }
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  return (
    <Modal opened={ending !== null} onClose={close} title={ending?.kind === 'others' ? t('sessions.endOthersTitle') : t('sessions.endTitle')} centered size="lg" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">
          {ending?.kind === 'one' ? t('sessions.endText', { device: deviceName(ending.session), address: ending.session.ipAddress ?? '' }) : t('sessions.endOthersText', { count: ending?.kind === 'others' ? ending.count : 0 })}
        </Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions label={ending?.kind === 'others' ? t('sessions.endOthers') : t('sessions.end')} onConfirm={confirm} pending={end.isPending || endOthers.isPending} icon={IconLogout} color="red" onCancel={close} focusCancel />
      </Stack>
    </Modal>
  );
};

/** Account › Sessions: where this account is signed in, and signing out there. */
export const SessionsPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const deviceName = useDeviceName();
  const sessions = useOwnSessions();
  const [ending, setEnding] = useState<Ending | null>(null);
  const others = sessions.data?.items.filter((s) => !s.current).length ?? 0;
  return (
    <Page
      title={t('sessions.title')}
      description={t('sessions.intro')}
      breadcrumbs={[{ label: t('accountPages.crumb') }, { label: t('sessions.title') }]}
      actions={
        <Button color="red" variant="light" leftSection={<IconLogout size={16} aria-hidden="true" />} disabled={others === 0} onClick={() => setEnding({ kind: 'others', count: others })}>
          {t('sessions.endOthers')}
        </Button>
      }
    >
      <AccountTabs />
      <Card padding={0}>
        <QueryContent query={sessions} skeletons={[160]}>
          {({ items }) =>
            items.length === 0 ? (
              <EmptyState py={40} icon={<IconDevices size={28} aria-hidden="true" />} withIndicatorBackground title={t('sessions.none')} />
            ) : (
              <LabelledTable
                label={t('sessions.title')}
                minWidth={760}
                head={
                  <>
                    <Table.Th>{t('sessions.device')}</Table.Th>
                    <Table.Th>{t('sessions.address')}</Table.Th>
                    <Table.Th>{t('sessions.signedIn')}</Table.Th>
                    <Table.Th>{t('sessions.lastSeen')}</Table.Th>
                    <Table.Th ta="right">{t('backOffice.actionsColumn')}</Table.Th>
                  </>
                }
              >
                {items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        {s.device.os && MOBILE.has(s.device.os) ? <IconDeviceMobile size={18} aria-hidden="true" /> : <IconDeviceDesktop size={18} aria-hidden="true" />}
                        <Tooltip label={s.userAgent ?? t('sessions.unknownDevice')} multiline maw={360}>
                          <Text fz="sm" fw={600} span tabIndex={0}>
                            {deviceName(s)}
                          </Text>
                        </Tooltip>
                        {s.current && (
                          <Badge color="green" variant="light">
                            {t('sessions.current')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td ff="monospace" fz="sm">
                      {s.ipAddress ?? '—'}
                    </Table.Td>
                    <Table.Td>{format.dateTime(s.signedInAt)}</Table.Td>
                    <Table.Td>{s.current ? t('sessions.now') : format.dateTime(s.lastSeenAt)}</Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        {!s.current && (
                          <Tooltip label={t('sessions.end')}>
                            <ActionIcon variant="subtle" color="red" aria-label={`${t('sessions.end')} – ${deviceName(s)}, ${format.dateTime(s.signedInAt)}`} onClick={() => setEnding({ kind: 'one', session: s })}>
                              <IconLogout size={16} aria-hidden="true" />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </LabelledTable>
            )
          }
        </QueryContent>
      </Card>
      <EndModal ending={ending} onClose={() => setEnding(null)} />
    </Page>
  );
};
