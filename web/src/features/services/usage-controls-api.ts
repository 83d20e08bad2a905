import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { AlertSettings, BarringKind, EmployeeRoamingBlock, LineAlertSettings, UsageControls } from '../../shared/api/contract';

// A line's barrings, its roaming cap's block and its usage alerts (issue 16); the company's alert
// settings; the employee's roaming block on their personal page.

const path = (id: string, action: string) => `/api/services/${encodeURIComponent(id)}/${action}`;
const key = (id: string) => ['services', 'usage-controls', id];

/** Follows the network while a barring is on its way. */
export const useUsageControls = (serviceId: string) =>
  useQuery({
    queryKey: key(serviceId),
    queryFn: ({ signal }) => api.get<UsageControls>(path(serviceId, 'usage-controls'), undefined, signal),
    refetchInterval: (query) => (query.state.data?.barrings.some((b) => b.pending) ? 2_000 : false),
  });

const useControlsMutation = <TInput,>(serviceId: string, send: (input: TInput) => Promise<UsageControls>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: async (controls) => {
      queryClient.setQueryData(key(serviceId), controls);
      // the timeline and the line operations have a new line
      await queryClient.invalidateQueries({ queryKey: ['services', 'detail', serviceId] });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: key(serviceId) }),
  });
};

export const useSetBarring = (serviceId: string) =>
  useControlsMutation(serviceId, ({ kind, barred }: { kind: BarringKind; barred: boolean }) => api.put<UsageControls>(path(serviceId, `barrings/${kind}`), { barred }));

export const useLiftRoamingBlock = (serviceId: string) => useControlsMutation(serviceId, () => api.post<UsageControls>(path(serviceId, 'roaming-block/lift'), {}));

export const useSetLineAlerts = (serviceId: string) => useControlsMutation(serviceId, (input: LineAlertSettings) => api.put<UsageControls>(path(serviceId, 'usage-alerts'), input));

export const useCompanyAlertSettings = () =>
  useQuery({ queryKey: ['company', 'usage-alerts'], queryFn: ({ signal }) => api.get<AlertSettings>('/api/company/usage-alerts', undefined, signal) });

export const useSaveCompanyAlertSettings = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertSettings) => api.put<AlertSettings>('/api/company/usage-alerts', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(['company', 'usage-alerts'], saved);
      return queryClient.invalidateQueries({ queryKey: ['services', 'usage-controls'] });
    },
  });
};

const tokenPath = (token: string, action: string) => `/api/activation/${encodeURIComponent(token)}/${action}`;

export const useEmployeeRoamingBlock = (token: string) =>
  useQuery({ queryKey: ['activation', token, 'roaming-block'], queryFn: ({ signal }) => api.get<EmployeeRoamingBlock>(tokenPath(token, 'roaming-block'), undefined, signal) });

export const useLiftRoamingBlockByEmployee = (token: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<EmployeeRoamingBlock>(tokenPath(token, 'roaming-block/lift'), {}),
    onSuccess: (state) => queryClient.setQueryData(['activation', token, 'roaming-block'], state),
  });
};
