import { Button, Modal, Stack, Text, Textarea } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { NotFoundContent } from '../../app/NotFoundPage';
import { isApiError } from '../../shared/api/client';
import type { RequestDetail } from '../../shared/api/contract';
import { Page } from '../../shared/ui/Page';
import { QueryContent } from '../../shared/ui/QueryContent';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { servicePath } from '../services/ServiceDetailPage';
import { useAdminComment, useRequest, useWithdrawRequest } from './api';
import { RequestCards } from './RequestParts';
import { useRequestText } from './request-text';
import { ModalActions } from '../../shared/ui/ModalActions';
import { useCan } from '../auth/can';

export const REQUESTS_PATH = '/self-service/requests';

/** "Withdraw": only while nobody handles the request yet; asks first. */
const WithdrawModal = ({ request, opened, onClose }: { request: RequestDetail; opened: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const withdraw = useWithdrawRequest(request.id);
  const [reason, setReason] = useState('');
  const confirm = async () => {
    try {
      await withdraw.mutateAsync(reason);
      notify({ color: 'green', title: t('requests.withdraw.done'), message: request.reference });
    } catch (error) {
      notify({ color: 'red', title: t('requests.withdraw.failed'), message: problemMessage(error) });
    }
    onClose();
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('requests.withdraw.title', { reference: request.reference })} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="sm">
        <Text fz="sm">{t('requests.withdraw.text')}</Text>
        <Textarea label={t('requests.withdraw.reason')} description={t('requests.optional')} autosize minRows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
      </Stack>
      <ModalActions
        label={t('requests.withdraw.action')}
        onConfirm={confirm}
        pending={withdraw.isPending}
        icon={IconArrowBackUp}
        color="red"
        onCancel={onClose}
        cancelLabel={t('requests.withdraw.keep')}
        focusCancel
        mt="lg"
      />
    </Modal>
  );
};

export const RequestDetailPage = () => {
  const { t } = useTranslation();
  const text = useRequestText();
  const { requestId = '' } = useParams();
  const query = useRequest(requestId);
  const comment = useAdminComment(requestId);
  const [withdrawing, setWithdrawing] = useState(false);
  const mayChange = useCan('services.change');

  if (query.isError && isApiError(query.error) && (query.error.status === 404 || query.error.status === 400)) {
    return <NotFoundContent title={t('requests.detail.notFound')} description={t('requests.detail.notFoundHint')} backTo={REQUESTS_PATH} backLabel={t('requests.backToList')} />;
  }
  const data = query.data;
  return (
    <Page
      title={data ? `${data.reference} · ${text.kind(data.kind)}` : t('status.loading')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.requests'), to: REQUESTS_PATH }]}
      description={data ? text.subject({ ...data, serviceCount: data.services.length }) : undefined}
      actions={
        mayChange && data?.allowedEvents.includes('withdraw') ? (
          <Button variant="outline" color="red.9" leftSection={<IconArrowBackUp size={16} aria-hidden="true" />} onClick={() => setWithdrawing(true)}>
            {t('requests.withdraw.action')}
          </Button>
        ) : null
      }
    >
      <QueryContent query={query} skeletons={[260, 160]}>
        {(request) => (
          <>
            <RequestCards request={request} linkTo={servicePath} comment={mayChange ? { send: (body) => comment.mutateAsync(body), sending: comment.isPending } : undefined} />
            <WithdrawModal request={request} opened={withdrawing} onClose={() => setWithdrawing(false)} />
          </>
        )}
      </QueryContent>
    </Page>
  );
};
