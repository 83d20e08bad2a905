import { Alert, Anchor, Box, Button, Card, Center, Code, Container, Grid, Group, List, SimpleGrid, Skeleton, Stack, Text, TextInput, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { IconBrandAndroid, IconBrandApple, IconBulb, IconCheck, IconCopy, IconDeviceMobile, IconInfoCircle, IconLifebuoy, IconLinkOff, IconMail, IconPlayerPlay, IconQrcode, IconTool } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { ActivationView } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { QueryError } from '../../shared/ui/QueryError';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { usePageTitle } from '../../shared/ui/use-page-title';
import { PublicLayout, telHref } from '../auth/PublicLayout';
import { useOperator } from '../auth/session';
import { groupIccid } from '../../shared/i18n/format';
import { ProgressSteps } from './ProgressSteps';
import { useActivate, useActivation, useEmployeePuk, useEnterReplacementSim, useEnterSim } from './api';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { BarredCard, ReportLostCard } from './LostPhone';
import { RoamingBlockCard } from './RoamingBlockCard';

// The employee's activation page (seed activate-sim-*.txt, section 1 "Users"): reached from the
// personal link of the activation e-mail, without an account. Like the sign-in page it stands
// outside the signed-in shell. It opens in the employee's language (see api.ts).

/** Digits only: the employee may type the number with spaces, as it is printed. */
const cleanIccid = (value: string) => value.replace(/[\s-]+/g, '');

const PROGRESS_HEADING_ID = 'activation-progress-title';
const QR_HEADING_ID = 'activation-qr-title';

/** Moves the keyboard focus to a heading once it is on screen (after Activate, the button is gone). */
const focusSoon = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

const SectionCard = ({ id, title, icon, children }: { id: string; title: string; icon?: ReactNode; children: ReactNode }) => (
  <Card component="section" aria-labelledby={id}>
    <Group gap={10} mb="sm" wrap="nowrap" align="center">
      {icon}
      <Title order={2} fz="lg" id={id} tabIndex={-1}>
        {title}
      </Title>
    </Group>
    {children}
  </Card>
);

/** Physical SIM card, not pre-filled: the employee types its number (ICCID), then Activate. */
/** The employee types the number printed on their SIM card: the first card of a new line, or a replacement card of a live one. */
const EnterSimCard = ({ token, replacement = false }: { token: string; replacement?: boolean }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const problemMessage = useProblemMessage();
  const firstCard = useEnterSim(token);
  const replacementCard = useEnterReplacementSim(token);
  const enterSim = replacement ? replacementCard : firstCard;
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const inputId = 'activation-iccid';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const iccid = cleanIccid(value);
    const invalid = !iccid ? t('activation.sim.required') : /^\d{19,20}$/.test(iccid) ? null : t('activation.sim.invalid');
    if (invalid) {
      setError(invalid);
      document.getElementById(inputId)?.focus();
      return;
    }
    try {
      await enterSim.mutateAsync(iccid);
      focusSoon(PROGRESS_HEADING_ID);
    } catch (caught) {
      const fieldError = isApiError(caught) ? caught.errors.find((item) => item.field === 'iccid' || item.field.endsWith('.iccid')) : undefined;
      if (fieldError) setError(fieldError.message);
      else if (isApiError(caught) && caught.code.startsWith('STOCK.')) setError(caught.detail || problemMessage(caught));
      else setProblem(problemMessage(caught));
      if (fieldError || (isApiError(caught) && caught.code.startsWith('STOCK.'))) document.getElementById(inputId)?.focus();
    }
  };

  return (
    <SectionCard id="activation-sim-title" title={t(replacement ? 'activation.sim.replacementTitle' : 'activation.sim.title')} icon={<IconDeviceMobile size={22} aria-hidden="true" />}>
      <form onSubmit={submit} noValidate>
        <ProblemAlert live mb="md">{problem}</ProblemAlert>
        <Stack gap="md">
          <Alert color="indigo" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            <Text fz="sm" fw={600}>
              {t(replacement ? 'activation.sim.replacementReady' : 'activation.sim.ready')}
            </Text>
            <Text fz="sm">{t('activation.sim.where')}</Text>
          </Alert>
          <TextInput
            id={inputId}
            label={labels.field('iccid')}
            description={t('activation.sim.hint')}
            placeholder="8932 …"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            withAsterisk
            maw={420}
            value={value}
            onChange={(event) => {
              setValue(event.currentTarget.value);
              setError(null);
            }}
            error={error}
            styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.02em' } }}
          />
          <Group>
            <Button type="submit" loading={enterSim.isPending} leftSection={<IconPlayerPlay size={16} aria-hidden="true" />}>
              {t('activation.activate')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
};

/** The Activate button and what went wrong with it, for a pre-filled SIM card or an eSIM. */
const ActivateButton = ({ token, focusAfter }: { token: string; focusAfter: string }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const activate = useActivate(token);
  const [problem, setProblem] = useState<string | null>(null);
  const press = async () => {
    setProblem(null);
    try {
      await activate.mutateAsync(undefined);
      focusSoon(focusAfter);
    } catch (caught) {
      setProblem(problemMessage(caught));
    }
  };
  return (
    <Stack gap={0}>
      <ProblemAlert live mb="sm">{problem}</ProblemAlert>
      <Group>
        <Button size="md" onClick={press} loading={activate.isPending} leftSection={<IconPlayerPlay size={18} aria-hidden="true" />}>
          {t('activation.activate')}
        </Button>
      </Group>
    </Stack>
  );
};

/** Physical SIM card that the fleet administrator registered already. */
const ConfirmSimCard = ({ token, view }: { token: string; view: ActivationView }) => {
  const { t } = useTranslation();
  return (
    <SectionCard id="activation-sim-title" title={t('activation.sim.prefilledTitle')} icon={<IconDeviceMobile size={22} aria-hidden="true" />}>
      <Stack gap="md">
        <Text fz="sm">{t('activation.sim.ready')}</Text>
        <Text fz="sm">{t('activation.sim.prefilled')}</Text>
        <Box>
          <Text fz="sm" c="dimmed" id="activation-prefilled-label">
            {t('activation.sim.numberLabel')}
          </Text>
          <Text fz="xl" fw={700} aria-labelledby="activation-prefilled-label" style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
            {view.iccid ? groupIccid(view.iccid) : '—'}
          </Text>
        </Box>
        <Text fz="sm" c="dimmed">
          {t('activation.sim.wrongCard')}
        </Text>
        <ActivateButton token={token} focusAfter={PROGRESS_HEADING_ID} />
      </Stack>
    </SectionCard>
  );
};

/** The seeds' eSIM compatibility check, then Activate (which shows the QR code). */
const EsimActivateCard = ({ token }: { token: string }) => {
  const { t } = useTranslation();
  return (
    <SectionCard id="activation-esim-check-title" title={t('activation.esim.checkTitle')} icon={<IconDeviceMobile size={22} aria-hidden="true" />}>
      <Stack gap="md">
        <Text fz="sm">{t('activation.esim.checkIntro')}</Text>
        <List fz="sm" spacing={6}>
          <List.Item icon={<IconBrandApple size={18} aria-hidden="true" />}>{t('activation.esim.checkIos')}</List.Item>
          <List.Item icon={<IconBrandAndroid size={18} aria-hidden="true" />}>{t('activation.esim.checkAndroid')}</List.Item>
        </List>
        <Text fz="sm" c="dimmed">
          {t('activation.esim.menus')}
        </Text>
        <List fz="sm" spacing={6}>
          <List.Item>{t('activation.esim.camera')}</List.Item>
          <List.Item>{t('activation.esim.wearables')}</List.Item>
          <List.Item>{t('activation.esim.twoLines')}</List.Item>
        </List>
        <Box pt="xs" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
          <Title order={3} fz="md" mt="sm" mb={6}>
            {t('activation.esim.activateTitle')}
          </Title>
          <Text fz="sm" mb="sm">
            {t('activation.esim.activateText')}
          </Text>
          <ActivateButton token={token} focusAfter={QR_HEADING_ID} />
        </Box>
      </Stack>
    </SectionCard>
  );
};

const DeviceSteps = ({ title, icon, steps }: { title: string; icon: ReactNode; steps: string[] }) => (
  <Box>
    <Group gap={8} mb={6} wrap="nowrap">
      {icon}
      <Title order={3} fz="md">
        {title}
      </Title>
    </Group>
    <List type="ordered" fz="sm" spacing={6}>
      {steps.map((step) => (
        <List.Item key={step}>{step}</List.Item>
      ))}
    </List>
  </Box>
);

const IOS_STEPS = ['data', 'settings', 'scan', 'ready'] as const;
const ANDROID_STEPS = ['data', 'settings', 'scan', 'ready'] as const;

/** After Activate: the QR code, the same code as text for manual entry, and the device steps. */
const EsimQrCard = ({ view, esim }: { view: ActivationView; esim: NonNullable<ActivationView['esim']> }) => {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 2500 });
  const ported = view.numberSource === 'port_in' || view.numberSource === 'port_internal';
  return (
    <SectionCard id={QR_HEADING_ID} title={t('activation.esim.qrTitle')} icon={<IconQrcode size={22} aria-hidden="true" />}>
      <Stack gap="lg">
        <Group align="flex-start" gap="xl" wrap="wrap">
          <Box p={6} bg="white" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8, lineHeight: 0 }}>
            <img src={esim.qrPngDataUrl} alt={t('activation.esim.qrAlt')} width={220} height={220} data-esim-qr="" />
          </Box>
          <Stack gap="sm" style={{ flex: '1 1 260px', minWidth: 0 }}>
            <Text fz="sm">{t('activation.esim.qrIntro')}</Text>
            <Text fz="sm" c="dimmed">
              {t('activation.esim.otherScreen')}
            </Text>
            <Alert color="indigo" variant="light" icon={<IconMail aria-hidden="true" />} py="xs">
              {t('activation.esim.emailed')}
            </Alert>
            <Box>
              <Text fz="sm" fw={600} id="activation-code-label">
                {t('activation.esim.codeLabel')}
              </Text>
              <Code block mt={4} fz="sm" aria-labelledby="activation-code-label" data-activation-code="" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {esim.activationCode}
              </Code>
              <Group gap="sm" mt="xs">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={clipboard.copied ? <IconCheck size={14} aria-hidden="true" /> : <IconCopy size={14} aria-hidden="true" />}
                  onClick={() => clipboard.copy(esim.activationCode)}
                >
                  {clipboard.copied ? t('activation.esim.copied') : t('activation.esim.copy')}
                </Button>
                <Text fz="xs" c={clipboard.error ? 'var(--mantine-color-error)' : 'dimmed'} role="status">
                  {clipboard.copied ? t('activation.esim.copyDone') : clipboard.error ? t('activation.esim.copyFailed') : ''}
                </Text>
              </Group>
            </Box>
            <Text fz="sm">{t('activation.esim.manual')}</Text>
          </Stack>
        </Group>

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <DeviceSteps
            title={t('activation.esim.iosTitle')}
            icon={<IconBrandApple size={18} aria-hidden="true" />}
            steps={IOS_STEPS.map((step) => t(`activation.esim.iosSteps.${step}`))}
          />
          <DeviceSteps
            title={t('activation.esim.androidTitle')}
            icon={<IconBrandAndroid size={18} aria-hidden="true" />}
            steps={ANDROID_STEPS.map((step) => t(`activation.esim.androidSteps.${step}`))}
          />
        </SimpleGrid>
        {view.status !== 'active' && (
          <Alert color="blue" variant="light" icon={<IconInfoCircle aria-hidden="true" />}>
            <Stack gap={4}>
              <Text fz="sm">{ported ? t('activation.esim.notePort') : t('activation.esim.noteNew')}</Text>
            </Stack>
          </Alert>
        )}
        <Text fz="sm" c="dimmed">
          {t('activation.esim.private')}
        </Text>
      </Stack>
    </SectionCard>
  );
};

