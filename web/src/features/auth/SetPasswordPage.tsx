import { Anchor, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, apiRequest } from '../../shared/api/client';
import type { InvitationView, PasswordSet } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { NewPasswordForm } from './NewPasswordForm';
import { PublicCard, PublicLayout } from './PublicLayout';
import { homePathFor, useLogin, useOperator } from './session';

/** The invited administrator's page (link from the invitation e-mail): choose a password, then signed in. */
export const SetPasswordPage = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  usePageTitle(t('backOffice.setPassword.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const operator = useOperator().data;
  const portalName = operator?.portalName ?? 'MyDstny';
  const login = useLogin();
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => apiRequest<InvitationView>(`/api/auth/invitations/${encodeURIComponent(token)}`, { signal, expectUnauthorized: true }),
    retry: false,
  });
  const setPassword = useMutation({ mutationFn: (password: string) => api.post<PasswordSet>(`/api/auth/invitations/${encodeURIComponent(token)}/password`, { password }) });
  const submit = async (password: string) => {
    const { email } = await setPassword.mutateAsync(password);
    // signed in at once with the password just chosen
    const answer = await login.mutateAsync({ email, password });
    // a company that requires two-factor sign-in: set it up on the sign-in page
    if ('secondStep' in answer) navigate('/login', { replace: true, state: { email } });
    else navigate(homePathFor(answer), { replace: true });
  };

  const linkProblem = invitation.isError ? problemMessage(invitation.error) : null;

  return (
    <PublicLayout withFooter={false}>
      <PublicCard maw={460}>
        <Title order={1} fz={24}>
          {t('backOffice.setPassword.heading', { portal: portalName })}
        </Title>
        {invitation.isPending ? (
          <Skeleton height={160} aria-label={t('status.loading')} />
        ) : linkProblem ? (
          <Stack gap="md">
            <ProblemAlert title={t('backOffice.setPassword.linkProblem')}>{linkProblem}</ProblemAlert>
            <Anchor component={Link} to="/login" fz="sm">
              {t('backOffice.setPassword.toSignIn')}
            </Anchor>
          </Stack>
        ) : (
          <>
            <Text fz="sm">{t('backOffice.setPassword.intro', { name: invitation.data!.fullName, company: invitation.data!.companyName })}</Text>
            <Text fz="sm" c="dimmed">
              {t('backOffice.setPassword.signInWith')} <strong>{invitation.data!.email}</strong>
            </Text>
            <NewPasswordForm
              email={invitation.data!.email}
              passwordLabel={labels.field('password')}
              submitLabel={t('backOffice.setPassword.submit')}
              pending={setPassword.isPending || login.isPending}
              onSubmit={submit}
            />
          </>
        )}
      </PublicCard>
    </PublicLayout>
  );
};
