import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarTime, IconCalendarX, IconPlayerPlay } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useFormat } from '../../shared/i18n/format';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useScheduleServices, useStartServices } from './api';
import { brusselsLocalToIso, isoToBrusselsLocal } from '../../shared/time/brussels';
import { scheduleBounds, scheduleProblem } from './schedule';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type ModalProps = {
  opened: boolean;
  onClose: () => void;
  serviceIds: string[];
  /** Called after the server did it (the lists are refreshed already). */
  onDone?: () => void;
};

/** "Start activation": confirms how many services start now, then starts them all or none. */
export const StartActivationModal = ({ opened, onClose, serviceIds, onDone }: ModalProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const start = useStartServices();
  const count = serviceIds.length;

  const confirm = async () => {
    try {
      const { started } = await start.mutateAsync(serviceIds);
      notify({ color: 'green', title: t('waiting.started', { count: started, formatted: format.number(started) }), message: t('waiting.startedHint') });
      onDone?.();
      onClose();
    } catch (error) {
      notify({ color: 'red', title: t('waiting.startFailed'), message: problemMessage(error) });
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('waiting.startTitle', { count, formatted: format.number(count) })} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Text fz="sm">{t('waiting.startText', { count, formatted: format.number(count) })}</Text>
      <ModalActions label={t('waiting.start')} onConfirm={confirm} pending={start.isPending} icon={IconPlayerPlay} onCancel={onClose} focusCancel mt="lg" />
    </Modal>
  );
};

type ScheduleModalProps = ModalProps & {
  /** The start already planned (one service), to edit. */
  current?: string | null;
  /** Offer "remove the scheduled start" (some of the services have one). */
  canClear?: boolean;
};

/** "Schedule…": a date and time (Belgian time, in the future, at most 90 days ahead), or none. */
export const ScheduleModal = ({ opened, onClose, serviceIds, onDone, current = null, canClear = false }: ScheduleModalProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const schedule = useScheduleServices();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const count = serviceIds.length;

  useEffect(() => {
    if (!opened) return;
    setValue(current ? isoToBrusselsLocal(current) : '');
    setError(null);
    setProblem(null);
  }, [opened, current]);

  const submit = async (startAt: string | null) => {
    setProblem(null);
    try {
      await schedule.mutateAsync({ serviceIds, startAt });
      notify({
        color: 'green',
        title: startAt ? t('waiting.scheduled', { count, formatted: format.number(count) }) : t('waiting.scheduleCleared', { count, formatted: format.number(count) }),
        message: startAt ? t('waiting.scheduledHint', { at: format.dateTime(startAt) }) : t('waiting.scheduleClearedHint'),
      });
      onDone?.();
      onClose();
    } catch (caught) {
      const fieldError = isApiError(caught) ? caught.errors.find((item) => item.field === 'startAt') : undefined;
      if (fieldError) setError(fieldError.message);
      else setProblem(problemMessage(caught));
    }
  };

  const bounds = scheduleBounds();
  const inputId = 'schedule-start-at';

  return (
    <Modal opened={opened} onClose={onClose} title={t('waiting.scheduleTitle', { count, formatted: format.number(count) })} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const invalid = scheduleProblem(value);
          if (invalid) {
            setError(t(`wizard.schedule.${invalid}`));
            document.getElementById(inputId)?.focus();
            return;
          }
          void submit(brusselsLocalToIso(value));
        }}
      >
        <Stack gap="md">
          <Text fz="sm">{t('waiting.scheduleText')}</Text>
          <ProblemAlert live>{problem}</ProblemAlert>
          <TextInput
            id={inputId}
            type="datetime-local"
            label={t('wizard.activation.startAt')}
            description={t('waiting.scheduleHint')}
            withAsterisk
            data-autofocus
            value={value}
            min={bounds.min}
            max={bounds.max}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <Group justify="space-between" mt="sm" gap="sm">
            {canClear ? (
              <Button variant="subtle" color="red" leftSection={<IconCalendarX size={16} aria-hidden="true" />} onClick={() => void submit(null)} disabled={schedule.isPending}>
                {t('waiting.clearSchedule')}
              </Button>
            ) : (
              <span />
            )}
            <ModalActions label={t('waiting.schedule')} pending={schedule.isPending} icon={IconCalendarTime} onCancel={onClose} />
          </Group>
        </Stack>
      </form>
    </Modal>
  );
};
