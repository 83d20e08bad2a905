import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { CompanyDetail } from '../../shared/api/contract';

/** The signed-in administrator's company, contract and offices. */
export const useCompany = (enabled = true) =>
  useQuery({
    queryKey: ['company'],
    queryFn: ({ signal }) => api.get<CompanyDetail>('/api/company', undefined, signal),
    staleTime: 60_000,
    enabled,
  });
