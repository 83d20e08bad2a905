import { Anchor, Button, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiRequest, isApiError } from '../../shared/api/client';
import type { PasswordResetDone, PasswordResetView } from '../../shared/api/contract';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import type { LoginNotice } from './LoginPage';
import { PasswordField, PublicCard, PublicLayout } from './PublicLayout';

// The same minimum the server checks (modules/auth/domain/password.ts); the server has the last word.
const MIN_LENGTH = 12;

/** The link of the "forgot password" e-mail: a new password, then back to sign-in (every session has ended). */
export const ResetPasswordPage = () => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  usePageTitle(t('forgotPassword.resetTitle'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string | null>(null);
  const link = useQuery({
    queryKey: ['password-reset', token],
    queryFn: ({ signal }) => apiRequest<PasswordResetView>(`/api/auth/password-reset/${encodeURIComponent(token)}`, { signal, expectUnauthorized: true }),
    retry: false,
  });
  const reset = useMutation({
    mutationFn: (password: string) => apiRequest<PasswordResetDone>(`/api/auth/password-reset/${encodeURIComponent(token)}/password`, { method: 'POST', body: { password }, expectUnauthorized: true }),
  });
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
      const { email } = await reset.mutateAsync(values.password);
      navigate('/login', { replace: true, state: { notice: 'passwordReset', email } satisfies LoginNotice });
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'password') : undefined;
      if (field) form.setFieldError('password', field.message);
      else setFailure(problemMessage(error));
    }
  });
  const linkProblem = link.isError ? problemMessage(link.error) : null;
  return (
    <PublicLayout>
      <PublicCard maw={460}>
        <Title order={1} fz={24}>
          {t('forgotPassword.resetHeading')}
        </Title>
        {link.isPending ? (
          <Skeleton height={160} aria-label={t('status.loading')} />
        ) : linkProblem ? (
          <Stack gap="md">
            <ProblemAlert title={t('backOffice.setPassword.linkProblem')}>{linkProblem}</ProblemAlert>
            <Anchor component={Link} to="/forgot-password" fz="sm">
              {t('forgotPassword.askAgain')}
            </Anchor>
          </Stack>
        ) : (
          <>
            <Text fz="sm">
              {t('forgotPassword.resetFor')} <strong>{link.data!.email}</strong>
            </Text>
            <Text fz="sm" c="dimmed">
              {t('forgotPassword.resetSessions')}
            </Text>
            <ProblemAlert>{failure}</ProblemAlert>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <input type="email" name="username" autoComplete="username" value={link.data!.email} readOnly hidden />
                <PasswordField label={t('forgotPassword.newPassword')} description={t('backOffice.setPassword.rules', { minimum: MIN_LENGTH })} autoComplete="new-password" autoFocus {...form.getInputProps('password')} />
                <PasswordField label={t('backOffice.setPassword.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
                <List size="xs" c="dimmed" spacing={2}>
                  <List.Item>{t('backOffice.setPassword.tipLength')}</List.Item>
                  <List.Item>{t('backOffice.setPassword.tipOwn')}</List.Item>
                </List>
                <Button type="submit" fullWidth loading={reset.isPending} leftSection={<IconLock size={16} aria-hidden="true" />}>
                  {t('forgotPassword.resetSubmit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
      </PublicCard>
    </PublicLayout>
  );
};
