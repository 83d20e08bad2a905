import { Alert, Modal, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconSend } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import type { PortingIssue } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useWizardStock } from '../services/api';
import { missingPortInFields, PORT_IN_FIELDS, PORT_IN_LABELS, portInDetailsInput, type PortInField, type PortInValues } from '../services/port-in';
import { PortInFields } from '../services/PortInFields';
import { useResubmitPort } from './api';
import { useRefusalLabel } from './refusal-label';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

// "Correct and resubmit": the port-in details of wizard step 5, filled in with what was refused.
// The server checks them with the wizard's rules; its field errors go under the fields.

type Errors = Partial<Record<PortInField, string>>;

const fieldId = (field: PortInField) => `port-fix-${field}`;

const valuesOf = (issue: PortingIssue): PortInValues => ({
  donorOperator: issue.donorOperator.code,
  accountType: issue.accountType,
  customerNumber: issue.customerNumber ?? '',
  donorSimNumber: issue.donorSimNumber ?? '',
  holderName: issue.holderName,
});

/** Which of our fields a server error names (`customerNumber`, or a path ending in it). */
const fieldOf = (name: string): PortInField | undefined => PORT_IN_FIELDS.find((field) => name === field || name.endsWith(`.${field}`));

/** The field the donor's refusal is about, to start there. */
const REFUSED_FIELD: Record<string, PortInField> = { customer_number_mismatch: 'customerNumber', sim_number_mismatch: 'donorSimNumber' };

export const CorrectPortModal = ({ issue, onClose }: { issue: PortingIssue | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const refusalLabel = useRefusalLabel();
  const stock = useWizardStock(issue !== null);
  const resubmit = useResubmitPort();
  const [values, setValues] = useState<PortInValues | null>(null);
  const [errors, setErrors] = useState<Errors>({});
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

  const change = (patch: Partial<PortInValues>) => {
    setValues((current) => (current ? { ...current, ...patch } : current));
    setErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(patch) as PortInField[]) delete next[key];
      return next;
    });
  };

  const showErrors = (next: Errors) => {
    setErrors(next);
    const first = PORT_IN_FIELDS.find((field) => next[field]);
    if (first) document.getElementById(fieldId(first))?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!issue || !values) return;
    setProblem(null);
    const missing = missingPortInFields(values);
    if (missing.length) {
      showErrors(Object.fromEntries(missing.map((field) => [field, t('rules.required', { ns: 'common', field: labels.field(PORT_IN_LABELS[field]) })])));
      return;
    }
    const input = portInDetailsInput(values);
    try {
      await resubmit.mutateAsync({ serviceId: issue.serviceId, input });
      notify({
        color: 'green',
        title: t('portingIssues.resubmitted'),
        message: t('portingIssues.resubmittedHint', { number: format.phone(issue.msisdn), donor: stock.data?.donorOperators.find((d) => d.code === input.donorOperator)?.name ?? issue.donorOperator.name }),
      });
      onClose();
    } catch (caught) {
      const fieldErrors: Errors = {};
      if (isApiError(caught)) {
        for (const item of caught.errors) {
          const field = fieldOf(item.field);
          if (field) fieldErrors[field] ??= item.message;
        }
      }
      if (Object.keys(fieldErrors).length) showErrors(fieldErrors);
      else setProblem(problemMessage(caught));
    }
  };

  const current = issue ?? shown;

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
            <ProblemAlert live>{problem}</ProblemAlert>
            <PortInFields
              idOf={fieldId}
              number={{ value: format.phone(current.msisdn), description: t('portingIssues.modal.numberHint') }}
              values={values}
              onChange={change}
              errors={errors}
              donorOperators={stock.data?.donorOperators ?? [current.donorOperator]}
              autoFocus={REFUSED_FIELD[current.refusalCode] ?? null}
            />
            <ModalActions label={t('portingIssues.modal.submit')} pending={resubmit.isPending} icon={IconSend} onCancel={onClose} />
          </Stack>
        </form>
      )}
    </Modal>
  );
};
