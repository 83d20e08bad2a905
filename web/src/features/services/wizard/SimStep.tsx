import { Alert, List, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format';
import { useLabels } from '../../../shared/i18n/labels';
import { ChoiceCards } from '../../../shared/ui/ChoiceCards';
import { fieldId, type StepProps } from './wizard-step-props';

/** How many the company has in stock, under a choice. */
const StockCount = ({ count, label }: { count: number | undefined; label: string }) =>
  count === undefined ? null : (
    <Text fz="sm" fw={600} mt={6} c={count > 0 ? undefined : 'var(--mantine-color-error)'}>
      {label}
    </Text>
  );

/** The seeds' advice on eSIM devices, for the administrator to pass on. */
const EsimAdvice = () => {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />} title={t('wizard.sim.esimAdviceTitle')}>
      <Stack gap="xs">
        <Text fz="sm">{t('wizard.sim.esimQr')}</Text>
        <Text fz="sm">{t('wizard.sim.esimCheck')}</Text>
        <List fz="sm" spacing={4}>
          <List.Item>{t('wizard.sim.esimIos')}</List.Item>
          <List.Item>{t('wizard.sim.esimAndroid')}</List.Item>
        </List>
        <Text fz="sm">{t('wizard.sim.esimMenus')}</Text>
        <Text fz="sm">{t('wizard.sim.esimCamera')}</Text>
        <Text fz="sm">{t('wizard.sim.esimTwoLines')}</Text>
      </Stack>
    </Alert>
  );
};

export const SimStep = ({ choices, stock, errors, change }: StepProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const physical = stock?.physicalSimsInStock;
  const esim = stock?.esimProfilesFree;
  const physicalLabel = physical === undefined ? '' : t('wizard.sim.physicalStock', { count: physical, formatted: format.number(physical) });
  return (
    <Stack gap="lg">
      <ChoiceCards
        id={fieldId('sim.kind')}
        label={t('wizard.sim.kindLabel')}
        value={choices.simKind}
        onChange={(simKind) => change({ simKind })}
        error={errors['sim.kind']}
        choices={[
          {
            value: 'user_enters',
            title: t('wizard.sim.userEnters'),
            description: t('wizard.sim.userEntersHint'),
            extra: <StockCount count={physical} label={physicalLabel} />,
          },
          {
            value: 'admin_sim',
            title: t('wizard.sim.adminSim'),
            description: t('wizard.sim.adminSimHint'),
            extra: <StockCount count={physical} label={physicalLabel} />,
            disabled: physical === 0,
          },
          {
            value: 'esim',
            title: t('wizard.sim.esim'),
            description: t('wizard.sim.esimHint'),
            extra: esim === undefined ? null : <StockCount count={esim} label={t('wizard.sim.esimStock', { count: esim, formatted: format.number(esim) })} />,
            disabled: esim === 0,
          },
        ]}
      />
      {choices.simKind === 'user_enters' && (
        <Text fz="sm" c="dimmed">
          {t('wizard.sim.userEntersDetail')}
        </Text>
      )}
      {choices.simKind === 'admin_sim' && (
        <Paper withBorder p="md" component="section" aria-labelledby="wizard-sim-details">
          <Title order={3} fz="md" mb="sm" id="wizard-sim-details">
            {t('wizard.sim.adminSimDetails')}
          </Title>
          <TextInput
            id={fieldId('sim.iccid')}
            label={labels.field('iccid')}
            description={t('wizard.sim.iccidHint')}
            placeholder="8932 …"
            inputMode="numeric"
            autoComplete="off"
            withAsterisk
            maw={420}
            value={choices.iccid}
            onChange={(event) => change({ iccid: event.currentTarget.value })}
            error={errors['sim.iccid']}
          />
        </Paper>
      )}
      {choices.simKind === 'esim' && <EsimAdvice />}
    </Stack>
  );
};
