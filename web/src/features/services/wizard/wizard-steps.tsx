import { Alert, Badge, Box, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconDeviceSim, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../shared/i18n/format';
import { scheduleBounds } from '../schedule';
import { ChoiceCards } from '../../../shared/ui/ChoiceCards';
import { useServiceText } from '../service-text';
import { BundlePicker } from '../BundlePicker';
import { monthlyTotalCents } from '../bundle-choice';
import { automaticAllowed } from './wizard-state';
import { fieldId, type StepProps } from './wizard-step-props';

export const ProductStep = ({ catalog, choices, errors, change }: StepProps) => {
  const { t } = useTranslation();
  return (
    <ChoiceCards
      id={fieldId('productTypeCode')}
      label={t('wizard.product.label')}
      description={t('wizard.product.onlyContract')}
      value={choices.productTypeCode}
      onChange={(productTypeCode) => change({ productTypeCode })}
      error={errors.productTypeCode}
      cols={{ base: 1, sm: 2 }}
      choices={catalog.productTypes.map((productType) => ({
        value: productType.code,
        title: productType.name,
        description: productType.description,
      }))}
    />
  );
};

/** What a service type brings: a SIM, a mobile number, a fixed number. */
const Needs = ({ needsSim, needsMobileNumber, needsFixedNumber }: { needsSim: boolean; needsMobileNumber: boolean; needsFixedNumber: boolean }) => {
  const { t } = useTranslation();
  const needs = [
    needsSim && t('wizard.serviceType.withSim'),
    needsMobileNumber && t('wizard.serviceType.withMobileNumber'),
    needsFixedNumber && t('wizard.serviceType.withFixedNumber'),
  ].filter((need): need is string => Boolean(need));
  return (
    <Group gap={6} mt={8}>
      {needs.map((need) => (
        <Badge key={need} variant="light" color="gray" radius="sm" tt="none" fw={500}>
          {need}
        </Badge>
      ))}
    </Group>
  );
};

export const ServiceTypeStep = ({ choices, selection, errors, change }: StepProps) => {
  const { t } = useTranslation();
  const productType = selection.productType;
  if (!productType) return null;
  return (
    <ChoiceCards
      id={fieldId('serviceTypeCode')}
      label={t('wizard.serviceType.label', { product: productType.name })}
      value={choices.serviceTypeCode}
      onChange={(serviceTypeCode) => change({ serviceTypeCode })}
      error={errors.serviceTypeCode}
      cols={{ base: 1, sm: 2 }}
      choices={productType.serviceTypes.map((serviceType) => ({
        value: serviceType.code,
        title: serviceType.name,
        description: serviceType.description,
        extra: <Needs {...serviceType} />,
      }))}
    />
  );
};

export const BundleStep = ({ choices, selection, errors, change }: StepProps) => {
  const { t } = useTranslation();
  const serviceType = selection.serviceType;
  if (!serviceType) return null;
  return (
    <Stack gap="xl">
      <BundlePicker
        ids={{ bundle: fieldId('bundleCode'), options: fieldId('optionCodes') }}
        bundleLabel={t('wizard.bundle.label')}
        optionsLabel={t('wizard.bundle.options')}
        bundles={serviceType.bundles}
        value={choices}
        // another bundle may keep only some options (changeChoices); ticking an option is just that
        onChange={(next) => change(next.bundleCode === choices.bundleCode ? { optionCodes: next.optionCodes } : next)}
        errors={errors}
      />
    </Stack>
  );
};

export const ConfirmStep = ({ choices, selection }: StepProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  const { productType, serviceType, bundle } = selection;
  if (!productType || !serviceType || !bundle) return null;
  const options = bundle.options.filter((option) => choices.optionCodes.includes(option.code));
  return (
    <Box maw={720}>
      <Table aria-label={t('wizard.confirm.tableLabel')} withTableBorder verticalSpacing="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w="40%">{t('wizard.summary.productType')}</Table.Th>
            <Table.Td colSpan={2}>{productType.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('wizard.summary.serviceType')}</Table.Th>
            <Table.Td colSpan={2}>{serviceType.name}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('wizard.summary.bundle')}</Table.Th>
            <Table.Td>
              <Text fz="sm">{bundle.name}</Text>
              <Text fz="xs" c="dimmed">
                {text.allowance(bundle)}
              </Text>
            </Table.Td>
            <Table.Td ta="right" className="fd-nowrap">
              {format.money(bundle.monthlyPriceCents)}
            </Table.Td>
          </Table.Tr>
          {options.length === 0 ? (
            <Table.Tr>
              <Table.Th>{t('wizard.summary.options')}</Table.Th>
              <Table.Td colSpan={2} c="dimmed">
                {t('wizard.summary.noOptions')}
              </Table.Td>
            </Table.Tr>
          ) : (
            options.map((option, index) => (
              <Table.Tr key={option.code}>
                <Table.Th>{index === 0 ? t('wizard.summary.options') : <span aria-hidden="true" />}</Table.Th>
                <Table.Td>{option.name}</Table.Td>
                <Table.Td ta="right" className="fd-nowrap">
                  {format.money(option.monthlyPriceCents)}
                </Table.Td>
              </Table.Tr>
            ))
          )}
          <Table.Tr bg="var(--mantine-color-gray-0)">
            <Table.Th>{t('wizard.summary.total')}</Table.Th>
            <Table.Td />
            <Table.Td ta="right" fw={700} className="fd-nowrap">
              {text.perMonth(monthlyTotalCents(bundle, choices.optionCodes))}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text fz="sm" c="dimmed" mt="sm">
        {t('wizard.confirm.billingHint')}
      </Text>
    </Box>
  );
};

