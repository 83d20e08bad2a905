import { ActionIcon, Anchor, Badge, Button, Card, Group, List, Menu, Modal, SimpleGrid, Stack, Text, Timeline, Title, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconAdjustments, IconArrowRight, IconCalendarTime, IconChevronDown, IconMailForward, IconPlayerPause, IconPlayerPlay, IconRefresh, IconReplace, IconShieldLock, IconTrash, IconX } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NotFoundContent } from '../../app/NotFoundPage';
import { isApiError } from '../../shared/api/client';
import type { ServiceDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';
import { ServiceStatusBadge } from '../mobile-users/ServiceStatusBadge';
import { userPath } from '../mobile-users/UsersListPage';
import { ResendActivationModal } from '../activation/ResendActivationModal';
import { PORTING_ISSUES_PATH } from '../porting-issues/paths';
import { ScheduleModal, StartActivationModal } from './ActivationModals';
import { useCancelService, useRetryActivation, useService } from './api';
import { useServiceText } from './service-text';
import { ReportProblemButton } from '../requests/ReportProblemButton';
import { ManageServiceModal } from './ManageServiceModal';
import { RemoveServiceModal } from './RemoveServiceModal';
import { EsimCodeButton, SimCodesButton } from './SimCodeDialogs';
import { ModalActions } from '../../shared/ui/ModalActions';
import { Detail, DetailCard } from '../../shared/ui/DetailCard';
import { Dash } from '../../shared/ui/values';
import { LiftBarModal, ReportLostModal, ResumeModal, SuspendModal, SwapSimModal } from './LineOperationDialogs';
import { LineStatus } from './LineStatus';
import { useCan } from '../auth/can';
import { ServiceUsageCard } from './ServiceUsageCard';
import { LineBarringCard } from './LineBarringCard';

export const servicePath = (id: string) => `/self-service/uc-mobile/services/${id}`;

const BundleSection = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useServiceText();
  return (
    <DetailCard title={t('serviceDetail.bundleSection')} labelWidth={190}>
      <Detail label={t('wizard.summary.productType')}>{service.productType.name}</Detail>
      <Detail label={t('wizard.summary.serviceType')}>{service.serviceType.name}</Detail>
      <Detail label={t('wizard.summary.bundle')}>
        <Text fz="sm">
          {service.bundle.name} — {format.money(service.bundle.monthlyPriceCents)}
        </Text>
        <Text fz="xs" c="dimmed">
          {text.allowance(service.bundle)}
        </Text>
      </Detail>
      <Detail label={t('wizard.summary.options')}>
        {service.options.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('wizard.summary.noOptions')}
          </Text>
        ) : (
          <List fz="sm" spacing={2}>
            {service.options.map((option) => (
              <List.Item key={option.code}>
                {option.name} — {format.money(option.monthlyPriceCents)}
              </List.Item>
            ))}
          </List>
        )}
      </Detail>
      <Detail label={t('wizard.summary.total')}>
        <Text fz="sm" fw={700}>
          {text.perMonth(service.monthlyPriceCents)}
        </Text>
      </Detail>
    </DetailCard>
  );
};

const NumberSection = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const text = useServiceText();
  const portIn = service.portIn;
  return (
    <DetailCard title={t('serviceDetail.numberSection')} labelWidth={190}>
      <Detail label={t('serviceDetail.mobileNumber')}>
        {service.msisdn ? <span className="fd-nowrap">{format.phone(service.msisdn)}</span> : <Text fz="sm" c="dimmed">{t('serviceDetail.noMobileNumber')}</Text>}
      </Detail>
      {service.numberSource && <Detail label={t('serviceDetail.numberSourceLabel')}>{text.numberSource(service.numberSource)}</Detail>}
      {portIn && (
        <>
          <Detail label={labels.field('donorOperator')}>{portIn.donorOperator.name}</Detail>
          <Detail label={labels.field('accountType')}>{t(`wizard.number.${portIn.accountType}`)}</Detail>
          {portIn.customerNumber && <Detail label={labels.field('customerNumber')}>{portIn.customerNumber}</Detail>}
          {portIn.donorSimNumber && <Detail label={labels.field('donorSimNumber')}>{portIn.donorSimNumber}</Detail>}
          <Detail label={labels.field('holderName')}>{portIn.holderName}</Detail>
          <Detail label={t('serviceDetail.portStatusLabel')}>
            <Badge variant="light" color={portIn.status === 'refused' ? 'red' : portIn.status === 'completed' ? 'green' : 'gray'} radius="sm" tt="none" fw={600}>
              {t(`serviceDetail.portStatus.${portIn.status}`, { defaultValue: portIn.status })}
            </Badge>
          </Detail>
          {portIn.refusalReason && <Detail label={t('serviceDetail.refusalReason')}>{portIn.refusalReason}</Detail>}
        </>
      )}
      {service.portFrom && (
        <Detail label={t('serviceDetail.portFrom')}>
          <Anchor component={Link} to={servicePath(service.portFrom.serviceId)} fz="sm">
            {t('serviceDetail.portFromValue', { number: format.phone(service.portFrom.msisdn), name: service.portFrom.userName })}
          </Anchor>
        </Detail>
      )}
      <Detail label={t('serviceDetail.fixedNumber')}>
        {service.fixedNumber ? <span className="fd-nowrap">{format.phone(service.fixedNumber.number)}</span> : <Dash />}
      </Detail>
    </DetailCard>
  );
};

