import { Alert, Anchor, Button, Group, List, Modal, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconAlertTriangle, IconMail, IconSend } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isApiError } from '../../shared/api/client';
import type { DeletionQuota, ServiceDetail } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useOperator } from '../auth/session';
import { useDeleteService, useDeletionQuota } from './manage-api';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';

/** The MACD requests page (built beside this one): a Delete request for this service. */
export const deleteRequestPath = (serviceId: string) => `/self-service/requests/new?kind=delete&serviceIds=${encodeURIComponent(serviceId)}`;

/** `fromServer`: the server's message, which already names the ways out; ours names only the figures. */
type Refusal = { message: string; accountManagerEmail: string | null; fromServer: boolean };

/**
 * Past the 30 % rule the portal cannot delete: the message names the limit and what is used, and
 * offers the ways that remain — a Delete request, or an e-mail to the account manager or sales.
 */
const QuotaReached = ({ serviceId, refusal }: { serviceId: string; refusal: Refusal }) => {
  const { t } = useTranslation();
  const operator = useOperator().data;
  return (
    <Alert color="orange" variant="light" icon={<IconAlertTriangle aria-hidden="true" />} title={t('removeService.quotaTitle')} role="alert">
      <Stack gap="sm">
        <Text fz="sm">{refusal.message}</Text>
        {!refusal.fromServer && <Text fz="sm">{t('removeService.quotaWaysOut')}</Text>}
        <Group gap="sm" wrap="wrap">
          <Button component={Link} to={deleteRequestPath(serviceId)} size="xs" leftSection={<IconSend size={14} aria-hidden="true" />}>
            {t('removeService.sendRequest')}
          </Button>
          {refusal.accountManagerEmail && (
            <Button component="a" href={`mailto:${refusal.accountManagerEmail}`} size="xs" variant="default" leftSection={<IconMail size={14} aria-hidden="true" />}>
              {t('removeService.mailAccountManager')}
            </Button>
          )}
        </Group>
        {operator && (
          <Text fz="sm">
            {t('removeService.orSales')}{' '}
            <Anchor href={`mailto:${operator.salesEmail}`} fz="sm" fw={600}>
              {operator.salesEmail}
            </Anchor>
            {refusal.accountManagerEmail && (
              <>
                {' · '}
                {t('removeService.accountManager')}{' '}
                <Anchor href={`mailto:${refusal.accountManagerEmail}`} fz="sm" fw={600}>
                  {refusal.accountManagerEmail}
                </Anchor>
              </>
            )}
          </Text>
        )}
      </Stack>
    </Alert>
  );
};

const QuotaLine = ({ quota }: { quota: DeletionQuota }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={6}>
      <Text fz="sm" fw={600}>
        {t('removeService.quota', { used: format.number(quota.used), limit: format.number(quota.limit) })}
      </Text>
      <Progress value={quota.limit > 0 ? Math.min(100, (quota.used / quota.limit) * 100) : 100} color={quota.remaining === 0 ? 'red' : 'indigo'} size="sm" radius="sm" aria-hidden="true" />
      {quota.periodStartsOn && quota.periodEndsOn && (
        <Text fz="xs" c="dimmed">
          {t('removeService.quotaRule', {
            contracted: format.number(quota.contractedServices),
            from: format.calendarDate(quota.periodStartsOn),
            to: format.calendarDate(quota.periodEndsOn),
          })}
        </Text>
      )}
    </Stack>
  );
};

/** "Are you sure you want to delete this bundle?" — Yes / No (seed), with what happens and the 30 % quota. */
export const RemoveServiceModal = ({ service, opened, onClose }: { service: ServiceDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const quota = useDeletionQuota(opened);
  const remove = useDeleteService(service.id);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!opened) return;
    setRefusal(null);
    setProblem(null);
  }, [opened]);

  // Known before asking: the limit is used up. The server still decides on Yes (another administrator may be deleting too).
  const usedUp: Refusal | null =
    quota.data && quota.data.remaining === 0
      ? { message: t('removeService.quotaUsedUp', { used: format.number(quota.data.used), limit: format.number(quota.data.limit) }), accountManagerEmail: quota.data.accountManagerEmail, fromServer: false }
      : null;
  const shownRefusal = refusal ?? usedUp;

  const happens = [
    service.msisdn ? t('removeService.happens.number', { number: format.phone(service.msisdn) }) : null,
    service.sim ? t(service.sim.kind === 'esim' ? 'removeService.happens.esim' : 'removeService.happens.sim', { iccid: format.iccid(service.sim.iccid) }) : null,
    service.fixedNumber ? t('removeService.happens.fixed', { number: format.phone(service.fixedNumber.number) }) : null,
    t('removeService.happens.credit'),
  ].filter((item): item is string => item !== null);

  const confirm = async () => {
    setProblem(null);
    try {
      await remove.mutateAsync();
      notify({ color: 'green', title: t('removeService.done'), message: t('removeService.doneHint') });
      onClose();
    } catch (error) {
      if (isApiError(error) && error.code === 'SERVICE.DELETION_QUOTA_REACHED') {
        const params = (error.problem.params ?? {}) as { accountManagerEmail?: unknown };
        setRefusal({
          message: problemMessage(error),
          accountManagerEmail: typeof params.accountManagerEmail === 'string' ? params.accountManagerEmail : null,
          fromServer: true,
        });
      } else setProblem(problemMessage(error));
    }
  };

  return (
    <Modal opened={opened} onClose={onClose} size="lg" title={t('removeService.title')} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">
          {t('removeService.what', {
            bundle: service.bundle.name,
            number: service.msisdn ? format.phone(service.msisdn) : service.serviceType.name,
            name: service.userName,
          })}
        </Text>
        <Text fz="sm">{t('removeService.happensIntro')}</Text>
        <List fz="sm" spacing={4}>
          {happens.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        {quota.isError ? (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />}>
            {problemMessage(quota.error)}
          </Alert>
        ) : quota.data ? (
          <QuotaLine quota={quota.data} />
        ) : (
          <Skeleton height={48} radius="md" />
        )}
        <ProblemAlert>{problem}</ProblemAlert>
        {shownRefusal && <QuotaReached serviceId={service.id} refusal={shownRefusal} />}
      </Stack>
      <Group justify="flex-end" mt="lg" gap="sm">
        <Button variant="default" onClick={onClose} disabled={remove.isPending} data-autofocus>
          {shownRefusal ? t('actions.close') : t('removeService.no')}
        </Button>
        {!shownRefusal && (
          <Button color="red" onClick={confirm} loading={remove.isPending} disabled={!quota.data}>
            {t('removeService.yes')}
          </Button>
        )}
      </Group>
    </Modal>
  );
};
