import { useTranslation } from 'react-i18next';
import type { Crumb } from '../../shared/ui/Page';

/** Self-service › UC & Mobile › Manage users, as the left-hand menu names them. */
export const useSelfServiceCrumbs = (withManageUsersLink = false): Crumb[] => {
  const { t } = useTranslation();
  return [
    { label: t('nav.selfService') },
    { label: t('nav.ucMobile') },
    withManageUsersLink
      ? { label: t('nav.manageUsers'), to: '/self-service/uc-mobile/users' }
      : { label: t('nav.manageUsers') },
  ];
};
