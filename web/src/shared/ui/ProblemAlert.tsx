import { Alert, type AlertProps } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ReactNode } from 'react';

type ProblemAlertProps = Omit<AlertProps, 'children'> & {
  children: ReactNode;
  /** Announced by an assertive live region that stays on the page, rather than by role="alert". */
  live?: boolean;
};

/**
 * What went wrong with the person's last action, in red and announced at once; nothing while there
 * is no problem, so a form can hold one in place: `<ProblemAlert>{formError}</ProblemAlert>`.
 */
export const ProblemAlert = ({ children, live = false, ...props }: ProblemAlertProps) => {
  const alert = children ? (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden="true" />} role={live ? undefined : 'alert'} {...props}>
      {children}
    </Alert>
  ) : null;
  return live ? <div aria-live="assertive">{alert}</div> : alert;
};
