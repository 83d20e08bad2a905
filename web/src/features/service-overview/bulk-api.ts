import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { BulkAction, BulkActionInput, BulkActionList, BulkItemPage, BulkPreview } from '../../shared/api/contract';
import { refreshAfter } from '../services/manage-api';

// Bulk actions of the Service overview: a preview that writes nothing, then one durable job whose
// progress the page follows (and finds again after a reload).

const bulkKeys = {
  list: ['service-bulk-actions', 'list'] as const,
  items: (id: string, outcome: string | null, page: number) => ['service-bulk-actions', 'items', id, outcome, page] as const,
};

export const useBulkPreview = () => useMutation({ mutationFn: (input: BulkActionInput) => api.post<BulkPreview>('/api/service-bulk-actions/preview', input) });

export const useStartBulkAction = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkActionInput) => api.post<BulkAction>('/api/service-bulk-actions', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bulkKeys.list }),
  });
};

/** The latest actions; polled while one runs, and the lists refreshed when one finishes. */
export const useBulkActions = () => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: bulkKeys.list,
    queryFn: async ({ signal }) => {
      const before = queryClient.getQueryData<BulkActionList>(bulkKeys.list);
      const list = await api.get<BulkActionList>('/api/service-bulk-actions', undefined, signal);
      const wasRunning = new Set(before?.items.filter((a) => a.status === 'running').map((a) => a.id));
      if (list.items.some((a) => a.status === 'finished' && wasRunning.has(a.id))) void refreshAfter(queryClient);
      return list;
    },
    refetchInterval: (query) => (query.state.data?.items.some((a) => a.status === 'running') ? 1000 : false),
  });
};

export const useBulkItems = (id: string, outcome: 'done' | 'failed' | 'pending' | null, page: number) =>
  useQuery({
    queryKey: bulkKeys.items(id, outcome, page),
    queryFn: ({ signal }) => api.get<BulkItemPage>(`/api/service-bulk-actions/${encodeURIComponent(id)}/items`, { outcome: outcome ?? undefined, page, pageSize: 20 }, signal),
    placeholderData: keepPreviousData,
  });
