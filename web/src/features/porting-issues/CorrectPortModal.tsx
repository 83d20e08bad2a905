import { Alert, Box, Button, Grid, Group, Modal, Radio, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useWizardStock, type AccountType } from '../services/api';
import { useResubmitPort, type PortingIssue, type ResubmitInput } from './api';
import { useRefusalLabel } from './refusal-label';

// "Correct and resubmit": the port-in details of wizard step 5, filled in with what was refused.
// The server checks them with the wizard's rules; its field errors go under the fields.

type Fields = 'donorOperator' | 'accountType' | 'customerNumber' | 'donorSimNumber' | 'holderName';
type Values = { donorOperator: string | null; accountType: AccountType; customerNumber: string; donorSimNumber: string; holderName: string };

const fieldId = (field: Fields) => `port-fix-${field}`;
const FIELDS: readonly Fields[] = ['donorOperator', 'accountType', 'customerNumber', 'donorSimNumber', 'holderName'];

const valuesOf = (issue: PortingIssue): Values => ({
  donorOperator: issue.donorOperator.code,
  accountType: issue.accountType,
  customerNumber: issue.customerNumber ?? '',
  donorSimNumber: issue.donorSimNumber ?? '',
  holderName: issue.holderName,
});

/** Which of our fields a server error names (`customerNumber`, or a path ending in it). */
const fieldOf = (name: string): Fields | undefined => FIELDS.find((field) => name === field || name.endsWith(`.${field}`));

