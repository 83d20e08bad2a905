import { Anchor, Box, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import type { EnrolledSignIn, Me, SecondStep } from '../../shared/api/contract';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { confirmSignInEnrolment, signInWithCode, startSignInEnrolment } from '../account-security/api';
import { CodeInput, EnrolmentSteps, RecoveryCodesPanel } from '../account-security/Enrolment';

type Props = {
  step: SecondStep;
  /** Signed in: the caller adopts the session and goes on. */
  onSignedIn: (me: Me) => void;
  /** Back to the password (the step ended, or the person asks), with why. */
  onRestart: (why: string | null) => void;
};

/** After a right password: the code of the authenticator app (or a recovery code), or setting it up when it is required. */
export const SecondStepPanel = ({ step, onSignedIn, onRestart }: Props) => {
  const problemMessage = useProblemMessage();
  // the answer of a 401 here: the step has ended; anything else stays on the step
  const ended = (error: unknown) => isApiError(error) && error.status === 401;
  return step === 'code' ? (
    <CodeStep onSignedIn={onSignedIn} onRestart={onRestart} ended={ended} />
  ) : (
    <EnrolStep onSignedIn={onSignedIn} onRestart={onRestart} ended={ended} problemMessage={problemMessage} />
  );
};

const BackToPassword = ({ onRestart }: Pick<Props, 'onRestart'>) => {
  const { t } = useTranslation();
  return (
    <Anchor component="button" type="button" fz="sm" onClick={() => onRestart(null)}>
      {t('secondStep.back')}
    </Anchor>
  );
};

const CodeStep = ({ onSignedIn, onRestart, ended }: Omit<Props, 'step'> & { ended: (e: unknown) => boolean }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [recovery, setRecovery] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const form = useForm({
    initialValues: { code: '', recoveryCode: '' },
    validate: {
      code: (v) => (recovery || /^\d{6}$/.test(v.replace(/\s/g, '')) ? null : t('twoFactor.codeFormat')),
      recoveryCode: (v) => (!recovery || v.trim() ? null : t('rules.required', { field: t('secondStep.recoveryLabel') })),
    },
  });
  const submit = form.onSubmit(async (values) => {
    setFailure(null);
    setPending(true);
    try {
      onSignedIn(await signInWithCode(recovery ? { recoveryCode: values.recoveryCode.trim() } : { code: values.code.replace(/\s/g, '') }));
    } catch (error) {
      if (ended(error)) return onRestart(problemMessage(error));
      // emptied first: a change clears the field's error, which must stay to say why
      form.setFieldValue(recovery ? 'recoveryCode' : 'code', '');
      const field = isApiError(error) ? error.errors[0] : undefined;
      if (field) form.setFieldError(recovery ? 'recoveryCode' : 'code', field.message);
      else setFailure(problemMessage(error));
    } finally {
      setPending(false);
    }
  });
  return (
    <>
      <Box>
        <Title order={1} fz={24}>
          {t('secondStep.heading')}
        </Title>
        <Text c="dimmed" fz="sm" mt={6}>
          {recovery ? t('secondStep.recoveryIntro') : t('secondStep.codeIntro')}
        </Text>
      </Box>
      <ProblemAlert>{failure}</ProblemAlert>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {recovery ? (
            <TextInput key="recovery" label={t('secondStep.recoveryLabel')} autoComplete="off" autoFocus required ff="monospace" {...form.getInputProps('recoveryCode')} />
          ) : (
            <CodeInput key="code" label={t('twoFactor.codeLabel')} autoFocus {...form.getInputProps('code')} />
          )}
          <Button type="submit" fullWidth loading={pending} leftSection={<IconShieldLock size={16} aria-hidden="true" />}>
            {t('secondStep.verify')}
          </Button>
          <Stack gap={6} align="flex-start">
            <Anchor component="button" type="button" fz="sm" onClick={() => (setRecovery(!recovery), setFailure(null), form.clearErrors())}>
              {recovery ? t('secondStep.useApp') : t('secondStep.useRecovery')}
            </Anchor>
            <BackToPassword onRestart={onRestart} />
          </Stack>
        </Stack>
      </form>
    </>
  );
};

const EnrolStep = ({ onSignedIn, onRestart, ended, problemMessage }: Omit<Props, 'step'> & { ended: (e: unknown) => boolean; problemMessage: (e: unknown) => string }) => {
  const { t } = useTranslation();
  const [done, setDone] = useState<EnrolledSignIn | null>(null);
  const guard = async <T,>(run: () => Promise<T>) => {
    try {
      return await run();
    } catch (error) {
      if (ended(error)) onRestart(problemMessage(error));
      throw error;
    }
  };
  return (
    <>
      <Box>
        <Title order={1} fz={24}>
          {done ? t('twoFactor.recoveryTitle') : t('secondStep.enrolHeading')}
        </Title>
        {!done && (
          <Text c="dimmed" fz="sm" mt={6}>
            {t('secondStep.enrolIntro')}
          </Text>
        )}
      </Box>
      {done ? (
        <RecoveryCodesPanel codes={done.recoveryCodes} doneLabel={t('secondStep.continue')} onDone={() => onSignedIn({ account: done.account, csrfToken: done.csrfToken })} />
      ) : (
        <>
          <EnrolmentSteps queryKey={['second-step', 'enrolment']} start={() => guard(startSignInEnrolment)} confirm={(code) => guard(() => confirmSignInEnrolment(code))} onConfirmed={setDone} />
          <BackToPassword onRestart={onRestart} />
        </>
      )}
    </>
  );
};
