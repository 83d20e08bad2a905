import { Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { apiRequest } from '../../shared/api/client';
import type { PasswordResetDone, PasswordResetView } from '../../shared/api/contract';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import type { LoginNotice } from './LoginPage';
import { NewPasswordForm } from './NewPasswordForm';
import { PublicCard, PublicLayout } from './PublicLayout';

/** The link of the "forgot password" e-mail: a new password, then back to sign-in (every session has ended). */
export const ResetPasswordPage = () => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  usePageTitle(t('forgotPassword.resetTitle'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const link = useQuery({
    queryKey: ['password-reset', token],
    queryFn: ({ signal }) => apiRequest<PasswordResetView>(`/api/auth/password-reset/${encodeURIComponent(token)}`, { signal, expectUnauthorized: true }),
    retry: false,
  });
  const reset = useMutation({
    mutationFn: (password: string) => apiRequest<PasswordResetDone>(`/api/auth/password-reset/${encodeURIComponent(token)}/password`, { method: 'POST', body: { password }, expectUnauthorized: true }),
  });
  const submit = async (password: string) => {
    const { email } = await reset.mutateAsync(password);
    navigate('/login', { replace: true, state: { notice: 'passwordReset', email } satisfies LoginNotice });
  };
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
            <NewPasswordForm email={link.data!.email} passwordLabel={t('forgotPassword.newPassword')} submitLabel={t('forgotPassword.resetSubmit')} pending={reset.isPending} onSubmit={submit} />
          </>
        )}
      </PublicCard>
    </PublicLayout>
  );
};
