import { Anchor, Checkbox, Modal, NumberInput, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { SupportTopic, TriedStep } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { requestPath, TRIED_STEPS, useFileRequest } from './api';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

type Props = {
  topic: SupportTopic;
  opened: boolean;
  onClose: () => void;
  /** service_problem: the service the problem is about */
  serviceId?: string;
  /** what the message starts with */
  initialMessage: string;
  /** a line naming what the request is about, shown above the form */
  context?: string;
};

/**
 * A request to support, filed from where the need arises (the wizard's fixed-number step, a
 * service's page) without leaving the page; it appears in Self-service › Requests like the others.
 */
export const SupportRequestModal = ({ topic, opened, onClose, serviceId, initialMessage, context }: Props) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const file = useFileRequest();
  const [message, setMessage] = useState(initialMessage);
  const [quantity, setQuantity] = useState<number | string>(topic === 'fixed_numbers' ? 5 : '');
  const [tried, setTried] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const close = () => {
    setErrors({});
    setFormError(null);
    onClose();
  };
  const submit = async () => {
    const local: Record<string, string> = {};
    if (!message.trim()) local['details.message'] = t('rules.required', { ns: 'common', field: labels.field('message') });
    if (topic === 'fixed_numbers' && quantity === '') local['details.quantity'] = t('rules.required', { ns: 'common', field: labels.field('quantity') });
    setErrors(local);
    setFormError(null);
    if (Object.keys(local).length) return;
    try {
      const created = await file.mutateAsync({
        kind: 'support',
        serviceIds: serviceId ? [serviceId] : [],
        details: { topic, message: message.trim(), quantity: topic === 'fixed_numbers' ? Number(quantity) : null, triedSteps: topic === 'service_problem' ? (tried as TriedStep[]) : [] },
      });
      notify({
        color: 'green',
        title: t('requests.support.filed'),
        message: (
          <Anchor component={Link} to={requestPath(created.id)} fz="sm">
            {t('requests.support.filedLink', { reference: created.reference })}
          </Anchor>
        ),
      });
      close();
    } catch (error) {
      if (isApiError(error) && error.errors.length) {
        const placed = Object.fromEntries(error.errors.filter((e) => e.field.startsWith('details.')).map((e) => [e.field, e.message]));
        setErrors(placed);
        const rest = error.errors.filter((e) => !e.field.startsWith('details.')).map((e) => e.message);
        if (rest.length) setFormError(rest.join(' '));
      } else setFormError(problemMessage(error));
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t(`requests.support.${topic}.title`)} centered size="lg" closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <ProblemAlert>{formError}</ProblemAlert>
        <Text fz="sm">{t(`requests.support.${topic}.intro`)}</Text>
        {context && (
          <Text fz="sm" fw={600}>
            {context}
          </Text>
        )}
        {topic === 'fixed_numbers' ? (
          <NumberInput label={labels.field('quantity')} required min={1} max={500} allowDecimal={false} maw={240} value={quantity} onChange={setQuantity} error={errors['details.quantity']} data-autofocus />
        ) : (
          <Checkbox.Group label={labels.field('triedSteps')} description={t('requests.support.service_problem.triedHint')} value={tried} onChange={setTried}>
            <Stack gap={6} mt={6}>
              {TRIED_STEPS.map((s) => (
                <Checkbox key={s} value={s} label={t(`requests.tried.${s}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
        )}
        <Textarea label={labels.field('message')} required autosize minRows={4} maxRows={12} maxLength={4000} value={message} onChange={(e) => setMessage(e.currentTarget.value)} error={errors['details.message']} />
      </Stack>
      <ModalActions label={t('requests.support.send')} onConfirm={submit} pending={file.isPending} onCancel={close} mt="lg" />
    </Modal>
  );
};
