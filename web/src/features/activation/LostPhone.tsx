import { Alert, Button, Card, Group, Modal, Radio, Stack, Text, Title } from '@mantine/core';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivationView, LossCause } from '../../shared/api/contract';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useReportLostByEmployee } from './api';

// A lost or stolen phone, from the employee's personal page: the line is barred at once, so nobody
// can call or use data on the company's account; the fleet administrator arranges a replacement.

export const BARRED_HEADING_ID = 'activation-barred-title';

/** "Lost or stolen phone?": asks for the cause and a confirmation, then bars the line. */
export const ReportLostCard = ({ token, view }: { token: string; view: ActivationView }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const report = useReportLostByEmployee(token);
  const [opened, setOpened] = useState(false);
  const [cause, setCause] = useState<LossCause>('lost');
  const [problem, setProblem] = useState<string | null>(null);
  const open = () => {
    setCause('lost');
    setProblem(null);
    setOpened(true);
  };
  const confirm = async () => {
    setProblem(null);
    try {
      await report.mutateAsync(cause);
      setOpened(false);
      // the page now says the line is barred: the focus goes there
      window.requestAnimationFrame(() => document.getElementById(BARRED_HEADING_ID)?.focus());
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Card component="section" aria-labelledby="activation-lost-title">
      <Group gap={10} mb="sm" wrap="nowrap">
        <IconShieldLock size={20} aria-hidden="true" />
        <Title order={2} fz="lg" id="activation-lost-title">
          {t('activation.lost.title')}
        </Title>
      </Group>
      <Text fz="sm" mb="sm">
        {t('activation.lost.text')}
      </Text>
      <Button variant="outline" color="red" leftSection={<IconShieldLock size={16} aria-hidden="true" />} onClick={open}>
        {t('activation.lost.action')}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('activation.lost.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Stack gap="sm">
          <ProblemAlert>{problem}</ProblemAlert>
          <Text fz="sm">{t('activation.lost.confirmText', { company: view.companyName })}</Text>
          <Radio.Group label={t('activation.lost.cause')} value={cause} onChange={(value) => setCause(value as LossCause)} required>
            <Stack gap="xs" mt={6}>
              <Radio value="lost" label={t('activation.lost.causes.lost')} />
              <Radio value="stolen" label={t('activation.lost.causes.stolen')} />
            </Stack>
          </Radio.Group>
        </Stack>
        <ModalActions label={t('activation.lost.confirm')} onConfirm={confirm} pending={report.isPending} icon={IconShieldLock} color="red" onCancel={() => setOpened(false)} focusCancel mt="lg" />
      </Modal>
    </Card>
  );
};

/** The line is barred: what that means, and that the administrator arranges a replacement. */
export const BarredCard = ({ view }: { view: ActivationView }) => {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconShieldLock aria-hidden="true" />} role="status" title={<span id={BARRED_HEADING_ID} tabIndex={-1}>{t('activation.barred.title')}</span>}>
      <Stack gap={6}>
        <Text fz="sm">{t('activation.barred.text')}</Text>
        <Text fz="sm">{view.adminContact ? t('activation.barred.replacementBy', { name: view.adminContact.name }) : t('activation.barred.replacement')}</Text>
      </Stack>
    </Alert>
  );
};