const SimAndActivationSection = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const text = useServiceText();
  const when = (iso: string | null) => (iso ? format.dateTime(iso) : <Dash />);
  return (
    <DetailCard title={t('serviceDetail.activationSection')} labelWidth={190}>
      <Detail label={t('serviceDetail.simChoiceLabel')}>{service.simChoice ? text.simChoice(service.simChoice) : t('serviceDetail.noSim')}</Detail>
      {service.simChoice && (
        <Detail label={service.sim?.kind === 'esim' ? t('serviceDetail.esimIccid') : labels.field('iccid')}>
          {service.sim ? (
            <Stack gap={6} align="flex-start">
              <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
                {format.iccid(service.sim.iccid)}
              </Text>
              {!service.endedAt && (
                <Group gap="xs">
                  {service.sim.kind === 'esim' && <EsimCodeButton service={service} />}
                  {service.sim.codesRecorded && <SimCodesButton service={service} />}
                </Group>
              )}
            </Stack>
          ) : service.simChoice === 'user_enters' && !service.endedAt ? (
            <Text fz="sm" c="dimmed">
              {t('serviceDetail.simByUser')}
            </Text>
          ) : (
            <Dash />
          )}
        </Detail>
      )}
      <Detail label={t('serviceDetail.methodLabel')}>{service.activationMethod ? text.method(service.activationMethod) : <Dash />}</Detail>
      <Detail label={t('serviceDetail.timingLabel')}>{service.activationTiming ? text.timing(service.activationTiming) : <Dash />}</Detail>
      {(service.status === 'waiting_for_activation' || service.scheduledStartAt) && (
        <Detail label={t('waiting.columns.scheduled')}>{service.scheduledStartAt ? format.dateTime(service.scheduledStartAt) : t('waiting.byHand')}</Detail>
      )}
      <Detail label={t('serviceDetail.createdAt')}>{when(service.createdAt)}</Detail>
      <Detail label={t('serviceDetail.activationStartedAt')}>{when(service.activationStartedAt)}</Detail>
      {service.activationLink && (
        <Detail label={t('serviceDetail.activationLink.label')}>
          <Text fz="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('serviceDetail.activationLink.sentTo', { email: service.activationLink.sentTo, at: format.dateTime(service.activationLink.createdAt) })}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('serviceDetail.activationLink.expires', { at: format.dateTime(service.activationLink.expiresAt) })}
          </Text>
        </Detail>
      )}
      {service.simProvisionedAt && <Detail label={t('serviceDetail.simProvisionedAt')}>{when(service.simProvisionedAt)}</Detail>}
      {service.numberLiveAt && <Detail label={t('serviceDetail.numberLiveAt')}>{when(service.numberLiveAt)}</Detail>}
      <Detail label={t('serviceDetail.activatedAt')}>{when(service.activatedAt)}</Detail>
      {service.endedAt && (
        <Detail label={t('serviceDetail.endedAt')}>
          {when(service.endedAt)}
          {service.endReason && (
            <Text fz="xs" c="dimmed">
              {t(`removeService.endReason.${service.endReason}`)}
            </Text>
          )}
        </Detail>
      )}
    </DetailCard>
  );
};

