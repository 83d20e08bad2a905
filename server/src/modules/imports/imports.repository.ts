import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { fixedNumbers, importRows, imports, mobileNumbers, mobileUsers, services } from '../../db/schema.js';
import type { FieldError } from '../../platform/app-error.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';

// The imports module owns `imports` and `import_rows`; it only reads what other modules own (users,
// services, stock) to resolve what a file names, and changes them through their use cases.

const CHUNK = 1000;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/** The company's mobile users with these e-mails (lower case), by e-mail. */
export const usersByEmail = async (q: Queryable, scope: CompanyScope, emails: string[]) => {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(emails)])) {
    const rows = await q.select({ id: mobileUsers.id, email: mobileUsers.email }).from(mobileUsers).where(inCompany(mobileUsers, scope, inArray(mobileUsers.email, part)));
    for (const r of rows) found.set(r.email, r.id);
  }
  return found;
};

/** The company's services holding these numbers now (any status but ended), by number: "keep a number of the company". */
export const servicesByMsisdn = async (q: Queryable, scope: CompanyScope, msisdns: string[]) => {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(msisdns)])) {
    const rows = await q
      .select({ id: services.id, msisdn: services.msisdn })
      .from(services)
      .where(inCompany(services, scope, inArray(services.msisdn, part), sql`${services.endedAt} is null`));
    for (const r of rows) if (r.msisdn) found.set(r.msisdn, r.id);
  }
  return found;
};

/** The company's fixed numbers, by number (E.164). */
export const fixedNumbersByNumber = async (q: Queryable, scope: CompanyScope, numbers: string[]) => {
  const found = new Map<string, string>();
  for (const part of chunks([...new Set(numbers)])) {
    const rows = await q.select({ id: fixedNumbers.id, number: fixedNumbers.number }).from(fixedNumbers).where(inCompany(fixedNumbers, scope, inArray(fixedNumbers.number, part)));
    for (const r of rows) found.set(r.number, r.id);
  }
  return found;
};

/** Free numbers of the operator's pool, in the order an import takes them (a dry run's preview). */
export const freePoolNumbers = async (q: Queryable, limit: number) =>
  limit <= 0
    ? []
    : (await q.select({ msisdn: mobileNumbers.msisdn }).from(mobileNumbers).where(eq(mobileNumbers.status, 'free')).orderBy(asc(mobileNumbers.msisdn)).limit(limit)).map((r) => r.msisdn);

/**
 * A free pool number for a row of an import, locked until the row's transaction ends: rows worked
 * side by side each get another one (SKIP LOCKED) instead of queueing for the same. The stock
 * module's reservation then takes it.
 */
export const lockFreePoolNumber = async (tx: Queryable): Promise<string | null> => {
  const [row] = await tx.select({ msisdn: mobileNumbers.msisdn }).from(mobileNumbers).where(eq(mobileNumbers.status, 'free')).orderBy(asc(mobileNumbers.msisdn)).limit(1).for('update', { skipLocked: true });
  return row?.msisdn ?? null;
};

/** Which of these row keys the company has imported already. */
export const doneRowKeys = async (q: Queryable, scope: CompanyScope, keys: string[]) => {
  const done = new Set<string>();
  for (const part of chunks([...new Set(keys)])) {
    const rows = await q.select({ key: importRows.rowKey }).from(importRows).where(inCompany(importRows, scope, eq(importRows.status, 'done'), inArray(importRows.rowKey, part)));
    for (const r of rows) done.add(r.key);
  }
  return done;
};

export type NewImportRow = { line: number; rowKey: string; data: Record<string, string>; status: 'pending' | 'failed' | 'skipped'; errors: FieldError[] | null };

export const insertImport = async (
  q: Queryable,
  scope: CompanyScope,
  values: { fileName: string; totalRows: number; startedByAccountId: string; startedByName: string; status: 'running' | 'awaiting_approval' },
  rows: NewImportRow[],
) => {
  const [created] = await q
    .insert(imports)
    .values({ companyId: scope.companyId, ...values })
    .returning();
  for (const part of chunks(rows)) {
    await q.insert(importRows).values(part.map((r) => ({ companyId: scope.companyId, importId: created!.id, ...r, doneAt: r.status === 'pending' ? null : new Date() })));
  }
  return created!;
};

