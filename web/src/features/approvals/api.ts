import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { allOf } from '../../shared/api/all-of';
import type { Approval, ApprovalPage, ApprovalSettings, ApprovalStatus, ApprovalSummary, PendingApproval } from '../../shared/api/contract';

export const APPROVALS_PATH = '/self-service/approvals';
export const APPROVAL_STATUSES = allOf<ApprovalStatus>()(['pending', 'approved', 'rejected', 'cancelled', 'failed']);
export const isApprovalStatus = (v: string | null): v is ApprovalStatus => (APPROVAL_STATUSES as readonly (string | null)[]).includes(v);

export type ApprovalListParams = { q: string; status: ApprovalStatus | null; page: number; pageSize: number };

/** An order's answer: carried out (its own result), or held for approval (202 with the approval). */
export const isPendingApproval = (body: unknown): body is PendingApproval => typeof body === 'object' && body !== null && 'approval' in body;

export const useApprovals = (params: ApprovalListParams) =>
  useQuery({
    queryKey: ['approvals', 'list', params],
    queryFn: ({ signal }) => api.get<ApprovalPage>('/api/approvals', { q: params.q.trim(), page: params.page, pageSize: params.pageSize, ...(params.status ? { status: params.status } : {}) }, signal),
    placeholderData: keepPreviousData,
  });

export const useApprovalSummary = (enabled = true) =>
  useQuery({ queryKey: ['approvals', 'summary'], queryFn: ({ signal }) => api.get<ApprovalSummary>('/api/approvals/summary', {}, signal), enabled });

export const useApprovalSettings = () =>
  useQuery({ queryKey: ['approvals', 'settings'], queryFn: ({ signal }) => api.get<ApprovalSettings>('/api/company/approval-settings', {}, signal) });

/** Approve, reject (with a reason), withdraw; the owner's rule. Each refreshes the approvals, the services and the audit log. */
export const useApprovalMutations = () => {
  const queryClient = useQueryClient();
  const refresh = () => Promise.all(['approvals', 'services', 'service', 'overview', 'imports', 'audit'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })));
  return {
    decide: useMutation({
      mutationFn: ({ id, event, reason }: { id: string; event: 'approve' | 'reject' | 'cancel'; reason?: string }) => api.post<Approval>(`/api/approvals/${encodeURIComponent(id)}/${event}`, reason ? { reason } : {}),
      onSuccess: refresh,
    }),
    saveSettings: useMutation({ mutationFn: (body: ApprovalSettings) => api.put<ApprovalSettings>('/api/company/approval-settings', body), onSuccess: refresh }),
  };
};
