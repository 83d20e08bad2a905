import { Badge, Button, Group, Modal, Stack, Text, Textarea, type MantineColor } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Approval, ApprovalStatus } from '../../shared/api/contract';
import { FormModal } from '../../shared/ui/FormModal';
import { ModalActions } from '../../shared/ui/ModalActions';
import { notify } from '../../shared/ui/notify';
import { ProblemAlert } from '../../shared/ui/ProblemAlert';
import { useProblemMessage } from '../../shared/ui/problem-message';
import { useApprovalMutations } from './api';

const COLORS: Record<ApprovalStatus, MantineColor> = { pending: 'yellow', approved: 'green', rejected: 'red', cancelled: 'gray', failed: 'orange' };

export const ApprovalStatusBadge = ({ status }: { status: ApprovalStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={COLORS[status]} radius="sm" tt="none" fw={600} className="fd-nowrap">
      {t(`approvals.status.${status}`)}
    </Badge>
  );
};

export type Deciding = { approval: Approval; event: 'approve' | 'reject' | 'cancel' } | null;

/** The buttons of one approval: what the server says this person may do with it. */
export const ApprovalButtons = ({ approval, onDecide }: { approval: Approval; onDecide: (d: NonNullable<Deciding>) => void }) => {
  const { t } = useTranslation();
  if (approval.actions.length === 0) return null;
  return (
    <Group gap="xs" wrap="nowrap" justify="flex-end">
      {approval.actions.map((event) => (
        <Button
          key={event}
          size="xs"
          variant={event === 'approve' ? 'filled' : 'default'}
          leftSection={event === 'approve' ? <IconCheck size={14} aria-hidden="true" /> : event === 'reject' ? <IconX size={14} aria-hidden="true" /> : undefined}
          onClick={() => onDecide({ approval, event })}
          aria-label={t(`approvals.actionLabel.${event}`, { subject: approval.subject })}
        >
          {t(`approvals.actions.${event}`)}
        </Button>
      ))}
    </Group>
  );
};

/** Asks before approving or withdrawing; asks the reason of a rejection. */
export const DecisionModal = ({ deciding, onClose }: { deciding: Deciding; onClose: () => void }) => {
  const { t } = useTranslation();
  const problemMessage = useProblemMessage();
  const { decide } = useApprovalMutations();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setReason('');
    setReasonError(null);
    setFailure(null);
    onClose();
  };
  const run = async () => {
    if (!deciding) return;
    if (deciding.event === 'reject' && !reason.trim()) {
      setReasonError(t('approvals.reasonRequired'));
      return;
    }
    try {
      const result = await decide.mutateAsync({ id: deciding.approval.id, event: deciding.event, ...(deciding.event === 'reject' ? { reason: reason.trim() } : {}) });
      if (result.status === 'failed') notify({ color: 'red', title: t('approvals.done.failed'), message: result.reason ?? '' });
      else notify({ color: 'green', title: t(`approvals.done.${deciding.event}`), message: deciding.approval.subject });
      close();
    } catch (error) {
      setFailure(problemMessage(error));
    }
  };
  const event = deciding?.event ?? 'approve';
  const subject = deciding?.approval.subject ?? '';
  const kind = deciding ? t(`approvals.kindInText.${deciding.approval.kind}`) : '';
  if (event === 'reject') {
    return (
      <FormModal
        opened={deciding !== null}
        onClose={close}
        size="md"
        title={t('approvals.confirm.reject.title')}
        onSubmit={(e) => {
          e?.preventDefault();
          void run();
        }}
        submit={{ label: t('approvals.actions.reject'), pending: decide.isPending, icon: IconX }}
      >
        <Text fz="sm">{t('approvals.confirm.reject.text', { kind, subject, requester: deciding?.approval.requestedBy ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <Textarea
          label={t('approvals.reason')}
          description={t('approvals.reasonHint')}
          required
          autosize
          minRows={3}
          maxLength={1000}
          value={reason}
          error={reasonError}
          onChange={(e) => {
            setReason(e.currentTarget.value);
            setReasonError(null);
          }}
          data-autofocus
        />
      </FormModal>
    );
  }
  return (
    <Modal opened={deciding !== null} onClose={close} title={t(`approvals.confirm.${event}.title`)} centered closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <Stack gap="md">
        <Text fz="sm">{t(`approvals.confirm.${event}.text`, { kind, subject, requester: deciding?.approval.requestedBy ?? '' })}</Text>
        <ProblemAlert>{failure}</ProblemAlert>
        <ModalActions label={t(`approvals.actions.${event}`)} onConfirm={() => void run()} pending={decide.isPending} onCancel={close} cancelLabel={event === 'cancel' ? t('approvals.keep') : undefined} focusCancel={event === 'cancel'} />
      </Stack>
    </Modal>
  );
};
