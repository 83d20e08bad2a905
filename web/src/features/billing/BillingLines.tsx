import { Badge, Table, Text, type MantineFontSize } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { BillingLine } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { LabelledTable } from '../../shared/ui/TableScroll';

/** "Charge" / "Credit" as a small badge; credits are the negative amounts. */
export const LineKind = ({ kind }: { kind: BillingLine['kind'] }) => {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={kind === 'credit' ? 'teal' : 'indigo'} radius="sm" tt="none" fw={600}>
      {t(`billing.kind.${kind}`)}
    </Badge>
  );
};

/** A money amount right-aligned in tabular figures; credits read as negative, e.g. "-€3.23". */
export const Amount = ({ cents, strong = false, size = 'sm' }: { cents: number; strong?: boolean; size?: MantineFontSize | number }) => {
  const format = useFormat();
  return (
    <Text span fz={size} fw={strong ? 700 : undefined} c={cents < 0 ? 'teal.9' : undefined} className="fd-nowrap" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {format.money(cents)}
    </Text>
  );
};

/** The columns of a billing line, wherever lines are listed: item, kind, days, amount. */
export const BillingLineHead = () => {
  const { t } = useTranslation();
  return (
    <>
      <Table.Th>{t('billing.columns.item')}</Table.Th>
      <Table.Th>{t('billing.columns.kind')}</Table.Th>
      <Table.Th ta="right">{t('billing.columns.days')}</Table.Th>
      <Table.Th ta="right">{t('billing.columns.amount')}</Table.Th>
    </>
  );
};

/** A billing line's cells under BillingLineHead. */
export const BillingLineCells = ({ line }: { line: Pick<BillingLine, 'name' | 'kind' | 'days' | 'daysInMonth' | 'amountCents'> }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <Table.Td>
        <Text fz="sm">{line.name}</Text>
      </Table.Td>
      <Table.Td>
        <LineKind kind={line.kind} />
      </Table.Td>
      <Table.Td ta="right" className="fd-nowrap">
        <Text fz="sm">{t('billing.days', { days: format.number(line.days), daysInMonth: format.number(line.daysInMonth) })}</Text>
      </Table.Td>
      <Table.Td ta="right">
        <Amount cents={line.amountCents} />
      </Table.Td>
    </>
  );
};

/** The pro-rata lines of a change (what is credited, what is charged) and their total. */
export const BillingLinesTable = ({ lines, totalCents, label }: { lines: BillingLine[]; totalCents: number; label: string }) => {
  const { t } = useTranslation();
  return (
    <LabelledTable
      label={label}
      minWidth={480}
      withTableBorder
      verticalSpacing={6}
      horizontalSpacing="sm"
      head={<BillingLineHead />}
      foot={
        <Table.Tr>
          <Table.Th colSpan={3}>{t('billing.total')}</Table.Th>
          <Table.Td ta="right">
            <Amount cents={totalCents} strong />
          </Table.Td>
        </Table.Tr>
      }
    >
      {lines.map((line, index) => (
        <Table.Tr key={`${line.kind}-${line.code}-${index}`}>
          <BillingLineCells line={line} />
        </Table.Tr>
      ))}
    </LabelledTable>
  );
};
