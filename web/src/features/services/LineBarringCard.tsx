import { Alert, Badge, Button, Card, Group, Modal, NumberInput, Select, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlaneDeparture, IconWorldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BarringKind, UsageControls } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { QueryContent } from '../../shared/ui/QueryContent';
import { useServerErrors } from '../../shared/ui/server-errors';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { dataAmount, dataUnits } from '../usage/usage-format';
import { useLiftRoamingBlock, useSetBarring, useSetLineAlerts, useUsageControls } from './usage-controls-api';

/** MB as people read them: GB from 1,024 MB on. */
export const useDataAmount = () => {
  const format = useFormat();
  return (mb: number) => dataAmount(mb, format);
};

const RoamingBlock = ({ serviceId, block }: { serviceId: string; block: NonNullable<UsageControls['roamingBlock']> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = useDataAmount();
  const problemMessage = useProblemMessage();
  const lift = useLiftRoamingBlock(serviceId);
  const [opened, setOpened] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  if (!block.blocked) {
    return (
      <Text fz="sm" c="dimmed">
        {block.liftedBy ? t('usageAlerts.block.liftedBy', { name: block.liftedBy, at: format.dateTime(block.liftedAt ?? block.blockedAt) }) : t('usageAlerts.block.ended')}
      </Text>
    );
  }
  const confirm = async () => {
    setProblem(null);
    try {
      await lift.mutateAsync(undefined);
      setOpened(false);
      notify({ color: 'green', title: t('usageAlerts.block.lifted'), message: t('usageAlerts.block.liftedText') });
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Alert color="orange" variant="light" icon={<IconWorldOff aria-hidden="true" />} title={t('usageAlerts.block.title')}>
      <Stack gap="xs">
        <Text fz="sm">{t('usageAlerts.block.text', { used: amount(block.usedMb), cap: amount(block.capMb) })}</Text>
        <Group>
          <Button size="xs" leftSection={<IconPlaneDeparture size={16} aria-hidden="true" />} onClick={() => setOpened(true)}>
            {t('usageAlerts.block.lift')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t('usageAlerts.block.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
        <Stack gap="sm">
          <ProblemAlert>{problem}</ProblemAlert>
          <Text fz="sm">{t('usageAlerts.block.confirmText')}</Text>
        </Stack>
        <ModalActions label={t('usageAlerts.block.lift')} onConfirm={confirm} pending={lift.isPending} icon={IconPlaneDeparture} onCancel={() => setOpened(false)} focusCancel mt="lg" />
      </Modal>
    </Alert>
  );
};

const Barrings = ({ serviceId, controls }: { serviceId: string; controls: UsageControls }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const setBarring = useSetBarring(serviceId);
  const change = async (kind: BarringKind, barred: boolean) => {
    try {
      await setBarring.mutateAsync({ kind, barred });
      notify({ color: 'green', title: t(`usageAlerts.barring.${kind}`), message: t(barred ? 'usageAlerts.barring.barredNow' : 'usageAlerts.barring.allowedNow') });
    } catch (error) {
      notify({ color: 'red', title: t(`usageAlerts.barring.${kind}`), message: problemMessage(error) });
    }
  };
  return (
    <Stack gap="sm" aria-live="polite">
      {controls.barrings.map((b) => (
        <Group key={b.kind} justify="space-between" wrap="nowrap" align="flex-start">
          <Switch
            checked={b.barred}
            disabled={!controls.canChange || b.pending || setBarring.isPending}
            onChange={(e) => void change(b.kind, e.currentTarget.checked)}
            label={t(`usageAlerts.barring.${b.kind}`)}
            description={t(`usageAlerts.barring.${b.kind}Help`)}
          />
          {b.pending && (
            <Badge variant="light" color="gray" tt="none" fw={600}>
              {t('usageAlerts.barring.pending')}
            </Badge>
          )}
        </Group>
      ))}
    </Stack>
  );
};

const Alerts = ({ controls }: { controls: UsageControls }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const amount = useDataAmount();
  if (controls.alerts.length === 0) return <Text fz="sm" c="dimmed">{t('usageAlerts.alerts.none')}</Text>;
  return (
    <LabelledTable
      label={t('usageAlerts.alerts.title')}
      verticalSpacing="xs"
      head={
        <>
          <Table.Th>{t('usageAlerts.alerts.alert')}</Table.Th>
          <Table.Th>{t('usageAlerts.alerts.used')}</Table.Th>
          <Table.Th>{t('usageAlerts.alerts.sent')}</Table.Th>
        </>
      }
    >
      {controls.alerts.map((a) => (
        <Table.Tr key={a.kind}>
          <Table.Td>{t(`usageAlerts.kinds.${a.kind}`)}</Table.Td>
          <Table.Td>{a.kind === 'spending' ? `${format.money(a.used)} / ${format.money(a.threshold)}` : `${amount(a.used)} / ${amount(a.threshold)}`}</Table.Td>
          <Table.Td>{format.dateTime(a.at)}</Table.Td>
        </Table.Tr>
      ))}
    </LabelledTable>
  );
};

const FIELDS = ['dataAlerts', 'spendingAlertCents', 'roamingCapMb'] as const;
type LineForm = { dataAlerts: string; spending: number | string; roamingCapMb: number | string };

/** The line's own thresholds; empty follows the company's. */
const LineSettings = ({ serviceId, controls }: { serviceId: string; controls: UsageControls }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const save = useSetLineAlerts(serviceId);
  const { line, company } = controls.settings;
  const form = useForm<LineForm>({
    initialValues: {
      dataAlerts: line.dataAlerts === null ? 'company' : line.dataAlerts ? 'on' : 'off',
      spending: line.spendingAlertCents === null ? '' : line.spendingAlertCents / 100,
      roamingCapMb: line.roamingCapMb ?? '',
    },
  });
  const setErrors = (errors: Record<string, string>) => form.setErrors({ dataAlerts: errors.dataAlerts, spending: errors.spendingAlertCents, roamingCapMb: errors.roamingCapMb });
  const { idPrefix, formError, setFormError, show } = useServerErrors(FIELDS, setErrors);
  const submit = form.onSubmit(async (v) => {
    setFormError(null);
    try {
      await save.mutateAsync({
        dataAlerts: v.dataAlerts === 'company' ? null : v.dataAlerts === 'on',
        spendingAlertCents: v.spending === '' ? null : Math.round(Number(v.spending) * 100),
        roamingCapMb: v.roamingCapMb === '' ? null : Number(v.roamingCapMb),
      });
      notify({ color: 'green', title: t('usageAlerts.settings.saved'), message: t('usageAlerts.settings.savedLine') });
    } catch (error) {
      show(error);
    }
  });
  const companyData = t(company.dataAlerts ? 'usageAlerts.settings.on' : 'usageAlerts.settings.off');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <ProblemAlert>{formError}</ProblemAlert>
        <Select
          id={`${idPrefix}-dataAlerts`}
          label={t('usageAlerts.settings.dataAlerts')}
          allowDeselect={false}
          data={[
            { value: 'company', label: t('usageAlerts.settings.companyDefault', { value: companyData }) },
            { value: 'on', label: t('usageAlerts.settings.on') },
            { value: 'off', label: t('usageAlerts.settings.off') },
          ]}
          {...form.getInputProps('dataAlerts')}
        />
        <NumberInput
          id={`${idPrefix}-spendingAlertCents`}
          label={t('usageAlerts.settings.spending')}
          description={t('usageAlerts.settings.emptyFollows', { value: format.money(company.spendingAlertCents) })}
          prefix="€ "
          min={1}
          max={10000}
          decimalScale={2}
          {...form.getInputProps('spending')}
        />
        <NumberInput
          id={`${idPrefix}-roamingCapMb`}
          label={t('usageAlerts.settings.roamingCap')}
          description={t('usageAlerts.settings.emptyFollows', { value: `${format.number(company.roamingCapMb)} ${dataUnits(format.locale).mb}` })}
          suffix={` ${dataUnits(format.locale).mb}`}
          min={50}
          max={102400}
          allowDecimal={false}
          {...form.getInputProps('roamingCapMb')}
        />
        <Group>
          <Button type="submit" variant="default" loading={save.isPending}>
            {t('usageAlerts.settings.saveLine')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
};

/** The service page's "Barring and usage alerts": what the line may not do, the roaming cap's block, this month's alerts, its thresholds. */
export const LineBarringCard = ({ serviceId }: { serviceId: string }) => {
  const { t } = useTranslation();
  const controls = useUsageControls(serviceId);
  return (
    <Card component="section" aria-labelledby="line-barring-title">
      <Title order={2} fz="lg" mb="sm" id="line-barring-title">
        {t('usageAlerts.title')}
      </Title>
      <QueryContent query={controls} skeletons={[160]}>
        {(data) => (
          <Stack gap="md">
            {data.roamingBlock && <RoamingBlock serviceId={serviceId} block={data.roamingBlock} />}
            <Title order={3} fz="md">
              {t('usageAlerts.barring.title')}
            </Title>
            {!data.canChange && <Text fz="sm" c="dimmed">{t('usageAlerts.barring.notLive')}</Text>}
            <Barrings serviceId={serviceId} controls={data} />
            <Title order={3} fz="md">
              {t('usageAlerts.alerts.title')}
            </Title>
            <Alerts controls={data} />
            <Title order={3} fz="md">
              {t('usageAlerts.settings.lineTitle')}
            </Title>
            <LineSettings key={JSON.stringify(data.settings.line)} serviceId={serviceId} controls={data} />
          </Stack>
        )}
      </QueryContent>
    </Card>
  );
};
