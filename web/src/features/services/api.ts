import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api/client';
import { isPendingApproval } from '../approvals/api';
import type {
  Catalog,
  EsimCode,
  SimCodes,
  FixedNumberChoices,
  PortCandidates,
  Scheduled,
  ScheduleServicesInput,
  ServiceDetail,
  ServiceStatus,
  SortOrder,
  Started,
  WaitingPage,
  WaitingService,
  WaitingSort,
  WizardChecked,
  WizardDraft,
  WizardInput,
  WizardStock,
  PendingApproval,
} from '../../shared/api/contract';

// The Add Service wizard, a service's page and "waiting for activation": queries and mutations.
// Shapes come from the server's schemas (shared/api/contract.ts).

export type WaitingListParams = { q: string; page: number; pageSize: number; sort: WaitingSort; order: SortOrder };

const serviceKeys = {
  catalog: ['catalog'] as const,
  // everything the wizard reads about stock: refetched together after a save or a conflict
  wizard: ['wizard'] as const,
  stock: ['wizard', 'stock'] as const,
  portCandidates: (q: string) => ['wizard', 'port-candidates', q] as const,
  fixedNumbers: (q: string) => ['wizard', 'fixed-numbers', q] as const,
  all: ['services'] as const,
  detail: (id: string) => ['services', 'detail', id] as const,
  esimCode: (id: string) => ['services', 'esim-code', id] as const,
  simCodes: (id: string) => ['services', 'sim-codes', id] as const,
  waiting: (params: WaitingListParams) => ['services', 'waiting', params] as const,
};

/**
 * How often the waiting list asks again: not at all while nothing listed is scheduled; every few
 * seconds once a scheduled start is due (within a minute, or past and not yet picked up); every
 * minute while the next one is further away.
 */
export const waitingRefetchInterval = (items: readonly Pick<WaitingService, 'scheduledStartAt'>[], now = Date.now()): number | false => {
  const starts = items.flatMap((item) => (item.scheduledStartAt ? [Date.parse(item.scheduledStartAt)] : []));
  if (starts.length === 0) return false;
  return Math.min(...starts) - now <= 60_000 ? 5_000 : 60_000;
};

const noRetryOnClientError = (count: number, error: Error) => !(isApiError(error) && error.status < 500) && count < 2;

export const useCatalog = () =>
  useQuery({
    queryKey: serviceKeys.catalog,
    queryFn: ({ signal }) => api.get<Catalog>('/api/catalog', undefined, signal),
    staleTime: 5 * 60_000,
    retry: noRetryOnClientError,
  });

export const useWizardStock = (enabled = true) =>
  useQuery({
    queryKey: serviceKeys.stock,
    queryFn: ({ signal }) => api.get<WizardStock>('/api/wizard/stock', undefined, signal),
    enabled,
    retry: noRetryOnClientError,
  });

export const usePortCandidates = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: serviceKeys.portCandidates(q.trim()),
    queryFn: ({ signal }) => api.get<PortCandidates>('/api/wizard/port-candidates', { q: q.trim() }, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: noRetryOnClientError,
  });

export const useFixedNumberChoices = (q: string, enabled: boolean) =>
  useQuery({
    queryKey: serviceKeys.fixedNumbers(q.trim()),
    queryFn: ({ signal }) => api.get<FixedNumberChoices>('/api/wizard/fixed-numbers', { q: q.trim() }, signal),
    enabled,
    placeholderData: keepPreviousData,
    retry: noRetryOnClientError,
  });

const userPath = (id: string) => `/api/mobile-users/${encodeURIComponent(id)}`;

/** Asks the server whether steps 1..step are right; nothing is written. */
export const checkWizardStep = (mobileUserId: string, step: number, input: WizardDraft) =>
  api.post<WizardChecked>(`${userPath(mobileUserId)}/services/check?step=${step}`, input);

/** Everything that shows services or stock changes when one is added, started or cancelled. */
const refreshAfterServiceChange = (queryClient: ReturnType<typeof useQueryClient>) =>
  Promise.all([
    queryClient.invalidateQueries({ queryKey: serviceKeys.all }),
    queryClient.invalidateQueries({ queryKey: serviceKeys.wizard }),
    queryClient.invalidateQueries({ queryKey: ['mobile-users'] }),
    queryClient.invalidateQueries({ queryKey: ['audit'] }),
  ]);

