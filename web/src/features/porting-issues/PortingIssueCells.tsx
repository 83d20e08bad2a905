import { Badge, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortingIssue } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { useRefusalLabel } from './refusal-label';

/** The header cells over PortingIssueCells. */
export const PortingIssueHead = () => {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <>
      <Table.Th>{labels.field('donorOperator')}</Table.Th>
      <Table.Th>{t('portingIssues.columns.details')}</Table.Th>
      <Table.Th>{t('portingIssues.columns.reason')}</Table.Th>
      <Table.Th>{t('portingIssues.columns.refused')}</Table.Th>
    </>
  );
};

/** The refused port-in itself — donor, the details sent, the donor's reason, when and how often — as the administrator's and the operator's lists both show it. */
export const PortingIssueCells = ({ item }: { item: PortingIssue }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const refusalLabel = useRefusalLabel();
  return (
    <>
      <Table.Td>
        <Text fz="sm">{item.donorOperator.name}</Text>
        <Text fz="xs" c="dimmed">
          {t(`wizard.number.${item.accountType}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text fz="xs" c="dimmed">
          {labels.field(item.accountType === 'postpaid' ? 'customerNumber' : 'donorSimNumber')}
        </Text>
        <Text fz="sm" style={{ fontVariantNumeric: 'tabular-nums', overflowWrap: 'anywhere' }}>
          {(item.accountType === 'postpaid' ? item.customerNumber : item.donorSimNumber) ?? '—'}
        </Text>
        <Text fz="xs" c="dimmed" mt={4}>
          {labels.field('holderName')}
        </Text>
        <Text fz="sm">{item.holderName}</Text>
      </Table.Td>
      <Table.Td maw={260}>
        <Text fz="sm">{refusalLabel(item)}</Text>
      </Table.Td>
      <Table.Td className="fd-nowrap">
        <Text fz="sm" component="time" dateTime={item.refusedAt}>
          {format.dateTime(item.refusedAt)}
        </Text>
        <div>
          <Badge variant="light" color={item.attempts > 1 ? 'orange' : 'gray'} radius="sm" tt="none" fw={600} mt={4}>
            {t('portingIssues.attempts', { count: item.attempts, formatted: format.number(item.attempts) })}
          </Badge>
        </div>
      </Table.Td>
    </>
  );
};
