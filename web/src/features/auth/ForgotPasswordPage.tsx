import { Alert, Anchor, Box, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { apiRequest, isApiError } from '../../shared/api/client';
import { useLabels } from '../../shared/i18n/labels';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { PublicCard, PublicLayout } from './PublicLayout';

/** Forgot password: the address, then the same answer whatever it is — the e-mail goes only to an account's address. */
export const ForgotPasswordPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  usePageTitle(t('forgotPassword.title'));
  const given = ((useLocation().state ?? {}) as { email?: string }).email ?? '';
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const request = useMutation({ mutationFn: (email: string) => apiRequest<null>('/api/auth/password-reset', { method: 'POST', body: { email }, expectUnauthorized: true }) });
  const form = useForm({
    initialValues: { email: given },
    validate: { email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : t('rules.invalid_email', { field: labels.field('email') })) },
  });
  const submit = form.onSubmit(async ({ email }) => {
    setFailure(null);
    try {
      await request.mutateAsync(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'email') : undefined;
      if (field) form.setFieldError('email', field.message);
      else setFailure(isApiError(error) && error.status === 429 ? t('forgotPassword.rateLimited') : problemMessage(error));
    }
  });
  return (
    <PublicLayout>
      <PublicCard maw={440}>
        <Box>
          <Title order={1} fz={24}>
            {t('forgotPassword.heading')}
          </Title>
          {!sentTo && (
            <Text c="dimmed" fz="sm" mt={6}>
              {t('forgotPassword.intro')}
            </Text>
          )}
        </Box>
        {sentTo ? (
          <Alert color="green" variant="light" role="status" title={t('forgotPassword.sentTitle')}>
            {t('forgotPassword.sent', { email: sentTo })}
          </Alert>
        ) : (
          <>
            <ProblemAlert>{failure}</ProblemAlert>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput label={labels.field('email')} type="email" autoComplete="username" required autoFocus {...form.getInputProps('email')} />
                <Button type="submit" fullWidth loading={request.isPending} leftSection={<IconMailForward size={16} aria-hidden="true" />}>
                  {t('forgotPassword.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Anchor component={Link} to="/login" fz="sm">
          {t('forgotPassword.backToSignIn')}
        </Anchor>
      </PublicCard>
    </PublicLayout>
  );
};
