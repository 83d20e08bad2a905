import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Crumb } from '../../shared/ui/Page';
import { useCompanyDetail } from '../companies/api';
import { useSelfServiceCrumbs } from '../mobile-users/crumbs';

/**
 * Where an import lives: the administrator imports into their own company (Manage users › Import);
 * operator staff import into any company from its back-office page. The pages are the same; the API
 * and the addresses around them differ.
 */
export interface ImportScope {
  /** the imports API of this company */
  api: string;
  /** the import page (upload, dry run, recent imports) */
  page: string;
  /** the trail up to the import page, the import page itself excluded */
  crumbs: Crumb[];
}

export const SELF_SERVICE_IMPORT_PAGE = '/self-service/uc-mobile/users/import';

export const importProgressPath = (scope: ImportScope, id: string) => `${scope.page}/${encodeURIComponent(id)}`;

export const useImportScope = (): ImportScope => {
  const { t } = useTranslation();
  const { companyId } = useParams();
  const selfService = useSelfServiceCrumbs(true);
  // Only the back office's routes carry a company; the query stays idle on the administrator's pages.
  const company = useCompanyDetail(companyId ?? '', Boolean(companyId));
  if (!companyId) return { api: '/api/imports', page: SELF_SERVICE_IMPORT_PAGE, crumbs: selfService };
  const id = encodeURIComponent(companyId);
  return {
    api: `/api/companies/${id}/imports`,
    page: `/back-office/companies/${id}/import`,
    crumbs: [
      { label: t('nav.backOffice') },
      { label: t('nav.companies'), to: '/back-office/companies' },
      { label: company.data?.name ?? '…', to: `/back-office/companies/${id}` },
    ],
  };
};
