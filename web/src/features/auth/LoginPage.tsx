import { Alert, Anchor, Box, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconExternalLink, IconLock } from '@tabler/icons-react';
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
import { checkSso, startSso } from '../account-security/api';
import { homePathFor, useAdoptSession, useLogin, useMe, useOperator } from './session';

/** What a page that sends the person here may tell them (a new password was chosen) and the address to fill in. */
export type LoginNotice = { notice?: 'passwordReset'; email?: string };

/** Only same-site paths are followed after sign-in (no open redirect). */
const safeNext = (next: string | null): string | null =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : null;

export const LoginPage = () => {
  const { t, i18n } = useTranslation();
  const problemMessage = useProblemMessage();
  const labels = useLabels();
  usePageTitle(t('login.title'));
  const me = useMe();
  const operator = useOperator().data;
  const login = useLogin();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  // back from the company's identity provider: refused (with the reason), or a second step to take
  const ssoError = searchParams.get('ssoError');
  const returnedStep = searchParams.get('secondStep');
  const [failure, setFailure] = useState<string | null>(() => (ssoError ? t([`login.sso.errors.${ssoError.replace(/[^A-Z_]/g, '_')}`, 'login.sso.errors.generic']) : null));
  const [secondStep, setSecondStep] = useState<SecondStep | null>(returnedStep === 'code' || returnedStep === 'enrol' ? returnedStep : null);
  // single sign-on: the address's company signs in through its provider (checked when the address is typed)
  const [sso, setSso] = useState<{ email: string; companyName: string | null } | null>(null);
  const [usePassword, setUsePassword] = useState(false);
  const [redirecting, setRedirecting] = useState(false);
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
      password: (value, values) => (value || ssoFor(values.email) ? null : t('rules.required', { field: labels.field('password') })),
    },
  });

  function ssoFor(email: string) {
    return !usePassword && sso !== null && sso.email === email.trim().toLowerCase();
  }
  const lookUpSso = async (email: string) => {
    const address = email.trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) return false;
    if (sso?.email === address) return true;
    try {
      const answer = await checkSso(address);
      setSso(answer.sso ? { email: address, companyName: answer.companyName } : null);
      return answer.sso;
    } catch {
      return false;
    }
  };
  const goToProvider = async (email: string) => {
    setFailure(null);
    setRedirecting(true);
    try {
      const next = safeNext(searchParams.get('next'));
      const language = (['en', 'fr', 'nl'] as const).find((l) => i18n.language.startsWith(l));
      const { redirectUrl } = await startSso({ email: email.trim(), ...(next ? { next } : {}), ...(language ? { language } : {}) });
      window.location.assign(redirectUrl);
    } catch (error) {
      setRedirecting(false);
      setFailure(problemMessage(error));
    }
  };

  if (me.data) return <Navigate to={safeNext(searchParams.get('next')) ?? homePathFor(me.data)} replace />;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    if (!usePassword && (await lookUpSso(values.email))) {
      await goToProvider(values.email);
      return;
    }
    if (!values.password) {
      form.setFieldError('password', t('rules.required', { field: labels.field('password') }));
      return;
    }
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
      else if (isApiError(error) && error.code === 'SSO.REQUIRED') {
        setUsePassword(false);
        setFailure(problemMessage(error));
      }
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
              onBlur={(e) => {
                form.getInputProps('email').onBlur?.(e);
                void lookUpSso(form.values.email);
              }}
            />
            {ssoFor(form.values.email) ? (
              <>
                <Alert color="blue" variant="light" role="status" title={t('login.sso.title')}>
                  {redirecting ? t('login.sso.redirecting', { company: sso?.companyName ?? '' }) : t('login.sso.text', { company: sso?.companyName ?? '' })}
                </Alert>
                <Button type="submit" fullWidth loading={redirecting} leftSection={<IconExternalLink size={16} aria-hidden="true" />}>
                  {t('login.sso.continue')}
                </Button>
                <Group justify="center" mt={-8}>
                  <Anchor component="button" type="button" fz="sm" onClick={() => setUsePassword(true)}>
                    {t('login.sso.usePassword')}
                  </Anchor>
                </Group>
              </>
            ) : (
              <>
                <PasswordField label={labels.field('password')} autoComplete="current-password" {...form.getInputProps('password')} />
                <Group justify="flex-end" mt={-8}>
                  <Anchor component={Link} to="/forgot-password" state={{ email: form.values.email.trim() }} fz="sm">
                    {t('forgotPassword.link')}
                  </Anchor>
                </Group>
                <Button type="submit" fullWidth loading={login.isPending} leftSection={<IconLock size={16} aria-hidden="true" />} mt="xs">
                  {t('login.submit')}
                </Button>
              </>
            )}
          </Stack>
        </form>
      </PublicCard>
    </PublicLayout>
  );
};
