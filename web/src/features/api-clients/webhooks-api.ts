import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { EventDelivery, EventDeliveryPage, EventHubList } from '../../shared/api/contract';

/** The log's page and filters (the query string of GET /api/company/webhooks/deliveries). */
export type DeliveryQuery = { page: number; pageSize: number; status?: EventDelivery['status']; hubId?: string };

const keys = { hubs: ['webhooks', 'hubs'] as const, deliveries: (q: DeliveryQuery) => ['webhooks', 'deliveries', q] as const };

/** The company's event subscriptions (webhooks) and their delivery log; kept fresh while open, deliveries move on their own. */
export const useEventHubs = () =>
  useQuery({ queryKey: keys.hubs, queryFn: ({ signal }) => api.get<EventHubList>('/api/company/webhooks/hubs', undefined, signal), refetchInterval: 15_000 });

export const useEventDeliveries = (query: DeliveryQuery) =>
  useQuery({
    queryKey: keys.deliveries(query),
    queryFn: ({ signal }) => api.get<EventDeliveryPage>('/api/company/webhooks/deliveries', query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 15_000,
  });

export const useWebhookMutations = () => {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['webhooks'] }), queryClient.invalidateQueries({ queryKey: ['audit'] })]);
  return {
    replay: useMutation({ mutationFn: (id: string) => api.post<void>(`/api/company/webhooks/deliveries/${encodeURIComponent(id)}/replay`), onSuccess: refresh }),
    enable: useMutation({ mutationFn: (id: string) => api.post<void>(`/api/company/webhooks/hubs/${encodeURIComponent(id)}/enable`), onSuccess: refresh }),
  };
};
