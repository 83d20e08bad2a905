import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export type Localized = { en: string; fr: string; nl: string };
export type PlannedPrice = { monthlyPriceCents: number; effectiveFrom: string } | null;
export type CatalogBundle = {
  code: string;
  serviceTypeCode: string;
  name: Localized;
  dataGb: number | null;
  callMinutes: number | null;
  monthlyPriceCents: number;
  nextPrice: PlannedPrice;
  active: boolean;
  optionCodes: string[];
};
export type CatalogOption = { code: string; name: Localized; monthlyPriceCents: number; nextPrice: PlannedPrice; active: boolean; bundleCodes: string[] };
export type BackOfficeCatalog = {
  today: string;
  productTypes: { code: string; name: Localized; sortOrder: number }[];
  serviceTypes: { code: string; productTypeCode: string; name: Localized; needsSim: boolean; needsMobileNumber: boolean; needsFixedNumber: boolean }[];
  bundles: CatalogBundle[];
  options: CatalogOption[];
};
export type ItemKind = 'bundle' | 'option';
export type EntryKind = 'product-types' | 'service-types' | 'bundles' | 'options';
export type PriceRow = { id: string; monthlyPriceCents: number; effectiveFrom: string; status: 'past' | 'current' | 'planned'; createdAt: string; createdByName: string | null };

export const useBackOfficeCatalog = () =>
  useQuery({ queryKey: ['back-office', 'catalog'], queryFn: ({ signal }) => api.get<BackOfficeCatalog>('/api/back-office/catalog', undefined, signal) });

export const usePriceHistory = (kind: ItemKind, code: string | null) =>
  useQuery({
    queryKey: ['back-office', 'catalog', 'prices', kind, code],
    queryFn: ({ signal }) => api.get<{ today: string; items: PriceRow[] }>(`/api/back-office/catalog/prices/${kind}/${encodeURIComponent(code!)}`, undefined, signal),
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
    mutationFn: ({ kind, code, patch }: { kind: EntryKind; code: string; patch: { name?: Localized; active?: boolean } }) => api.patch<void>(`/api/back-office/catalog/${kind}/${encodeURIComponent(code)}`, patch),
    onSuccess: refresh,
  });
};

export const useAddPrice = () => {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { itemKind: ItemKind; itemCode: string; monthlyPriceCents: number; effectiveFrom: string }) => api.post<{ id: string; appliedNow: boolean }>('/api/back-office/catalog/prices', input),
    onSuccess: refresh,
  });
};

export const useWithdrawPrice = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/back-office/catalog/prices/${encodeURIComponent(id)}`), onSuccess: refresh });
};
