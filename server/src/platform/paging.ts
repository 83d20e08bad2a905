/** The page a list asks for (1-based). */
export type PageQuery = { page: number; pageSize: number };

/** LIMIT and OFFSET of a page. */
export const pageWindow = (q: PageQuery) => ({ limit: q.pageSize, offset: (q.page - 1) * q.pageSize });

/** One page of a list: its rows and the count of all that match, run side by side. */
export const listPage = async <R, I>(q: PageQuery, rows: Promise<R[]>, counted: Promise<{ n: number }[]>, toItem: (row: R) => I) => {
  const [page, [total]] = await Promise.all([rows, counted]);
  return { items: page.map(toItem), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
};
