import { Button, Card, Group, NumberInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AlertSettings } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useServerErrors } from '../../shared/ui/server-errors';
import { useCompanyAlertSettings, useSaveCompanyAlertSettings } from '../services/usage-controls-api';
import { dataUnits } from '../usage/usage-format';

const FIELDS = ['dataAlerts', 'spendingAlertCents', 'roamingCapMb'] as const;
type Form = { dataAlerts: boolean; spending: number | string; roamingCapMb: number | string };

const SettingsForm = ({ settings }: { settings: AlertSettings }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSaveCompanyAlertSettings();
  const form = useForm<Form>({ initialValues: { dataAlerts: settings.dataAlerts, spending: settings.spendingAlertCents / 100, roamingCapMb: settings.roamingCapMb } });
  const setErrors = (errors: Record<string, string>) => form.setErrors({ dataAlerts: errors.dataAlerts, spending: errors.spendingAlertCents, roamingCapMb: errors.roamingCapMb });
  const { idPrefix, formError, setFormError, show } = useServerErrors(FIELDS, setErrors);
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      // an empty field goes as nothing: the server names it
      await save.mutateAsync({ dataAlerts: v.dataAlerts, spendingAlertCents: v.spending === '' ? (null as never) : Math.round(Number(v.spending) * 100), roamingCapMb: v.roamingCapMb === '' ? (null as never) : Number(v.roamingCapMb) });
      notify({ color: 'green', title: t('usageAlerts.settings.saved'), message: t('usageAlerts.settings.savedCompany') });
    } catch (error) {
      show(error);
    }
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={520}>
        <ProblemAlert>{formError}</ProblemAlert>
        <Switch id={`${idPrefix}-dataAlerts`} label={t('usageAlerts.settings.dataAlerts')} description={t('usageAlerts.settings.dataAlertsHelp')} {...form.getInputProps('dataAlerts', { type: 'checkbox' })} />
        <NumberInput
          id={`${idPrefix}-spendingAlertCents`}
          label={t('usageAlerts.settings.spending')}
          description={t('usageAlerts.settings.spendingHelp')}
          prefix="€ "
          min={1}
          max={10000}
          decimalScale={2}
          required
          {...form.getInputProps('spending')}
        />
        <NumberInput
          id={`${idPrefix}-roamingCapMb`}
          label={t('usageAlerts.settings.roamingCap')}
          description={t('usageAlerts.settings.roamingCapHelp')}
          suffix={` ${dataUnits(format.locale).mb}`}
          min={50}
          max={102400}
          allowDecimal={false}
          required
          {...form.getInputProps('roamingCapMb')}
        />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {t('usageAlerts.settings.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** Company & contract › Usage alerts: the company's thresholds (BIPT), which every line follows unless it has its own. */
export const UsageAlertSettings = () => {
  const { t } = useTranslation();
  const settings = useCompanyAlertSettings();
  return (
    <Card component="section" aria-labelledby="usage-alert-settings-title">
      <Title order={2} fz="lg" mb={4} id="usage-alert-settings-title">
        {t('usageAlerts.settings.companyTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        {t('usageAlerts.settings.companyIntro')}
      </Text>
      <QueryContent query={settings} skeletons={[160]}>
        {(data) => <SettingsForm key={JSON.stringify(data)} settings={data} />}
      </QueryContent>
    </Card>
  );
};
