import {
  Alert,
  Anchor,
  Box,
  Button,
  Card,
  Center,
  Container,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import { BrandMark } from '../../shared/ui/BrandMark';
import { LanguageSwitch } from '../../shared/ui/LanguageSwitch';
import { useLabels } from '../../shared/i18n/labels';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { homePathFor, useLogin, useMe, useOperator } from './session';

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

  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('rules.required', { field: labels.field('email') })),
      password: (value) => (value ? null : t('rules.required', { field: labels.field('password') })),
    },
  });

  if (me.data) return <Navigate to={safeNext(searchParams.get('next')) ?? homePathFor(me.data)} replace />;

  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      const signedIn = await login.mutateAsync({ email: values.email.trim(), password: values.password });
      navigate(safeNext(searchParams.get('next')) ?? homePathFor(signedIn), { replace: true });
    } catch (error) {
      if (isApiError(error) && error.status === 401) setFailure(t('login.invalidCredentials'));
      else if (isApiError(error) && error.status === 429) setFailure(t('login.rateLimited'));
      else setFailure(problemMessage(error));
      form.setFieldValue('password', '');
    }
  });

  const portalName = operator?.portalName ?? 'MyDstny';

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
          <Card w="100%" maw={420} shadow="sm" padding="xl">
            <Stack gap="lg">
              <Box>
                <Title order={1} fz={24}>
                  {t('login.heading', { portal: portalName })}
                </Title>
                <Text c="dimmed" fz="sm" mt={6}>
                  {t('login.intro')}
                </Text>
              </Box>

              {failure && (
                <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role="alert">
                  {failure}
                </Alert>
              )}

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
                  <PasswordInput
                    label={labels.field('password')}
                    autoComplete="current-password"
                    required
                    visibilityToggleButtonProps={{ 'aria-label': t('login.togglePassword') }}
                    {...form.getInputProps('password')}
                  />
                  <Button type="submit" fullWidth loading={login.isPending} leftSection={<IconLock size={16} aria-hidden="true" />} mt="xs">
                    {t('login.submit')}
                  </Button>
                </Stack>
              </form>
            </Stack>
          </Card>
        </Center>
      </Box>

      <Box component="footer" py="lg" px="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }} bg="white">
        <Container size="md">
          {operator ? (
            <Text fz="sm" ta="center" c="dimmed">
              {t('login.support', { operator: operator.name })}{' '}
              <Anchor href={`tel:${(operator.supportPhone.split('(')[0] ?? '').replace(/[^+\d]/g, '')}`} fz="sm">
                {operator.supportPhone}
              </Anchor>{' '}
              · <Anchor href={`mailto:${operator.supportEmail}`} fz="sm">{operator.supportEmail}</Anchor>
            </Text>
          ) : (
            <Text fz="sm" ta="center" c="dimmed">
              {portalName}
            </Text>
          )}
        </Container>
      </Box>
    </Box>
  );
};
