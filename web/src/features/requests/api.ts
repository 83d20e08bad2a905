import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  FileRequestInput,
  RequestableServices,
  RequestDetail,
  RequestEvent,
  RequestKind,
  RequestPage,
  RequestStatus,
  TransitionInput,
  TriedStep,
} from '../../shared/api/contract';
import { allOf } from '../../shared/api/all-of';

// MACD and support requests: the administrator's own (/api/requests) and the back-office queue
// across companies (/api/back-office/requests, operator staff only).

/** Every kind, status and step the server knows, in the order the filters list them (checked against the contract). */
export const REQUEST_KINDS = allOf<RequestKind>()(['move', 'add', 'change', 'delete', 'support']);
export const REQUEST_STATUSES = allOf<RequestStatus>()(['submitted', 'in_review', 'scheduled', 'done', 'rejected', 'withdrawn']);
export const TRIED_STEPS = allOf<TriedStep>()(['flight_mode', 'restart', 'activation_steps']);
export const isTriedStep = (value: string): value is TriedStep => (TRIED_STEPS as readonly string[]).includes(value);

export type RequestListParams = { q: string; status: RequestStatus | null; kind: RequestKind | null; page: number; pageSize: number };
export type QueueParams = RequestListParams & { companyId: string | null; assignedToMe: boolean };

const keys = {
  all: ['requests'] as const,
  list: (params: RequestListParams) => ['requests', 'list', params] as const,
  detail: (id: string) => ['requests', 'detail', id] as const,
  services: (q: string, ids: string[]) => ['requests', 'services', q, ids] as const,
  queue: (params: QueueParams) => ['requests', 'queue', params] as const,
  queueDetail: (id: string) => ['requests', 'queue-detail', id] as const,
};

export const requestPath = (id: string) => `/self-service/requests/${id}`;
export const backOfficeRequestPath = (id: string) => `/back-office/requests/${id}`;
export const NEW_REQUEST_PATH = '/self-service/requests/new';

const filters = (p: RequestListParams) => ({ q: p.q.trim(), status: p.status, kind: p.kind, page: p.page, pageSize: p.pageSize });

export const useRequests = (params: RequestListParams) =>
  useQuery({
    queryKey: keys.list(params),
    queryFn: ({ signal }) => api.get<RequestPage>('/api/requests', filters(params), signal),
    placeholderData: keepPreviousData,
  });

export const useRequest = (id: string) =>
  useQuery({ queryKey: keys.detail(id), queryFn: ({ signal }) => api.get<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`, undefined, signal), retry: false });

export const useRequestableServices = (q: string, ids: string[] = [], enabled = true) =>
  useQuery({
    queryKey: keys.services(q, ids),
    queryFn: ({ signal }) => api.get<RequestableServices>('/api/requests/services', { q: q.trim(), ids: ids.join(',') }, signal),
    placeholderData: keepPreviousData,
    enabled,
  });

const useSetDetail = (key: (id: string) => readonly unknown[]) => {
  const queryClient = useQueryClient();
  return async (detail: RequestDetail) => {
    queryClient.setQueryData(key(detail.id), detail);
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ['requests', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['requests', 'queue'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
  };
};

export const useFileRequest = () => {
  const settle = useSetDetail(keys.detail);
  return useMutation({ mutationFn: (input: FileRequestInput) => api.post<RequestDetail>('/api/requests', input), onSuccess: settle });
};

export const useAdminComment = (id: string) => {
  const settle = useSetDetail(keys.detail);
  return useMutation({ mutationFn: (body: string) => api.post<RequestDetail>(`/api/requests/${encodeURIComponent(id)}/comments`, { body }), onSuccess: settle });
};

export const useWithdrawRequest = (id: string) => {
  const settle = useSetDetail(keys.detail);
  return useMutation({ mutationFn: (reason: string) => api.post<RequestDetail>(`/api/requests/${encodeURIComponent(id)}/withdraw`, { reason: reason.trim() || null }), onSuccess: settle });
};

// ---------------------------------------------------------------- back office

export const useRequestQueue = (params: QueueParams) =>
  useQuery({
    queryKey: keys.queue(params),
    queryFn: ({ signal }) =>
      api.get<RequestPage>('/api/back-office/requests', { ...filters(params), companyId: params.companyId, assignedToMe: params.assignedToMe ? 'true' : null }, signal),
    placeholderData: keepPreviousData,
  });

export const useQueueRequest = (id: string) =>
  useQuery({ queryKey: keys.queueDetail(id), queryFn: ({ signal }) => api.get<RequestDetail>(`/api/back-office/requests/${encodeURIComponent(id)}`, undefined, signal), retry: false });

export const useAssignToMe = (id: string) => {
  const settle = useSetDetail(keys.queueDetail);
  return useMutation({ mutationFn: () => api.post<RequestDetail>(`/api/back-office/requests/${encodeURIComponent(id)}/assign`, {}), onSuccess: settle });
};

export const useMoveRequest = (id: string) => {
  const settle = useSetDetail(keys.queueDetail);
  return useMutation({
    mutationFn: (input: TransitionInput & { event: RequestEvent }) =>
      api.post<RequestDetail>(`/api/back-office/requests/${encodeURIComponent(id)}/transitions`, input),
    onSuccess: settle,
  });
};

export const useOperatorComment = (id: string) => {
  const settle = useSetDetail(keys.queueDetail);
  return useMutation({ mutationFn: (body: string) => api.post<RequestDetail>(`/api/back-office/requests/${encodeURIComponent(id)}/comments`, { body }), onSuccess: settle });
};
