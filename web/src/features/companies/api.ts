import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { CompanyDetail, CompanySummary, Page } from '../../shared/api/types';

export const useCompanies = (params: { q: string; page: number; pageSize: number }) =>
  useQuery({
    queryKey: ['companies', 'list', params],
    queryFn: ({ signal }) => api.get<Page<CompanySummary>>('/api/companies', { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useCompanyDetail = (id: string) =>
  useQuery({
    queryKey: ['companies', 'detail', id],
    queryFn: ({ signal }) => api.get<CompanyDetail>(`/api/companies/${encodeURIComponent(id)}`, undefined, signal),
  });
