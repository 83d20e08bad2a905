import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { AccountStatus, CompanyAccountPage, CompanyRole, Created, InviteCompanyAccountInput } from '../../shared/api/contract';

export type TeamQuery = { q: string; role: CompanyRole | null; status: AccountStatus | null; page: number; pageSize: number };

export const useCompanyAccounts = (params: TeamQuery) =>
  useQuery({
    queryKey: ['team', 'list', params],
    queryFn: ({ signal }) =>
      api.get<CompanyAccountPage>(
        '/api/company/accounts',
        { q: params.q.trim(), page: params.page, pageSize: params.pageSize, ...(params.role ? { role: params.role } : {}), ...(params.status ? { status: params.status } : {}) },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export type AccountAction = 'resend-invitation' | 'deactivate' | 'reactivate';

/** The owner's changes to the company's accounts; each refreshes the list and the audit log. */
export const useTeamMutations = () => {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: ['team'] }), queryClient.invalidateQueries({ queryKey: ['audit'] })]);
  const base = '/api/company/accounts';
  return {
    invite: useMutation({ mutationFn: (input: InviteCompanyAccountInput) => api.post<Created>(base, input), onSuccess: refresh }),
    changeRole: useMutation({ mutationFn: ({ id, role }: { id: string; role: CompanyRole }) => api.put<void>(`${base}/${encodeURIComponent(id)}/role`, { role }), onSuccess: refresh }),
    act: useMutation({ mutationFn: ({ id, action }: { id: string; action: AccountAction }) => api.post<void>(`${base}/${encodeURIComponent(id)}/${action}`), onSuccess: refresh }),
  };
};
