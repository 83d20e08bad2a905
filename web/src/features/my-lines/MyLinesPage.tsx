import { Alert, Badge, Button, Card, Checkbox, Code, Container, Group, Image, Loader, Center, Modal, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconDeviceMobile, IconKey, IconLogout, IconQrcode, IconReplace, IconShieldLock, IconTransfer } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import type { ChangeOptions, LossCause, MyLine } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { PublicLayout } from '../auth/PublicLayout';
import { ServiceStatusBadge } from '../mobile-users/ServiceStatusBadge';
import { fetchMyChangeOptions, fetchMyPuk, useAskForChange, useCancelMyRequest, useEmployeeMe, useEmployeeSignOut, useMyLines, useReportMyLineLost } from './api';

// My lines: what an employee may see and do about their own lines, on their phone as well as on a
// desk. Nothing of a colleague's reaches this page: the server answers for the session's employee only.

// the actions' labels wrap on a narrow phone instead of being cut (Dutch and French run long)
const WRAP = { root: { height: 'auto', minHeight: 36, paddingBlock: 6 }, label: { whiteSpace: 'normal', textAlign: 'center' } } as const;

const REQUEST_COLORS = { pending: 'yellow', approved: 'green', refused: 'red', cancelled: 'gray' } as const;

/** Data in the UI language's units (GB / Go). */
const megabytes = (mb: number, format: ReturnType<typeof useFormat>, t: ReturnType<typeof useTranslation>['t']) =>
  mb >= 1024 ? t('myLines.usage.gb', { n: format.number(Math.round((mb / 1024) * 10) / 10) }) : t('myLines.usage.mb', { n: format.number(mb) });

/** This month's use against the bundle, where the network's usage files have it. */
const Usage = ({ line }: { line: MyLine }) => {
  const { t } = useTranslation();
  const format = useFormat();
  if (!line.usage) return <Text fz="sm" c="dimmed">{t('myLines.usage.none')}</Text>;
  const u = line.usage;
  return (
    <Stack gap={2}>
      <Text fz="sm">{u.dataAllowanceMb ? t('myLines.usage.dataOf', { used: megabytes(u.dataMb, format, t), allowance: megabytes(u.dataAllowanceMb, format, t) }) : t('myLines.usage.data', { used: megabytes(u.dataMb, format, t) })}</Text>
      <Text fz="sm">{u.voiceAllowanceMin !== null ? t('myLines.usage.minutesOf', { used: format.number(u.voiceMin), allowance: format.number(u.voiceAllowanceMin) }) : t('myLines.usage.minutes', { used: format.number(u.voiceMin) })}</Text>
      {u.roamingDataMb > 0 && <Text fz="sm">{t('myLines.usage.roaming', { used: megabytes(u.roamingDataMb, format, t) })}</Text>}
    </Stack>
  );
};

/** The PUK, shown only when asked (each look is noted in the company's audit trail). */
const PukButton = ({ line }: { line: MyLine }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const [puk, setPuk] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!line.hasPuk) return null;
  if (puk)
    return (
      <Text fz="sm" role="status">
        {t('myLines.puk.value')} <Code fz="md">{puk}</Code>
      </Text>
    );
  const show = async () => {
    setLoading(true);
    setProblem(null);
    try {
      setPuk((await fetchMyPuk(line.id)).puk);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setLoading(false);
    }
  };
  return (
    <Stack gap={4}>
      <ProblemAlert>{problem}</ProblemAlert>
      <Button variant="default" size="xs" leftSection={<IconKey size={14} aria-hidden="true" />} onClick={show} loading={loading} w="fit-content">
        {t('myLines.puk.show')}
      </Button>
    </Stack>
  );
};

