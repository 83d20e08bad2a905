import { Skeleton, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Placeholder rows while a table's first page loads. */
export const TableSkeletonRows = ({ columns, rows = 6 }: { columns: number; rows?: number }) => {
  const { t } = useTranslation();
  return (
    <>
      {Array.from({ length: rows }, (_, row) => (
        <Table.Tr key={row}>
          {Array.from({ length: columns }, (_, column) => (
            <Table.Td key={column}>
              <Skeleton height={12} radius="sm" width={`${55 + ((row * 7 + column * 13) % 40)}%`} />
              {row === 0 && column === 0 && <VisuallyHidden>{t('status.loading')}</VisuallyHidden>}
            </Table.Td>
          ))}
        </Table.Tr>
      ))}
    </>
  );
};
