import { and, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { companies, fixedNumbers, mobileUsers, offices, services, simCards, type ServiceStatus } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { inCompany, sameCompanyRow, userOfService, type CompanyScope } from '../../platform/tenant.js';

export type InventoryFilter = { ids?: string[]; statuses?: ServiceStatus[]; msisdns?: string[]; serviceTypeCodes?: string[] };

const whereOf = (scope: CompanyScope, f: InventoryFilter) =>
  inCompany(
    services,
    scope,
    f.ids ? inArray(services.id, f.ids) : undefined,
    f.statuses ? inArray(services.status, f.statuses) : undefined,
    f.msisdns ? inArray(services.msisdn, f.msisdns) : undefined,
    f.serviceTypeCodes ? inArray(services.serviceTypeCode, f.serviceTypeCodes) : undefined,
  );

const rowsWhere = (q: Queryable, where: SQL) =>
  q
    .select({
      service: services,
      user: { id: mobileUsers.id, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName },
      office: { id: offices.id, name: offices.name },
    })
    .from(services)
    .innerJoin(mobileUsers, userOfService)
    .leftJoin(offices, sameCompanyRow(offices, mobileUsers.officeId, mobileUsers))
    .where(where);

export type InventoryRow = Awaited<ReturnType<typeof rowsWhere>>[number] & {
  sim: { kind: 'physical' | 'esim'; iccid: string } | null;
  fixedNumber: string | null;
};

/** The SIM (the live one before a replacement on its way) and fixed number of each service. */
const withResources = async (q: Queryable, scope: CompanyScope, rows: Awaited<ReturnType<typeof rowsWhere>>): Promise<InventoryRow[]> => {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.service.id);
  const [sims, fixed] = await Promise.all([
    q
      .select({ serviceId: simCards.serviceId, kind: simCards.kind, iccid: simCards.iccid, status: simCards.status })
      .from(simCards)
      .where(inCompany(simCards, scope, inArray(simCards.serviceId, ids), inArray(simCards.status, ['reserved', 'assigned']))),
    q.select({ serviceId: fixedNumbers.serviceId, number: fixedNumbers.number }).from(fixedNumbers).where(inCompany(fixedNumbers, scope, inArray(fixedNumbers.serviceId, ids))),
  ]);
  return rows.map((r) => {
    const own = sims.filter((s) => s.serviceId === r.service.id);
    const sim = own.find((s) => s.status === 'assigned') ?? own[0];
    return { ...r, sim: sim ? { kind: sim.kind, iccid: sim.iccid } : null, fixedNumber: fixed.find((f) => f.serviceId === r.service.id)?.number ?? null };
  });
};

/**
 * One page of the company's services in a stable order: the latest started first, those not started
 * yet last, then by id — the (company_id, coalesce(activated_at, '-infinity'), id) index walks it backwards.
 */
export const listInventory = async (q: Queryable, scope: CompanyScope, f: InventoryFilter, page: { offset: number; limit: number }) => {
  const where = whereOf(scope, f);
  const [rows, [total]] = await Promise.all([
    rowsWhere(q, where).orderBy(sql`coalesce(${services.activatedAt}, '-infinity'::timestamptz) desc`, desc(services.id)).limit(page.limit).offset(page.offset),
    q.select({ n: count() }).from(services).where(where),
  ]);
  return { rows: await withResources(q, scope, rows), total: total?.n ?? 0 };
};

export const findInventoryItem = async (q: Queryable, scope: CompanyScope, id: string) => {
  const [row] = await withResources(q, scope, await rowsWhere(q, and(whereOf(scope, { ids: [id] }))!));
  return row ?? null;
};

export const companyName = async (q: Queryable, scope: CompanyScope) => {
  const [row] = await q.select({ name: companies.name }).from(companies).where(eq(companies.id, scope.companyId));
  return row?.name ?? '';
};
