import { Tabs } from '@mantine/core';
import { IconBuildingSkyscraper, IconDeviceSim, IconPhone } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { FixedNumbersTable } from './FixedNumbersTable';
import { SimCardsTable } from './SimCardsTable';

const TABS = ['overview', 'sim-cards', 'fixed-numbers'] as const;
type Tab = (typeof TABS)[number];

/**
 * A company's page in the back office: the overview, and the stock operator staff load for it.
 * The tab is in the address (?tab=sim-cards); changing tab starts its list afresh.
 */
export const CompanyStockTabs = ({ companyId, overview }: { companyId: string; overview: ReactNode }) => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const requested = searchParams.get('tab');
  const tab: Tab = TABS.find((name) => name === requested) ?? 'overview';

  return (
    <Tabs
      value={tab}
      onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List mb="lg">
        <Tabs.Tab value="overview" leftSection={<IconBuildingSkyscraper size={16} aria-hidden="true" />}>
          {t('stock.tabs.overview')}
        </Tabs.Tab>
        <Tabs.Tab value="sim-cards" leftSection={<IconDeviceSim size={16} aria-hidden="true" />}>
          {t('stock.tabs.simCards')}
        </Tabs.Tab>
        <Tabs.Tab value="fixed-numbers" leftSection={<IconPhone size={16} aria-hidden="true" />}>
          {t('stock.tabs.fixedNumbers')}
        </Tabs.Tab>
      </Tabs.List>
      <Tabs.Panel value="overview">{overview}</Tabs.Panel>
      <Tabs.Panel value="sim-cards">
        <SimCardsTable companyId={companyId} />
      </Tabs.Panel>
      <Tabs.Panel value="fixed-numbers">
        <FixedNumbersTable companyId={companyId} />
      </Tabs.Panel>
    </Tabs>
  );
};
