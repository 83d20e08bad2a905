import { Alert, Box, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useLabels } from '../../shared/i18n/labels';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { PublicCard, PublicLayout } from './PublicLayout';

/**
 * Asking for a link by e-mail (forgot password, an employee's sign-in): the address, then the same
 * answer whatever it is — nothing on the page tells whether the address is known.
 */
export const EmailLinkRequest = ({
  texts,
  send,
  initialEmail = '',
  emailLabel,
  autoComplete,
  footer,
}: {
  texts: { heading: string; intro: string; sentTitle: string; sent: (email: string) => string; submit: string };
  send: (email: string) => Promise<unknown>;
  initialEmail?: string;
  emailLabel?: string;
  autoComplete: string;
  footer: ReactNode;
}) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const request = useMutation({ mutationFn: send });
  const form = useForm({
    initialValues: { email: initialEmail },
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
            {texts.heading}
          </Title>
          {!sentTo && (
            <Text c="dimmed" fz="sm" mt={6}>
              {texts.intro}
            </Text>
          )}
        </Box>
        {sentTo ? (
          <Alert color="green" variant="light" role="status" title={texts.sentTitle}>
            {texts.sent(sentTo)}
          </Alert>
        ) : (
          <>
            <ProblemAlert>{failure}</ProblemAlert>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <TextInput label={emailLabel ?? labels.field('email')} type="email" autoComplete={autoComplete} inputMode="email" required autoFocus {...form.getInputProps('email')} />
                <Button type="submit" fullWidth loading={request.isPending} leftSection={<IconMailForward size={16} aria-hidden="true" />}>
                  {texts.submit}
                </Button>
              </Stack>
            </form>
          </>
        )}
        {footer}
      </PublicCard>
    </PublicLayout>
  );
};
