import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api/client';
import type { CodeName, Page, SortOrder } from '../../shared/api/types';

// Shapes of the Add Service wizard, service detail and "waiting for activation" endpoints, as
// written down in the issue-3 API contract. Hand-written, like the other features' api.ts.

export type CatalogOption = CodeName & { monthlyPriceCents: number };

export type CatalogBundle = CodeName & {
  dataGb: number | null;
  /** null: unlimited; 0: no telephony. */
  callMinutes: number | null;
  monthlyPriceCents: number;
  options: CatalogOption[];
};

export type CatalogServiceType = CodeName & {
  description: string;
  needsSim: boolean;
  needsMobileNumber: boolean;
  needsFixedNumber: boolean;
  bundles: CatalogBundle[];
};

export type CatalogProductType = CodeName & { description: string; serviceTypes: CatalogServiceType[] };

export type Catalog = { productTypes: CatalogProductType[] };

export type WizardStock = {
  freeMobileNumbers: string[];
  freeMobileNumberTotal: number;
  physicalSimsInStock: number;
  esimProfilesFree: number;
  fixedNumbersAvailable: number;
  donorOperators: CodeName[];
};

export type PortCandidate = {
  serviceId: string;
  msisdn: string;
  mobileUserId: string;
  userName: string;
  serviceType: CodeName;
  bundle: CodeName;
};

export type FixedNumberChoices = {
  available: { id: string; number: string }[];
  active: { id: string; number: string; serviceId: string; holder: { mobileUserId: string; name: string } }[];
};

export type AccountType = 'postpaid' | 'prepaid';
export type NumberKind = 'new' | 'port_in' | 'port_internal';
export type SimKind = 'user_enters' | 'admin_sim' | 'esim';
export type FixedKind = 'available' | 'take_over';
export type ActivationMethod = 'email' | 'automatic';
export type ActivationTiming = 'asap' | 'later';

export type WizardNumberInput =
  | { kind: 'new'; msisdn: string }
  | {
      kind: 'port_in';
      msisdn: string;
      donorOperator: string;
      accountType: AccountType;
      customerNumber?: string;
      donorSimNumber?: string;
      holderName: string;
    }
  | { kind: 'port_internal'; serviceId: string };

export type WizardInput = {
  productTypeCode: string;
  serviceTypeCode: string;
  bundleCode: string;
  optionCodes: string[];
  number?: WizardNumberInput;
  sim?: { kind: 'user_enters' } | { kind: 'admin_sim'; iccid: string } | { kind: 'esim' };
  fixedNumber?: { kind: FixedKind; fixedNumberId: string };
  activation: { method: ActivationMethod; timing: ActivationTiming; scheduledStartAt?: string | null };
};

export type ServiceStatus =
  | 'waiting_for_activation'
  | 'activation_started'
  | 'awaiting_user'
  | 'provisioning'
  | 'porting'
  | 'porting_refused'
  | 'active'
  | 'suspended'
  | 'terminated'
  | 'cancelled';

export type ServiceEvent = {
  id: string;
  event: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string;
  reason: string | null;
  createdAt: string;
};

export type ServiceDetail = {
  id: string;
  mobileUserId: string;
  userName: string;
  status: ServiceStatus;
  productType: CodeName;
  serviceType: CodeName;
  bundle: CodeName & { dataGb: number | null; callMinutes: number | null; monthlyPriceCents: number };
  options: CatalogOption[];
  monthlyPriceCents: number;
  msisdn: string | null;
  numberSource: NumberKind | null;
  portIn: {
    msisdn: string;
    donorOperator: CodeName;
    accountType: AccountType;
    customerNumber: string | null;
    donorSimNumber: string | null;
    holderName: string;
    status: 'draft' | 'submitted' | 'refused' | 'completed' | 'cancelled';
    refusalReason: string | null;
  } | null;
  portFrom: { serviceId: string; msisdn: string; userName: string } | null;
  simChoice: SimKind | null;
  sim: { kind: 'physical' | 'esim'; iccid: string } | null;
  fixedNumber: { id: string; number: string } | null;
  activationMethod: ActivationMethod | null;
  activationTiming: ActivationTiming | null;
  scheduledStartAt: string | null;
  activationStartedAt: string | null;
  activatedAt: string | null;
  endedAt: string | null;
  /** Why the service ended: deleted by an administrator (counts towards the 30 % rule) or its number moved on. */
  endReason?: 'deleted' | 'number_moved' | null;
  createdAt: string;
  /** When the network finished provisioning the SIM card or eSIM profile. */
  simProvisionedAt: string | null;
  /** When the number went live on this service (a port-in: when the port completed). */
  numberLiveAt: string | null;
  /** The employee's current personal activation link (e-mail activation); the token itself is never shown. */
  activationLink: { sentTo: string; createdAt: string; expiresAt: string } | null;
  /** Oldest first. */
  events: ServiceEvent[];
};

export type WaitingService = {
  id: string;
  mobileUserId: string;
  userName: string;
  productType: CodeName;
  serviceType: CodeName;
  bundle: CodeName;
  msisdn: string | null;
  numberSource: NumberKind | null;
  simChoice: SimKind | null;
  activationMethod: ActivationMethod | null;
  scheduledStartAt: string | null;
  createdAt: string;
};

export type WaitingSort = 'createdAt' | 'userName' | 'scheduledStartAt';

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
  waiting: (params: WaitingListParams) => ['services', 'waiting', params] as const,
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
    queryFn: ({ signal }) => api.get<{ items: PortCandidate[] }>('/api/wizard/port-candidates', { q: q.trim() }, signal),
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
export const checkWizardStep = (mobileUserId: string, step: number, input: Partial<WizardInput>) =>
  api.post<{ ok: true }>(`${userPath(mobileUserId)}/services/check?step=${step}`, input);

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
    mutationFn: (input: WizardInput) => api.post<ServiceDetail>(`${userPath(mobileUserId)}/services`, input),
    onSuccess: async (service) => {
      queryClient.setQueryData(serviceKeys.detail(service.id), service);
      await refreshAfterServiceChange(queryClient);
    },
    // a conflict means the stock moved under us: show the fresh numbers, SIMs and fixed numbers
    onError: () => queryClient.invalidateQueries({ queryKey: serviceKeys.wizard }),
  });
};

/** While the employee or the network is at work, the service page follows along. */
const MOVING: readonly ServiceStatus[] = ['activation_started', 'awaiting_user', 'provisioning', 'porting'];

export const useService = (id: string) =>
  useQuery({
    queryKey: serviceKeys.detail(id),
    queryFn: ({ signal }) => api.get<ServiceDetail>(`/api/services/${encodeURIComponent(id)}`, undefined, signal),
    retry: noRetryOnClientError,
    refetchInterval: (query) => (query.state.data && MOVING.includes(query.state.data.status) ? 5000 : false),
  });

export const useWaitingServices = (params: WaitingListParams) =>
  useQuery({
    queryKey: serviceKeys.waiting(params),
    queryFn: ({ signal }) =>
      api.get<Page<WaitingService>>('/api/services/waiting', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useStartServices = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (serviceIds: string[]) => api.post<{ started: number }>('/api/services/start', { serviceIds }),
    onSettled: () => refreshAfterServiceChange(queryClient),
  });
};

export const useScheduleServices = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { serviceIds: string[]; startAt: string | null }) =>
      api.post<{ scheduled: number }>('/api/services/schedule', body),
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