export const findImport = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await q.select().from(imports).where(inCompany(imports, scope, eq(imports.id, id)));
  return row ?? null;
};

/** The row counts of an import by status. */
export const importCounts = async (q: Queryable, scope: CompanyScope, id: string) => {
  const rows = await q
    .select({ status: importRows.status, n: count() })
    .from(importRows)
    .where(inCompany(importRows, scope, eq(importRows.importId, id)))
    .groupBy(importRows.status);
  const counts = { pending: 0, done: 0, failed: 0, skipped: 0 };
  for (const r of rows) counts[r.status] = r.n;
  return counts;
};

export const listImports = async (q: Queryable, scope: CompanyScope, limit: number) =>
  q.select().from(imports).where(inCompany(imports, scope)).orderBy(desc(imports.createdAt)).limit(limit);

/**
 * Moves an import from one status to the next (held for approval → running or cancelled); a cancelled
 * import's waiting rows are skipped. False when the import was not in `from`.
 */
export const setImportStatus = async (q: Queryable, scope: CompanyScope, id: string, from: 'awaiting_approval', to: 'running' | 'cancelled') => {
  const rows = await q
    .update(imports)
    .set({ status: to, ...(to === 'cancelled' ? { finishedAt: new Date() } : {}) })
    .where(inCompany(imports, scope, eq(imports.id, id), eq(imports.status, from)))
    .returning({ id: imports.id });
  if (rows.length === 1 && to === 'cancelled') {
    await q.update(importRows).set({ status: 'skipped', doneAt: new Date() }).where(inCompany(importRows, scope, eq(importRows.importId, id), eq(importRows.status, 'pending')));
  }
  return rows.length === 1;
};

/** Ids of a lane's pending rows (line modulo lanes), in file order, for its worker to take one by one. */
export const pendingRowIds = async (q: Queryable, scope: CompanyScope, importId: string, lane: { lane: number; lanes: number }, limit: number) =>
  (
    await q
      .select({ id: importRows.id })
      .from(importRows)
      .where(inCompany(importRows, scope, eq(importRows.importId, importId), eq(importRows.status, 'pending'), sql`${importRows.line} % ${lane.lanes} = ${lane.lane}`))
      .orderBy(asc(importRows.line))
      .limit(limit)
  ).map((r) => r.id);

/** The row, locked for this transaction, if it still waits and no other worker holds it. */
export const lockPendingRow = async (tx: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await tx
    .select()
    .from(importRows)
    .where(inCompany(importRows, scope, eq(importRows.id, id), eq(importRows.status, 'pending')))
    .for('update', { skipLocked: true });
  return row ?? null;
};

export const markRow = async (
  q: Queryable,
  scope: CompanyScope,
  id: string,
  outcome: { status: 'done'; mobileUserId: string; serviceId: string | null } | { status: 'failed'; errors: FieldError[] } | { status: 'skipped' },
) => {
  const rows = await q
    .update(importRows)
    .set({ ...outcome, doneAt: new Date() })
    .where(inCompany(importRows, scope, eq(importRows.id, id), eq(importRows.status, 'pending')))
    .returning({ id: importRows.id });
  return rows.length === 1;
};

/** Marks the import finished once no row waits; true for the one caller that did it. */
export const finishImportIfDone = async (q: Queryable, scope: CompanyScope, id: string) => {
  const rows = await q
    .update(imports)
    .set({ status: 'finished', finishedAt: new Date() })
    .where(
      inCompany(
        imports,
        scope,
        eq(imports.id, id),
        eq(imports.status, 'running'),
        sql`not exists (select 1 from ${importRows} where ${importRows.importId} = ${imports.id} and ${importRows.status} = 'pending')`,
      ),
    )
    .returning({ id: imports.id });
  return rows.length === 1;
};

/** The rows of an import that did not go in, in file order, for the failed-rows file. */
export const failedRows = async (q: Queryable, scope: CompanyScope, importId: string) =>
  q
    .select({ line: importRows.line, data: importRows.data, errors: importRows.errors })
    .from(importRows)
    .where(and(inCompany(importRows, scope, eq(importRows.importId, importId), eq(importRows.status, 'failed'))))
    .orderBy(asc(importRows.line));
