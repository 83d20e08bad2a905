import { Button, Card, Stack, Tabs } from '@mantine/core';
import { IconDeviceMobile, IconDownload, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useListParams } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { exportHref } from './api';
import { MobileServicesTab } from './MobileServicesTab';
import { OverviewDashboard } from './OverviewDashboard';
import { filtersOf, readOverviewState } from './overview-params';
import { UsersTab } from './UsersTab';

/** Self-service › UC & Mobile › Service overview: the figures, all mobile services and all users of the company. */
export const ServiceOverviewPage = () => {
  const { t } = useTranslation();
  const [searchParams, update] = useListParams();
  const state = readOverviewState(searchParams);

  return (
    <Page
      title={t('nav.serviceOverview')}
      description={t('overview.description')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.ucMobile') }, { label: t('nav.serviceOverview') }]}
      actions={
        state.tab === 'services' && (
          // A plain link: the browser downloads the file itself, with the session cookie.
          <Button component="a" href={exportHref(filtersOf(state))} download variant="default" leftSection={<IconDownload size={16} aria-hidden="true" />}>
            {t('overview.export')}
          </Button>
        )
      }
    >
      <Stack gap="lg">
        <OverviewDashboard />
        <Card padding={0}>
          <Tabs value={state.tab} onChange={(tab) => update({ tab: tab === 'users' ? 'users' : null })} keepMounted={false}>
            <Tabs.List px="md" pt="xs">
              <Tabs.Tab value="services" leftSection={<IconDeviceMobile size={16} aria-hidden="true" />}>
                {t('overview.tabs.services')}
              </Tabs.Tab>
              <Tabs.Tab value="users" leftSection={<IconUsers size={16} aria-hidden="true" />}>
                {t('overview.tabs.users')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="services">
              <MobileServicesTab state={state} update={update} />
            </Tabs.Panel>
            <Tabs.Panel value="users">
              <UsersTab searchParams={searchParams} update={update} />
            </Tabs.Panel>
          </Tabs>
        </Card>
      </Stack>
    </Page>
  );
};
