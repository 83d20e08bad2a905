import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ListEmpty } from '../../shared/ui/ListScaffold';
import { pagingHandlers, readPaging, useListParams } from '../../shared/ui/list-params';
import { Page } from '../../shared/ui/Page';
import { useAuditLog } from './api';
import { AuditList } from './AuditTable';

export const AuditLogPage = () => {
  const { t } = useTranslation();
  const [searchParams, update] = useListParams();
  const { page, pageSize } = readPaging(searchParams);
  const audit = useAuditLog(page, pageSize);

  return (
    <Page title={t('nav.auditLog')} breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.auditLog') }]} description={t('audit.intro')}>
      <AuditList
        query={audit}
        label={t('nav.auditLog')}
        empty={<ListEmpty icon={<IconHistory size={28} aria-hidden="true" />} title={t('audit.emptyTitle')} description={t('audit.emptyHint')} />}
        pager={{ page, pageSize, ...pagingHandlers(update) }}
      />
    </Page>
  );
};
