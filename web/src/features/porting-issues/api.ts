import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { BackOfficePortingIssuePage, PortCorrectionInput, PortingIssuePage, ServiceDetail } from '../../shared/api/contract';

// Mobile porting issues: the services whose port-in the donor operator refused, and the
// administrator's corrected resubmission.

export type PortingIssueListParams = { q: string; page: number; pageSize: number };
export type BackOfficePortingIssueListParams = PortingIssueListParams & { companyId: string | null };

const portingKeys = {
  all: ['porting-issues'] as const,
  list: (params: PortingIssueListParams) => ['porting-issues', 'list', params] as const,
};

export const usePortingIssues = (params: PortingIssueListParams) =>
  useQuery({
    queryKey: portingKeys.list(params),
    queryFn: ({ signal }) => api.get<PortingIssuePage>('/api/porting-issues', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useResubmitPort = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, input }: { serviceId: string; input: PortCorrectionInput }) =>
      api.post<ServiceDetail>(`/api/porting-issues/${encodeURIComponent(serviceId)}/resubmit`, input),
    onSuccess: async (service) => {
      queryClient.setQueryData(['services', 'detail', service.id], service);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: portingKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['services'] }),
        queryClient.invalidateQueries({ queryKey: ['mobile-users'] }),
        queryClient.invalidateQueries({ queryKey: ['audit'] }),
      ]);
    },
  });
};

/** Back office: every company's refused port-ins, or one company's (read-only). */
export const usePortingIssuesAcross = (params: BackOfficePortingIssueListParams) =>
  useQuery({
    queryKey: ['back-office', 'porting-issues', params],
    queryFn: ({ signal }) => api.get<BackOfficePortingIssuePage>('/api/back-office/porting-issues', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });
