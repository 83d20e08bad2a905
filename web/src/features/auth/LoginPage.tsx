import { Alert, Anchor, Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import type { Me, SecondStep } from '../../shared/api/contract';
import { isApiError } from '../../shared/api/client';
import { useLabels } from '../../shared/i18n/labels';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useIdle } from '../../shared/ui/use-idle';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { preloadPage } from '../../app/preload-page';
import { PasswordField, PublicCard, PublicLayout } from './PublicLayout';
import { SecondStepPanel } from './SecondStep';
import { homePathFor, useAdoptSession, useLogin, useMe, useOperator } from './session';

/** What a page that sends the person here may tell them (a new password was chosen) and the address to fill in. */
export type LoginNotice = { notice?: 'passwordReset'; email?: string };

/** Only same-site paths are followed after sign-in (no open redirect). */
const safeNext = (next: string | null): string | null =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;

export const LoginPage = () => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const labels = useLabels();
  usePageTitle(t('login.title'));
  const me = useMe();
  const operator = useOperator().data;
  const login = useLogin();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const [failure, setFailure] = useState<string | null>(null);
  const [secondStep, setSecondStep] = useState<SecondStep | null>(null);
  const adopt = useAdoptSession();
  const arrived = (useLocation().state ?? {}) as LoginNotice;
  // where the sign-in leads (the signed-in shell at least): its code arrives while the person types
  const idle = useIdle();
  const next = safeNext(searchParams.get('next'));
  useEffect(() => {
    if (idle) preloadPage(next ?? '/');
  }, [idle, next]);

  const form = useForm({
    initialValues: { email: arrived.email ?? '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('rules.required', { field: labels.field('email') })),
      password: (value) => (value ? null : t('rules.required', { field: labels.field('password') })),
    },
  });

  if (me.data) return <Navigate to={safeNext(searchParams.get('next')) ?? homePathFor(me.data)} replace />;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const answer = await login.mutateAsync({ email: values.email.trim(), password: values.password });
      if ('secondStep' in answer) {
        setSecondStep(answer.secondStep);
        form.setFieldValue('password', '');
        return;
      }
      navigate(safeNext(searchParams.get('next')) ?? homePathFor(answer), { replace: true });
    } catch (error) {
      if (isApiError(error) && error.status === 401) setFailure(t('login.invalidCredentials'));
      else if (isApiError(error) && error.status === 429) setFailure(t('login.rateLimited'));
      else setFailure(problemMessage(error));
      form.setFieldValue('password', '');
    }
  });

  const signedInAfterSecondStep = async (signedIn: Me) => {
    await adopt(signedIn);
    navigate(safeNext(searchParams.get('next')) ?? homePathFor(signedIn), { replace: true });
  };

  if (secondStep) {
    return (
      <PublicLayout>
        <PublicCard maw={secondStep === 'enrol' ? 600 : 420}>
          <SecondStepPanel
            step={secondStep}
            onSignedIn={(signedIn) => void signedInAfterSecondStep(signedIn)}
            onRestart={(why) => {
              setSecondStep(null);
              setFailure(why);
            }}
          />
        </PublicCard>
      </PublicLayout>
    );
  }

  return (
    <PublicLayout>
      <PublicCard maw={420}>
        <Box>
          <Title order={1} fz={24}>
            {t('login.heading', { portal: operator?.portalName ?? 'MyDstny' })}
          </Title>
          <Text c="dimmed" fz="sm" mt={6}>
            {t('login.intro')}
          </Text>
        </Box>

        {arrived.notice === 'passwordReset' && !failure && (
          <Alert color="green" variant="light" role="status">
            {t('forgotPassword.doneNotice')}
          </Alert>
        )}
        <ProblemAlert>{failure}</ProblemAlert>

        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <TextInput
              label={labels.field('email')}
              type="email"
              autoComplete="username"
              required
              autoFocus
              {...form.getInputProps('email')}
            />
            <PasswordField label={labels.field('password')} autoComplete="current-password" {...form.getInputProps('password')} />
            <Group justify="flex-end" mt={-8}>
              <Anchor component={Link} to="/forgot-password" state={{ email: form.values.email.trim() }} fz="sm">
                {t('forgotPassword.link')}
              </Anchor>
            </Group>
            <Button type="submit" fullWidth loading={login.isPending} leftSection={<IconLock size={16} aria-hidden="true" />} mt="xs">
              {t('login.submit')}
            </Button>
          </Stack>
        </form>
      </PublicCard>
    </PublicLayout>
  );
};
