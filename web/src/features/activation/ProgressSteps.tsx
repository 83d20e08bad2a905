import { Box, Card, darken, Group, Loader, Stack, Text, ThemeIcon, Title, useMantineTheme, VisuallyHidden } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconListCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActivationView } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { IN_PROGRESS } from './api';
import { groupIccid } from '../../shared/i18n/format';

// Where the employee's line stands, as the seeds tell the steps: start (SIM number or Activate),
// activation on the network, the number's move from the other operator (port-ins only), ready.
// The status sentence is a live region: a screen reader hears it when the page's polling moves on.

type StepState = 'done' | 'current' | 'waiting' | 'blocked' | 'upcoming';
type Step = { key: string; title: string; texts: string[] };

const Bullet = ({ state, index }: { state: StepState; index: number }) => {
  if (state === 'done')
    return (
      <ThemeIcon color="green" radius="xl" size={30}>
        <IconCheck size={18} />
      </ThemeIcon>
    );
  if (state === 'blocked')
    return (
      <ThemeIcon color="red" radius="xl" size={30}>
        <IconAlertTriangle size={17} />
      </ThemeIcon>
    );
  if (state === 'current')
    return (
      <ThemeIcon color="indigo" radius="xl" size={30}>
        <Loader size={16} color="white" />
      </ThemeIcon>
    );
  return (
    <ThemeIcon color={state === 'waiting' ? 'indigo' : 'gray'} variant={state === 'waiting' ? 'filled' : 'light'} radius="xl" size={30}>
      <Text fz="sm" fw={700} span c="inherit">
        {index + 1}
      </Text>
    </ThemeIcon>
  );
};

export const ProgressSteps = ({ view, headingId }: { view: ActivationView; headingId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  // green.9 is just under 4.5:1 on white; darkened like the theme's light variants (theme.ts)
  const activeText = darken(useMantineTheme().colors.green[9], 0.3);
  const operator = view.support.operatorName;
  const esim = view.simKind === 'esim';
  const ported = view.numberSource === 'port_in' || view.numberSource === 'port_internal';
  const swap = t('activation.progress.swap', { operator });
  // a port-in is refused as soon as it is submitted, possibly before the employee has done their part
  const notStarted = view.status === 'porting_refused' && (view.needsIccid || (esim && view.esim === null));

  const steps: Step[] = [
    {
      key: 'start',
      title: esim ? t('activation.progress.start.esimTitle') : view.needsIccid ? t('activation.progress.start.enterTitle') : t('activation.progress.start.physicalTitle'),
      texts: notStarted
        ? []
        : view.status === 'awaiting_user'
          ? [esim ? t('activation.progress.start.esimText') : view.needsIccid ? t('activation.progress.start.enterText') : t('activation.progress.start.physicalText')]
          : esim
            ? [t('activation.progress.start.esimDone')]
            : view.iccid
              ? [t('activation.progress.start.physicalDone', { iccid: groupIccid(view.iccid) })]
              : [],
    },
    {
      key: 'activating',
      title: t('activation.progress.activating.title'),
      texts: esim
        ? [t('activation.progress.activating.esimText')]
        : [t('activation.progress.activating.physicalText'), ...(ported ? [] : [swap])],
    },
    ...(ported
      ? [
          {
            key: 'porting',
            title: t('activation.progress.porting.title', { operator }),
            texts: [
              view.status === 'porting_refused'
                ? t('activation.progress.porting.refused')
                : view.numberSource === 'port_internal'
                  ? t('activation.progress.porting.internalText')
                  : t('activation.progress.porting.text'),
              ...(esim ? [] : [swap]),
            ],
          },
        ]
      : []),
    {
      key: 'active',
      title: t('activation.progress.active.title'),
      texts: [
        t('activation.progress.active.text', { operator }),
        ...(view.status === 'active' && view.activatedAt ? [t('activation.progress.active.since', { date: format.dateTime(view.activatedAt) })] : []),
      ],
    },
  ];

  const portingIndex = ported ? 2 : 1;
  const current =
    view.status === 'awaiting_user'
      ? 0
      : view.status === 'activation_started' || view.status === 'provisioning'
        ? 1
        : view.status === 'porting' || view.status === 'porting_refused'
          ? portingIndex
          : view.status === 'active'
            ? steps.length
            : 0;
  const stateOf = (index: number): StepState =>
    notStarted
      ? index === portingIndex
        ? 'blocked'
        : 'upcoming'
      : index < current
      ? 'done'
      : index > current
        ? 'upcoming'
        : view.status === 'porting_refused'
          ? 'blocked'
          : view.status === 'awaiting_user'
            ? 'waiting'
            : 'current';

  const sentence =
    view.status === 'awaiting_user'
      ? esim
        ? t('activation.progress.now.awaitingEsim')
        : view.needsIccid
          ? t('activation.progress.now.awaitingIccid')
          : t('activation.progress.now.awaitingPhysical')
      : t(`activation.progress.now.${view.status}`, { operator, defaultValue: '' });
  const polling = IN_PROGRESS.includes(view.status);

  const stateLabel: Record<StepState, string> = {
    done: t('activation.progress.state.done'),
    current: t('activation.progress.state.current'),
    waiting: t('activation.progress.state.waiting'),
    blocked: t('activation.progress.state.blocked'),
    upcoming: t('activation.progress.state.upcoming'),
  };

  return (
    <Card component="section" aria-labelledby={headingId}>
      <Group gap={10} mb="xs" wrap="nowrap">
        <IconListCheck size={22} aria-hidden="true" />
        <Title order={2} fz="lg" id={headingId} tabIndex={-1}>
          {t('activation.progress.title')}
        </Title>
      </Group>
      <Box role="status" mb="md">
        <Text fz="sm" fw={600} c={view.status === 'porting_refused' ? 'var(--mantine-color-error)' : view.status === 'active' ? activeText : undefined}>
          {sentence}
        </Text>
        {polling && (
          <Text fz="xs" c="dimmed">
            {t('activation.progress.autoRefresh')}
          </Text>
        )}
      </Box>
      <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
        {steps.map((step, index) => {
          const state = stateOf(index);
          const last = index === steps.length - 1;
          return (
            <Box component="li" key={step.key} aria-current={state === 'current' || state === 'waiting' || state === 'blocked' ? 'step' : undefined}>
              <Group align="stretch" gap="md" wrap="nowrap">
                <Stack gap={0} align="center" aria-hidden="true" style={{ flex: '0 0 auto' }}>
                  <Bullet state={state} index={index} />
                  {!last && <Box style={{ flex: 1, width: 2, minHeight: 16, background: state === 'done' ? 'var(--mantine-color-green-6)' : 'var(--mantine-color-gray-3)' }} />}
                </Stack>
                <Box pb={last ? 0 : 'md'} pt={4} style={{ minWidth: 0 }}>
                  <Text fw={state === 'upcoming' ? 500 : 700} fz="sm" c={state === 'upcoming' ? 'dimmed' : undefined}>
                    {step.title}
                    <VisuallyHidden> ({stateLabel[state]})</VisuallyHidden>
                  </Text>
                  {step.texts.map((text): ReactNode => (
                    <Text key={text} fz="sm" c={state === 'upcoming' ? 'dimmed' : undefined} mt={2}>
                      {text}
                    </Text>
                  ))}
                </Box>
              </Group>
            </Box>
          );
        })}
      </Box>
    </Card>
  );
};
