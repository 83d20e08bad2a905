import { Alert, Grid, Group, Radio, Select, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { AccountType, CodeName } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { useOperator } from '../auth/session';
import { accountField, PORT_IN_LABELS, type PortInField, type PortInValues } from './port-in';

type PortInFieldsProps = {
  /** The element id of each field: an error focuses it. */
  idOf: (field: PortInField) => string;
  /** The number being ported: typed in the wizard, shown read-only when a refused port is corrected. */
  number: { value: string; onChange?: (value: string) => void; description: string };
  values: PortInValues;
  onChange: (patch: Partial<PortInValues>) => void;
  errors: Partial<Record<PortInField, string | undefined>>;
  /** The operators a number can come from (null while they load). */
  donorOperators: readonly CodeName[] | null;
  /** The field that takes the focus when the form opens (the one the donor refused). */
  autoFocus?: PortInField | null;
};

/**
 * The port-in details of the wizard's number step and of "Correct and resubmit": number, current
 * operator, type of subscription, then the customer number (postpaid) or the SIM card number
 * (prepaid), and the holder. Labels come from `fields.*`, the words the server's messages use.
 */
export const PortInFields = ({ idOf, number, values, onChange, errors, donorOperators, autoFocus = null }: PortInFieldsProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const operator = useOperator().data;
  const label = (field: PortInField) => labels.field(PORT_IN_LABELS[field]);
  const text = (field: 'customerNumber' | 'donorSimNumber' | 'holderName', description: string, numeric = false) => (
    <TextInput
      id={idOf(field)}
      label={label(field)}
      description={description}
      inputMode={numeric ? 'numeric' : undefined}
      autoComplete="off"
      withAsterisk
      data-autofocus={autoFocus === field ? true : undefined}
      value={values[field]}
      onChange={(event) => onChange({ [field]: event.currentTarget.value })}
      error={errors[field]}
    />
  );
  const account = accountField(values.accountType);
  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, sm: 6 }}>
          {number.onChange ? (
            <TextInput
              id={idOf('msisdn')}
              label={label('msisdn')}
              description={number.description}
              placeholder="0475 12 34 56"
              inputMode="tel"
              autoComplete="off"
              withAsterisk
              maxLength={32}
              value={number.value}
              onChange={(event) => number.onChange?.(event.currentTarget.value)}
              error={errors.msisdn}
            />
          ) : (
            <TextInput id={idOf('msisdn')} label={label('msisdn')} value={number.value} readOnly variant="filled" description={number.description} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <Select
            id={idOf('donorOperator')}
            label={label('donorOperator')}
            description={t('wizard.number.donorOperatorHint', { operator: operator?.name ?? 'Dstny' })}
            placeholder={donorOperators ? t('wizard.number.donorOperatorPlaceholder') : t('status.loading')}
            withAsterisk
            allowDeselect={false}
            data={(donorOperators ?? []).map((donor) => ({ value: donor.code, label: donor.name }))}
            value={values.donorOperator}
            onChange={(donorOperator) => onChange({ donorOperator })}
            error={errors.donorOperator}
            comboboxProps={{ withinPortal: true }}
          />
        </Grid.Col>
        <Grid.Col span={12}>
          <Radio.Group
            id={idOf('accountType')}
            label={label('accountType')}
            withAsterisk
            value={values.accountType}
            onChange={(accountType) => onChange({ accountType: accountType as AccountType })}
            error={errors.accountType}
          >
            <Group gap="xl" mt={6}>
              <Radio value="postpaid" label={t('wizard.number.postpaid')} description={t('wizard.number.postpaidHint')} />
              <Radio value="prepaid" label={t('wizard.number.prepaid')} description={t('wizard.number.prepaidHint')} />
            </Group>
          </Radio.Group>
        </Grid.Col>
        {account && (
          <Grid.Col span={{ base: 12, sm: 6 }}>
            {account === 'customerNumber' ? text('customerNumber', t('wizard.number.customerNumberHint')) : text('donorSimNumber', t('wizard.number.donorSimNumberHint'), true)}
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, sm: 6 }}>{text('holderName', t('wizard.number.holderNameHint'))}</Grid.Col>
      </Grid>
      <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
        {t('wizard.number.oldSimKeepsWorking')}
      </Alert>
    </Stack>
  );
};
