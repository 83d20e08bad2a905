import { Button, Code, DataList, Group, Image, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { IconKey, IconMailForward, IconQrcode } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceDetail } from '../../shared/api/contract';
import { Detail } from '../../shared/ui/DetailCard';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useEsimCode, useResendEsimQr, useSimCodes } from './api';
import { useCan } from '../auth/can';

// The SIM's codes on the service page: the eSIM's activation code, and a card's PIN and PUK.
//
// The eSIM's activation code on the service page: to install it together with the employee (scan
// the QR code from this screen, or type the code), or to send the QR e-mail again. The code is a
// credential, so it is fetched only when the dialog opens and the server records every look.

const Content = ({ service, onClose }: { service: ServiceDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const code = useEsimCode(service.id, true);
  const resend = useResendEsimQr();
  const send = async () => {
    try {
      await resend.mutateAsync(service.id);
      notify({ color: 'green', title: t('serviceDetail.esim.sent'), message: t('serviceDetail.esim.sentHint', { email: code.data?.sentTo ?? '' }) });
      onClose();
    } catch (error) {
      notify({ color: 'red', title: t('serviceDetail.esim.sendFailed'), message: problemMessage(error) });
    }
  };
  if (code.isError) return <ProblemAlert title={t('serviceDetail.esim.loadFailed')}>{problemMessage(code.error)}</ProblemAlert>;
  if (!code.data) return <Skeleton height={320} />;
  return (
    <Stack gap="sm">
      <Text fz="sm">{t('serviceDetail.esim.intro', { name: service.userName })}</Text>
      <Image src={code.data.qrPngDataUrl} alt={t('serviceDetail.esim.qrAlt', { code: code.data.activationCode })} w={240} h={240} mx="auto" data-esim-qr />
      <Text fz="sm" fw={600}>
        {t('serviceDetail.esim.codeLabel')}
      </Text>
      <Code block style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
        {code.data.activationCode}
      </Code>
      <Text fz="xs" c="dimmed">
        {t('serviceDetail.esim.careful')}
      </Text>
      <ModalActions mt="sm" label={t('serviceDetail.esim.send', { email: code.data.sentTo })} icon={IconMailForward} onConfirm={send} pending={resend.isPending} onCancel={onClose} cancelLabel={t('actions.close')} />
    </Stack>
  );
};

export const EsimCodeButton = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  // the code installs the line on a phone: it goes with the right to change lines (and is audited)
  if (!useCan('services.change')) return null;
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconQrcode size={14} aria-hidden="true" />} onClick={() => setOpened(true)}>
        {t('serviceDetail.esim.show')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('serviceDetail.esim.title')} size="lg" centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
        {opened && <Content service={service} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
};

// PIN and PUK, for the administrator helping someone whose SIM is locked. Like the activation code,
// fetched only when the dialog opens; the server records every look.
const SimCodesContent = ({ service, onClose }: { service: ServiceDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const codes = useSimCodes(service.id);
  if (codes.isError) return <ProblemAlert title={t('serviceDetail.simCodes.loadFailed')}>{problemMessage(codes.error)}</ProblemAlert>;
  if (!codes.data) return <Skeleton height={120} />;
  const code = (value: string | null) =>
    value ? (
      <Text ff="monospace" fz="lg">
        {value}
      </Text>
    ) : (
      <Text c="dimmed" fz="sm">
        {t('serviceDetail.simCodes.none')}
      </Text>
    );
  return (
    <Stack gap="sm">
      <DataList>
        <Detail label={t('serviceDetail.simCodes.pin')}>{code(codes.data.pin)}</Detail>
        <Detail label={t('serviceDetail.simCodes.puk')}>{code(codes.data.puk)}</Detail>
      </DataList>
      <Text fz="xs" c="dimmed">
        {t('serviceDetail.simCodes.careful')}
      </Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose}>
          {t('actions.close')}
        </Button>
      </Group>
    </Stack>
  );
};

export const SimCodesButton = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  if (!useCan('services.change')) return null;
  return (
    <>
      <Button variant="default" size="xs" leftSection={<IconKey size={14} aria-hidden="true" />} onClick={() => setOpened(true)}>
        {t('serviceDetail.simCodes.show')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('serviceDetail.simCodes.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
        {opened && <SimCodesContent service={service} onClose={() => setOpened(false)} />}
      </Modal>
    </>
  );
};
