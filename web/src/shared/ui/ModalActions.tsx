import { Button, Group, type MantineColor, type MantineSpacing } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

type ModalActionsProps = {
  /** What the action button says. */
  label: string;
  /** Without it, the action submits the form the row stands in. */
  onConfirm?: () => void;
  /** While the action runs: its button spins and the way out waits for it. */
  pending: boolean;
  icon?: Icon;
  /** Red for what cannot be undone. */
  color?: MantineColor;
  onCancel: () => void;
  /** The way out's words, when "Cancel" would be unclear (e.g. "Keep the service"). */
  cancelLabel?: string;
  /** The focus starts on the way out, not on the first field: for a question before a lasting step. */
  focusCancel?: boolean;
  mt?: MantineSpacing;
};

/** The foot of a modal: the way out, then the action, on the right. */
export const ModalActions = ({ label, onConfirm, pending, icon: ActionIcon, color, onCancel, cancelLabel, focusCancel, mt }: ModalActionsProps) => {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt={mt}>
      <Button variant="default" onClick={onCancel} disabled={pending} data-autofocus={focusCancel || undefined}>
        {cancelLabel ?? t('actions.cancel')}
      </Button>
      <Button
        type={onConfirm ? 'button' : 'submit'}
        onClick={onConfirm}
        color={color}
        loading={pending}
        leftSection={ActionIcon && <ActionIcon size={16} aria-hidden="true" />}
      >
        {label}
      </Button>
    </Group>
  );
};
