import type { ReactNode } from 'react';
import { i18n } from '../i18n/i18n';

/**
 * A toast whose close button has a translated name (Mantine's has none). The toasts' code is fetched
 * with the first toast (or once the first page is idle, see RootLayout), not with the first page.
 */
/** green: done; red: refused; yellow: accepted but not done yet (an order waiting for approval). */
export const notify = ({ color, title, message }: { color: 'green' | 'red' | 'yellow'; title: string; message: ReactNode }): void => {
  void import('@mantine/notifications').then(({ notifications }) =>
    notifications.show({
      color,
      title,
      message,
      closeButtonProps: { 'aria-label': i18n.t('actions.close') },
    }),
  );
};