export const CorrectPortModal = ({ issue, onClose }: { issue: PortingIssue | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const refusalLabel = useRefusalLabel();
  const stock = useWizardStock(issue !== null);
  const resubmit = useResubmitPort();
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<Partial<Record<Fields, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  // the row stays known while the modal closes, so its content does not vanish mid-animation
  const [shown, setShown] = useState<PortingIssue | null>(issue);

  useEffect(() => {
    if (!issue) return;
    setShown(issue);
    setValues(valuesOf(issue));
    setErrors({});
    setProblem(null);
  }, [issue]);

  const change = (patch: Partial<Values>) => {
    setValues((current) => (current ? { ...current, ...patch } : current));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as Fields[]) delete next[key];
      return next;
    });
  };

  const required = (field: Fields) => t('rules.required', { ns: 'common', field: labels.field(field) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!issue || !values) return;
    setProblem(null);
    const postpaid = values.accountType === 'postpaid';
    const local: Partial<Record<Fields, string>> = {};
    if (!values.donorOperator) local.donorOperator = required('donorOperator');
    if (postpaid && !values.customerNumber.trim()) local.customerNumber = required('customerNumber');
    if (!postpaid && !values.donorSimNumber.trim()) local.donorSimNumber = required('donorSimNumber');
    if (!values.holderName.trim()) local.holderName = required('holderName');
    const firstLocal = FIELDS.find((field) => local[field]);
    if (firstLocal) {
      setErrors(local);
      document.getElementById(fieldId(firstLocal))?.focus();
      return;
    }
    const input: ResubmitInput = {
      donorOperator: values.donorOperator ?? '',
      accountType: values.accountType,
      ...(postpaid ? { customerNumber: values.customerNumber.trim() } : { donorSimNumber: values.donorSimNumber.trim() }),
      holderName: values.holderName.trim(),
    };
    try {
      await resubmit.mutateAsync({ serviceId: issue.serviceId, input });
      notify({
        color: 'green',
        title: t('portingIssues.resubmitted'),
        message: t('portingIssues.resubmittedHint', { number: format.phone(issue.msisdn), donor: stock.data?.donorOperators.find((d) => d.code === input.donorOperator)?.name ?? issue.donorOperator.name }),
      });
      onClose();
    } catch (caught) {
      const fieldErrors: Partial<Record<Fields, string>> = {};
      if (isApiError(caught)) {
        for (const item of caught.errors) {
          const field = fieldOf(item.field);
          if (field && !fieldErrors[field]) fieldErrors[field] = item.message;
        }
      }
      const first = FIELDS.find((field) => fieldErrors[field]);
      if (first) {
        setErrors(fieldErrors);
        document.getElementById(fieldId(first))?.focus();
      } else {
        setProblem(problemMessage(caught));
      }
    }
  };

  const current = issue ?? shown;
  const postpaid = values?.accountType !== 'prepaid';

  return (
    <Modal
      opened={issue !== null}
      onClose={onClose}
      size="lg"
      centered
      title={current ? t('portingIssues.modal.title', { number: format.phone(current.msisdn) }) : ''}
      closeButtonProps={{ 'aria-label': t('actions.close') }}
    >
      {current && values && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} title={t('portingIssues.modal.refusedBy', { donor: current.donorOperator.name })}>
              <Text fz="sm">{refusalLabel(current)}</Text>
              <Text fz="xs" c="dimmed" mt={4}>
                {t('portingIssues.modal.attempts', { count: current.attempts, formatted: format.number(current.attempts), at: format.dateTime(current.refusedAt) })}
              </Text>
            </Alert>
            <Text fz="sm">{t('portingIssues.modal.explain', { name: current.userName })}</Text>
            <div aria-live="assertive">
              {problem && (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />}>
                  {problem}
                </Alert>
              )}
            </div>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput label={t('portingIssues.modal.number')} value={format.phone(current.msisdn)} readOnly variant="filled" description={t('portingIssues.modal.numberHint')} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <Select
                  id={fieldId('donorOperator')}
                  label={labels.field('donorOperator')}
                  description={t('wizard.number.donorOperatorHint')}
                  placeholder={stock.data ? t('wizard.number.donorOperatorPlaceholder') : t('status.loading')}
                  withAsterisk
                  allowDeselect={false}
                  data={(stock.data?.donorOperators ?? [current.donorOperator]).map((donor) => ({ value: donor.code, label: donor.name }))}
                  value={values.donorOperator}
                  onChange={(donorOperator) => change({ donorOperator })}
                  error={errors.donorOperator}
                  comboboxProps={{ withinPortal: true }}
                />
              </Grid.Col>
              <Grid.Col span={12}>
                <Radio.Group
                  id={fieldId('accountType')}
                  label={labels.field('accountType')}
                  withAsterisk
                  value={values.accountType}
                  onChange={(accountType) => change({ accountType: accountType as AccountType })}
                  error={errors.accountType}
                >
                  <Group gap="xl" mt={6}>
                    <Radio value="postpaid" label={t('wizard.number.postpaid')} description={t('wizard.number.postpaidHint')} />
                    <Radio value="prepaid" label={t('wizard.number.prepaid')} description={t('wizard.number.prepaidHint')} />
                  </Group>
                </Radio.Group>
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                {postpaid ? (
                  <TextInput
                    id={fieldId('customerNumber')}
                    label={labels.field('customerNumber')}
                    description={t('wizard.number.customerNumberHint')}
                    autoComplete="off"
                    withAsterisk
                    data-autofocus={current.refusalCode === 'customer_number_mismatch' ? true : undefined}
                    value={values.customerNumber}
                    onChange={(event) => change({ customerNumber: event.currentTarget.value })}
                    error={errors.customerNumber}
                  />
                ) : (
                  <TextInput
                    id={fieldId('donorSimNumber')}
                    label={labels.field('donorSimNumber')}
                    description={t('wizard.number.donorSimNumberHint')}
                    inputMode="numeric"
                    autoComplete="off"
                    withAsterisk
                    data-autofocus={current.refusalCode === 'sim_number_mismatch' ? true : undefined}
                    value={values.donorSimNumber}
                    onChange={(event) => change({ donorSimNumber: event.currentTarget.value })}
                    error={errors.donorSimNumber}
                  />
                )}
              </Grid.Col>
              <Grid.Col span={{ base: 12, sm: 6 }}>
                <TextInput
                  id={fieldId('holderName')}
                  label={labels.field('holderName')}
                  description={t('wizard.number.holderNameHint')}
                  autoComplete="off"
                  withAsterisk
                  value={values.holderName}
                  onChange={(event) => change({ holderName: event.currentTarget.value })}
                  error={errors.holderName}
                />
              </Grid.Col>
            </Grid>
            <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
              {t('wizard.number.oldSimKeepsWorking')}
            </Alert>
            <Box>
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={onClose} disabled={resubmit.isPending}>
                  {t('actions.cancel')}
                </Button>
                <Button type="submit" loading={resubmit.isPending} leftSection={<IconSend size={16} aria-hidden="true" />}>
                  {t('portingIssues.modal.submit')}
                </Button>
              </Group>
            </Box>
          </Stack>
        </form>
      )}
    </Modal>
  );
};
