import { Badge, type MantineColor } from '@mantine/core';
import type { RequestStatus } from '../../shared/api/contract';
import { useRequestText } from './request-text';

const COLORS: Record<RequestStatus, MantineColor> = {
  submitted: 'blue',
  in_review: 'yellow',
  scheduled: 'cyan',
  done: 'green',
  rejected: 'red',
  withdrawn: 'gray',
};

export const RequestStatusBadge = ({ status }: { status: RequestStatus }) => {
  const text = useRequestText();
  return (
    <Badge variant="light" color={COLORS[status]} radius="sm" tt="none" fw={600} className="fd-nowrap">
      {text.status(status)}
    </Badge>
  );
};
