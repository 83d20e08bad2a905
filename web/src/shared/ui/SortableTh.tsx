import { Table, UnstyledButton } from '@mantine/core';
import { IconArrowsSort, IconSortAscending, IconSortDescending } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SortOrder } from '../api/contract';

type SortableThProps = {
  children: ReactNode;
  /** Is the table currently sorted by this column, and how. */
  sorted: SortOrder | null;
  onSort: () => void;
  className?: string;
};

/** A header cell whose label is a button; aria-sort tells assistive tech the current order. */
export const SortableTh = ({ children, sorted, onSort, className }: SortableThProps) => {
  const { t } = useTranslation();
  const Icon = sorted === 'asc' ? IconSortAscending : sorted === 'desc' ? IconSortDescending : IconArrowsSort;
  return (
    <Table.Th
      className={className}
      aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
    >
      <UnstyledButton
        className="fd-sort-button"
        onClick={onSort}
        title={sorted === 'asc' ? t('table.sortDescending') : t('table.sortAscending')}
      >
        {children}
        <Icon size={15} stroke={1.8} aria-hidden="true" opacity={sorted ? 1 : 0.55} />
      </UnstyledButton>
    </Table.Th>
  );
};
