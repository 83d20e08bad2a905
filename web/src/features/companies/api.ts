import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type {
  CompanyDetail,
  CompanyInput,
  CompanyPage,
  ContractInput,
  CreateCompanyInput,
  Created,
  InviteInput,
  OfficeInput,
  StaffList,
} from '../../shared/api/contract';

export const useCompanies = (params: { q: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['companies', 'list', params],
    queryFn: ({ signal }) => api.get<CompanyPage>('/api/companies', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useCompanyDetail = (id: string, enabled = true) =>
  useQuery({
    queryKey: ['companies', 'detail', id],
    queryFn: ({ signal }) => api.get<CompanyDetail>(`/api/companies/${encodeURIComponent(id)}`, undefined, signal),
    enabled,
  });

export const useOperatorStaff = () =>
  useQuery({
    queryKey: ['back-office', 'operator-staff'],
    queryFn: ({ signal }) => api.get<StaffList>('/api/back-office/operator-staff', undefined, signal),
    staleTime: 60_000,
  });

/** After any change to a company: its page, the list, and the administrator's own view. */
const useRefresh = () => {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['companies'] }),
      queryClient.invalidateQueries({ queryKey: ['company'] }),
      queryClient.invalidateQueries({ queryKey: ['audit'] }),
    ]);
};

export const useCreateCompany = () => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: CreateCompanyInput) => api.post<Created>('/api/companies', input), onSuccess: refresh });
};

export const useUpdateCompany = (id: string) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: CompanyInput) => api.put<CompanyDetail>(`/api/companies/${encodeURIComponent(id)}`, input), onSuccess: refresh });
};

export const useSaveContract = (id: string) => {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (input: ContractInput) => api.put<CompanyDetail>(`/api/companies/${encodeURIComponent(id)}/contract`, input), onSuccess: refresh });
};

/** Offices of a company: `base` is /api/companies/<id> for operator staff, /api/company for the administrator. */
export const useOfficeMutations = (base: string) => {
  const refresh = useRefresh();
  return {
    add: useMutation({ mutationFn: (input: OfficeInput) => api.post<Created>(`${base}/offices`, input), onSuccess: refresh }),
    edit: useMutation({ mutationFn: ({ id, input }: { id: string; input: OfficeInput }) => api.put<void>(`${base}/offices/${encodeURIComponent(id)}`, input), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (id: string) => api.delete<void>(`${base}/offices/${encodeURIComponent(id)}`), onSuccess: refresh }),
  };
};

export type AdministratorAction = 'resend-invitation' | 'deactivate' | 'reactivate';

export const useAdministratorMutations = (companyId: string) => {
  const refresh = useRefresh();
  const base = `/api/companies/${encodeURIComponent(companyId)}/administrators`;
  return {
    invite: useMutation({ mutationFn: (input: InviteInput) => api.post<Created>(base, input), onSuccess: refresh }),
    act: useMutation({ mutationFn: ({ id, action }: { id: string; action: AdministratorAction }) => api.post<void>(`${base}/${encodeURIComponent(id)}/${action}`), onSuccess: refresh }),
  };
};
