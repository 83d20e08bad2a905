import { Modal, Stack, type ModalProps } from '@mantine/core';
import type { Icon } from '@tabler/icons-react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ModalActions } from './ModalActions';

type FormModalProps = {
  opened: boolean;
  /** Cancel, the close button and Escape all end here. */
  onClose: () => void;
  title: string;
  size?: ModalProps['size'];
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** The submit button: its words, whether the request runs, its icon. */
  submit: { label: string; pending: boolean; icon?: Icon };
  /** The fields, and the form's ProblemAlert where it should stand. */
  children: ReactNode;
};

/** A form in a modal: the fields one under the other, then Cancel and the submit button. */
export const FormModal = ({ opened, onClose, title, size = 'lg', onSubmit, submit, children }: FormModalProps) => {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered size={size} closeButtonProps={{ 'aria-label': t('actions.close') }}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {children}
          <ModalActions label={submit.label} pending={submit.pending} icon={submit.icon} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
};
