import { Alert, Box, Modal, Radio, Skeleton, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLockOpen, IconPlayerPause, IconPlayerPlay, IconReplace, IconShieldLock } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingImpact, LossCause, ServiceDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { brusselsToday } from '../../shared/time/brussels';
import { FormModal } from '../../shared/ui/FormModal';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useServerErrors } from '../../shared/ui/server-errors';
import { BillingLinesTable } from '../billing/BillingLines';
import { resumeDay, useLiftBar, usePreviewResumption, usePreviewSuspension, useReportLost, useResumeLine, useSuspendLine, useSwapSim } from './line-api';
import { useServiceText } from './service-text';

// The dialogs of a live line's operations on the service page. Each asks before it acts; what the
// network must do is carried out by the server's jobs, and the page follows it (line operations).

type DialogProps = { service: ServiceDetail; opened: boolean; onClose: () => void };

const tomorrow = () => {
  const day = new Date(`${brusselsToday()}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
};

/** The suspended price against today's, and this month's pro-rata lines of the suspension. */
const SuspensionCost = ({ service, impact }: { service: ServiceDetail; impact: BillingImpact | null }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  return (
    <Box>
      <Title order={3} fz="md" mb={4}>
        {t('lineOps.suspend.costTitle')}
      </Title>
      <Text fz="sm">
        {t('lineOps.suspend.costWhile')}{' '}
        <Text span fw={700}>
          {text.perMonth(service.suspendedMonthlyPriceCents)}
        </Text>{' '}
        <Text span c="dimmed" fz="sm">
          {t('lineOps.suspend.costInstead', { price: text.perMonth(service.monthlyPriceCents) })}
        </Text>
      </Text>
      {impact ? (
        <>
          <Text fz="sm" c="dimmed" mt="xs" mb="sm">
            {t('manageService.effective', { date: format.calendarDate(impact.effectiveOn) })} {t('billing.rule')}
          </Text>
          <BillingLinesTable lines={impact.lines} totalCents={impact.totalCents} label={t('lineOps.suspend.costTitle')} />
        </>
      ) : (
        <Skeleton height={96} mt="sm" />
      )}
    </Box>
  );
};

const SUSPEND_FIELDS = ['reason', 'until'] as const;

/** Suspend: a reason, an optional day on which it resumes by itself, and the price before confirming. */
export const SuspendModal = ({ service, opened, onClose }: DialogProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const preview = usePreviewSuspension(service.id);
  const suspend = useSuspendLine(service.id);
  const [reason, setReason] = useState('');
  const [until, setUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = useServerErrors(SUSPEND_FIELDS, setErrors);
  const { setFormError } = server;
  const { mutate: loadPreview, reset: resetPreview } = preview;

  useEffect(() => {
    if (!opened) return;
    setReason('');
    setUntil('');
    setErrors({});
    setFormError(null);
    resetPreview();
    loadPreview(undefined, { onError: (error) => server.show(error) });
    // once per opening: the preview is the price from today
  }, [opened]);

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    const problems: Record<string, string> = {};
    if (!reason.trim()) problems.reason = t('lineOps.suspend.reasonRequired');
    if (until && until < tomorrow()) problems.until = t('lineOps.suspend.untilFuture');
    setErrors(problems);
    setFormError(null);
    if (Object.keys(problems).length > 0) {
      document.getElementById(`${server.idPrefix}-${problems.reason ? 'reason' : 'until'}`)?.focus();
      return;
    }
    try {
      await suspend.mutateAsync({ reason: reason.trim(), until: until || null });
      notify({ color: 'green', title: t('lineOps.suspend.done'), message: until ? t('lineOps.suspend.doneUntil', { date: format.calendarDate(until) }) : t('lineOps.suspend.doneHint') });
      onClose();
    } catch (error) {
      server.show(error);
    }
  };

  return (
    <FormModal opened={opened} onClose={onClose} title={t('lineOps.suspend.title')} onSubmit={submit} submit={{ label: t('lineOps.suspend.confirm'), pending: suspend.isPending, icon: IconPlayerPause }}>
      <Text fz="sm">{t('lineOps.suspend.intro', { name: service.userName })}</Text>
      <ProblemAlert>{server.formError}</ProblemAlert>
      <Textarea
        id={`${server.idPrefix}-reason`}
        label={t('lineOps.suspend.reason')}
        description={t('lineOps.suspend.reasonHint')}
        required
        autosize
        minRows={2}
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.currentTarget.value)}
        error={errors.reason}
        data-autofocus
      />
      <TextInput
        id={`${server.idPrefix}-until`}
        type="date"
        label={t('lineOps.suspend.until')}
        description={t('lineOps.suspend.untilHint')}
        min={tomorrow()}
        maw={340}
        value={until}
        onChange={(event) => setUntil(event.currentTarget.value)}
        error={errors.until}
      />
      <SuspensionCost service={service} impact={preview.data ?? null} />
      <Text fz="xs" c="dimmed">
        {t('lineOps.suspend.noTraffic')}
      </Text>
    </FormModal>
  );
};

/** Resume: the line works again from today, at its full price again. */
export const ResumeModal = ({ service, opened, onClose }: DialogProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  const problemMessage = useProblemMessage();
  const resume = useResumeLine(service.id);
  const preview = usePreviewResumption(service.id);
  const { mutate: loadPreview, reset: resetPreview } = preview;
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    setProblem(null);
    resetPreview();
    loadPreview(undefined, { onError: (error) => setProblem(problemMessage(error)) });
    // once per opening: the preview is the price from today
  }, [opened]);
  const confirm = async () => {
    try {
      await resume.mutateAsync(undefined);
      notify({ color: 'green', title: t('lineOps.resume.done'), message: t('lineOps.resume.doneHint') });
      onClose();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('lineOps.resume.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <ProblemAlert>{problem}</ProblemAlert>
        <Text fz="sm">{t('lineOps.resume.text', { name: service.userName })}</Text>
        <Text fz="sm">
          {t('lineOps.resume.price')}{' '}
          <Text span fw={700}>
            {text.perMonth(service.monthlyPriceCents)}
          </Text>{' '}
          <Text span c="dimmed" fz="sm">
            {t('lineOps.resume.instead', { price: text.perMonth(service.suspendedMonthlyPriceCents) })}
          </Text>
        </Text>
        <Text fz="xs" c="dimmed">
          {t('manageService.effective', { date: format.calendarDate(brusselsToday()) })} {t('billing.rule')}
        </Text>
        {preview.data ? (
          <BillingLinesTable lines={preview.data.lines} totalCents={preview.data.totalCents} label={t('lineOps.resume.title')} />
        ) : (
          !problem && <Skeleton height={96} />
        )}
        {service.suspendedUntil && <Text fz="sm">{t('lineOps.resume.plannedEnd', { date: format.calendarDate(resumeDay(service.suspendedUntil)) })}</Text>}
      </Stack>
      <ModalActions label={t('lineOps.resume.confirm')} onConfirm={confirm} pending={resume.isPending} icon={IconPlayerPlay} onCancel={onClose} mt="lg" />
    </Modal>
  );
};

/** Lost or stolen: the line is barred at once; then a replacement is offered. */
export const ReportLostModal = ({ service, opened, onClose, onReplace }: DialogProps & { onReplace: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const report = useReportLost(service.id);
  const [cause, setCause] = useState<LossCause>('lost');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!opened) return;
    setCause('lost');
    setProblem(null);
    setDone(false);
  }, [opened]);
  const confirm = async () => {
    setProblem(null);
    try {
      await report.mutateAsync(cause);
      setDone(true);
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  const number = service.msisdn ? format.phone(service.msisdn) : '';
  return (
    <Modal opened={opened} onClose={onClose} title={done ? t('lineOps.lost.doneTitle') : t('lineOps.lost.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      {done ? (
        <>
          <Alert color="red" variant="light" icon={<IconShieldLock aria-hidden="true" />} role="status">
            <Text fz="sm">{t('lineOps.lost.doneText', { number })}</Text>
          </Alert>
          <Text fz="sm" mt="sm">
            {t('lineOps.lost.offer')}
          </Text>
          <ModalActions label={t('lineOps.replacement.order')} onConfirm={onReplace} pending={false} icon={IconReplace} onCancel={onClose} cancelLabel={t('lineOps.lost.later')} mt="lg" />
        </>
      ) : (
        <>
          <Stack gap="sm">
            <ProblemAlert>{problem}</ProblemAlert>
            <Text fz="sm">{t('lineOps.lost.text', { number, name: service.userName })}</Text>
            <Radio.Group label={t('lineOps.lost.cause')} value={cause} onChange={(value) => setCause(value as LossCause)} required>
              <Stack gap="xs" mt={6}>
                <Radio value="lost" label={t('lineOps.lost.causes.lost')} />
                <Radio value="stolen" label={t('lineOps.lost.causes.stolen')} />
              </Stack>
            </Radio.Group>
            <Text fz="xs" c="dimmed">
              {t('lineOps.lost.keep')}
            </Text>
          </Stack>
          <ModalActions label={t('lineOps.lost.confirm')} onConfirm={confirm} pending={report.isPending} icon={IconShieldLock} color="red" onCancel={onClose} focusCancel mt="lg" />
        </>
      )}
    </Modal>
  );
};

const SWAP_FIELDS = ['sim.iccid', 'sim.kind'] as const;

/** A replacement SIM card from the company's stock, or a new eSIM profile: same number, same line. */
export const SwapSimModal = ({ service, opened, onClose }: DialogProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const swap = useSwapSim(service.id);
  const [kind, setKind] = useState<'physical' | 'esim' | 'user_enters'>('esim');
  const [iccid, setIccid] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const server = useServerErrors(SWAP_FIELDS, setErrors);
  const { setFormError } = server;
  const barred = service.status === 'barred';

  useEffect(() => {
    if (!opened) return;
    setKind(service.sim?.kind === 'physical' ? 'physical' : 'esim');
    setIccid('');
    setErrors({});
    setFormError(null);
  }, [opened, service.sim?.kind, setFormError]);

  const submit = async (event?: FormEvent<HTMLFormElement>) => {
    event?.preventDefault();
    setFormError(null);
    const clean = iccid.replace(/[\s-]+/g, '');
    if (kind === 'physical' && !clean) {
      setErrors({ 'sim.iccid': t('lineOps.replacement.iccidRequired') });
      document.getElementById(`${server.idPrefix}-sim.iccid`)?.focus();
      return;
    }
    setErrors({});
    try {
      await swap.mutateAsync({ sim: kind === 'physical' ? { kind, iccid: clean } : { kind } });
      const done = { esim: t('lineOps.replacement.doneEsim', { name: service.userName }), physical: t('lineOps.replacement.doneSim'), user_enters: t('lineOps.replacement.doneUserEnters', { name: service.userName }) };
      notify({ color: 'green', title: t('lineOps.replacement.done'), message: done[kind] });
      onClose();
    } catch (error) {
      server.show(error);
    }
  };

  return (
    <FormModal opened={opened} onClose={onClose} title={t('lineOps.replacement.title')} onSubmit={submit} submit={{ label: t('lineOps.replacement.confirm'), pending: swap.isPending, icon: IconReplace }}>
      <Text fz="sm">{t(barred ? 'lineOps.replacement.introBarred' : 'lineOps.replacement.intro')}</Text>
      <ProblemAlert>{server.formError}</ProblemAlert>
      <Radio.Group id={`${server.idPrefix}-sim.kind`} label={t('lineOps.replacement.kind')} value={kind} onChange={(value) => { setKind(value as typeof kind); setErrors({}); }} error={errors['sim.kind']} required>
        <Stack gap="xs" mt={6}>
          <Radio value="esim" label={t('lineOps.replacement.esim')} description={t('lineOps.replacement.esimHint', { name: service.userName })} />
          <Radio value="physical" label={t('lineOps.replacement.physical')} description={t('lineOps.replacement.physicalHint')} />
          <Radio value="user_enters" label={t('lineOps.replacement.userEnters', { name: service.userName })} description={t('lineOps.replacement.userEntersHint', { name: service.userName })} />
        </Stack>
      </Radio.Group>
      {kind === 'physical' && (
        <TextInput
          id={`${server.idPrefix}-sim.iccid`}
          label={labels.field('iccid')}
          required
          inputMode="numeric"
          autoComplete="off"
          value={iccid}
          onChange={(event) => setIccid(event.currentTarget.value)}
          error={errors['sim.iccid']}
          data-autofocus
        />
      )}
      <Alert variant="light" color="gray" icon={<IconCheck aria-hidden="true" />}>
        <Text fz="sm">{t('lineOps.replacement.keeps')}</Text>
      </Alert>
    </FormModal>
  );
};

/** The phone was found: the bar is lifted and the line works again on its SIM. */
export const LiftBarModal = ({ service, opened, onClose }: DialogProps) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const lift = useLiftBar(service.id);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (opened) setProblem(null);
  }, [opened]);
  const confirm = async () => {
    try {
      await lift.mutateAsync(undefined);
      notify({ color: 'green', title: t('lineOps.found.done'), message: t('lineOps.found.doneHint') });
      onClose();
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('lineOps.found.title')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <ProblemAlert>{problem}</ProblemAlert>
        <Text fz="sm">{t('lineOps.found.text')}</Text>
        <Alert variant="light" color="orange" icon={<IconAlertTriangle aria-hidden="true" />}>
          <Text fz="sm">{t('lineOps.found.careful')}</Text>
        </Alert>
      </Stack>
      <ModalActions label={t('lineOps.found.confirm')} onConfirm={confirm} pending={lift.isPending} icon={IconLockOpen} onCancel={onClose} focusCancel mt="lg" />
    </Modal>
  );
};
