import { Button, List, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { PasswordField } from './PublicLayout';

// The same minimum the server checks (modules/auth/domain/password.ts); the server has the last word.
const MIN_LENGTH = 12;

/**
 * Choosing a password from an e-mailed link (an invitation, a reset): twice, with the rules, and the
 * server's refusal of the password shown on the field itself.
 */
export const NewPasswordForm = ({
  email,
  passwordLabel,
  submitLabel,
  pending,
  onSubmit,
}: {
  email: string;
  passwordLabel: string;
  submitLabel: string;
  pending: boolean;
  onSubmit: (password: string) => Promise<void>;
}) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => ([...v].length >= MIN_LENGTH ? null : t('backOffice.setPassword.tooShort', { minimum: MIN_LENGTH })),
      confirm: (v, values) => (v === values.password ? null : t('backOffice.setPassword.mismatch')),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await onSubmit(values.password);
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'password') : undefined;
      if (field) form.setFieldError('password', field.message);
      else setFailure(problemMessage(error));
    }
  });
  return (
    <>
      <ProblemAlert>{failure}</ProblemAlert>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {/* for password managers: the account the new password belongs to */}
          <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
          <PasswordField label={passwordLabel} description={t('backOffice.setPassword.rules', { minimum: MIN_LENGTH })} autoComplete="new-password" autoFocus {...form.getInputProps('password')} />
          <PasswordField label={t('backOffice.setPassword.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
          <List size="xs" c="dimmed" spacing={2}>
            <List.Item>{t('backOffice.setPassword.tipLength')}</List.Item>
            <List.Item>{t('backOffice.setPassword.tipOwn')}</List.Item>
          </List>
          <Button type="submit" fullWidth loading={pending} leftSection={<IconLock size={16} aria-hidden="true" />}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </>
  );
};
