import { notifications } from '@mantine/notifications';
import type { ReactNode } from 'react';
import { i18n } from '../i18n/i18n';

/** A toast whose close button has a translated name (Mantine's has none). */
export const notify = ({ color, title, message }: { color: 'green' | 'red'; title: string; message: ReactNode }) =>
  notifications.show({
    color,
    title,
    message,
    closeButtonProps: { 'aria-label': i18n.t('actions.close') },
  });
