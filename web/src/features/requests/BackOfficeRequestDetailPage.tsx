import { Button, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconCalendarEvent, IconCheck, IconEye, IconHandGrab, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotFoundContent } from '../../app/NotFoundPage';
import { isApiError } from '../../shared/api/client';
import type { RequestDetail, RequestEvent } from '../../shared/api/contract';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { brusselsToday } from '../../shared/time/brussels';
import { useMe } from '../auth/session';
import { useAssignToMe, useMoveRequest, useOperatorComment, useQueueRequest } from './api';
import { RequestCards } from './RequestParts';
import { useRequestText } from './request-text';
import { ModalActions } from '../../shared/ui/ModalActions';

const QUEUE_PATH = '/back-office/requests';

/** One step of the transition table, asked for with what it needs: a date (schedule), a reason (reject), or a confirmation. */
const StepModal = ({ request, event, onClose }: { request: RequestDetail; event: RequestEvent | null; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const move = useMoveRequest(request.id);
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const needsDate = event === 'schedule' || event === 'reschedule';
  const needsReason = event === 'reject';
  const close = () => {
    setDate('');
    setReason('');
    setErrors({});
    onClose();
  };
  const confirm = async () => {
    if (!event) return;
    const local: Record<string, string> = {};
    if (needsDate && !date) local.scheduledFor = t('rules.required', { ns: 'common', field: t('fields.scheduledFor', { ns: 'common' }) });
    if (needsReason && !reason.trim()) local.reason = t('rules.required', { ns: 'common', field: t('fields.reason', { ns: 'common' }) });
    setErrors(local);
    if (Object.keys(local).length) return;
    try {
      const updated = await move.mutateAsync({ event, reason: reason.trim() || null, scheduledFor: needsDate ? date : null });
      notify({ color: 'green', title: t(`requests.steps.${event}.done`), message: `${updated.reference} · ${t(`requestLabels.status.${updated.status}`, { ns: 'common' })}` });
      close();
    } catch (error) {
      if (isApiError(error) && error.errors.length) setErrors(Object.fromEntries(error.errors.map((e) => [e.field, e.message])));
      else {
        notify({ color: 'red', title: t('requests.steps.failed'), message: problemMessage(error) });
        close();
      }
    }
  };
  return (
    <Modal opened={event !== null} onClose={close} title={event ? t(`requests.steps.${event}.title`, { reference: request.reference }) : ''} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      {event && (
        <Stack gap="sm">
          <Text fz="sm">{t(`requests.steps.${event}.text`)}</Text>
          {needsDate && (
            <TextInput type="date" label={t('fields.scheduledFor', { ns: 'common' })} required min={brusselsToday()} value={date} onChange={(e) => setDate(e.currentTarget.value)} error={errors.scheduledFor} maw={240} data-autofocus />
          )}
          <Textarea
            label={needsReason ? t('fields.reason', { ns: 'common' }) : t('requests.steps.note')}
            description={needsReason ? t('requests.steps.reasonHint') : t('requests.steps.noteHint')}
            required={needsReason}
            autosize
            minRows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason}
          />
        </Stack>
      )}
      <ModalActions
        label={event ? t(`requests.steps.${event}.action`) : ''}
        onConfirm={confirm}
        pending={move.isPending}
        color={event === 'reject' ? 'red' : undefined}
        onCancel={close}
        mt="lg"
      />
    </Modal>
  );
};

const STEP_ICONS: Record<RequestEvent, typeof IconEye> = { start_review: IconEye, schedule: IconCalendarEvent, reschedule: IconCalendarEvent, complete: IconCheck, reject: IconX, withdraw: IconX };

/** Back office › Requests › one request: take it, move it through its states, talk with the administrator. */
export const BackOfficeRequestDetailPage = () => {
  const { t } = useTranslation();
  const text = useRequestText();
  const problemMessage = useProblemMessage();
  const { requestId = '' } = useParams();
  const me = useMe().data;
  const query = useQueueRequest(requestId);
  const assign = useAssignToMe(requestId);
  const comment = useOperatorComment(requestId);
  const [step, setStep] = useState<RequestEvent | null>(null);

  if (query.isError && isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
    return <NotFoundContent title={t('requests.detail.notFound')} description={t('requests.detail.notFoundHint')} backTo={QUEUE_PATH} backLabel={t('requests.backToQueue')} />;
  }
  const data = query.data;
  const takeIt = async () => {
    try {
      await assign.mutateAsync();
      notify({ color: 'green', title: t('requests.assigned'), message: data?.reference ?? '' });
    } catch (error) {
      notify({ color: 'red', title: t('requests.steps.failed'), message: problemMessage(error) });
    }
  };
  const open = data ? data.allowedEvents.length > 0 : false;
  const mine = data?.assignedTo?.id === me?.account.id;

  return (
    <Page
      title={data ? `${data.reference} · ${text.kind(data.kind)}` : t('status.loading')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.requestQueue'), to: QUEUE_PATH }]}
      description={data ? `${data.company.name} · ${text.subject({ ...data, serviceCount: data.services.length })}` : undefined}
      actions={
        data && open ? (
          <>
            {!mine && (
              <Button variant="default" leftSection={<IconHandGrab size={16} aria-hidden="true" />} onClick={takeIt} loading={assign.isPending}>
                {t('requests.assignToMe')}
              </Button>
            )}
            {data.allowedEvents.map((event) => {
              const Icon = STEP_ICONS[event];
              return (
                <Button
                  key={event}
                  variant={event === 'reject' ? 'outline' : event === 'reschedule' ? 'default' : 'filled'}
                  color={event === 'reject' ? 'red.9' : undefined}
                  leftSection={<Icon size={16} aria-hidden="true" />}
                  onClick={() => setStep(event)}
                >
                  {t(`requests.steps.${event}.button`)}
                </Button>
              );
            })}
          </>
        ) : null
      }
    >
      <QueryContent query={query} skeletons={[260, 160]}>
        {(request) => (
          <>
            <RequestCards request={request} backOffice comment={{ send: (body) => comment.mutateAsync(body), sending: comment.isPending }} />
            <StepModal request={request} event={step} onClose={() => setStep(null)} />
          </>
        )}
      </QueryContent>
    </Page>
  );
};
