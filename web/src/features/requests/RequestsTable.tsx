import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RequestSummary } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { ListScaffold, useRowLink, type ListScaffoldProps } from '../../shared/ui/ListScaffold';
import { useRequestText } from './request-text';
import { RequestStatusBadge } from './RequestStatusBadge';

type Props = Pick<ListScaffoldProps<RequestSummary>, 'query' | 'search' | 'filters' | 'empty' | 'pager'> & {
  /** the back office also shows the company and who handles the request */
  backOffice?: boolean;
  pathOf: (id: string) => string;
};

/** Requests, newest first: a row opens the request, its reference is the link for keyboards and screen readers. */
export const RequestList = ({ backOffice = false, pathOf, ...list }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const text = useRequestText();
  const rowLink = useRowLink();
  return (
    <ListScaffold
      {...list}
      table={{
        label: t('requests.tableLabel'),
        minWidth: backOffice ? 1040 : 900,
        columns: backOffice ? 7 : 6,
        head: (
          <>
            <Table.Th>{t('requests.columns.reference')}</Table.Th>
            {backOffice && <Table.Th>{t('requests.columns.company')}</Table.Th>}
            <Table.Th>{t('requests.columns.subject')}</Table.Th>
            <Table.Th>{t('requests.columns.office')}</Table.Th>
            <Table.Th>{t('requests.columns.status')}</Table.Th>
            {backOffice ? <Table.Th>{t('requests.columns.assignee')}</Table.Th> : <Table.Th>{t('requests.columns.filedBy')}</Table.Th>}
            <Table.Th>{t('requests.columns.filed')}</Table.Th>
          </>
        ),
      }}
      row={(r) => (
        <Table.Tr key={r.id} {...rowLink(pathOf(r.id))} style={{ verticalAlign: 'top' }}>
          <Table.Td className="fd-nowrap">
            <Anchor component={Link} to={pathOf(r.id)} fz="sm" fw={600} style={{ fontVariantNumeric: 'tabular-nums' }}>
              {r.reference}
            </Anchor>
            <Text fz="xs" c="dimmed">
              {text.kind(r.kind)}
            </Text>
          </Table.Td>
          {backOffice && (
            <Table.Td>
              <Text fz="sm">{r.company.name}</Text>
            </Table.Td>
          )}
          <Table.Td maw={340}>
            <Text fz="sm" lineClamp={2}>
              {text.subject(r)}
            </Text>
            {r.commentCount > 0 && (
              <Text fz="xs" c="dimmed">
                {t('requests.commentCount', { count: r.commentCount, formatted: format.number(r.commentCount) })}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{r.office ? r.office.name : '—'}</Text>
          </Table.Td>
          <Table.Td>
            <RequestStatusBadge status={r.status} />
            {r.status === 'scheduled' && r.scheduledFor && (
              <Text fz="xs" c="dimmed" mt={4} className="fd-nowrap">
                {format.calendarDate(r.scheduledFor)}
              </Text>
            )}
          </Table.Td>
          <Table.Td>
            <Text fz="sm">{backOffice ? (r.assignedTo?.name ?? t('requests.unassigned')) : r.filedBy}</Text>
          </Table.Td>
          <Table.Td className="fd-nowrap">
            <Text fz="sm" component="time" dateTime={r.createdAt}>
              {format.date(r.createdAt)}
            </Text>
          </Table.Td>
        </Table.Tr>
      )}
    />
  );
};
