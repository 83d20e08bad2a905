import { useTranslation } from 'react-i18next';
import type { PoolNumber } from '../../shared/api/contract';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { POOL_NUMBER_STATUSES, usePoolNumbers } from './api';
import { StockActions } from './StockActions';
import { NumberRow, StockTable, useStockListParams } from './StockTable';

/** Back office › Mobile number pool: the operator's own numbers, free or held by a company. */
export const MobileNumberPoolPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const { params, update } = useStockListParams(POOL_NUMBER_STATUSES);
  const query = usePoolNumbers(params);
  const total = query.data?.total;

  return (
    <Page
      title={t('nav.mobileNumberPool')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.mobileNumberPool') }]}
      description={total === undefined ? t('stock.pool.intro') : `${t('stock.pool.count', { count: total, formatted: format.number(total) })} · ${t('stock.pool.intro')}`}
    >
      <StockTable
        caption={t('stock.pool.caption')}
        search={{ label: t('stock.pool.searchLabel'), placeholder: t('stock.pool.searchPlaceholder') }}
        params={params}
        update={update}
        statuses={POOL_NUMBER_STATUSES}
        actions={<StockActions stock="mobile-number-pool" companyId={null} />}
        query={query}
        columns={[{ label: t('stock.columns.number') }, { label: t('stock.columns.status') }, { label: t('stock.columns.company') }, { label: t('stock.columns.added') }]}
        renderRow={(n: PoolNumber) => <NumberRow key={n.msisdn} number={n.msisdn} status={n.status} heldBy={n.companyName} createdAt={n.createdAt} />}
        empty={{ title: t('stock.pool.emptyTitle'), hint: t('stock.pool.emptyHint') }}
        minWidth={640}
      />
    </Page>
  );
};
