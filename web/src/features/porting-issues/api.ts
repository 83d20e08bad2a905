import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { CodeName, Page } from '../../shared/api/types';
import type { AccountType, ServiceDetail } from '../services/api';

// Mobile porting issues (issue-4 API contract): the services whose port-in the donor operator
// refused, and the administrator's corrected resubmission.

export type RefusalCode = 'number_unknown' | 'customer_number_mismatch' | 'sim_number_mismatch' | 'port_already_pending';

export type PortingIssue = {
  serviceId: string;
  mobileUserId: string;
  userName: string;
  msisdn: string;
  serviceType: CodeName;
  donorOperator: CodeName;
  accountType: AccountType;
  customerNumber: string | null;
  donorSimNumber: string | null;
  holderName: string;
  /** The donor's message, in English as the network gives it. */
  refusalReason: string;
  refusalCode: RefusalCode;
  refusedAt: string;
  attempts: number;
};

export type PortingIssueListParams = { q: string; page: number; pageSize: number };

export type ResubmitInput = {
  donorOperator: string;
  accountType: AccountType;
  customerNumber?: string;
  donorSimNumber?: string;
  holderName: string;
};

const portingKeys = {
  all: ['porting-issues'] as const,
  list: (params: PortingIssueListParams) => ['porting-issues', 'list', params] as const,
};

export const usePortingIssues = (params: PortingIssueListParams) =>
  useQuery({
    queryKey: portingKeys.list(params),
    queryFn: ({ signal }) => api.get<Page<PortingIssue>>('/api/porting-issues', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useResubmitPort = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ serviceId, input }: { serviceId: string; input: ResubmitInput }) =>
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
