import { Card, EmptyState, Stack } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { pagingHandlers, readPaging, useListParams } from '../../shared/ui/list-params';
import { TableFooter, TablePager } from '../../shared/ui/TablePager';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { useAuditLog } from './api';
import { AuditTable } from './AuditTable';

export const AuditLogPage = () => {
  const { t } = useTranslation();
  const [searchParams, update] = useListParams();
  const { page, pageSize } = readPaging(searchParams);
  const audit = useAuditLog(page, pageSize);

  return (
    <Page
      title={t('nav.auditLog')}
      breadcrumbs={[{ label: t('nav.selfService') }, { label: t('nav.auditLog') }]}
      description={t('audit.intro')}
    >
      <Card padding={0}>
        {audit.isError ? (
          <Stack p="md">
            <QueryError error={audit.error} onRetry={() => audit.refetch()} />
          </Stack>
        ) : audit.data && audit.data.total === 0 ? (
          <EmptyState py={48} icon={<IconHistory size={28} aria-hidden="true" />} withIndicatorBackground title={t('audit.emptyTitle')} description={t('audit.emptyHint')} />
        ) : (
          <>
            <AuditTable events={audit.data?.items} loading={audit.isLoading} label={t('nav.auditLog')} dimmed={audit.isPlaceholderData} />
            {audit.data && (
              <TableFooter>
                <TablePager page={page} pageSize={pageSize} total={audit.data.total} {...pagingHandlers(update)} />
              </TableFooter>
            )}
          </>
        )}
      </Card>
    </Page>
  );
};
