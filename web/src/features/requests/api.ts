import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { Page } from '../../shared/api/types';

// MACD and support requests: the administrator's own (/api/requests) and the back-office queue
// across companies (/api/back-office/requests, operator staff only).

export const REQUEST_KINDS = ['move', 'add', 'change', 'delete', 'support'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];
export const REQUEST_STATUSES = ['submitted', 'in_review', 'scheduled', 'done', 'rejected', 'withdrawn'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export type RequestEvent = 'start_review' | 'schedule' | 'reschedule' | 'complete' | 'reject' | 'withdraw';
export type SupportTopic = 'fixed_numbers' | 'service_problem';
export const TRIED_STEPS = ['flight_mode', 'restart', 'activation_steps'] as const;
export type TriedStep = (typeof TRIED_STEPS)[number];

export type Address = { street: string; postalCode: string; city: string; country?: string };

/** The details of each kind, as the server's one schema per kind has them. */
export type RequestDetails = {
  newAddress?: Address;
  movingDate?: string;
  otherServices?: string | null;
  notes?: string | null;
  target?: 'service' | 'office';
  wanted?: string;
  newOffice?: (Address & { name: string }) | null;
  desiredDate?: string | null;
  serviceName?: string;
  currentConfiguration?: string;
  newConfiguration?: string;
  reason?: string | null;
  topic?: SupportTopic;
  message?: string;
  quantity?: number | null;
  triedSteps?: TriedStep[];
};

export type RequestSummary = {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  company: { id: string; name: string };
  office: { id: string; name: string; city: string } | null;
  details: RequestDetails;
  filedBy: string;
  assignedTo: { id: string; name: string } | null;
  scheduledFor: string | null;
  serviceCount: number;
  commentCount: number;
  createdAt: string;
  updatedAt: string;
};

export type RequestService = { id: string; status: string; msisdn: string | null; mobileUserId: string; userName: string; serviceType: string; bundle: string };

export type RequestDetail = Omit<RequestSummary, 'office'> & {
  office: { id: string; name: string; street: string; postalCode: string; city: string; country: string } | null;
  filedByEmail: string;
  services: RequestService[];
  comments: { id: string; authorName: string; authorRole: 'admin' | 'operator'; body: string; createdAt: string }[];
  events: {
    id: string;
    event: string;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus;
    actorName: string;
    actorRole: 'admin' | 'operator';
    reason: string | null;
    scheduledFor: string | null;
    assignedTo: string | null;
    createdAt: string;
  }[];
  allowedEvents: RequestEvent[];
};

export type RequestableService = RequestService & { officeId: string | null };

export type FileRequestInput = { kind: RequestKind; officeId?: string | null; serviceIds?: string[]; details: Record<string, unknown> };

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
    queryFn: ({ signal }) => api.get<Page<RequestSummary>>('/api/requests', filters(params), signal),
    placeholderData: keepPreviousData,
  });

export const useRequest = (id: string) =>
  useQuery({ queryKey: keys.detail(id), queryFn: ({ signal }) => api.get<RequestDetail>(`/api/requests/${encodeURIComponent(id)}`, undefined, signal), retry: false });

export const useRequestableServices = (q: string, ids: string[] = []) =>
  useQuery({
    queryKey: keys.services(q, ids),
    queryFn: ({ signal }) => api.get<{ items: RequestableService[] }>('/api/requests/services', { q: q.trim(), ids: ids.join(',') }, signal),
    placeholderData: keepPreviousData,
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
      api.get<Page<RequestSummary>>('/api/back-office/requests', { ...filters(params), companyId: params.companyId, assignedToMe: params.assignedToMe ? 'true' : null }, signal),
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
    mutationFn: (input: { event: RequestEvent; reason?: string | null; scheduledFor?: string | null }) =>
      api.post<RequestDetail>(`/api/back-office/requests/${encodeURIComponent(id)}/transitions`, input),
    onSuccess: settle,
  });
};

export const useOperatorComment = (id: string) => {
  const settle = useSetDetail(keys.queueDetail);
  return useMutation({ mutationFn: (body: string) => api.post<RequestDetail>(`/api/back-office/requests/${encodeURIComponent(id)}/comments`, { body }), onSuccess: settle });
};
