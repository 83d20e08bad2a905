import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { ApiClientInput, ApiClientList, CreatedApiClient } from '../../shared/api/contract';

const keys = { all: ['api-clients'] as const };

/** The company's API clients (never their secrets). */
export const useApiClients = () => useQuery({ queryKey: keys.all, queryFn: ({ signal }) => api.get<ApiClientList>('/api/company/api-clients', undefined, signal) });

export const useApiClientMutations = () => {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: keys.all }), queryClient.invalidateQueries({ queryKey: ['audit'] })]);
  return {
    create: useMutation({ mutationFn: (input: ApiClientInput) => api.post<CreatedApiClient>('/api/company/api-clients', input), onSuccess: refresh }),
    revoke: useMutation({ mutationFn: (id: string) => api.delete<void>(`/api/company/api-clients/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
};