export const useAddService = (mobileUserId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    // 201 with the service, or 202 when the company's approval rule holds the order
    mutationFn: (input: WizardInput) => api.post<ServiceDetail | PendingApproval>(`${userPath(mobileUserId)}/services`, input),
    onSuccess: async (saved) => {
      if (!isPendingApproval(saved)) queryClient.setQueryData(serviceKeys.detail(saved.id), saved);
      await Promise.all([refreshAfterServiceChange(queryClient), queryClient.invalidateQueries({ queryKey: ['approvals'] })]);
    },
    // a conflict means the stock moved under us: show the fresh numbers, SIMs and fixed numbers
    onError: () => queryClient.invalidateQueries({ queryKey: serviceKeys.wizard }),
  });
};

/** While the employee or the network is at work, the service page follows along. */
const MOVING: readonly ServiceStatus[] = ['activation_started', 'awaiting_user', 'provisioning', 'porting'];

/**
 * …and while a line operation is on the network, a replacement SIM waits to go live, or a
 * suspension's end (midnight in Brussels) has come and the line is about to resume by itself.
 */
export const isMoving = (service: Pick<ServiceDetail, 'status' | 'lineOperations' | 'replacementSim' | 'suspendedUntil'>, now = Date.now()): boolean => {
  if (MOVING.includes(service.status) || service.replacementSim !== null) return true;
  if (service.lineOperations.some((operation) => operation.status === 'pending')) return true;
  // suspendedUntil is the instant it resumes (midnight in Brussels)
  return service.status === 'suspended' && service.suspendedUntil !== null && Date.parse(service.suspendedUntil) <= now;
};

export const useService = (id: string) =>
  useQuery({
    queryKey: serviceKeys.detail(id),
    queryFn: ({ signal }) => api.get<ServiceDetail>(`/api/services/${encodeURIComponent(id)}`, undefined, signal),
    retry: noRetryOnClientError,
    refetchInterval: (query) => (query.state.data && isMoving(query.state.data) ? 5000 : false),
  });

export const useWaitingServices = (params: WaitingListParams) =>
  useQuery({
    queryKey: serviceKeys.waiting(params),
    queryFn: ({ signal }) =>
      api.get<WaitingPage>('/api/services/waiting', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
    // a scheduled start leaves the list by itself: follow it while one is listed
    refetchInterval: (query) => waitingRefetchInterval(query.state.data?.items ?? []),
  });

export const useStartServices = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceIds: string[]) => api.post<Started>('/api/services/start', { serviceIds }),
    onSettled: () => refreshAfterServiceChange(queryClient),
  });
};

export const useScheduleServices = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ScheduleServicesInput) =>
      api.post<Scheduled>('/api/services/schedule', body),
    onSuccess: () => refreshAfterServiceChange(queryClient),
  });
};

/** A new activation e-mail with a new personal link (the previous one stops working); `email` corrects the user's address first. */
export const useResendActivation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, email }: { id: string; email?: string }) =>
      api.post<ServiceDetail>(`/api/services/${encodeURIComponent(id)}/resend-activation`, email === undefined ? {} : { email }),
    onSuccess: async (service) => {
      queryClient.setQueryData(serviceKeys.detail(service.id), service);
      await refreshAfterServiceChange(queryClient);
    },
  });
};

/**
 * A service's eSIM activation code and QR code. Asked only while the dialog is open, never kept or
 * asked again in the background: every look is an audit line.
 */
export const useEsimCode = (id: string, enabled: boolean) =>
  useQuery({
    queryKey: serviceKeys.esimCode(id),
    queryFn: () => api.get<EsimCode>(`/api/services/${encodeURIComponent(id)}/esim-code`),
    enabled,
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });

/** A service's SIM PIN and PUK, asked only while their dialog is open (each look is an audit line). */
export const useSimCodes = (id: string) =>
  useQuery({
    queryKey: serviceKeys.simCodes(id),
    queryFn: () => api.get<SimCodes>(`/api/services/${encodeURIComponent(id)}/sim-codes`),
    gcTime: 0,
    staleTime: Infinity,
    retry: false,
  });

/** The eSIM QR e-mail to the employee, again. */
export const useResendEsimQr = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ServiceDetail>(`/api/services/${encodeURIComponent(id)}/resend-esim-qr`),
    onSuccess: (service) => queryClient.setQueryData(serviceKeys.detail(service.id), service),
  });
};

/** Retries an activation whose network work failed for good: it goes on where it stopped. */
export const useRetryActivation = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ServiceDetail>(`/api/services/${encodeURIComponent(id)}/retry-activation`),
    onSuccess: async (service) => {
      queryClient.setQueryData(serviceKeys.detail(service.id), service);
      await refreshAfterServiceChange(queryClient);
    },
  });
};

export const useCancelService = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<ServiceDetail>(`/api/services/${encodeURIComponent(id)}/cancel`),
    onSuccess: async (service) => {
      queryClient.setQueryData(serviceKeys.detail(service.id), service);
      await refreshAfterServiceChange(queryClient);
    },
  });
};
