import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { BillingImpact, LossCause, ServiceDetail, SuspendInput, SuspensionResult, SwapInput } from '../../shared/api/contract';
import { isoToBrusselsLocal } from '../../shared/time/brussels';
import { refreshAfter } from './manage-api';

// Running a live line from its page: suspend and resume, lost or stolen, a replacement SIM or eSIM.
// Each answer carries the service as it is now; the page shows it at once, then everything that
// lists services, bills or the audit log asks again.

const linePath = (id: string, action: string) => `/api/services/${encodeURIComponent(id)}/${action}`;

/** What a suspension from today costs (suspended price, this month's pro-rata lines); writes nothing. */
export const usePreviewSuspension = (serviceId: string) =>
  useMutation({ mutationFn: () => api.post<BillingImpact>(linePath(serviceId, 'suspend/preview'), {}) });

/** What resuming from today does to this month's bill (the full price again); writes nothing. */
export const usePreviewResumption = (serviceId: string) =>
  useMutation({ mutationFn: () => api.post<BillingImpact>(linePath(serviceId, 'resume/preview'), {}) });

const useLineMutation = <TInput,>(serviceId: string, send: (input: TInput) => Promise<ServiceDetail>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (service) => {
      queryClient.setQueryData(['services', 'detail', service.id], service);
      await refreshAfter(queryClient);
    },
    // a refusal may mean someone else changed the line meanwhile: show it as it is
    onError: () => queryClient.invalidateQueries({ queryKey: ['services', 'detail', serviceId] }),
  });
};

export const useSuspendLine = (serviceId: string) =>
  useLineMutation(serviceId, async (input: SuspendInput) => (await api.post<SuspensionResult>(linePath(serviceId, 'suspend'), input)).service);

export const useResumeLine = (serviceId: string) =>
  useLineMutation(serviceId, async () => (await api.post<SuspensionResult>(linePath(serviceId, 'resume'), {})).service);

export const useReportLost = (serviceId: string) =>
  useLineMutation(serviceId, (cause: LossCause) => api.post<ServiceDetail>(linePath(serviceId, 'report-lost'), { cause }));

export const useLiftBar = (serviceId: string) => useLineMutation(serviceId, () => api.post<ServiceDetail>(linePath(serviceId, 'lift-bar'), {}));

export const useSwapSim = (serviceId: string) => useLineMutation(serviceId, (input: SwapInput) => api.post<ServiceDetail>(linePath(serviceId, 'swap-sim'), input));

/** A request the network refused or never confirmed, asked again (a new request to the network). */
export const useRetryLineOperation = (serviceId: string) =>
  useLineMutation(serviceId, (operationId: string) => api.post<ServiceDetail>(linePath(serviceId, `line-operations/${encodeURIComponent(operationId)}/retry`), {}));

/** The day a suspension ends on (the line resumes at its start, midnight in Brussels), as YYYY-MM-DD. */
export const resumeDay = (suspendedUntil: string) => isoToBrusselsLocal(suspendedUntil).slice(0, 10);
