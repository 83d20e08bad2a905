import { Autocomplete, Text } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useFormat } from '../../shared/i18n/format';
import { FormModal } from '../../shared/ui/FormModal';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useCostCentres, useSetCostCentre } from './api';

/** Manage users › select users › "Set cost centre": one cost centre for all of them (empty: none). */
export const CostCentreModal = ({ opened, onClose, userIds, onDone }: { opened: boolean; onClose: () => void; userIds: string[]; onDone: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const centres = useCostCentres(opened);
  const save = useSetCostCentre();
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setValue('');
    setFieldError(null);
    setProblem(null);
  }, [opened]);

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setFieldError(null);
    setProblem(null);
    try {
      const result = await save.mutateAsync({ userIds, costCentre: value.trim() || null });
      notify({
        color: 'green',
        title: value.trim() ? t('costCentre.done', { centre: value.trim() }) : t('costCentre.cleared'),
        message: t('costCentre.doneHint', { count: result.updated, formatted: format.number(result.updated) }),
      });
      onDone();
      onClose();
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'costCentre') : undefined;
      if (field) setFieldError(field.message);
      else setProblem(problemMessage(error));
    }
  };

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={t('costCentre.title', { count: userIds.length, formatted: format.number(userIds.length) })}
      size="md"
      onSubmit={submit}
      submit={{ label: t('costCentre.submit'), pending: save.isPending, icon: IconBuildingBank }}
    >
      <ProblemAlert>{problem}</ProblemAlert>
      <Autocomplete
        label={t('costCentre.label')}
        description={t('costCentre.hint')}
        data={(centres.data?.items ?? []).map((c) => c.costCentre)}
        value={value}
        onChange={setValue}
        error={fieldError}
        maxLength={100}
        data-autofocus
        comboboxProps={{ withinPortal: true }}
      />
      <Text fz="sm" c="dimmed">
        {t('costCentre.chargebackHint')}
      </Text>
    </FormModal>
  );
};
