import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { OverviewCount, OverviewFacets, OverviewPage, OverviewSort, OverviewSummary, ServiceStatus, SortOrder } from '../../shared/api/contract';

// Self-service › UC & Mobile › Service overview: keyset pages, a count, facets and a dashboard.

/** What narrows the list; the count and the CSV export take exactly these. */
export type OverviewFilters = {
  q: string;
  status: ServiceStatus[];
  product: string | null;
  bundle: string | null;
  department: string | null;
  sort: OverviewSort;
  order: SortOrder;
};

export type OverviewListParams = OverviewFilters & { limit: number; after: string | null; before: string | null };

/** The filters as the API's query (empty ones left out; several statuses comma-separated). */
export const filterQuery = (filters: OverviewFilters) => ({
  q: filters.q.trim() || undefined,
  status: filters.status.length ? filters.status.join(',') : undefined,
  product: filters.product ?? undefined,
  bundle: filters.bundle ?? undefined,
  department: filters.department ?? undefined,
});

const overviewKeys = {
  all: ['service-overview'] as const,
  list: (params: OverviewListParams) => ['service-overview', 'list', params] as const,
  count: (filters: OverviewFilters) => ['service-overview', 'count', filterQuery(filters)] as const,
  facets: ['service-overview', 'facets'] as const,
  summary: ['service-overview', 'summary'] as const,
};

export const useOverviewPage = (params: OverviewListParams) =>
  useQuery({
    queryKey: overviewKeys.list(params),
    queryFn: ({ signal }) =>
      api.get<OverviewPage>(
        '/api/service-overview',
        {
          ...filterQuery(params),
          sort: params.sort,
          order: params.order,
          limit: params.limit,
          after: params.after ?? undefined,
          before: params.before ?? undefined,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

export const useOverviewCount = (filters: OverviewFilters) =>
  useQuery({
    queryKey: overviewKeys.count(filters),
    queryFn: ({ signal }) => api.get<OverviewCount>('/api/service-overview/count', filterQuery(filters), signal),
    placeholderData: keepPreviousData,
  });

export const useOverviewFacets = () =>
  useQuery({
    queryKey: overviewKeys.facets,
    queryFn: ({ signal }) => api.get<OverviewFacets>('/api/service-overview/facets', undefined, signal),
    staleTime: 60_000,
  });

export const useOverviewSummary = () =>
  useQuery({
    queryKey: overviewKeys.summary,
    queryFn: ({ signal }) => api.get<OverviewSummary>('/api/service-overview/summary', undefined, signal),
  });

/** The CSV of everything the filters match (not one page), in the same order as the table. */
export const exportHref = (filters: OverviewFilters): string => {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries({ ...filterQuery(filters), sort: filters.sort, order: filters.order })) {
    if (value !== undefined) params.set(key, value);
  }
  return `/api/service-overview/export.csv?${params}`;
};
