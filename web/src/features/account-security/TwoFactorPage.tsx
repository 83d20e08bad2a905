import { Alert, Badge, Button, Card, Group, Modal, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconRefresh, IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { Page } from '../../shared/ui/Page';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { QueryContent } from '../../shared/ui/QueryContent';
import { PasswordField } from '../auth/PublicLayout';
import { regenerateRecoveryCodes, useTwoFactorMutations, useTwoFactorStatus } from './api';
import { CodeInput, EnrolmentSteps, RecoveryCodesPanel } from './Enrolment';
import { AccountTabs } from './AccountTabs';

/** Turning two-factor sign-in off: the password and a code of the app (or a recovery code). */
const DisableModal = ({ opened, onClose }: { opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const { disable } = useTwoFactorMutations();
  const [kind, setKind] = useState<'code' | 'recoveryCode'>('code');
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({ initialValues: { password: '', code: '', recoveryCode: '' } });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    try {
      await disable.mutateAsync({ password: values.password, ...(kind === 'code' ? { code: values.code.replace(/\s/g, '') } : { recoveryCode: values.recoveryCode.trim() }) });
      notify({ color: 'green', title: t('twoFactor.disabled'), message: t('twoFactor.disabledText') });
      close();
    } catch (error) {
      const errors = isApiError(error) ? error.errors : [];
      for (const e of errors) form.setFieldError(e.field, e.message);
      if (!errors.length) setFailure(problemMessage(error));
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t('twoFactor.disableTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm">{t('twoFactor.disableText')}</Text>
          <ProblemAlert>{failure}</ProblemAlert>
          <PasswordField label={labels.field('password')} autoComplete="current-password" data-autofocus {...form.getInputProps('password')} />
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[
              { value: 'code', label: t('twoFactor.withAppCode') },
              { value: 'recoveryCode', label: t('twoFactor.withRecoveryCode') },
            ]}
            aria-label={t('twoFactor.proofKind')}
          />
          {kind === 'code' ? (
            <CodeInput label={t('twoFactor.codeLabel')} {...form.getInputProps('code')} />
          ) : (
            <TextInput label={t('secondStep.recoveryLabel')} required autoComplete="off" ff="monospace" {...form.getInputProps('recoveryCode')} />
          )}
          <ModalActions label={t('twoFactor.disable')} pending={disable.isPending} icon={IconShieldOff} color="red" onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
};

/** Ten new recovery codes (the old ones stop working): a code of the app, or the password. */
const RegenerateModal = ({ opened, onClose, onCodes }: { opened: boolean; onClose: () => void; onCodes: (codes: string[]) => void }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const { refresh } = useTwoFactorMutations();
  const [kind, setKind] = useState<'code' | 'password'>('code');
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({ initialValues: { password: '', code: '' } });
  const close = () => {
    form.reset();
    setFailure(null);
    onClose();
  };
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      const { recoveryCodes } = await regenerateRecoveryCodes(kind === 'code' ? { code: values.code.replace(/\s/g, '') } : { password: values.password });
      void refresh();
      close();
      onCodes(recoveryCodes);
    } catch (error) {
      const errors = isApiError(error) ? error.errors : [];
      for (const e of errors) form.setFieldError(e.field, e.message);
      if (!errors.length) setFailure(problemMessage(error));
    } finally {
      setPending(false);
    }
  });
  return (
    <Modal opened={opened} onClose={close} title={t('twoFactor.regenerateTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text fz="sm">{t('twoFactor.regenerateText')}</Text>
          <ProblemAlert>{failure}</ProblemAlert>
          <SegmentedControl
            value={kind}
            onChange={(v) => setKind(v as typeof kind)}
            data={[
              { value: 'code', label: t('twoFactor.withAppCode') },
              { value: 'password', label: t('twoFactor.withPassword') },
            ]}
            aria-label={t('twoFactor.proofKind')}
          />
          {kind === 'code' ? (
            <CodeInput label={t('twoFactor.codeLabel')} data-autofocus {...form.getInputProps('code')} />
          ) : (
            <PasswordField label={labels.field('password')} autoComplete="current-password" {...form.getInputProps('password')} />
          )}
          <ModalActions label={t('twoFactor.regenerate')} pending={pending} icon={IconRefresh} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
};

/** Account › Two-factor sign-in: on or off, setting it up with an authenticator app, the recovery codes once. */
export const TwoFactorPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useTwoFactorStatus();
  const { start, confirm, refresh } = useTwoFactorMutations();
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [regenerating, setRegenerating] = useState(false);
  return (
    <Page title={t('twoFactor.title')} description={t('twoFactor.intro')} breadcrumbs={[{ label: t('accountPages.crumb') }, { label: t('twoFactor.title') }]}>
      <AccountTabs />
      <QueryContent query={status} skeletons={[180]}>
        {(s) => (
          <Card padding="lg">
            <Stack gap="md">
              <Group justify="space-between" wrap="wrap">
                <Group gap="sm">
                  <Title order={2} fz="lg">
                    {t('twoFactor.appTitle')}
                  </Title>
                  {s.enabled ? (
                    <Badge color="green" variant="light">
                      {t('twoFactor.on')}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light">
                      {t('twoFactor.off')}
                    </Badge>
                  )}
                  {s.required && (
                    <Badge color="indigo" variant="outline">
                      {t('twoFactor.requiredBadge')}
                    </Badge>
                  )}
                </Group>
                {s.enabled && !s.required && !codes && (
                  <Button variant="default" color="red" leftSection={<IconShieldOff size={16} aria-hidden="true" />} onClick={() => setDisabling(true)}>
                    {t('twoFactor.disable')}
                  </Button>
                )}
              </Group>
              {codes ? (
                <RecoveryCodesPanel
                  codes={codes}
                  doneLabel={t('twoFactor.codesSaved')}
                  onDone={() => setCodes(null)}
                />
              ) : s.enabled ? (
                <Stack gap={4}>
                  <Text fz="sm">{t('twoFactor.enabledSince', { date: format.dateTime(s.enabledAt!) })}</Text>
                  <Text fz="sm" c={s.recoveryCodesLeft <= 2 ? 'red' : 'dimmed'}>
                    {t('twoFactor.codesLeft', { count: s.recoveryCodesLeft })}
                  </Text>
                  {s.required && <Text fz="sm" c="dimmed">{t('twoFactor.requiredText')}</Text>}
                  <Group mt="xs">
                    <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden="true" />} onClick={() => setRegenerating(true)}>
                      {t('twoFactor.regenerate')}
                    </Button>
                  </Group>
                </Stack>
              ) : enrolling ? (
                <EnrolmentSteps
                  queryKey={['account', 'two-factor', 'enrolment']}
                  start={start}
                  confirm={confirm}
                  onConfirmed={(r) => {
                    setEnrolling(false);
                    setCodes(r.recoveryCodes);
                    void refresh();
                    notify({ color: 'green', title: t('twoFactor.enabled'), message: t('twoFactor.enabledText') });
                  }}
                />
              ) : (
                <Stack gap="sm" align="flex-start">
                  {s.required && <Alert color="orange">{t('twoFactor.requiredText')}</Alert>}
                  <Text fz="sm">{t('twoFactor.offText')}</Text>
                  <Button leftSection={<IconShieldCheck size={16} aria-hidden="true" />} onClick={() => setEnrolling(true)}>
                    {t('twoFactor.setUp')}
                  </Button>
                </Stack>
              )}
            </Stack>
          </Card>
        )}
      </QueryContent>
      <DisableModal opened={disabling} onClose={() => setDisabling(false)} />
      <RegenerateModal opened={regenerating} onClose={() => setRegenerating(false)} onCodes={setCodes} />
    </Page>
  );
};
