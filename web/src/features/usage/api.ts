import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { CompanyUsage, ServiceUsage, UsageBand } from '../../shared/api/contract';

// What each line uses (the network's daily usage file, loaded by the server): the company's month
// on the Usage page, and one service's month on its page.

export type UsageParams = { month: string; band: UsageBand | null; roaming: 'true' | 'false' | null; q: string; page: number; pageSize: number };

export const usageKeys = {
  all: ['usage'] as const,
  company: (params: UsageParams) => ['usage', 'company', params] as const,
  service: (serviceId: string, month?: string) => ['usage', 'service', serviceId, month ?? 'now'] as const,
};

const queryOf = (params: UsageParams) => ({
  month: params.month,
  band: params.band,
  roaming: params.roaming,
  q: params.q.trim(),
  page: params.page,
  pageSize: params.pageSize,
});

export const useCompanyUsage = (params: UsageParams) =>
  useQuery({
    queryKey: usageKeys.company(params),
    queryFn: ({ signal }) => api.get<CompanyUsage>('/api/usage', queryOf(params), signal),
    placeholderData: keepPreviousData,
  });

/** The same answer seen as a page of lines, for the list frame (one request serves both). */
export const useUsageLines = (params: UsageParams) =>
  useQuery({
    queryKey: usageKeys.company(params),
    queryFn: ({ signal }) => api.get<CompanyUsage>('/api/usage', queryOf(params), signal),
    placeholderData: keepPreviousData,
    select: (data) => ({ items: data.lines, total: data.linesTotal }),
  });

export const useServiceUsage = (serviceId: string, enabled = true) =>
  useQuery({
    queryKey: usageKeys.service(serviceId),
    queryFn: ({ signal }) => api.get<ServiceUsage>(`/api/services/${encodeURIComponent(serviceId)}/usage`, undefined, signal),
    enabled,
  });

/** The CSV of every line the filters select (not one page), in the reader's language. */
export const usageExportHref = (params: UsageParams): string => {
  const search = new URLSearchParams({ month: params.month });
  if (params.band) search.set('band', params.band);
  if (params.roaming) search.set('roaming', params.roaming);
  if (params.q.trim()) search.set('q', params.q.trim());
  return `/api/usage/export.csv?${search}`;
};
