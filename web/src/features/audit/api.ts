import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { AuditPage } from '../../shared/api/contract';

export const useAuditLog = (page: number, pageSize: number) =>
  useQuery({
    queryKey: ['audit', page, pageSize],
    queryFn: ({ signal }) => api.get<AuditPage>('/api/audit', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
