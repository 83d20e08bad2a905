import { Box, Group, Pagination, Select, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';

export const PAGE_SIZES = [10, 20, 50, 100] as const;

type TablePagerProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  onPageSizeChange?: (pageSize: number) => void;
};

/** "21–40 of 134", page size and page buttons under a table. */
export const TablePager = ({ page, pageSize, total, onPageChange, onPageSizeChange }: TablePagerProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const sizeLabelId = useId();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);

  return (
    <Group justify="space-between" gap="md" wrap="wrap">
      <Group gap="lg" wrap="wrap">
        <Text fz="sm" c="dimmed" aria-live="polite">
          {t('table.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
        </Text>
        {onPageSizeChange && (
          <Group gap={8} wrap="nowrap">
            <Text component="label" id={sizeLabelId} fz="sm" c="dimmed" htmlFor={`${sizeLabelId}-input`}>
              {t('table.rowsPerPage')}
            </Text>
            <Select
              id={`${sizeLabelId}-input`}
              w={84}
              size="xs"
              allowDeselect={false}
              data={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
              value={String(pageSize)}
              onChange={(value) => value && onPageSizeChange(Number(value))}
              comboboxProps={{ withinPortal: true }}
            />
          </Group>
        )}
      </Group>
      {pages > 1 && (
        <Pagination
          total={pages}
          value={Math.min(page, pages)}
          onChange={onPageChange}
          size="sm"
          withEdges={pages > 5}
          getItemProps={(item) => ({ 'aria-label': t('table.goToPage', { page: item }) })}
          getControlProps={(control) => ({ 'aria-label': t(`table.${control}Page`) })}
        />
      )}
    </Group>
  );
};

/** The strip under a table that holds its pager. */
export const TableFooter = ({ children }: { children: ReactNode }) => (
  <Box p="md" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
    {children}
  </Box>
);
