import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api/client';
import type { AuditPage, CostCentreBulk, CostCentreBulkResult, CostCentreList, MobileUser, MobileUserInput, MobileUserPage, SortOrder, UserSort } from '../../shared/api/contract';

export type MobileUserListParams = {
  q: string;
  page: number;
  pageSize: number;
  sort: UserSort;
  order: SortOrder;
};

const mobileUserKeys = {
  all: ['mobile-users'] as const,
  list: (params: MobileUserListParams) => ['mobile-users', 'list', params] as const,
  detail: (id: string) => ['mobile-users', 'detail', id] as const,
  audit: (id: string, page: number, pageSize: number) => ['mobile-users', 'audit', id, page, pageSize] as const,
};

export const useMobileUsers = (params: MobileUserListParams) =>
  useQuery({
    queryKey: mobileUserKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<MobileUserPage>('/api/mobile-users', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useMobileUser = (id: string) =>
  useQuery({
    queryKey: mobileUserKeys.detail(id),
    queryFn: ({ signal }) => api.get<MobileUser>(`/api/mobile-users/${encodeURIComponent(id)}`, undefined, signal),
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });

export const useMobileUserAudit = (id: string, page: number, pageSize: number, enabled = true) =>
  useQuery({
    queryKey: mobileUserKeys.audit(id, page, pageSize),
    queryFn: ({ signal }) =>
      api.get<AuditPage>(`/api/mobile-users/${encodeURIComponent(id)}/audit`, { page, pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useSaveMobileUser = (id: string | null) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MobileUserInput) =>
      id
        ? api.patch<MobileUser>(`/api/mobile-users/${encodeURIComponent(id)}`, input)
        : api.post<MobileUser>('/api/mobile-users', input),
    onSuccess: async (user) => {
      // The answer is the saved user: cache it, and refetch only what it does not replace
      // (lists, histories) instead of asking again for the user that just came back.
      const detail = mobileUserKeys.detail(user.id);
      queryClient.setQueryData(detail, user);
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: mobileUserKeys.all,
          predicate: (query) => query.queryKey[1] !== 'detail' || query.queryKey[2] !== user.id,
        }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
};

/** The cost centres the company's users are in (suggestions while typing one). */
export const useCostCentres = (enabled: boolean) =>
  useQuery({
    queryKey: ['mobile-users', 'cost-centres'] as const,
    queryFn: ({ signal }) => api.get<CostCentreList>('/api/mobile-users/cost-centres', undefined, signal),
    enabled,
  });

/** Several users into one cost centre (or none); lists, users, audit and the chargeback follow. */
export const useSetCostCentre = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CostCentreBulk) => api.post<CostCentreBulkResult>('/api/mobile-users/cost-centre', input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: mobileUserKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
        queryClient.invalidateQueries({ queryKey: ['billing'] }),
      ]),
  });
};
