import type { OverviewSort, ServiceStatus, SortOrder } from '../../shared/api/contract';
import type { OverviewFilters, OverviewListParams } from './api';

// The overview's state lives in the address (tab, filters, search, sort, cursor, page size), so the
// browser's Back button and a shared link show the same page. Anything odd falls back to the default.

export const OVERVIEW_PATH = '/self-service/uc-mobile/overview';
export const OVERVIEW_PAGE_SIZES = [20, 50, 100, 200] as const;
export const DEFAULT_OVERVIEW_LIMIT = 50;

const SORTS: readonly OverviewSort[] = ['user', 'number', 'activated'];
const STATUSES: readonly ServiceStatus[] = [
  'waiting_for_activation',
  'activation_started',
  'awaiting_user',
  'provisioning',
  'porting',
  'porting_refused',
  'activation_failed',
  'active',
  'suspended',
  'barred',
  'terminated',
  'cancelled',
];

export type OverviewTab = 'services' | 'users';

export type OverviewState = OverviewListParams & {
  tab: OverviewTab;
  /** Which page of the current filters this is (1-based): keyset cursors carry no offset, the address does. */
  page: number;
};

const text = (raw: string | null): string | null => {
  const trimmed = raw?.trim();
  return trimmed ? trimmed : null;
};

export const readOverviewState = (params: URLSearchParams): OverviewState => {
  const sort = params.get('sort') as OverviewSort | null;
  const limit = Number(params.get('limit'));
  const page = Number(params.get('page'));
  const after = text(params.get('after'));
  return {
    tab: params.get('tab') === 'users' ? 'users' : 'services',
    q: params.get('q') ?? '',
    status: (params.get('status') ?? '')
      .split(',')
      .filter((status): status is ServiceStatus => (STATUSES as readonly string[]).includes(status)),
    product: text(params.get('product')),
    bundle: text(params.get('bundle')),
    department: text(params.get('department')),
    sort: sort && SORTS.includes(sort) ? sort : 'user',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    limit: (OVERVIEW_PAGE_SIZES as readonly number[]).includes(limit) ? limit : DEFAULT_OVERVIEW_LIMIT,
    after,
    // one cursor at a time: "after" wins if a hand-made address carries both
    before: after ? null : text(params.get('before')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
};

export const filtersOf = (state: OverviewState): OverviewFilters => ({
  q: state.q,
  status: state.status,
  product: state.product,
  bundle: state.bundle,
  department: state.department,
  sort: state.sort,
  order: state.order,
});

/** Changes that start the list again from its first page (any filter, the search, the sort, the page size). */
export const BACK_TO_FIRST_PAGE = { after: null, before: null, page: null } as const;

/** Clicking a column: the same column flips the order; a new one starts ascending (dates: newest first). */
export const nextSort = (state: Pick<OverviewState, 'sort' | 'order'>, column: OverviewSort): { sort: OverviewSort; order: SortOrder } => {
  if (state.sort === column) return { sort: column, order: state.order === 'asc' ? 'desc' : 'asc' };
  return { sort: column, order: column === 'activated' ? 'desc' : 'asc' };
};

/** "51–100": where this page sits among all matches; null until both the page and the count are known. */
export const pageRange = (page: number, limit: number, shown: number, total: number) => {
  if (shown === 0) return { from: 0, to: 0 };
  const from = (page - 1) * limit + 1;
  return { from: Math.min(from, total), to: Math.min(from + shown - 1, total) };
};

export const hasFilters = (state: OverviewFilters) =>
  state.q.trim() !== '' || state.status.length > 0 || state.product !== null || state.bundle !== null || state.department !== null;
