import { Alert, Button, Modal, Stack, Text } from '@mantine/core';
import { IconPlaneDeparture, IconWorldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useDataAmount } from '../services/LineBarringCard';
import { useEmployeeRoamingBlock, useLiftRoamingBlockByEmployee } from '../services/usage-controls-api';

/** On the employee's page while the roaming cap blocks roaming: they may choose to continue roaming for the rest of the month. */
export const RoamingBlockCard = ({ token }: { token: string }) => {
  const { t } = useTranslation();
  const amount = useDataAmount();
  const problemMessage = useProblemMessage();
  const block = useEmployeeRoamingBlock(token);
  const lift = useLiftRoamingBlockByEmployee(token);
  const [opened, setOpened] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!block.data?.blocked && !lift.isSuccess) return null;
  if (lift.isSuccess) {
    return (
      <Alert color="green" variant="light" role="status" title={t('usageAlerts.employee.liftedTitle')}>
        {t('usageAlerts.employee.liftedText')}
      </Alert>
    );
  }
  const confirm = async () => {
    setProblem(null);
    try {
      await lift.mutateAsync();
      setOpened(false);
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Alert color="orange" variant="light" icon={<IconWorldOff aria-hidden="true" />} title={t('usageAlerts.employee.title')}>
      <Stack gap="xs">
        <Text fz="sm">{t('usageAlerts.employee.text', { used: amount(block.data?.usedMb ?? 0), cap: amount(block.data?.capMb ?? 0) })}</Text>
        <div>
          <Button size="xs" leftSection={<IconPlaneDeparture size={16} aria-hidden="true" />} onClick={() => setOpened(true)}>
            {t('usageAlerts.employee.lift')}
          </Button>
        </div>
      </Stack>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('usageAlerts.employee.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Stack gap="sm">
          <ProblemAlert>{problem}</ProblemAlert>
          <Text fz="sm">{t('usageAlerts.employee.confirmText')}</Text>
        </Stack>
        <ModalActions label={t('usageAlerts.employee.lift')} onConfirm={confirm} pending={lift.isPending} icon={IconPlaneDeparture} onCancel={() => setOpened(false)} focusCancel mt="lg" />
      </Modal>
    </Alert>
  );
};
