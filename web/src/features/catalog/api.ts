import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { BackOfficeCatalog, CatalogEntryKind, CatalogEntryPatch, ItemKind, PriceAdded, PriceHistory, PriceInput } from '../../shared/api/contract';

// Back office › Catalog: names, what is offered, and prices from a date.

export const useBackOfficeCatalog = () =>
  useQuery({ queryKey: ['back-office', 'catalog'], queryFn: ({ signal }) => api.get<BackOfficeCatalog>('/api/back-office/catalog', undefined, signal) });

export const usePriceHistory = (kind: ItemKind, code: string | null) =>
  useQuery({
    queryKey: ['back-office', 'catalog', 'prices', kind, code],
    queryFn: ({ signal }) => api.get<PriceHistory>(`/api/back-office/catalog/prices/${kind}/${encodeURIComponent(code!)}`, undefined, signal),
    enabled: code !== null,
  });

const useRefresh = () => {
  const queryClient = useQueryClient();
  // the wizard's catalog too: names, offer and today's prices change there
  return () => Promise.all([queryClient.invalidateQueries({ queryKey: ['back-office', 'catalog'] }), queryClient.invalidateQueries({ queryKey: ['catalog'] })]);
};

export const useEditEntry = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ kind, code, patch }: { kind: CatalogEntryKind; code: string; patch: CatalogEntryPatch }) => api.patch<void>(`/api/back-office/catalog/${kind}/${encodeURIComponent(code)}`, patch),
    onSuccess: refresh,
  });
};

export const useAddPrice = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: PriceInput) => api.post<PriceAdded>('/api/back-office/catalog/prices', input),
    onSuccess: refresh,
  });
};

export const useWithdrawPrice = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/back-office/catalog/prices/${encodeURIComponent(id)}`), onSuccess: refresh });
};
