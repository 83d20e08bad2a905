import { useTranslation } from 'react-i18next';
import type { FixedNumber } from '../../shared/api/contract';
import { FIXED_NUMBER_STATUSES, useFixedNumbers } from './api';
import { StockActions } from './StockActions';
import { NumberRow, StockTable, useStockListParams } from './StockTable';

/** A company's fixed numbers for SmartMobile and FMC (back office). */
export const FixedNumbersTable = ({ companyId }: { companyId: string }) => {
  const { t } = useTranslation();
  const { params, update } = useStockListParams(FIXED_NUMBER_STATUSES);
  const query = useFixedNumbers(companyId, params);

  return (
    <StockTable
      caption={t('stock.fixedNumbers.caption')}
      search={{ label: t('stock.fixedNumbers.searchLabel'), placeholder: t('stock.fixedNumbers.searchPlaceholder') }}
      params={params}
      update={update}
      statuses={FIXED_NUMBER_STATUSES}
      actions={<StockActions stock="fixed-numbers" companyId={companyId} />}
      query={query}
      columns={[{ label: t('stock.columns.number') }, { label: t('stock.columns.status') }, { label: t('stock.columns.holder') }, { label: t('stock.columns.added') }]}
      renderRow={(n: FixedNumber) => <NumberRow key={n.id} number={n.number} status={n.status} heldBy={n.holderName} createdAt={n.createdAt} />}
      empty={{ title: t('stock.fixedNumbers.emptyTitle'), hint: t('stock.fixedNumbers.emptyHint') }}
      minWidth={640}
    />
  );
};