const EventsTimeline = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const text = useServiceText();
  return (
    <Card>
      <Title order={2} fz="lg" mb="md">
        {t('serviceDetail.timeline')}
      </Title>
      {service.events.length === 0 ? (
        <Text fz="sm" c="dimmed">
          {t('serviceDetail.noEvents')}
        </Text>
      ) : (
        <Timeline active={service.events.length - 1} bulletSize={14} lineWidth={2} color="indigo">
          {service.events.map((event) => (
            <Timeline.Item key={event.id} title={<Text fw={600} fz="sm" component="span">{text.event(event.event)}</Text>}>
              <Text fz="xs" c="dimmed">
                <time dateTime={event.createdAt}>{format.dateTime(event.createdAt)}</time> · {t('serviceDetail.by', { name: labels.actor(event.actorName) })}
              </Text>
              {event.fromStatus !== event.toStatus && (
                <Group gap={6} mt={6} wrap="wrap">
                  {event.fromStatus && <ServiceStatusBadge status={event.fromStatus} />}
                  {event.fromStatus && <IconArrowRight size={14} aria-label={t('serviceDetail.becomes')} />}
                  <ServiceStatusBadge status={event.toStatus} />
                </Group>
              )}
              {event.reason && (
                <Text fz="sm" mt={4}>
                  {event.reason}
                </Text>
              )}
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Card>
  );
};

/** "Cancel service": only before the activation starts; number, SIM and fixed number go back to stock. */
const CancelServiceModal = ({ service, opened, onClose }: { service: ServiceDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const cancel = useCancelService();
  const returned = [
    service.msisdn && service.numberSource === 'new' ? t('serviceDetail.cancelReturns.number', { number: format.phone(service.msisdn) }) : null,
    service.simChoice === 'esim' ? t('serviceDetail.cancelReturns.esim') : service.sim ? t('serviceDetail.cancelReturns.sim', { iccid: format.iccid(service.sim.iccid) }) : null,
    service.fixedNumber ? t('serviceDetail.cancelReturns.fixed', { number: format.phone(service.fixedNumber.number) }) : null,
  ].filter((item): item is string => item !== null);

  const confirm = async () => {
    try {
      await cancel.mutateAsync(service.id);
      notify({ color: 'green', title: t('serviceDetail.cancelled'), message: t('serviceDetail.cancelledHint') });
      onClose();
    } catch (error) {
      notify({ color: 'red', title: t('serviceDetail.cancelFailed'), message: problemMessage(error) });
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('serviceDetail.cancelTitle')} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <Text fz="sm">{t('serviceDetail.cancelText', { name: service.userName })}</Text>
        {returned.length > 0 && <Text fz="sm">{t('serviceDetail.cancelReturnsIntro')}</Text>}
        {returned.length > 0 && (
          <List fz="sm" spacing={4}>
            {returned.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      <ModalActions
        label={t('serviceDetail.cancelService')}
        onConfirm={confirm}
        pending={cancel.isPending}
        icon={IconX}
        color="red"
        onCancel={onClose}
        cancelLabel={t('serviceDetail.keepService')}
        focusCancel
        mt="lg"
      />
    </Modal>
  );
};

/** Where the service stands, in a sentence next to its status. */
const StatusCard = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const sentence =
    service.status === 'waiting_for_activation'
      ? service.scheduledStartAt
        ? t('serviceDetail.now.scheduled', { at: format.dateTime(service.scheduledStartAt) })
        : t('serviceDetail.now.waiting')
      : t(`serviceDetail.now.${service.status}`, { defaultValue: '' });
  return (
    <Card py="md">
      <Group gap="md" wrap="wrap">
        <Text fz="sm" fw={600}>
          {t('userView.columns.status')}
        </Text>
        <ServiceStatusBadge status={service.status} />
        {sentence && (
          <Text fz="sm" c="dimmed">
            {sentence}
          </Text>
        )}
        {service.status === 'porting_refused' && (
          <Anchor component={Link} to={PORTING_ISSUES_PATH} fz="sm" fw={600}>
            {t('serviceDetail.openPortingIssues')}
          </Anchor>
        )}
      </Group>
    </Card>
  );
};

/** A failed activation goes on where it stopped; nothing is undone, so no confirmation is asked. */
const RetryActivationButton = ({ service }: { service: ServiceDetail }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const retry = useRetryActivation();
  const run = async () => {
    try {
      await retry.mutateAsync(service.id);
      notify({ color: 'green', title: t('serviceDetail.retry.done'), message: t('serviceDetail.retry.doneHint') });
    } catch (error) {
      notify({ color: 'red', title: t('serviceDetail.retry.failed'), message: problemMessage(error) });
    }
  };
  return (
    <Button leftSection={<IconRefresh size={16} aria-hidden="true" />} loading={retry.isPending} onClick={run}>
      {t('serviceDetail.retry.action')}
    </Button>
  );
};

type Dialog = 'start' | 'schedule' | 'cancel' | 'resend' | 'manage' | 'remove' | 'suspend' | 'resume' | 'lost' | 'swap' | 'liftBar' | null;

/** Statuses on their way to active: "Manage service" shows, disabled, with the reason. */
const ON_ITS_WAY: readonly ServiceDetail['status'][] = ['activation_started', 'awaiting_user', 'provisioning', 'porting', 'porting_refused', 'activation_failed'];

/** An active line's operations, in one menu next to "Manage service": each opens its dialog. */
const LineOperationsMenu = ({ onOpen }: { onOpen: (dialog: 'suspend' | 'lost' | 'swap') => void }) => {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" rightSection={<IconChevronDown size={16} aria-hidden="true" />}>
          {t('lineOps.menu')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconPlayerPause size={16} aria-hidden="true" />} onClick={() => onOpen('suspend')}>
          {t('lineOps.suspend.action')}
        </Menu.Item>
        <Menu.Item leftSection={<IconReplace size={16} aria-hidden="true" />} onClick={() => onOpen('swap')}>
          {t('lineOps.replacement.action')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconShieldLock size={16} aria-hidden="true" />} onClick={() => onOpen('lost')}>
          {t('lineOps.lost.action')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
};

/**
 * "Manage service" and the "Remove" icon, top right (seed). A change needs an active service; a
 * deletion an active or suspended one. Otherwise the button stays visible, disabled, with the reason.
 */
const ManageActions = ({ service, onManage, onRemove }: { service: ServiceDetail; onManage: () => void; onRemove: () => void }) => {
  const { t } = useTranslation();
  const canManage = service.status === 'active';
  const canRemove = service.status === 'active' || service.status === 'suspended' || service.status === 'barred';
  const showManage = canManage || service.status === 'suspended' || service.status === 'barred' || ON_ITS_WAY.includes(service.status);
  const reasonId = useId();
  const reason =
    service.status === 'suspended' ? t('manageService.notActiveSuspended') : service.status === 'barred' ? t('manageService.notActiveBarred') : t('manageService.notActiveYet');
  return (
    <>
      {showManage &&
        (canManage ? (
          <Button leftSection={<IconAdjustments size={16} aria-hidden="true" />} onClick={onManage}>
            {t('manageService.action')}
          </Button>
        ) : (
          // aria-disabled rather than disabled: the button keeps its focus, so its reason can be read
          <>
          <Tooltip label={reason} multiline w={260} withArrow>
            <Button
              leftSection={<IconAdjustments size={16} aria-hidden="true" />}
              data-disabled
              aria-disabled="true"
              aria-describedby={reasonId}
              onClick={(event) => event.preventDefault()}
            >
              {t('manageService.action')}
            </Button>
          </Tooltip>
          <VisuallyHidden id={reasonId}>{reason}</VisuallyHidden>
          </>
        ))}
      {canRemove && (
        <Tooltip label={t('removeService.action')} withArrow>
          <ActionIcon variant="outline" color="red" size={36} radius="md" aria-label={t('removeService.action')} onClick={onRemove}>
            <IconTrash size={18} aria-hidden="true" />
          </ActionIcon>
        </Tooltip>
      )}
    </>
  );
};

export const ServiceDetailPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const { serviceId = '' } = useParams();
  const crumbs = useSelfServiceCrumbs(true);
  const service = useService(serviceId);
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayChange = useCan('services.change');

  if (service.isError && isApiError(service.error) && service.error.status === 404) {
    return <NotFoundContent title={t('serviceDetail.notFound')} description={t('serviceDetail.notFoundHint')} backTo="/self-service/uc-mobile/users" backLabel={t('userView.backToUsers')} />;
  }

  const data = service.data;
  const waiting = data?.status === 'waiting_for_activation';
  const title = data ? (data.msisdn ? `${data.serviceType.name} — ${format.phone(data.msisdn)}` : data.serviceType.name) : t('status.loading');
  const close = () => setDialog(null);

  return (
    <Page
      title={title}
      breadcrumbs={data ? [...crumbs, { label: data.userName, to: userPath(data.mobileUserId) }] : crumbs}
      description={
        data && (
          <>
            {t('serviceDetail.ofUser')}{' '}
            <Anchor component={Link} to={userPath(data.mobileUserId)} underline="always">
              {data.userName}
            </Anchor>{' '}
            · {data.productType.name}
          </>
        )
      }
      actions={
        !mayChange ? null : data && waiting ? (
          <>
            <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} onClick={() => setDialog('start')}>
              {t('serviceDetail.startNow')}
            </Button>
            <Button variant="default" leftSection={<IconCalendarTime size={16} aria-hidden="true" />} onClick={() => setDialog('schedule')}>
              {t('waiting.scheduleAction')}
            </Button>
            <Button variant="outline" color="red" leftSection={<IconX size={16} aria-hidden="true" />} onClick={() => setDialog('cancel')}>
              {t('serviceDetail.cancelService')}
            </Button>
          </>
        ) : data ? (
          <>
            {data.status === 'awaiting_user' && (
              <Button variant="default" leftSection={<IconMailForward size={16} aria-hidden="true" />} onClick={() => setDialog('resend')}>
                {t('serviceDetail.resend.action')}
              </Button>
            )}
            {data.status === 'activation_failed' && <RetryActivationButton service={data} />}
            {data.status === 'active' && <ReportProblemButton service={data} />}
            {data.status === 'active' && <LineOperationsMenu onOpen={setDialog} />}
            {data.status === 'suspended' && (
              <Button leftSection={<IconPlayerPlay size={16} aria-hidden="true" />} onClick={() => setDialog('resume')}>
                {t('lineOps.resume.action')}
              </Button>
            )}
            <ManageActions service={data} onManage={() => setDialog('manage')} onRemove={() => setDialog('remove')} />
          </>
        ) : null
      }
    >
      <QueryContent query={service} skeletons={[220, 220]}>
        {(detail) => (
          <Stack gap="lg">
            <StatusCard service={detail} />
            <LineStatus service={detail} onReplace={() => setDialog('swap')} onLiftBar={() => setDialog('liftBar')} />
            <ServiceUsageCard service={detail} />
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
              <Stack gap="lg">
                <BundleSection service={detail} />
                <NumberSection service={detail} />
                {mayChange && detail.msisdn && ['active', 'suspended', 'barred'].includes(detail.status) && <LineBarringCard serviceId={detail.id} />}
              </Stack>
              <Stack gap="lg">
                <SimAndActivationSection service={detail} />
                <EventsTimeline service={detail} />
              </Stack>
            </SimpleGrid>
            <StartActivationModal opened={dialog === 'start'} onClose={close} serviceIds={[detail.id]} />
            <ScheduleModal opened={dialog === 'schedule'} onClose={close} serviceIds={[detail.id]} current={detail.scheduledStartAt} canClear={detail.scheduledStartAt !== null} />
            <CancelServiceModal service={detail} opened={dialog === 'cancel'} onClose={close} />
            <ResendActivationModal service={detail} opened={dialog === 'resend'} onClose={close} />
            <ManageServiceModal service={detail} opened={dialog === 'manage'} onClose={close} />
            <RemoveServiceModal service={detail} opened={dialog === 'remove'} onClose={close} />
            <SuspendModal service={detail} opened={dialog === 'suspend'} onClose={close} />
            <ResumeModal service={detail} opened={dialog === 'resume'} onClose={close} />
            <ReportLostModal service={detail} opened={dialog === 'lost'} onClose={close} onReplace={() => setDialog('swap')} />
            <SwapSimModal service={detail} opened={dialog === 'swap'} onClose={close} />
            <LiftBarModal service={detail} opened={dialog === 'liftBar'} onClose={close} />
          </Stack>
        )}
      </QueryContent>
    </Page>
  );
};
