import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api/client';
import { isPendingApproval } from '../approvals/api';
import type { BillingImpact, ChangeChoice, ChangeOptions, ChangeResult, DeletionQuota, DeletionResult, PendingApproval } from '../../shared/api/contract';

// "Manage service" (change bundle and options) and "Remove" (delete) on the service page.

const servicePath = (id: string) => `/api/services/${encodeURIComponent(id)}`;

const noRetryOnClientError = (count: number, error: Error) => !(isApiError(error) && error.status < 500) && count < 2;

export const useChangeOptions = (serviceId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['services', 'change-options', serviceId],
    queryFn: ({ signal }) => api.get<ChangeOptions>(`${servicePath(serviceId)}/change-options`, undefined, signal),
    enabled,
    retry: noRetryOnClientError,
    staleTime: 0,
  });

export const useDeletionQuota = (enabled: boolean) =>
  useQuery({
    queryKey: ['services', 'deletion-quota'],
    queryFn: ({ signal }) => api.get<DeletionQuota>('/api/services/deletion-quota', undefined, signal),
    enabled,
    retry: noRetryOnClientError,
    staleTime: 0,
  });

/** The billing impact of a change, before anything is written. */
export const usePreviewChange = (serviceId: string) =>
  useMutation({
    mutationFn: (choice: ChangeChoice) => api.post<BillingImpact>(`${servicePath(serviceId)}/change/preview`, choice),
  });

/** Everything that shows services, bills or figures changes after a change or a deletion. */
export const refreshAfter = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: ['services'] }),
    queryClient.invalidateQueries({ queryKey: ['mobile-users'] }),
    queryClient.invalidateQueries({ queryKey: ['service-overview'] }),
    queryClient.invalidateQueries({ queryKey: ['billing'] }),
    queryClient.invalidateQueries({ queryKey: ['wizard'] }),
    queryClient.invalidateQueries({ queryKey: ['audit'] }),
    // a line's allowance and the bundle suggestions follow its bundle
    queryClient.invalidateQueries({ queryKey: ['usage'] }),
  ]);

export const useChangeService = (serviceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (choice: ChangeChoice) =>
      // 200 with the changed service, or 202 when the company's approval rule holds the change
      api.post<ChangeResult | PendingApproval>(`${servicePath(serviceId)}/change`, choice),
    onSuccess: async (result) => {
      if (!isPendingApproval(result)) queryClient.setQueryData(['services', 'detail', result.service.id], result.service);
      await Promise.all([refreshAfter(queryClient), queryClient.invalidateQueries({ queryKey: ['approvals'] })]);
    },
  });
};

export const useDeleteService = (serviceId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<DeletionResult>(`${servicePath(serviceId)}/delete`, {}),
    onSuccess: async ({ service }) => {
      queryClient.setQueryData(['services', 'detail', service.id], service);
      await refreshAfter(queryClient);
    },
    // a refusal (quota, status) may mean the figures moved meanwhile
    onError: () => queryClient.invalidateQueries({ queryKey: ['services', 'deletion-quota'] }),
  });
};
