import { useTranslation } from 'react-i18next';
import type { PortingIssue } from '../../shared/api/contract';

/** The reason in the administrator's language when the portal knows the code, else the donor's own words. */
export const useRefusalLabel = () => {
  const { t } = useTranslation();
  return (issue: Pick<PortingIssue, 'refusalCode' | 'refusalReason'>) =>
    t(`portingRefusal.${issue.refusalCode}`, { ns: 'common', defaultValue: issue.refusalReason });
};
