import { Anchor, Badge, Box, Button, Card, CloseButton, EmptyState, Group, Loader, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconSearch } from '@tabler/icons-react';
import { useEffect, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '../../shared/ui/TableScroll';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useFormat } from '../../shared/i18n/format';
import { Page } from '../../shared/ui/Page';
import { QueryError } from '../../shared/ui/QueryError';
import { PAGE_SIZES, TablePager } from '../../shared/ui/TablePager';
import { TableSkeletonRows } from '../../shared/ui/TableSkeleton';
import { useCompanies } from './api';

const DEFAULT_PAGE_SIZE = 20;
export const companyPath = (id: string) => `/back-office/companies/${id}`;

export const CompaniesPage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const q = searchParams.get('q') ?? '';
  const pageParam = Number(searchParams.get('page'));
  const sizeParam = Number(searchParams.get('pageSize'));
  const page = Number.isInteger(pageParam) && pageParam > 0 ? pageParam : 1;
  const pageSize = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_PAGE_SIZE;
  const companies = useCompanies({ q, page, pageSize });

  const [search, setSearch] = useState(q);
  const [debounced] = useDebouncedValue(search, 300);

  const update = (changes: Record<string, string | number | null>, replace = false) => {
    setSearchParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(changes)) {
          if (value === null || value === '') next.delete(key);
          else next.set(key, String(value));
        }
        return next;
      },
      { replace },
    );
  };

  useEffect(() => {
    if (debounced.trim() !== q.trim()) update({ q: debounced.trim() || null, page: null }, true);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced]);

  useEffect(() => {
    setSearch((current) => (current.trim() === q.trim() ? current : q));
  }, [q]);

  const clearSearch = () => {
    setSearch('');
    update({ q: null, page: null });
  };

  const openRow = (id: string) => (event: MouseEvent<HTMLTableRowElement>) => {
    if ((event.target as HTMLElement).closest('a, button, input')) return;
    navigate(companyPath(id));
  };

  const data = companies.data;

  return (
    <Page
      title={t('nav.companies')}
      breadcrumbs={[{ label: t('nav.backOffice') }, { label: t('nav.companies') }]}
      description={data ? t('companies.count', { count: data.total, formatted: format.number(data.total) }) : undefined}
    >
      <Card padding={0}>
        <Group p="md">
          <TextInput
            type="search"
            aria-label={t('companies.searchLabel')}
            placeholder={t('companies.searchPlaceholder')}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            leftSection={<IconSearch size={16} aria-hidden="true" />}
            rightSection={
              companies.isFetching && !companies.isLoading ? (
                <Loader size={14} aria-hidden="true" />
              ) : search ? (
                <CloseButton size="sm" aria-label={t('users.clearSearch')} onClick={clearSearch} />
              ) : null
            }
            w={{ base: '100%', sm: 380 }}
          />
        </Group>
        {companies.isError ? (
          <Stack p="md">
            <QueryError error={companies.error} onRetry={() => companies.refetch()} />
          </Stack>
        ) : data && data.total === 0 ? (
          <EmptyState
            py={48}
            icon={<IconBuildingSkyscraper size={28} aria-hidden="true" />}
            withIndicatorBackground
            title={q ? t('companies.noMatch', { q }) : t('companies.emptyTitle')}
          >
            {q && (
              <EmptyState.Actions>
                <Button variant="default" onClick={clearSearch}>
                  {t('users.clearSearch')}
                </Button>
              </EmptyState.Actions>
            )}
          </EmptyState>
        ) : (
          <TableScroll minWidth={900} label={t('nav.companies')}>
            <Table highlightOnHover aria-label={t('nav.companies')} style={{ opacity: companies.isPlaceholderData ? 0.6 : 1 }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('companies.columns.name')}</Table.Th>
                  <Table.Th>{t('company.vatNumber')}</Table.Th>
                  <Table.Th>{t('company.reference')}</Table.Th>
                  <Table.Th>{t('company.productTypes')}</Table.Th>
                  <Table.Th ta="right">{t('companies.columns.services')}</Table.Th>
                  <Table.Th ta="right">{t('companies.columns.users')}</Table.Th>
                  <Table.Th ta="right">{t('companies.columns.administrators')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {companies.isLoading || !data ? (
                  <TableSkeletonRows columns={7} />
                ) : (
                  data.items.map((company) => (
                    <Table.Tr key={company.id} className="fd-row-link" onClick={openRow(company.id)}>
                      <Table.Td className="fd-nowrap">
                        <Anchor component={Link} to={companyPath(company.id)} fw={600} fz="sm">
                          {company.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="fd-nowrap">{company.vatNumber ?? '—'}</Table.Td>
                      <Table.Td className="fd-nowrap">
                        {company.contractReference ? (
                          <Text fz="sm" ff="monospace">
                            {company.contractReference}
                          </Text>
                        ) : (
                          <Text fz="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {company.productTypes.map((product) => (
                            <Badge key={product.code} variant="light" color="indigo" radius="sm" tt="none" fw={600}>
                              {product.name}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right" className="fd-nowrap">
                        {t('companies.servicesValue', {
                          active: format.number(company.activeServices),
                          contracted: format.number(company.contractedServices),
                        })}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(company.mobileUserCount)}</Table.Td>
                      <Table.Td ta="right">{format.number(company.administrators)}</Table.Td>
                    </Table.Tr>
                  ))
                )}
              </Table.Tbody>
            </Table>
          </TableScroll>
        )}
        {data && data.total > 0 && (
          <Box p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
            <TablePager
              page={page}
              pageSize={pageSize}
              total={data.total}
              onPageChange={(next) => update({ page: next === 1 ? null : next })}
              onPageSizeChange={(size) => update({ pageSize: size === DEFAULT_PAGE_SIZE ? null : size, page: null })}
            />
          </Box>
        )}
      </Card>
    </Page>
  );
};
