import { Alert, Modal, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertCircle, IconMailForward } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import type { ServiceDetail } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useMobileUser } from '../mobile-users/api';
import { useResendActivation } from '../services/api';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

// "Resend activation e-mail" on the service page, while the service waits for its user: a new
// e-mail with a new personal link; the old link stops working. The address can be corrected on
// the way (it is the mobile user's address, so the user's record changes too).

const EMAIL_ID = 'resend-activation-email';

const Form = ({ service, onClose }: { service: ServiceDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const user = useMobileUser(service.mobileUserId);
  const resend = useResendActivation();
  const current = user.data?.email ?? service.activationLink?.sentTo ?? '';
  const [email, setEmail] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  // the user's address arrives after the modal opened: take it unless something was typed already
  const loaded = user.data?.email;
  const sentTo = service.activationLink?.sentTo;
  useEffect(() => {
    if (loaded) setEmail((typed) => (typed === '' || typed === sentTo ? loaded : typed));
  }, [loaded, sentTo]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const address = email.trim();
    if (!address) {
      setError(t('rules.required', { ns: 'common', field: labels.field('email') }));
      document.getElementById(EMAIL_ID)?.focus();
      return;
    }
    try {
      const changed = address.toLowerCase() !== current.trim().toLowerCase();
      await resend.mutateAsync({ id: service.id, ...(changed ? { email: address } : {}) });
      notify({ color: 'green', title: t('serviceDetail.resend.done'), message: t('serviceDetail.resend.doneHint', { email: address }) });
      onClose();
    } catch (caught) {
      const fieldError = isApiError(caught) ? caught.errors.find((item) => item.field === 'email' || item.field.endsWith('.email')) : undefined;
      if (fieldError) setError(fieldError.message);
      else if (isApiError(caught) && caught.code === 'MOBILE_USER.EMAIL_TAKEN') setError(caught.detail);
      else setProblem(problemMessage(caught));
      if (fieldError || (isApiError(caught) && caught.code === 'MOBILE_USER.EMAIL_TAKEN')) document.getElementById(EMAIL_ID)?.focus();
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text fz="sm">{t('serviceDetail.resend.text', { name: service.userName })}</Text>
        <Alert color="yellow" variant="light" icon={<IconAlertCircle aria-hidden="true" />}>
          {t('serviceDetail.resend.oldLink')}
        </Alert>
        <ProblemAlert live>{problem}</ProblemAlert>
        {user.isLoading && !service.activationLink ? (
          <Skeleton height={60} />
        ) : (
          <TextInput
            id={EMAIL_ID}
            type="email"
            label={labels.field('email')}
            description={t('serviceDetail.resend.emailHint')}
            autoComplete="off"
            withAsterisk
            data-autofocus
            value={email}
            onChange={(event) => {
              setEmail(event.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
        )}
        <ModalActions label={t('serviceDetail.resend.submit')} pending={resend.isPending} icon={IconMailForward} onCancel={onClose} mt="xs" />
      </Stack>
    </form>
  );
};

export const ResendActivationModal = ({ service, opened, onClose }: { service: ServiceDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('serviceDetail.resend.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      {opened && <Form service={service} onClose={onClose} />}
    </Modal>
  );
};
