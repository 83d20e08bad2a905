import { and, asc, desc, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { bundleOptions, bundles, employeeRequests, mobileUsers, services, serviceTypes } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, sameCompanyRow, type CompanyScope } from '../../platform/tenant.js';
import type { EmployeeRequestKind, EmployeeRequestStatus } from './domain/employee-request-machine.js';

// Every query here is scoped twice: by the company (the scope), and — for what an employee reads or
// asks — by the mobile user of the session, so that nothing of a colleague is ever found.

const ENDED: ('cancelled' | 'terminated')[] = ['cancelled', 'terminated'];

/** The employee's lines that still exist, oldest first, with their bundle and service type. */
export const linesOfEmployee = async (q: Queryable, scope: CompanyScope, mobileUserId: string) =>
  q
    .select({ service: services, bundle: bundles, serviceTypeName: serviceTypes.name })
    .from(services)
    .innerJoin(bundles, eq(bundles.code, services.bundleCode))
    .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
    .where(inCompany(services, scope, eq(services.mobileUserId, mobileUserId), notInArray(services.status, ENDED)))
    .orderBy(asc(services.createdAt), asc(services.id));

/** The one line, if it is this employee's (and still exists); locked when asked. */
export const ownLine = async (q: Queryable, scope: CompanyScope, mobileUserId: string, serviceId: string, forUpdate = false) => {
  const query = q
    .select({ id: services.id, status: services.status, msisdn: services.msisdn, bundleCode: services.bundleCode })
    .from(services)
    .where(inCompany(services, scope, eq(services.id, serviceId), eq(services.mobileUserId, mobileUserId), notInArray(services.status, ENDED)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

/** Localised names of options, by code. */
export const optionNames = async (q: Queryable, codes: string[], lang: Lang) => {
  if (!codes.length) return new Map<string, string>();
  const rows = await q.select({ code: bundleOptions.code, name: bundleOptions.name }).from(bundleOptions).where(inArray(bundleOptions.code, codes));
  return new Map(rows.map((r) => [r.code, localize(r.name, lang)]));
};

export const bundleName = async (q: Queryable, code: string | null, lang: Lang) => {
  if (!code) return null;
  const [row] = await q.select({ name: bundles.name }).from(bundles).where(eq(bundles.code, code));
  return row ? localize(row.name, lang) : code;
};

// ---------------------------------------------------------------- employee requests

export type NewEmployeeRequest = { mobileUserId: string; serviceId: string; kind: EmployeeRequestKind; bundleCode: string | null; optionCodes: string[] | null; note: string | null };

export const insertEmployeeRequest = async (q: Queryable, scope: CompanyScope, values: NewEmployeeRequest) => {
  const [row] = await q
    .insert(employeeRequests)
    .values({ companyId: scope.companyId, ...values })
    .returning();
  return row!;
};

/** A request of the company (the administrator's view), or of one employee of it when `mobileUserId` is given. */
export const findEmployeeRequest = async (q: Queryable, scope: CompanyScope, id: string, opts: { mobileUserId?: string; forUpdate?: boolean } = {}) => {
  const query = q
    .select()
    .from(employeeRequests)
    .where(inCompany(employeeRequests, scope, eq(employeeRequests.id, id), opts.mobileUserId ? eq(employeeRequests.mobileUserId, opts.mobileUserId) : undefined));
  const [row] = opts.forUpdate ? await query.for('update') : await query;
  return row ?? null;
};
export type EmployeeRequestRow = NonNullable<Awaited<ReturnType<typeof findEmployeeRequest>>>;

/** The one write of a request's status: only transitionEmployeeRequest (use-cases/employee-requests.ts) calls it. */
export const writeEmployeeRequestStatus = async (
  q: Queryable,
  scope: CompanyScope,
  id: string,
  values: { status: EmployeeRequestStatus; decisionReason: string | null; decidedByAccountId: string | null; decidedBy: string; decidedAt: Date },
) => {
  await q
    .update(employeeRequests)
    .set({ ...values, updatedAt: sql`now()` })
    .where(inCompany(employeeRequests, scope, eq(employeeRequests.id, id)));
};

/** The employee's latest requests, per line (My lines shows each line's). */
export const requestsOfEmployee = async (q: Queryable, scope: CompanyScope, mobileUserId: string) =>
  q
    .select()
    .from(employeeRequests)
    .where(inCompany(employeeRequests, scope, eq(employeeRequests.mobileUserId, mobileUserId)))
    .orderBy(desc(employeeRequests.createdAt))
    .limit(50);

/** The company's requests in a status (pending by default), oldest first, with who asked and for which line. */
export const companyEmployeeRequests = async (q: Queryable, scope: CompanyScope, status: EmployeeRequestStatus, limit = 200) =>
  q
    .select({
      request: employeeRequests,
      firstName: mobileUsers.firstName,
      lastName: mobileUsers.lastName,
      email: mobileUsers.email,
      msisdn: services.msisdn,
      currentBundleCode: services.bundleCode,
    })
    .from(employeeRequests)
    .innerJoin(mobileUsers, sameCompanyRow(mobileUsers, employeeRequests.mobileUserId, employeeRequests))
    .innerJoin(services, sameCompanyRow(services, employeeRequests.serviceId, employeeRequests))
    .where(inCompany(employeeRequests, scope, eq(employeeRequests.status, status)))
    .orderBy(status === 'pending' ? asc(employeeRequests.createdAt) : desc(employeeRequests.updatedAt))
    .limit(limit);

/** Who asked: the mobile user of a request, for its e-mails. */
export const requester = async (q: Queryable, scope: CompanyScope, mobileUserId: string) => {
  const [row] = await q
    .select({ email: mobileUsers.email, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName, language: mobileUsers.language })
    .from(mobileUsers)
    .where(inCompany(mobileUsers, scope, eq(mobileUsers.id, mobileUserId)));
  return row ?? null;
};

export const pendingCount = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ n: sql<number>`count(*)::int` }).from(employeeRequests).where(and(inCompany(employeeRequests, scope, eq(employeeRequests.status, 'pending'))));
  return row?.n ?? 0;
};
