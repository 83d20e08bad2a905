import { Badge, type MantineColor } from '@mantine/core';
import { useTranslation } from 'react-i18next';

// Lifecycle states from DESIGN.md; unknown states still show, untranslated, in grey.
const STATUS_COLORS: Record<string, MantineColor> = {
  waiting_for_activation: 'gray',
  activation_started: 'indigo',
  awaiting_user: 'yellow',
  provisioning: 'blue',
  porting: 'cyan',
  porting_refused: 'red',
  activation_failed: 'red',
  active: 'green',
  suspended: 'orange',
  // reported lost or stolen: apart from the failures' red and the suspension's orange
  barred: 'pink',
  terminated: 'dark',
  cancelled: 'dark',
};

export const ServiceStatusBadge = ({ status }: { status: string }) => {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={STATUS_COLORS[status] ?? 'gray'} radius="sm" tt="none" fw={600}>
      {t(`serviceStatus.${status}`, { defaultValue: status.replace(/_/g, ' ') })}
    </Badge>
  );
};