/** "Lost or stolen": the cause and a confirmation, then the line is barred at once. */
const ReportLostModal = ({ line, opened, onClose, companyName }: { line: MyLine; opened: boolean; onClose: () => void; companyName: string }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const report = useReportMyLineLost();
  const [cause, setCause] = useState<LossCause>('lost');
  const [problem, setProblem] = useState<string | null>(null);
  const confirm = async () => {
    setProblem(null);
    try {
      await report.mutateAsync({ serviceId: line.id, cause });
      onClose();
      notify({ color: 'green', title: t('myLines.lost.doneTitle'), message: t('myLines.lost.done') });
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('activation.lost.confirmTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <ProblemAlert>{problem}</ProblemAlert>
        <Text fz="sm">{t('activation.lost.confirmText', { company: companyName })}</Text>
        <Radio.Group label={t('activation.lost.cause')} value={cause} onChange={(value) => setCause(value as LossCause)} required>
          <Stack gap="xs" mt={6}>
            <Radio value="lost" label={t('activation.lost.causes.lost')} />
            <Radio value="stolen" label={t('activation.lost.causes.stolen')} />
          </Stack>
        </Radio.Group>
      </Stack>
      <ModalActions label={t('activation.lost.confirm')} onConfirm={confirm} pending={report.isPending} icon={IconShieldLock} color="red" onCancel={onClose} focusCancel mt="lg" />
    </Modal>
  );
};

/** A new eSIM (a new phone), or another bundle: a request the administrator approves or refuses. */
const AskModal = ({ line, kind, onClose }: { line: MyLine; kind: 'new_esim' | 'bundle_change' | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const ask = useAskForChange();
  const [note, setNote] = useState('');
  const [options, setOptions] = useState<ChangeOptions | null>(null);
  const [bundleCode, setBundleCode] = useState<string | null>(null);
  const [optionCodes, setOptionCodes] = useState<string[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [bundleError, setBundleError] = useState<string | null>(null);
  const opened = kind !== null;
  const load = async () => {
    setNote('');
    setProblem(null);
    setBundleError(null);
    setBundleCode(null);
    setOptionCodes([]);
    if (kind !== 'bundle_change') return;
    try {
      setOptions(await fetchMyChangeOptions(line.id));
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  const chosen = options?.bundles.find((b) => b.code === bundleCode) ?? null;
  const confirm = async () => {
    setProblem(null);
    if (kind === 'bundle_change' && !bundleCode) {
      setBundleError(t('myLines.ask.bundleRequired'));
      return;
    }
    try {
      await ask.mutateAsync(kind === 'bundle_change' ? { kind, serviceId: line.id, bundleCode: bundleCode!, optionCodes, note } : { kind: 'new_esim', serviceId: line.id, note });
      onClose();
      notify({ color: 'green', title: t('myLines.ask.sentTitle'), message: t('myLines.ask.sent') });
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={kind === 'bundle_change' ? t('myLines.ask.bundleTitle') : t('myLines.ask.esimTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      transitionProps={{ onEnter: () => void load() }}
    >
      <Stack gap="sm">
        <ProblemAlert>{problem}</ProblemAlert>
        <Text fz="sm">{kind === 'bundle_change' ? t('myLines.ask.bundleText') : t('myLines.ask.esimText')}</Text>
        {kind === 'bundle_change' &&
          (options ? (
            <>
              <Select
                label={t('myLines.ask.bundle')}
                required
                error={bundleError}
                value={bundleCode}
                onChange={(v) => {
                  setBundleCode(v);
                  setOptionCodes([]);
                  setBundleError(null);
                }}
                data={options.bundles.filter((b) => b.code !== options.current.bundleCode || b.options.length > 0).map((b) => ({ value: b.code, label: `${b.name} — ${format.money(b.monthlyPriceCents)}` }))}
                comboboxProps={{ withinPortal: true }}
              />
              {chosen && chosen.options.length > 0 && (
                <Checkbox.Group label={t('myLines.ask.options')} value={optionCodes} onChange={setOptionCodes}>
                  <Stack gap={6} mt={6}>
                    {chosen.options.map((o) => (
                      <Checkbox key={o.code} value={o.code} label={`${o.name} — ${format.money(o.monthlyPriceCents)}`} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
            </>
          ) : (
            !problem && <Loader size="sm" aria-label={t('status.loading')} />
          ))}
        <Textarea label={t('myLines.ask.note')} description={t('myLines.ask.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} autosize minRows={2} />
      </Stack>
      <ModalActions label={t('myLines.ask.send')} onConfirm={confirm} pending={ask.isPending} icon={kind === 'bundle_change' ? IconTransfer : IconReplace} onCancel={onClose} mt="lg" />
    </Modal>
  );
};

const RequestList = ({ line }: { line: MyLine }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const cancel = useCancelMyRequest();
  const problemMessage = useProblemMessage();
  if (!line.requests.length) return null;
  return (
    <Stack gap={6} component="section" aria-label={t('myLines.requests.title')}>
      <Text fz="sm" fw={600}>
        {t('myLines.requests.title')}
      </Text>
      {line.requests.map((r) => (
        <Group key={r.id} gap="xs" justify="space-between" wrap="wrap">
          <Stack gap={0} style={{ flex: 1, minWidth: 180 }}>
            <Text fz="sm">{r.kind === 'bundle_change' ? t('myLines.requests.bundle', { bundle: r.bundleName ?? '' }) : t('myLines.requests.esim')}</Text>
            <Text fz="xs" c="dimmed">
              {t('myLines.requests.asked', { date: format.date(r.createdAt) })}
              {r.decisionReason ? ` · ${t('myLines.requests.reason', { reason: r.decisionReason })}` : ''}
            </Text>
          </Stack>
          <Group gap="xs">
            <Badge variant="light" color={REQUEST_COLORS[r.status]} radius="sm" tt="none">
              {t(`myLines.requests.status.${r.status}`)}
            </Badge>
            {r.status === 'pending' && (
              <Button
                size="compact-xs"
                variant="subtle"
                loading={cancel.isPending && cancel.variables === r.id}
                onClick={() => cancel.mutate(r.id, { onError: (error) => notify({ color: 'red', title: t('problem.title'), message: problemMessage(error) }) })}
              >
                {t('myLines.requests.cancel')}
              </Button>
            )}
          </Group>
        </Group>
      ))}
    </Stack>
  );
};

const LineCard = ({ line, companyName }: { line: MyLine; companyName: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [lostOpen, setLostOpen] = useState(false);
  const [asking, setAsking] = useState<'new_esim' | 'bundle_change' | null>(null);
  const titleId = `line-${line.id}`;
  return (
    <Card component="section" aria-labelledby={titleId} padding="lg">
      <Stack gap="md">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="nowrap">
            <IconDeviceMobile size={22} aria-hidden="true" />
            <Title order={2} fz="lg" id={titleId}>
              {line.msisdn ? format.phone(line.msisdn) : line.serviceType}
            </Title>
          </Group>
          <ServiceStatusBadge status={line.status} />
        </Group>
        {line.status === 'barred' && (
          <Alert color="red" variant="light" icon={<IconShieldLock aria-hidden="true" />} title={t('activation.barred.title')}>
            <Text fz="sm">{t('myLines.barredText')}</Text>
          </Alert>
        )}
        <Stack gap={2}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('myLines.bundle')}
          </Text>
          <Text fz="sm" fw={600}>
            {line.bundle.name}
          </Text>
          <Text fz="sm" c="dimmed">
            {line.serviceType}
            {line.options.length ? ` · ${line.options.map((o) => o.name).join(', ')}` : ''}
          </Text>
        </Stack>
        <Stack gap={2}>
          <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('myLines.usage.title')}
          </Text>
          <Usage line={line} />
        </Stack>
        {line.sim && (
          <Stack gap={4}>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {line.sim.kind === 'esim' ? t('myLines.sim.esim') : t('myLines.sim.physical')}
            </Text>
            <Text fz="sm">{t('myLines.sim.iccid', { iccid: format.iccid(line.sim.iccid) })}</Text>
            <PukButton line={line} />
          </Stack>
        )}
        {line.esim && (
          <Stack gap={6} component="section" aria-label={t('myLines.esim.title')}>
            <Group gap={6}>
              <IconQrcode size={18} aria-hidden="true" />
              <Text fz="sm" fw={600}>
                {t('myLines.esim.title')}
              </Text>
            </Group>
            <Text fz="sm">{t('myLines.esim.text')}</Text>
            <Image src={line.esim.qrPngDataUrl} alt={t('myLines.esim.qrAlt')} w={200} h={200} />
            <Code block fz="xs" style={{ wordBreak: 'break-all' }}>
              {line.esim.activationCode}
            </Code>
          </Stack>
        )}
        <Stack gap="xs">
          {line.canReportLost && (
            <Button fullWidth styles={WRAP} color="red" variant="outline" leftSection={<IconShieldLock size={16} aria-hidden="true" />} onClick={() => setLostOpen(true)}>
              {t('activation.lost.action')}
            </Button>
          )}
          {line.canAskNewEsim && (
            <Button fullWidth styles={WRAP} variant="default" leftSection={<IconReplace size={16} aria-hidden="true" />} onClick={() => setAsking('new_esim')}>
              {t('myLines.ask.esimAction')}
            </Button>
          )}
          {line.canAskBundleChange && (
            <Button fullWidth styles={WRAP} variant="default" leftSection={<IconTransfer size={16} aria-hidden="true" />} onClick={() => setAsking('bundle_change')}>
              {t('myLines.ask.bundleAction')}
            </Button>
          )}
        </Stack>
        <RequestList line={line} />
      </Stack>
      <ReportLostModal line={line} opened={lostOpen} onClose={() => setLostOpen(false)} companyName={companyName} />
      <AskModal line={line} kind={asking} onClose={() => setAsking(null)} />
    </Card>
  );
};

/** My lines: the signed-in employee's lines; signed out (or an account's session), the sign-in page. */
export const MyLinesPage = () => {
  const { t } = useTranslation();
  usePageTitle(t('myLines.title'));
  const navigate = useNavigate();
  const me = useEmployeeMe();
  const lines = useMyLines(Boolean(me.data));
  const signOut = useEmployeeSignOut();
  if (me.isPending) {
    return (
      <Center mih="100vh" role="status" aria-label={t('status.loading')}>
        <Loader />
      </Center>
    );
  }
  if (!me.data) return <Navigate to="/my-lines/sign-in" replace />;
  const employee = me.data.employee;
  return (
    <PublicLayout headerBar>
      <Container size="sm" py="lg" px="md">
        <Stack gap="lg">
          <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
            <div>
              <Title order={1} fz={26}>
                {t('myLines.title')}
              </Title>
              <Text c="dimmed" fz="sm">
                {t('myLines.intro', { name: employee.firstName, company: employee.companyName })}
              </Text>
            </div>
            <Button variant="subtle" leftSection={<IconLogout size={16} aria-hidden="true" />} loading={signOut.isPending} onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/my-lines/sign-in', { replace: true }) })}>
              {t('myLines.signOut')}
            </Button>
          </Group>
          {lines.isPending ? (
            <Center role="status" aria-label={t('status.loading')}>
              <Loader />
            </Center>
          ) : lines.isError ? (
            <ProblemAlert>{t('myLines.loadFailed')}</ProblemAlert>
          ) : lines.data.lines.length === 0 ? (
            <Alert variant="light" color="gray">
              {t('myLines.none')}
            </Alert>
          ) : (
            lines.data.lines.map((line) => <LineCard key={line.id} line={line} companyName={employee.companyName} />)
          )}
          <Text fz="xs" c="dimmed">
            {t('myLines.privacy')}
          </Text>
        </Stack>
      </Container>
    </PublicLayout>
  );
};
