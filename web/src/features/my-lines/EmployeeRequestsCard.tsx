import { Alert, Badge, Button, Card, Group, Loader, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { IconCheck, IconInbox, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingImpact, EmployeeRequestItem } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ModalActions } from '../../shared/ui/ModalActions';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { LabelledTable } from '../../shared/ui/TableScroll';
import { notify } from '../../shared/ui/notify';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useCan } from '../auth/can';
import { BillingImpactSummary } from '../services/ManageServiceModal';
import { fetchRequestPreview, useDecideEmployeeRequest, useEmployeeRequests } from './api';

// Under Manage users: what the company's employees asked for from My lines (a new eSIM, another
// bundle), for an administrator to approve — after seeing what it changes on the bill — or refuse
// with a reason the employee reads. Shown only while there is something to decide.

type Deciding = { request: EmployeeRequestItem; decision: 'approve' | 'refuse' } | null;

const what = (t: ReturnType<typeof useTranslation>['t'], r: EmployeeRequestItem) =>
  r.kind === 'bundle_change' ? t('employeeRequests.bundle', { from: r.currentBundleName ?? '', to: r.bundleName ?? '' }) : t('employeeRequests.esim');

const DecideModal = ({ deciding, onClose }: { deciding: Deciding; onClose: () => void }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const problemMessage = useProblemMessage();
  const decide = useDecideEmployeeRequest();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [impact, setImpact] = useState<BillingImpact | null>(null);
  const [loading, setLoading] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const request = deciding?.request;
  const load = async () => {
    setReason('');
    setReasonError(null);
    setProblem(null);
    setImpact(null);
    if (!deciding || deciding.decision !== 'approve' || deciding.request.kind !== 'bundle_change') return;
    setLoading(true);
    try {
      setImpact((await fetchRequestPreview(deciding.request.id)).impact);
    } catch (error) {
      setProblem(problemMessage(error));
    } finally {
      setLoading(false);
    }
  };
  const confirm = async () => {
    if (!deciding) return;
    setProblem(null);
    if (deciding.decision === 'refuse' && !reason.trim()) {
      setReasonError(t('employeeRequests.reasonRequired'));
      return;
    }
    try {
      await decide.mutateAsync({ id: deciding.request.id, decision: deciding.decision, reason: reason.trim() });
      onClose();
      notify({ color: 'green', title: deciding.decision === 'approve' ? t('employeeRequests.approvedTitle') : t('employeeRequests.refusedTitle'), message: t('employeeRequests.told', { name: deciding.request.userName }) });
    } catch (error) {
      setProblem(problemMessage(error));
    }
  };
  const approving = deciding?.decision === 'approve';
  return (
    <Modal
      opened={deciding !== null}
      onClose={onClose}
      size={approving && request?.kind === 'bundle_change' ? 'xl' : 'md'}
      title={approving ? t('employeeRequests.approveTitle') : t('employeeRequests.refuseTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('actions.close') }}
      transitionProps={{ onEnter: () => void load() }}
    >
      {request && (
        <Stack gap="md">
          <ProblemAlert>{problem}</ProblemAlert>
          <Text fz="sm">
            {t('employeeRequests.who', { name: request.userName, number: request.msisdn ? format.phone(request.msisdn) : '—', what: what(t, request) })}
          </Text>
          {request.note && (
            <Alert variant="light" color="gray">
              <Text fz="sm">{t('employeeRequests.note', { note: request.note })}</Text>
            </Alert>
          )}
          {approving && request.kind === 'new_esim' && <Text fz="sm">{t('employeeRequests.esimEffect')}</Text>}
          {approving && request.kind === 'bundle_change' && (loading ? <Loader size="sm" aria-label={t('status.loading')} /> : impact && <BillingImpactSummary impact={impact} />)}
          {!approving && (
            <Textarea
              label={t('employeeRequests.reason')}
              description={t('employeeRequests.reasonHint')}
              required
              value={reason}
              error={reasonError}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(null);
              }}
              maxLength={1000}
              autosize
              minRows={2}
              data-autofocus
            />
          )}
        </Stack>
      )}
      <ModalActions
        label={approving ? t('employeeRequests.approve') : t('employeeRequests.refuse')}
        onConfirm={confirm}
        pending={decide.isPending}
        icon={approving ? IconCheck : IconX}
        color={approving ? undefined : 'red'}
        onCancel={onClose}
        focusCancel={approving}
        mt="lg"
      />
    </Modal>
  );
};

/** The pending employee requests of the company, with Approve and Refuse (for those who may change lines). */
export const EmployeeRequestsCard = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const mayChange = useCan('services.change');
  const requests = useEmployeeRequests('pending');
  const [deciding, setDeciding] = useState<Deciding>(null);
  const list = requests.data?.requests ?? [];
  if (!list.length) return null;
  return (
    <Card component="section" aria-labelledby="employee-requests-title" mb="lg" withBorder>
      <Group gap="xs" mb="sm">
        <IconInbox size={20} aria-hidden="true" />
        <Title order={2} fz="lg" id="employee-requests-title">
          {t('employeeRequests.title')}
        </Title>
        <Badge color="yellow" variant="light" radius="sm">
          {format.number(list.length)}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('employeeRequests.intro')}
      </Text>
      <LabelledTable
        label={t('employeeRequests.title')}
        head={
          <>
            <Table.Th>{t('employeeRequests.columns.employee')}</Table.Th>
            <Table.Th>{t('employeeRequests.columns.line')}</Table.Th>
            <Table.Th>{t('employeeRequests.columns.what')}</Table.Th>
            <Table.Th>{t('employeeRequests.columns.asked')}</Table.Th>
            {mayChange && <Table.Th>{t('employeeRequests.columns.decide')}</Table.Th>}
          </>
        }
      >
          {list.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.userName}</Table.Td>
              <Table.Td>{r.msisdn ? format.phone(r.msisdn) : '—'}</Table.Td>
              <Table.Td>
                <Text fz="sm">{what(t, r)}</Text>
                {r.note && (
                  <Text fz="xs" c="dimmed">
                    “{r.note}”
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{format.date(r.createdAt)}</Table.Td>
              {mayChange && (
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Button size="xs" leftSection={<IconCheck size={14} aria-hidden="true" />} onClick={() => setDeciding({ request: r, decision: 'approve' })} aria-label={t('employeeRequests.approveFor', { name: r.userName })}>
                      {t('employeeRequests.approve')}
                    </Button>
                    <Button size="xs" variant="default" color="red" leftSection={<IconX size={14} aria-hidden="true" />} onClick={() => setDeciding({ request: r, decision: 'refuse' })} aria-label={t('employeeRequests.refuseFor', { name: r.userName })}>
                      {t('employeeRequests.refuse')}
                    </Button>
                  </Group>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
      </LabelledTable>
      <DecideModal deciding={deciding} onClose={() => setDeciding(null)} />
    </Card>
  );
};
