import { Alert, Box, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useLabels } from '../../shared/i18n/labels';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { PublicCard, PublicLayout } from '../auth/PublicLayout';
import { requestEmployeeLink } from './api';

/**
 * "Employee sign-in" (My lines): the e-mail address the company knows the employee by, then the same
 * answer whatever it is — a link goes only to an employee's address, and nothing tells who works where.
 */
export const EmployeeSignInPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  usePageTitle(t('myLines.signIn.title'));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const request = useMutation({ mutationFn: requestEmployeeLink });
  const form = useForm({
    initialValues: { email: '' },
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
            {t('myLines.signIn.heading')}
          </Title>
          {!sentTo && (
            <Text c="dimmed" fz="sm" mt={6}>
              {t('myLines.signIn.intro')}
            </Text>
          )}
        </Box>
        {sentTo ? (
          <Alert color="green" variant="light" role="status" title={t('myLines.signIn.sentTitle')}>
            {t('myLines.signIn.sent', { email: sentTo })}
          </Alert>
        ) : (
          <>
            <ProblemAlert>{failure}</ProblemAlert>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput label={t('myLines.signIn.email')} type="email" autoComplete="email" inputMode="email" required autoFocus {...form.getInputProps('email')} />
                <Button type="submit" fullWidth loading={request.isPending} leftSection={<IconMailForward size={16} aria-hidden="true" />}>
                  {t('myLines.signIn.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
        <Text fz="xs" c="dimmed">
          {t('myLines.signIn.adminHint')}
        </Text>
      </PublicCard>
    </PublicLayout>
  );
};
