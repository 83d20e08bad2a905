import { Alert, Badge, Box, Button, Group, Modal, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertCircle, IconArrowRight, IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import type { BillingImpact, ChangeChoice, ChangeOptions, PricedItem, ServiceDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { BillingLinesTable } from '../billing/BillingLines';
import { monthlyTotalCents, optionsKeptFor, sameBundleChoice } from './bundle-choice';
import { BundlePicker } from './BundlePicker';
import { useChangeOptions, useChangeService, usePreviewChange } from './manage-api';
import { isPendingApproval } from '../approvals/api';
import { useServiceText } from './service-text';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type FieldErrors = { bundleCode?: string; optionCodes?: string };

/** The server's field errors on the fields of this form ("optionCodes.1" belongs to the options). */
const fieldErrorsOf = (error: unknown): FieldErrors | null => {
  if (!isApiError(error) || error.errors.length === 0) return null;
  const result: FieldErrors = {};
  for (const item of error.errors) {
    if (item.field.startsWith('bundleCode')) result.bundleCode ??= item.message;
    else if (item.field.startsWith('optionCodes')) result.optionCodes ??= item.message;
  }
  return result.bundleCode || result.optionCodes ? result : null;
};

const Choose = ({ options, choice, setChoice, errors }: { options: ChangeOptions; choice: ChangeChoice; setChoice: (choice: ChangeChoice) => void; errors: FieldErrors }) => {
  const { t } = useTranslation();
  const text = useServiceText();
  const bundle = options.bundles.find((item) => item.code === choice.bundleCode) ?? null;
  return (
    <Stack gap="lg">
      <BundlePicker
        ids={{ bundle: 'manage-bundleCode', options: 'manage-optionCodes' }}
        bundleLabel={t('manageService.bundle')}
        optionsLabel={t('manageService.options')}
        bundles={options.bundles}
        value={choice}
        onChange={setChoice}
        errors={errors}
        badge={{
          bundleCode: options.current.bundleCode,
          label: (
            <Badge variant="light" color="gray" radius="sm" tt="none" fw={500}>
              {t('manageService.current')}
            </Badge>
          ),
        }}
      />
      {bundle && (
        <Text fz="sm">
          {t('manageService.newMonthly')}{' '}
          <Text span fw={700}>
            {text.perMonth(monthlyTotalCents(bundle, choice.optionCodes))}
          </Text>
        </Text>
      )}
    </Stack>
  );
};

const ItemList = ({ bundle, options }: { bundle: PricedItem; options: PricedItem[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={2}>
      <Text fz="sm" fw={600}>
        {bundle.name} — {format.money(bundle.monthlyPriceCents)}
      </Text>
      {options.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('wizard.summary.noOptions')}
        </Text>
      ) : (
        options.map((option) => (
          <Text key={option.code} fz="sm">
            + {option.name} — {format.money(option.monthlyPriceCents)}
          </Text>
        ))
      )}
    </Stack>
  );
};

/** Before and after, the monthly difference and the pro-rata lines of this month's bill. */
export const BillingImpactSummary = ({ impact }: { impact: BillingImpact }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  const difference = impact.monthlyDifferenceCents;
  const signed = `${difference > 0 ? '+' : ''}${format.money(difference)}`;
  return (
    <Stack gap="lg">
      <Table withTableBorder verticalSpacing="sm" aria-label={t('manageService.whatChanges')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="20%" />
            <Table.Th w="40%">{t('manageService.before')}</Table.Th>
            <Table.Th w="40%">{t('manageService.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('manageService.bundleAndOptions')}</Table.Th>
            <Table.Td>
              <ItemList bundle={impact.before.bundle} options={impact.before.options} />
            </Table.Td>
            <Table.Td>
              <ItemList bundle={impact.after.bundle} options={impact.after.options} />
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">{t('manageService.monthly')}</Table.Th>
            <Table.Td>
              <Text fz="sm">{text.perMonth(impact.before.monthlyPriceCents)}</Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" fw={700}>
                {text.perMonth(impact.after.monthlyPriceCents)}
              </Text>
              <Text fz="xs" c={difference > 0 ? 'red.9' : difference < 0 ? 'teal.9' : 'dimmed'}>
                {t('manageService.difference', { amount: signed })}
              </Text>
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Box>
        <Title order={3} fz="md" mb={4}>
          {t('manageService.billingImpact')}
        </Title>
        <Text fz="sm" c="dimmed" mb="sm">
          {t('manageService.effective', { date: format.calendarDate(impact.effectiveOn) })} {t('billing.rule')}
        </Text>
        <BillingLinesTable lines={impact.lines} totalCents={impact.totalCents} label={t('manageService.billingImpact')} />
      </Box>
      <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden="true" />}>
        <Text fz="sm">{t('manageService.termUnchanged')}</Text>
      </Alert>
    </Stack>
  );
};

/**
 * "Manage service" (seed: choose the options → Save → Continue): the bundle and options, then what
 * changes and its billing impact, then the change. Only bundles of the same service type are offered.
 */
export const ManageServiceModal = ({
  service,
  opened,
  onClose,
  suggestedBundleCode,
}: {
  service: Pick<ServiceDetail, 'id'>;
  opened: boolean;
  onClose: () => void;
  /** A bundle to start from (the Usage page's suggestion), with the current options it also offers. */
  suggestedBundleCode?: string;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const options = useChangeOptions(service.id, opened);
  const preview = usePreviewChange(service.id);
  const change = useChangeService(service.id);
  const [choice, setChoice] = useState<ChangeChoice | null>(null);
  const [impact, setImpact] = useState<BillingImpact | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<string | null>(null);

  // Every opening starts from the service as it is now.
  useEffect(() => {
    if (!opened) return;
    setChoice(null);
    setImpact(null);
    setErrors({});
    setProblem(null);
  }, [opened]);
  const current = options.data?.current ?? null;
  const suggested = suggestedBundleCode && options.data ? options.data.bundles.find((b) => b.code === suggestedBundleCode) : undefined;
  const shown = choice ?? (suggested && current ? { bundleCode: suggested.code, optionCodes: optionsKeptFor(suggested, current.optionCodes) } : current);

  const fail = (error: unknown) => {
    const fields = fieldErrorsOf(error);
    if (fields) {
      setImpact(null);
      setErrors(fields);
      setProblem(null);
      document.getElementById(fields.bundleCode ? 'manage-bundleCode' : 'manage-optionCodes')?.focus();
    } else setProblem(problemMessage(error));
  };

  const save = async () => {
    if (!shown) return;
    setErrors({});
    setProblem(null);
    try {
      setImpact(await preview.mutateAsync(shown));
    } catch (error) {
      fail(error);
    }
  };

  const confirm = async () => {
    if (!shown) return;
    try {
      const result = await change.mutateAsync(shown);
      if (isPendingApproval(result)) {
        notify({ color: 'yellow', title: t('approvals.waits.title'), message: t('approvals.waits.bundleChange', { amount: format.money(result.approval.monthlyAmountCents), threshold: format.money(result.approval.thresholdCents) }) });
      } else notify({ color: 'green', title: t('manageService.done'), message: t('manageService.doneHint') });
      onClose();
    } catch (error) {
      fail(error);
    }
  };

  const unchanged = shown !== null && current !== null && sameBundleChoice(shown, current);

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={impact ? t('manageService.confirmTitle') : t('manageService.title')}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      <Stack gap="lg">
        <ProblemAlert>{problem}</ProblemAlert>
        {options.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert" title={t('manageService.notAvailable')}>
            {problemMessage(options.error)}
          </Alert>
        ) : !options.data || !shown ? (
          <Stack gap="sm">
            <Skeleton height={96} radius="md" />
            <Skeleton height={96} radius="md" />
          </Stack>
        ) : impact ? (
          <BillingImpactSummary impact={impact} />
        ) : (
          <Choose options={options.data} choice={shown} setChoice={(next) => { setChoice(next); setErrors({}); }} errors={errors} />
        )}
        <Group justify="flex-end" gap="sm" wrap="wrap">
          {!impact && unchanged && options.data && (
            <Text fz="xs" c="dimmed" mr="auto">
              {t('manageService.nothingChanged')}
            </Text>
          )}
          {impact ? (
            <>
              <Button variant="default" onClick={() => setImpact(null)} disabled={change.isPending}>
                {t('manageService.back')}
              </Button>
              <Button onClick={confirm} loading={change.isPending} leftSection={<IconCheck size={16} aria-hidden="true" />}>
                {t('manageService.continue')}
              </Button>
            </>
          ) : (
            <>
              <Button variant="default" onClick={onClose}>
                {t('actions.cancel')}
              </Button>
              {!options.isError && (
                <Button onClick={save} loading={preview.isPending} disabled={!shown || unchanged} rightSection={<IconArrowRight size={16} aria-hidden="true" />}>
                  {t('actions.save')}
                </Button>
              )}
            </>
          )}
        </Group>
      </Stack>
    </Modal>
  );
};
