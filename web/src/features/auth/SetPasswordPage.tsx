import { Anchor, Button, List, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, apiRequest, isApiError } from '../../shared/api/client';
import type { InvitationView, PasswordSet } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { PasswordField, PublicCard, PublicLayout } from './PublicLayout';
import { homePathFor, useLogin, useOperator } from './session';

// The same minimum the server checks (modules/auth/domain/password.ts); the server has the last word.
const MIN_LENGTH = 12;

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
  const [failure, setFailure] = useState<string | null>(null);
  const invitation = useQuery({
    queryKey: ['invitation', token],
    queryFn: ({ signal }) => apiRequest<InvitationView>(`/api/auth/invitations/${encodeURIComponent(token)}`, { signal, expectUnauthorized: true }),
    retry: false,
  });
  const setPassword = useMutation({ mutationFn: (password: string) => api.post<PasswordSet>(`/api/auth/invitations/${encodeURIComponent(token)}/password`, { password }) });
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
      const { email } = await setPassword.mutateAsync(values.password);
      // signed in at once with the password just chosen
      const answer = await login.mutateAsync({ email, password: values.password });
      // a company that requires two-factor sign-in: set it up on the sign-in page
      if ('secondStep' in answer) navigate('/login', { replace: true, state: { email } });
      else navigate(homePathFor(answer), { replace: true });
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'password') : undefined;
      if (field) form.setFieldError('password', field.message);
      else setFailure(problemMessage(error));
    }
  });

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
            <ProblemAlert>{failure}</ProblemAlert>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                {/* for password managers: the account the new password belongs to */}
                <input type="email" name="username" autoComplete="username" value={invitation.data!.email} readOnly hidden />
                <PasswordField
                  label={labels.field('password')}
                  description={t('backOffice.setPassword.rules', { minimum: MIN_LENGTH })}
                  autoComplete="new-password"
                  autoFocus
                  {...form.getInputProps('password')}
                />
                <PasswordField label={t('backOffice.setPassword.confirm')} autoComplete="new-password" {...form.getInputProps('confirm')} />
                <List size="xs" c="dimmed" spacing={2}>
                  <List.Item>{t('backOffice.setPassword.tipLength')}</List.Item>
                  <List.Item>{t('backOffice.setPassword.tipOwn')}</List.Item>
                </List>
                <Button type="submit" fullWidth loading={setPassword.isPending || login.isPending} leftSection={<IconLock size={16} aria-hidden="true" />}>
                  {t('backOffice.setPassword.submit')}
                </Button>
              </Stack>
            </form>
          </>
        )}
      </PublicCard>
    </PublicLayout>
  );
};
