import { ActionIcon, Alert, Button, CopyButton, Group, Image, List, Skeleton, Stack, Text, TextInput, Tooltip, type TextInputProps } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconCheck, IconCopy, IconDownload, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import type { TwoFactorEnrolment } from '../../shared/api/contract';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';

/** "JBSW Y3DP …": the secret in groups of four, easier to type into an app. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/** The one-time code field: digits, the phone's keypad, filled in by a password manager that has it. */
export const CodeInput = (props: TextInputProps) => (
  <TextInput
    {...props}
    inputMode="numeric"
    autoComplete="one-time-code"
    maxLength={7}
    required
    styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', letterSpacing: '0.2em', fontSize: 18 } }}
  />
);

/**
 * Setting up the authenticator app: scan the QR code (or type the secret), then enter the first code
 * it shows. `start` makes a new secret each time this is shown; `confirm` turns it on.
 */
export const EnrolmentSteps = <R,>({ start, confirm, onConfirmed, queryKey }: { start: () => Promise<TwoFactorEnrolment>; confirm: (code: string) => Promise<R>; onConfirmed: (result: R) => void; queryKey: readonly unknown[] }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const enrolment = useQuery({ queryKey, queryFn: start, staleTime: Infinity, gcTime: 0, retry: false });
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({ initialValues: { code: '' }, validate: { code: (v) => (/^\d{6}$/.test(v.replace(/\s/g, '')) ? null : t('twoFactor.codeFormat')) } });
  const submit = form.onSubmit(async ({ code }) => {
    setFailure(null);
    setPending(true);
    try {
      onConfirmed(await confirm(code.replace(/\s/g, '')));
    } catch (error) {
      const field = isApiError(error) ? error.errors.find((e) => e.field === 'code') : undefined;
      if (field) form.setFieldError('code', field.message);
      else setFailure(problemMessage(error));
    } finally {
      setPending(false);
    }
  });
  if (enrolment.isPending) return <Skeleton height={320} aria-label={t('status.loading')} />;
  if (enrolment.isError) return <ProblemAlert>{problemMessage(enrolment.error)}</ProblemAlert>;
  const { qrDataUrl, secret } = enrolment.data;
  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs" fz="sm">
        <List.Item>{t('twoFactor.stepApp')}</List.Item>
        <List.Item>{t('twoFactor.stepScan')}</List.Item>
        <List.Item>{t('twoFactor.stepCode')}</List.Item>
      </List>
      <Group align="center" gap="lg" wrap="wrap">
        <Image src={qrDataUrl} alt={t('twoFactor.qrAlt')} w={200} h={200} fit="contain" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
        <Stack gap={4} flex={1} miw={200}>
          <Text fz="sm" fw={600} id="totp-secret-label">
            {t('twoFactor.secretLabel')}
          </Text>
          <Group gap="xs" wrap="nowrap">
            <Text ff="monospace" fz="sm" bg="var(--mantine-color-gray-0)" px="xs" py={6} style={{ wordBreak: 'break-all' }} aria-labelledby="totp-secret-label" data-testid="totp-secret">
              {grouped(secret)}
            </Text>
            <CopyButton value={secret}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('apiClients.copied') : t('apiClients.copy')}>
                  <ActionIcon variant="light" color={copied ? 'teal' : 'indigo'} onClick={copy} aria-label={`${t('apiClients.copy')} – ${t('twoFactor.secretLabel')}`}>
                    {copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
          </Group>
          <Text fz="xs" c="dimmed">
            {t('twoFactor.secretHint')}
          </Text>
        </Stack>
      </Group>
      <ProblemAlert>{failure}</ProblemAlert>
      <form onSubmit={submit} noValidate>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <CodeInput label={t('twoFactor.codeLabel')} {...form.getInputProps('code')} />
          <Button type="submit" loading={pending} leftSection={<IconShieldCheck size={16} aria-hidden="true" />}>
            {t('twoFactor.confirm')}
          </Button>
        </Group>
      </form>
    </Stack>
  );
};

/** The recovery codes, shown once: copy or download them before going on. */
export const RecoveryCodesPanel = ({ codes, onDone, doneLabel }: { codes: string[]; onDone: () => void; doneLabel: string }) => {
  const { t } = useTranslation();
  const text = codes.join('\n');
  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = 'recovery-codes.txt';
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <Stack gap="md">
      <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden="true" />} title={t('twoFactor.recoveryOnceTitle')}>
        {t('twoFactor.recoveryOnce')}
      </Alert>
      <List listStyleType="none" ff="monospace" fz="md" spacing={4} p="sm" bg="var(--mantine-color-gray-0)" aria-label={t('twoFactor.recoveryTitle')} data-testid="recovery-codes" style={{ columns: 2, borderRadius: 8 }}>
        {codes.map((c) => (
          <List.Item key={c}>{c}</List.Item>
        ))}
      </List>
      <Group gap="sm" justify="space-between" wrap="wrap">
        <Group gap="sm">
          <CopyButton value={text}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} leftSection={copied ? <IconCheck size={16} aria-hidden="true" /> : <IconCopy size={16} aria-hidden="true" />}>
                {copied ? t('apiClients.copied') : t('twoFactor.copyCodes')}
              </Button>
            )}
          </CopyButton>
          <Button variant="default" onClick={download} leftSection={<IconDownload size={16} aria-hidden="true" />}>
            {t('twoFactor.downloadCodes')}
          </Button>
        </Group>
        <Button onClick={onDone}>{doneLabel}</Button>
      </Group>
    </Stack>
  );
};
