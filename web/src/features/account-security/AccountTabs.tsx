import { Tabs } from '@mantine/core';
import { IconDevices, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

/** The pages of one's own account: two-factor sign-in and sessions. */
export const AccountTabs = () => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const current = useLocation().pathname.endsWith('/sessions') ? 'sessions' : 'security';
  return (
    <Tabs value={current} onChange={(v) => v && navigate(`/account/${v}`)} keepMounted={false}>
      <Tabs.List aria-label={t('accountPages.crumb')}>
        <Tabs.Tab value="security" leftSection={<IconShieldLock size={16} aria-hidden="true" />}>
          {t('twoFactor.title')}
        </Tabs.Tab>
        <Tabs.Tab value="sessions" leftSection={<IconDevices size={16} aria-hidden="true" />}>
          {t('sessions.title')}
        </Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
};
