import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SimCard } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { useLabels } from '../../shared/i18n/labels';
import { SIM_KINDS, SIM_STATUSES, useSimCards } from './api';
import { StockActions } from './StockActions';
import { Dash } from '../../shared/ui/values';
import { FilterSelect, StockStatusBadge, StockTable, useStockListParams } from './StockTable';

/** A company's physical SIM cards and eSIM profiles (back office). */
export const SimCardsTable = ({ companyId }: { companyId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useLabels();
  const { params, update } = useStockListParams(SIM_STATUSES, SIM_KINDS);
  const query = useSimCards(companyId, params);

  const row = (card: SimCard) => (
    <Table.Tr key={card.id}>
      <Table.Td className="fd-nowrap" ff="monospace" fz="sm">
        {format.iccid(card.iccid)}
      </Table.Td>
      <Table.Td>
        {/* an eSIM profile shows what it is downloaded with: its matching ID at its SM-DP+ server */}
        <Text fz="sm" className="fd-nowrap">
          {t(`stock.kind.${card.kind}`)}
        </Text>
        {card.matchingId && (
          <>
            <Text fz="xs" ff="monospace" title={card.activationCode ?? undefined}>
              {card.matchingId}
            </Text>
            <Text fz="xs" c="dimmed">
              {card.smdpAddress}
            </Text>
          </>
        )}
      </Table.Td>
      <Table.Td>
        <StockStatusBadge status={card.status} />
      </Table.Td>
      <Table.Td className="fd-nowrap">
        {card.pinPukRecorded ? (
          <Text span fz="sm">
            {t('stock.simCards.pinPukRecorded')}
          </Text>
        ) : (
          <Dash />
        )}
      </Table.Td>
      <Table.Td>{card.holderName ? <Text fz="sm">{card.holderName}</Text> : <Dash />}</Table.Td>
      <Table.Td className="fd-nowrap">{format.date(card.createdAt)}</Table.Td>
    </Table.Tr>
  );

  return (
    <StockTable
      caption={t('stock.simCards.caption')}
      search={{ label: t('stock.simCards.searchLabel'), placeholder: t('stock.simCards.searchPlaceholder') }}
      params={params}
      update={update}
      statuses={SIM_STATUSES}
      filters={
        <FilterSelect
          label={labels.field('kind')}
          allLabel={t('stock.filters.allKinds')}
          options={SIM_KINDS.map((kind) => ({ value: kind, label: t(`stock.kind.${kind}`) }))}
          value={params.kind ?? null}
          onChange={(kind) => update({ kind, page: null })}
        />
      }
      actions={<StockActions stock="sim-cards" companyId={companyId} />}
      query={query}
      columns={[
        { label: t('stock.columns.iccid') },
        { label: t('stock.columns.kind') },
        { label: t('stock.columns.status') },
        { label: t('stock.columns.pinPuk') },
        { label: t('stock.columns.holder') },
        { label: t('stock.columns.added') },
      ]}
      renderRow={row}
      empty={{ title: t('stock.simCards.emptyTitle'), hint: t('stock.simCards.emptyHint') }}
      minWidth={900}
    />
  );
};
