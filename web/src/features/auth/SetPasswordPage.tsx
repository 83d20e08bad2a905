import { Alert, Anchor, Box, Button, Card, Center, Group, List, PasswordInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, apiRequest, isApiError } from '../../shared/api/client';
import type { InvitationView, PasswordSet } from '../../shared/api/contract';
import { useLabels } from '../../shared/i18n/labels';
import { BrandMark } from '../../shared/ui/BrandMark';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
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
      const me = await login.mutateAsync({ email, password: values.password });
      navigate(homePathFor(me), { replace: true });
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'password') : undefined;
      if (field) form.setFieldError('password', field.message);
      else setFailure(problemMessage(error));
    }
  });

  const linkProblem = invitation.isError ? problemMessage(invitation.error) : null;

  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="lg" py="md">
        <Group justify="space-between">
          <BrandMark portalName={portalName} />
          <LanguageSwitch variant="default" />
        </Group>
      </Box>
      <Box component="main" id="main-content" style={{ flex: 1 }}>
        <Center py={48} px="md">
          <Card w="100%" maw={460} shadow="sm" padding="xl">
            <Stack gap="lg">
              <Title order={1} fz={24}>
                {t('backOffice.setPassword.heading', { portal: portalName })}
              </Title>
              {invitation.isPending ? (
                <Skeleton height={160} aria-label={t('status.loading')} />
              ) : linkProblem ? (
                <Stack gap="md">
                  <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert" title={t('backOffice.setPassword.linkProblem')}>
                    {linkProblem}
                  </Alert>
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
                  {failure && (
                    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
                      {failure}
                    </Alert>
                  )}
                  <form onSubmit={submit} noValidate>
                    <Stack gap="md">
                      {/* for password managers: the account the new password belongs to */}
                      <input type="email" name="username" autoComplete="username" value={invitation.data!.email} readOnly hidden />
                      <PasswordInput
                        label={labels.field('password')}
                        description={t('backOffice.setPassword.rules', { minimum: MIN_LENGTH })}
                        autoComplete="new-password"
                        required
                        autoFocus
                        visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
                        {...form.getInputProps('password')}
                      />
                      <PasswordInput
                        label={t('backOffice.setPassword.confirm')}
                        autoComplete="new-password"
                        required
                        visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
                        {...form.getInputProps('confirm')}
                      />
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
            </Stack>
          </Card>
        </Center>
      </Box>
    </Box>
  );
};
