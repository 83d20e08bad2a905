import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { AuditEvent, Page } from '../../shared/api/types';

export const useAuditLog = (page: number, pageSize: number) =>
  useQuery({
    queryKey: ['audit', page, pageSize],
    queryFn: ({ signal }) => api.get<Page<AuditEvent>>('/api/audit', { page, pageSize }, signal),
    placeholderData: keepPreviousData,
  });
