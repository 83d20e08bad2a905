import { AppError, type ErrorCode } from '../../../platform/app-error.js';
import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import { toProblem, translateFieldError } from '../../../http/problem.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { findBulkAction, itemCounts, itemPage, recentBulkActions, type ItemError } from '../bulk-actions.repository.js';

type ActionRow = NonNullable<Awaited<ReturnType<typeof findBulkAction>>>;

const view = (row: ActionRow, counts: { pending: number; done: number; failed: number } | undefined) => ({
  id: row.id,
  kind: row.kind,
  params: row.params,
  status: row.status,
  total: row.total,
  done: counts?.done ?? 0,
  failed: counts?.failed ?? 0,
  pending: counts?.pending ?? 0,
  startedBy: row.startedByName,
  createdAt: row.createdAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
});

export const readBulkAction = async (q: Queryable, scope: CompanyScope, id: string) => {
  const row = await findBulkAction(q, scope, id);
  if (!row) throw new AppError('BULK.NOT_FOUND');
  return view(row, (await itemCounts(q, scope, [id])).get(id));
};

/** The company's latest actions, newest first: what is still running shows after a reload. */
export const listBulkActions = async (q: Queryable, scope: CompanyScope) => {
  const rows = await recentBulkActions(q, scope, 10);
  const counts = await itemCounts(q, scope, rows.map((r) => r.id));
  return { items: rows.map((r) => view(r, counts.get(r.id))) };
};

/** Why a service was refused, in the reader's language, as the single-service page words it. */
export const reasonText = (err: AppError, lang: Lang) =>
  err.fieldErrors.length ? err.fieldErrors.map((e) => translateFieldError(lang, e).message).join(' ') : toProblem(err, lang).detail;

const messageOf = (error: ItemError, lang: Lang) => reasonText(new AppError(error.code as ErrorCode, { params: error.params ?? {}, fieldErrors: error.fieldErrors ?? [] }), lang);

export const bulkActionItems = async (q: Queryable, scope: CompanyScope, id: string, query: { outcome?: 'pending' | 'done' | 'failed' | undefined; page: number; pageSize: number }, lang: Lang) => {
  if (!(await findBulkAction(q, scope, id))) throw new AppError('BULK.NOT_FOUND');
  const { rows, total } = await itemPage(q, scope, id, query.outcome, query.page, query.pageSize);
  return {
    items: rows.map((r) => ({
      serviceId: r.serviceId,
      userName: `${r.firstName} ${r.lastName}`,
      msisdn: r.msisdn,
      status: r.status,
      message: r.error ? messageOf(r.error, lang) : null,
      doneAt: r.doneAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
