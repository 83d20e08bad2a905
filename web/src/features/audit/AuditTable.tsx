import { Anchor, Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLabels } from '../../shared/i18n/labels';
import { Link } from 'react-router';
import type { AuditEvent } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ListScaffold, type ListScaffoldProps } from '../../shared/ui/ListScaffold';
import { AuditChanges, useAuditActionLabel } from './AuditChanges';

const actionColor = (action: string) =>
  action.endsWith('.created') ? 'green' : action.endsWith('.deleted') || action.endsWith('.terminated') ? 'red' : 'indigo';

const subjectPath = (event: AuditEvent) =>
  event.entityType === 'mobile_user' ? `/self-service/uc-mobile/users/${event.entityId}` : null;

type AuditListProps = Pick<ListScaffoldProps<AuditEvent>, 'query' | 'empty' | 'pager' | 'framed'> & {
  label: string;
  /** The user history on a user's page does not repeat the user as subject. */
  withSubject?: boolean;
};

/** Audit lines, newest first: when, who, what, about whom, and what changed. */
export const AuditList = ({ label, withSubject = true, ...list }: AuditListProps) => {
  const { t } = useTranslation();
  const labels = useLabels();
  const format = useFormat();
  const actionLabel = useAuditActionLabel();
  return (
    <ListScaffold
      {...list}
      table={{
        label,
        minWidth: 760,
        columns: withSubject ? 5 : 4,
        horizontalSpacing: 'xs',
        verticalSpacing: 'sm',
        head: (
          <>
            <Table.Th>{t('audit.columns.when')}</Table.Th>
            <Table.Th>{t('audit.columns.who')}</Table.Th>
            <Table.Th>{t('audit.columns.action')}</Table.Th>
            {withSubject && <Table.Th>{t('audit.columns.subject')}</Table.Th>}
            <Table.Th>{t('audit.columns.changes')}</Table.Th>
          </>
        ),
      }}
      row={(event) => {
        const path = subjectPath(event);
        return (
          <Table.Tr key={event.id} style={{ verticalAlign: 'top' }}>
            <Table.Td className="fd-nowrap">
              <Text fz="sm" component="time" dateTime={event.createdAt}>
                {format.dateTime(event.createdAt)}
              </Text>
            </Table.Td>
            <Table.Td>
              <Text fz="sm" tt={event.actorName === 'system' ? 'capitalize' : undefined}>
                {labels.actor(event.actorName)}
              </Text>
            </Table.Td>
            <Table.Td className="fd-nowrap">
              <Badge variant="light" color={actionColor(event.action)} radius="sm" tt="none" fw={600}>
                {actionLabel(event.action)}
              </Badge>
            </Table.Td>
            {withSubject && (
              <Table.Td>
                {path ? (
                  <Anchor component={Link} to={path} fz="sm">
                    {event.entityLabel ?? t('audit.unnamed')}
                  </Anchor>
                ) : (
                  <Text fz="sm">{event.entityLabel ?? t(`audit.entities.${event.entityType}`, { defaultValue: event.entityType })}</Text>
                )}
              </Table.Td>
            )}
            <Table.Td>
              <AuditChanges event={event} />
            </Table.Td>
          </Table.Tr>
        );
      }}
    />
  );
};