export const ActivationStep = ({ user, choices, selection, errors, change, goTo }: StepProps) => {
  const { t } = useTranslation();
  const serviceType = selection.serviceType;
  const automaticOk = automaticAllowed(choices, serviceType);
  const bounds = scheduleBounds();
  const name = `${user.firstName} ${user.lastName}`;
  return (
    <Stack gap="xl">
      <Stack gap="xs">
        <ChoiceCards
          id={fieldId('activation.method')}
          label={t('wizard.activation.howLabel')}
          value={choices.method}
          onChange={(method) => change({ method })}
          error={errors['activation.method']}
          cols={{ base: 1, md: 2 }}
          choices={[
            {
              value: 'email',
              title: t('wizard.activation.email'),
              description: t('wizard.activation.emailHint', { name, email: user.email }),
            },
            {
              value: 'automatic',
              title: t('wizard.activation.automatic'),
              description: t('wizard.activation.automaticHint'),
              disabled: !automaticOk,
            },
          ]}
        />
        {!automaticOk && serviceType?.needsSim && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle aria-hidden="true" />}>
            <Text fz="sm">{t('wizard.activation.automaticUnavailable')}</Text>
            <Button variant="subtle" size="compact-sm" mt={6} px={0} leftSection={<IconDeviceSim size={16} aria-hidden="true" />} onClick={() => goTo(6)}>
              {t('wizard.activation.changeSim')}
            </Button>
          </Alert>
        )}
      </Stack>

      <Stack gap="sm">
        <ChoiceCards
          id={fieldId('activation.timing')}
          label={t('wizard.activation.whenLabel')}
          value={choices.timing}
          onChange={(timing) => change({ timing })}
          error={errors['activation.timing']}
          cols={{ base: 1, md: 2 }}
          choices={[
            { value: 'asap', title: t('wizard.activation.asap'), description: t('wizard.activation.asapHint') },
            { value: 'later', title: t('wizard.activation.later'), description: t('wizard.activation.laterHint') },
          ]}
        />
        {choices.timing === 'later' && (
          <TextInput
            id={fieldId('activation.scheduledStartAt')}
            type="datetime-local"
            label={t('wizard.activation.startAt')}
            description={t('wizard.activation.startAtHint')}
            value={choices.startAt}
            min={bounds.min}
            max={bounds.max}
            onChange={(event) => change({ startAt: event.currentTarget.value })}
            error={errors['activation.scheduledStartAt']}
            styles={{ wrapper: { maxWidth: 320 } }}
          />
        )}
      </Stack>
    </Stack>
  );
};
