import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError } from '../../shared/api/client';
import type {
  FixedNumber,
  FixedNumberStatus,
  ImportResult,
  ImportRowError,
  Page,
  PoolNumber,
  PoolNumberStatus,
  SimCard,
  SimKind,
  SimStatus,
} from '../../shared/api/contract';
import { allOf } from '../../shared/api/all-of';

/** The values the filters offer, in their order (checked against the contract: a new status fails the type check). */
export const SIM_KINDS = allOf<SimKind>()(['physical', 'esim']);
export const SIM_STATUSES = allOf<SimStatus>()(['in_stock', 'reserved', 'assigned', 'retired']);
export const FIXED_NUMBER_STATUSES = allOf<FixedNumberStatus>()(['available', 'assigned']);
export const POOL_NUMBER_STATUSES = allOf<PoolNumberStatus>()(['free', 'reserved', 'assigned', 'quarantined']);

/** The rows of a 422 STOCK.IMPORT_INVALID answer, or null for any other error. */
export const importRowsOf = (error: unknown): ImportRowError[] | null =>
  isApiError(error) && error.code === 'STOCK.IMPORT_INVALID' && Array.isArray(error.problem.rows) ? (error.problem.rows as ImportRowError[]) : null;

export type StockListParams = { q: string; page: number; pageSize: number; status: string | null; kind?: string | null };

/**
 * The three kinds of stock an operator loads. Each is listed, added one at a time and imported
 * from CSV at its own address; the UI treats them alike.
 */
export type StockKind = 'sim-cards' | 'fixed-numbers' | 'mobile-number-pool';

export const stockPath = (kind: StockKind, companyId: string | null) =>
  kind === 'mobile-number-pool' ? '/api/mobile-number-pool' : `/api/companies/${encodeURIComponent(companyId ?? '')}/${kind}`;

const stockKeys = {
  all: (kind: StockKind) => ['stock', kind] as const,
  list: (kind: StockKind, companyId: string | null, params: StockListParams) => ['stock', kind, companyId, params] as const,
};

const useStockList = <T>(kind: StockKind, companyId: string | null, params: StockListParams) =>
  useQuery({
    queryKey: stockKeys.list(kind, companyId, params),
    queryFn: ({ signal }) => api.get<Page<T>>(stockPath(kind, companyId), { ...params, q: params.q.trim() }, signal),
    placeholderData: keepPreviousData,
  });

export const useSimCards = (companyId: string, params: StockListParams) => useStockList<SimCard>('sim-cards', companyId, params);
export const useFixedNumbers = (companyId: string, params: StockListParams) => useStockList<FixedNumber>('fixed-numbers', companyId, params);
export const usePoolNumbers = (params: StockListParams) => useStockList<PoolNumber>('mobile-number-pool', null, params);

/** Adds one item; the lists of that kind are fetched again. */
export const useAddStock = <T>(kind: StockKind, companyId: string | null) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, string>) => api.post<T>(stockPath(kind, companyId), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockKeys.all(kind) }),
  });
};

/** Sends a CSV file; all of it is imported, or nothing and the error carries the rows to fix. */
export const useImportStock = (kind: StockKind, companyId: string | null) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (csv: string) => api.postText<ImportResult>(`${stockPath(kind, companyId)}/import`, csv, 'text/csv'),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: stockKeys.all(kind) }),
  });
};
