import { useEffect } from 'react';
import { useOperator } from '../../features/auth/session';

/** "<page> · MyDstny" — every page has its own document title (WCAG 2.4.2). */
export const usePageTitle = (title: string | null | undefined): void => {
  const operator = useOperator();
  const portal = operator.data?.portalName ?? 'MyDstny';
  useEffect(() => {
    document.title = title ? `${title} · ${portal}` : portal;
  }, [title, portal]);
};