const TroubleCard = ({ view }: { view: ActivationView }) => {
  const { t } = useTranslation();
  return (
    <SectionCard id="activation-trouble-title" title={t('activation.trouble.title')} icon={<IconTool size={20} aria-hidden="true" />}>
      <List fz="sm" spacing={6}>
        {view.simKind === 'esim' ? (
          <>
            <List.Item>{t('activation.trouble.esim')}</List.Item>
            <List.Item>{t('activation.trouble.restart')}</List.Item>
          </>
        ) : (
          <List.Item>{t('activation.trouble.physical')}</List.Item>
        )}
        <List.Item>{t('activation.trouble.escalate', { operator: view.support.operatorName })}</List.Item>
      </List>
    </SectionCard>
  );
};

/** A SIM locked by three wrong PINs: the employee's own PUK, shown when they ask for it. */
const PukReveal = ({ token }: { token: string }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const puk = useEmployeePuk(token);
  if (puk.data) {
    return (
      <Stack gap={4} mt="sm">
        <Text fz="sm" fw={600}>
          {t('activation.puk.label')}{' '}
          <Text span ff="monospace" fz="md">
            {puk.data.puk}
          </Text>
        </Text>
        <Text fz="xs" c="dimmed">
          {t('activation.puk.hint')}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap={4} mt="sm" align="flex-start">
      <Button variant="default" size="xs" loading={puk.isPending} onClick={() => puk.mutate()}>
        {t('activation.puk.show')}
      </Button>
      {puk.isError && (
        <Text fz="xs" c="red.8" role="alert">
          {t('activation.puk.failed')}: {problemMessage(puk.error)}
        </Text>
      )}
    </Stack>
  );
};

const TipsCard = ({ token, hasPuk }: { token: string; hasPuk: boolean }) => {
  const { t } = useTranslation();
  return (
    <SectionCard id="activation-tips-title" title={t('activation.tips.title')} icon={<IconBulb size={20} aria-hidden="true" />}>
      <List fz="sm" spacing={6}>
        <List.Item>{t('activation.tips.pin')}</List.Item>
        <List.Item>{t('activation.tips.voicemail')}</List.Item>
        <List.Item>{t('activation.tips.apn')}</List.Item>
      </List>
      {hasPuk && <PukReveal token={token} />}
    </SectionCard>
  );
};

const SupportLines = ({ support }: { support: ActivationView['support'] }) => (
  <Stack gap={2}>
    <Anchor href={telHref(support.phone)} fz="sm">
      {support.phone}
    </Anchor>
    <Anchor href={`mailto:${support.email}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
      {support.email}
    </Anchor>
  </Stack>
);

const ContactCard = ({ view }: { view: ActivationView }) => {
  const { t } = useTranslation();
  return (
    <SectionCard id="activation-contact-title" title={t('activation.contact.title')} icon={<IconLifebuoy size={20} aria-hidden="true" />}>
      <Stack gap="md">
        <Box>
          <Text fz="sm" fw={600}>
            {t('activation.contact.admin')}
          </Text>
          {view.adminContact ? (
            <>
              <Text fz="sm">{view.adminContact.name}</Text>
              <Anchor href={`mailto:${view.adminContact.email}`} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {view.adminContact.email}
              </Anchor>
            </>
          ) : (
            <Text fz="sm">{t('activation.contact.adminAt', { company: view.companyName })}</Text>
          )}
        </Box>
        <Box>
          <Text fz="sm" fw={600}>
            {t('activation.contact.support', { operator: view.support.operatorName })}
          </Text>
          <Text fz="xs" c="dimmed" mb={2}>
            {t('activation.contact.supportHint')}
          </Text>
          <SupportLines support={view.support} />
        </Box>
      </Stack>
    </SectionCard>
  );
};

const KNOWN: readonly string[] = ['awaiting_user', 'activation_started', 'provisioning', 'porting', 'porting_refused', 'activation_failed', 'active', 'barred'];

const Activation = ({ token, view }: { token: string; view: ActivationView }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const operator = view.support.operatorName;
  const esim = view.simKind === 'esim';
  const known = KNOWN.includes(view.status);
  const heading = view.status === 'active' ? t('activation.headingActive') : view.status === 'barred' ? t('activation.headingBarred') : esim ? t('activation.headingEsim') : t('activation.headingPhysical');
  const intro = view.msisdn
    ? t('activation.introNumber', { company: view.companyName, operator, number: format.phone(view.msisdn).replace(/ /g, '\u00a0') })
    : t('activation.intro', { company: view.companyName, operator });

  return (
    <Stack gap="lg">
      <Box>
        <Title order={1} fz={28}>
          {heading}
        </Title>
        <Text mt={6}>{t('activation.hello', { name: view.firstName })}</Text>
        <Text>{intro}</Text>
      </Box>
      <Grid gap="lg" align="flex-start">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            {!known ? (
              <Alert color="gray" variant="light" icon={<IconInfoCircle aria-hidden="true" />} title={t('activation.closed.title')}>
                {t('activation.closed.text')}
              </Alert>
            ) : view.status === 'barred' ? (
              // the old SIM or eSIM is barred: its progress and QR code would only mislead
              <>
                {view.replacementNeedsIccid && <EnterSimCard token={token} replacement />}
                <BarredCard view={view} />
              </>
            ) : (
              <>
                {view.replacementNeedsIccid && <EnterSimCard token={token} replacement />}
                {view.status === 'active' && <RoamingBlockCard token={token} />}
                {view.status === 'awaiting_user' &&
                  (esim ? <EsimActivateCard token={token} /> : view.needsIccid ? <EnterSimCard token={token} /> : <ConfirmSimCard token={token} view={view} />)}
                {/* one progress card throughout, so its live region announces each change; the QR code stays after activation, for a phone not set up yet */}
                <ProgressSteps view={view} headingId={PROGRESS_HEADING_ID} />
                {esim && view.esim && <EsimQrCard view={view} esim={view.esim} />}
                {view.canReportLost && <ReportLostCard token={token} view={view} />}
              </>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <TroubleCard view={view} />
            <TipsCard token={token} hasPuk={view.hasPuk} />
            <ContactCard view={view} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Text fz="xs" c="dimmed">
        {t('activation.personal')}
      </Text>
    </Stack>
  );
};

/** An unknown, expired or replaced link: what happened and who can help, never a crash. */
const InvalidLink = () => {
  const { t } = useTranslation();
  const operator = useOperator().data;
  return (
    <Center py={24}>
      <Card w="100%" maw={560} padding="xl">
        <Stack gap="md">
          <Group gap="sm" wrap="nowrap">
            <ThemeIcon color="red" variant="light" size={44} radius="xl" aria-hidden="true">
              <IconLinkOff size={24} />
            </ThemeIcon>
            <Title order={1} fz={24}>
              {t('activation.invalid.title')}
            </Title>
          </Group>
          <Text>{t('activation.invalid.text')}</Text>
          <Text>{t('activation.invalid.askAdmin')}</Text>
          {operator && (
            <Box>
              <Text fz="sm" fw={600}>
                {t('activation.contact.support', { operator: operator.name })}
              </Text>
              <SupportLines support={{ phone: operator.supportPhone, email: operator.supportEmail, operatorName: operator.name }} />
            </Box>
          )}
        </Stack>
      </Card>
    </Center>
  );
};

const Loading = () => {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" aria-busy="true">
      <VisuallyHidden role="status">{t('status.loading')}</VisuallyHidden>
      <Skeleton height={36} width="60%" />
      <Skeleton height={18} width="80%" />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Skeleton height={320} radius="md" />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Skeleton height={320} radius="md" />
        </Grid.Col>
      </Grid>
    </Stack>
  );
};

export const ActivationPage = () => {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const query = useActivation(token);
  // unknown, expired or replaced (404), or not even shaped like a link token (400)
  const invalid = query.isError && isApiError(query.error) && (query.error.status === 404 || query.error.status === 400);
  usePageTitle(invalid ? t('activation.invalid.title') : t('activation.documentTitle'));

  // A personal page: no search engine should keep it, should its address ever leak.
  useEffect(() => {
    const tag = document.createElement('meta');
    tag.name = 'robots';
    tag.content = 'noindex, nofollow';
    document.head.appendChild(tag);
    return () => tag.remove();
  }, []);

  return (
    <PublicLayout headerBar support={query.data?.support}>
      <Container size={1120} w="100%" py="xl" px="md">
        {invalid ? (
          <InvalidLink />
        ) : query.isError ? (
          <QueryError error={query.error} onRetry={() => query.refetch()} />
        ) : query.data ? (
          <Activation token={token} view={query.data} />
        ) : (
          <Loading />
        )}
      </Container>
    </PublicLayout>
  );
};
