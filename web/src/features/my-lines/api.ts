import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest, isApiError, rememberCsrfToken } from '../../shared/api/client';
import type { AskForChange, BillingImpact, ChangeOptions, EmployeeMe, EmployeeRequestList, LossCause, MyLines, MyPuk } from '../../shared/api/contract';
import { i18n } from '../../shared/i18n/i18n';

// My lines: the employee's own page, signed in by a magic link (an employee session, never an
// account's — the portal's shell and its /api/auth/me are not used here). And, for administrators,
// the employees' requests they approve or refuse.

const keys = {
  me: ['employee', 'me'] as const,
  lines: ['employee', 'lines'] as const,
  requests: (status: string) => ['employee-requests', status] as const,
};

// The page opens in the employee's language (from the server) once per page load; then the switch is theirs.
let adopted = false;

/** The signed-in employee, or null when nobody (or an account, not an employee) is signed in. */
export const useEmployeeMe = () =>
  useQuery({
    queryKey: keys.me,
    queryFn: async ({ signal }): Promise<EmployeeMe | null> => {
      try {
        const me = await apiRequest<EmployeeMe>('/api/employee/me', { signal, expectUnauthorized: true });
        rememberCsrfToken(me.csrfToken);
        if (!adopted) {
          adopted = true;
          if (i18n.resolvedLanguage !== me.employee.language) await i18n.changeLanguage(me.employee.language);
        }
        return me;
      } catch (error) {
        if (isApiError(error) && (error.status === 401 || error.status === 403)) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });

export const useMyLines = (enabled: boolean) =>
  useQuery({ queryKey: keys.lines, queryFn: ({ signal }) => api.get<MyLines>('/api/employee/lines', undefined, signal), enabled, staleTime: 0 });

export const requestEmployeeLink = (email: string) => apiRequest<null>('/api/employee/sign-in', { method: 'POST', body: { email }, expectUnauthorized: true });

export const useFollowEmployeeLink = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => apiRequest<EmployeeMe>(`/api/employee/sign-in/${encodeURIComponent(token)}`, { method: 'POST', expectUnauthorized: true }),
    onSuccess: (me) => {
      rememberCsrfToken(me.csrfToken);
      client.setQueryData(keys.me, me);
    },
  });
};

export const useEmployeeSignOut = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<null>('/api/employee/sign-out'),
    onSettled: () => {
      client.setQueryData(keys.me, null);
      client.removeQueries({ queryKey: keys.lines });
    },
  });
};

export const fetchMyPuk = (serviceId: string) => api.get<MyPuk>(`/api/employee/lines/${serviceId}/puk`);
export const fetchMyChangeOptions = (serviceId: string) => api.get<ChangeOptions>(`/api/employee/lines/${serviceId}/change-options`);

export const useReportMyLineLost = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, cause }: { serviceId: string; cause: LossCause }) => api.post<MyLines>(`/api/employee/lines/${serviceId}/report-lost`, { cause }),
    onSuccess: (lines) => client.setQueryData(keys.lines, lines),
  });
};

export const useAskForChange = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: AskForChange) => api.post<{ id: string }>('/api/employee/requests', input),
    onSettled: () => client.invalidateQueries({ queryKey: keys.lines }),
  });
};

export const useCancelMyRequest = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<null>(`/api/employee/requests/${id}/cancel`),
    onSettled: () => client.invalidateQueries({ queryKey: keys.lines }),
  });
};

// ---------------------------------------------------------------- the administrator's side

export const useEmployeeRequests = (status: 'pending' | 'approved' | 'refused' | 'cancelled' = 'pending') =>
  useQuery({ queryKey: keys.requests(status), queryFn: ({ signal }) => api.get<EmployeeRequestList>('/api/employee-requests', { status }, signal) });

export const fetchRequestPreview = (id: string) => api.get<{ impact: BillingImpact | null }>(`/api/employee-requests/${id}/preview`);

export const useDecideEmployeeRequest = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason }: { id: string; decision: 'approve' | 'refuse'; reason?: string }) =>
      decision === 'approve' ? api.post<{ impact: BillingImpact | null }>(`/api/employee-requests/${id}/approve`) : api.post<null>(`/api/employee-requests/${id}/refuse`, { reason }),
    onSettled: () => client.invalidateQueries({ queryKey: ['employee-requests'] }),
  });
};
