import { Box, Card, EmptyState, Stack } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PAGE_SIZES, TablePager } from '../../shared/ui/TablePager';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { useAuditLog } from './api';
import { AuditTable } from './AuditTable';

const DEFAULT_PAGE_SIZE = 20;

export const AuditLogPage = () => {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const pageParam = Number(searchParams.get('page'));
  const sizeParam = Number(searchParams.get('pageSize'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  const audit = useAuditLog(page, pageSize);

  const go = (nextPage: number, nextSize = pageSize) => {
    const params = new URLSearchParams();
    if (nextPage > 1) params.set('page', String(nextPage));
    if (nextSize !== DEFAULT_PAGE_SIZE) params.set('pageSize', String(nextSize));
    setSearchParams(params);
  };

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
              <Box p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
                <TablePager
                  page={page}
                  pageSize={pageSize}
                  total={audit.data.total}
                  onPageChange={(next) => go(next)}
                  onPageSizeChange={(size) => go(1, size)}
                />
              </Box>
            )}
          </>
        )}
      </Card>
    </Page>
  );
};
