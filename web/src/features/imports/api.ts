import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, isApiError } from '../../shared/api/client';
import type { ImportDryRun, ImportIssue, ImportList, ImportProgress, ImportStarted } from '../../shared/api/contract';

// Keyed by the API they come from: an operator going from one company's imports to another's never sees the first's.
const importKeys = {
  list: (base: string) => ['imports', base, 'list'] as const,
  detail: (base: string, id: string) => ['imports', base, 'detail', id] as const,
};

export const templateUrl = (base: string) => `${base}/template.csv`;
export const failedRowsUrl = (base: string, id: string) => `${base}/${encodeURIComponent(id)}/failed-rows.csv`;

// The file goes as the body itself: an XLSX workbook as it is, CSV as text/csv.
const upload = <T>(path: string, file: File) =>
  apiRequest<T>(path, {
    method: 'POST',
    text: { content: file, type: /\.xlsx$/i.test(file.name) ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' },
    query: { fileName: file.name },
  });

export const useDryRun = (base: string) => useMutation({ mutationFn: (file: File) => upload<ImportDryRun>(`${base}/check`, file) });

export const useStartImport = (base: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => upload<ImportStarted>(base, file),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['mobile-users'] }), queryClient.invalidateQueries({ queryKey: ['approvals'] })]),
  });
};

export const useImports = (base: string) => useQuery({ queryKey: importKeys.list(base), queryFn: ({ signal }) => apiRequest<ImportList>(base, { signal }) });

/** An import's progress, asked again every second while it runs (it survives a reload: the server keeps it). */
export const useImportProgress = (base: string, id: string) => {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.detail(base, id),
    queryFn: async ({ signal }) => {
      const progress = await apiRequest<ImportProgress>(`${base}/${encodeURIComponent(id)}`, { signal });
      if (progress.status === 'finished') void queryClient.invalidateQueries({ queryKey: ['mobile-users'] });
      return progress;
    },
    // an import held for approval is looked at now and then, in case someone approves it meanwhile
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === 'finished' || status === 'cancelled' ? false : status === 'awaiting_approval' ? 5000 : 1000;
    },
    retry: (count, error) => !(isApiError(error) && error.status < 500) && count < 2,
  });
};

/** The problems of a refused file, when the answer lists them. */
export const fileIssuesOf = (error: unknown): ImportIssue[] | null => {
  if (!isApiError(error)) return null;
  const issues = (error.problem as { issues?: ImportIssue[] }).issues;
  return Array.isArray(issues) ? issues : null;
};
