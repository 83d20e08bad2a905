import { Table } from '@mantine/core';
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
