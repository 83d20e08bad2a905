import { useState } from 'react';

/**
 * Ticked rows of a list, for actions on several at once. Only what is on screen counts: a selection
 * never hides on another page, and rows that left the list (started, deleted) drop out of it.
 */
export const useRowSelection = <T extends { id: string }>(items: readonly T[]) => {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const chosen = items.filter((item) => selected.has(item.id));
  const allOnPage = items.length > 0 && chosen.length === items.length;
  return {
    chosen,
    ids: chosen.map((item) => item.id),
    isSelected: (id: string) => selected.has(id),
    allOnPage,
    someOnPage: chosen.length > 0 && !allOnPage,
    toggle: (id: string, on: boolean) =>
      setSelected((current) => {
        const next = new Set(current);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    toggleAll: (on: boolean) => setSelected(on ? new Set(items.map((item) => item.id)) : new Set()),
    clear: () => setSelected(new Set()),
  };
};
