import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * Horizontal scrolling for wide tables on narrow screens. The container is a named, focusable
 * region so keyboard users can scroll it too (axe: scrollable-region-focusable).
 */
export const TableScroll = ({ minWidth, label, children }: { minWidth: number; label: string; children: ReactNode }) => (
  <Table.ScrollContainer minWidth={minWidth} type="native" tabIndex={0} role="region" aria-label={label}>
    {children}
  </Table.ScrollContainer>
);

type LabelledTableProps = Omit<TableProps, 'children'> & {
  /** The table's accessible name, also that of its scroll region. */
  label: string;
  /** Below this width the table scrolls sideways instead of squeezing; without it, it never scrolls. */
  minWidth?: number;
  /** The header cells: a Table.Th per column. */
  head: ReactNode;
  /** The rows. */
  children: ReactNode;
  /** Rows under the body, e.g. a total. */
  foot?: ReactNode;
};

/** A named table with its one header row, its rows and perhaps a foot. */
export const LabelledTable = ({ label, minWidth, head, children, foot, ...props }: LabelledTableProps) => {
  const table = (
    <Table aria-label={label} {...props}>
      <Table.Thead>
        <Table.Tr>{head}</Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
      {foot && <Table.Tfoot>{foot}</Table.Tfoot>}
    </Table>
  );
  return minWidth === undefined ? (
    table
  ) : (
    <TableScroll minWidth={minWidth} label={label}>
      {table}
    </TableScroll>
  );
};
