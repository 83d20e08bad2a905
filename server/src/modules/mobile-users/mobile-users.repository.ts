import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { bundleOptions, bundles, fixedNumbers, mobileUsers, offices, productTypes, services, serviceTypes, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { likePattern, parseUserSearch } from './domain/search.js';
import type { MobileUserInput, MobileUserListQuery } from './mobile-users.schemas.js';

type Row = typeof mobileUsers.$inferSelect;

/** The fields an audit line keeps of a mobile user (no timestamps, they change on every write). */
export const snapshotOf = (r: Row) => ({
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  language: r.language,
  department: r.department,
  costCentre: r.costCentre,
  officeId: r.officeId,
});

// Numbers and service counts of a user, as correlated subqueries: cheap with the (company, user) index.
const numbersSql = sql<string[]>`coalesce((
  select array_agg(s.msisdn order by s.created_at) from ${services} s
  where s.company_id = ${mobileUsers.companyId} and s.mobile_user_id = ${mobileUsers.id}
    and s.msisdn is not null and s.status not in ('terminated', 'cancelled')), '{}'::text[])`;
const serviceCountSql = sql<number>`(
  select count(*)::int from ${services} s
  where s.company_id = ${mobileUsers.companyId} and s.mobile_user_id = ${mobileUsers.id} and s.status not in ('terminated', 'cancelled'))`;

const summaryColumns = {
  user: mobileUsers,
  officeName: offices.name,
  numbers: numbersSql,
  serviceCount: serviceCountSql,
};

const toSummary = (r: { user: Row; officeName: string | null; numbers: string[]; serviceCount: number }) => ({
  id: r.user.id,
  firstName: r.user.firstName,
  lastName: r.user.lastName,
  email: r.user.email,
  language: r.user.language,
  department: r.user.department,
  costCentre: r.user.costCentre,
  officeId: r.user.officeId,
  officeName: r.officeName,
  numbers: r.numbers ?? [],
  serviceCount: Number(r.serviceCount ?? 0),
  createdAt: r.user.createdAt.toISOString(),
  updatedAt: r.user.updatedAt.toISOString(),
});

const searchCondition = (raw: string | undefined): SQL | undefined => {
  const search = parseUserSearch(raw);
  if (!search) return undefined;
  const pattern = likePattern(search.text);
  const conditions: SQL[] = [
    ilike(mobileUsers.firstName, pattern),
    ilike(mobileUsers.lastName, pattern),
    ilike(mobileUsers.email, pattern),
    sql`(${mobileUsers.firstName} || ' ' || ${mobileUsers.lastName}) ilike ${pattern}`,
    sql`(${mobileUsers.lastName} || ' ' || ${mobileUsers.firstName}) ilike ${pattern}`,
  ];
  if (search.numberDigits) {
    conditions.push(sql`exists (select 1 from ${services} s where s.company_id = ${mobileUsers.companyId}
      and s.mobile_user_id = ${mobileUsers.id} and s.msisdn like ${likePattern(search.numberDigits)})`);
  }
  return or(...conditions);
};

const orderFor = (q: MobileUserListQuery): SQL[] => {
  const dir = q.order === 'desc' ? desc : asc;
  const lower = (c: typeof mobileUsers.lastName | typeof mobileUsers.firstName) => sql`lower(${c})`;
  switch (q.sort) {
    case 'email':
      return [dir(mobileUsers.email)];
    case 'department':
      return [q.order === 'desc' ? sql`${mobileUsers.department} desc nulls last` : sql`${mobileUsers.department} asc nulls last`, asc(lower(mobileUsers.lastName))];
    case 'createdAt':
      return [dir(mobileUsers.createdAt)];
    default:
      return [dir(lower(mobileUsers.lastName)), dir(lower(mobileUsers.firstName))];
  }
};

export const listMobileUsers = async (db: Queryable, scope: CompanyScope, q: MobileUserListQuery) => {
  const where = inCompany(mobileUsers, scope, searchCondition(q.q));
  const [rows, [total]] = await Promise.all([
    db
      .select(summaryColumns)
      .from(mobileUsers)
      .leftJoin(offices, and(eq(offices.id, mobileUsers.officeId), eq(offices.companyId, mobileUsers.companyId)))
      .where(where)
      .orderBy(...orderFor(q), asc(mobileUsers.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(mobileUsers).where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
};

export const findMobileUserRow = async (db: Queryable, scope: CompanyScope, id: string, forUpdate = false) => {
  const query = db.select().from(mobileUsers).where(inCompany(mobileUsers, scope, eq(mobileUsers.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

export const getMobileUser = async (db: Queryable, scope: CompanyScope, id: string, lang: Lang) => {
  const [row] = await db
    .select(summaryColumns)
    .from(mobileUsers)
    .leftJoin(offices, and(eq(offices.id, mobileUsers.officeId), eq(offices.companyId, mobileUsers.companyId)))
    .where(inCompany(mobileUsers, scope, eq(mobileUsers.id, id)));
  if (!row) return null;
  const lines = await db
    .select({ service: services, serviceType: serviceTypes, productType: productTypes, bundle: bundles })
    .from(services)
    .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
    .innerJoin(productTypes, eq(productTypes.code, serviceTypes.productTypeCode))
    .innerJoin(bundles, eq(bundles.code, services.bundleCode))
    .where(inCompany(services, scope, eq(services.mobileUserId, id)))
    .orderBy(asc(services.createdAt));
  const serviceIds = lines.map((l) => l.service.id);
  const optionCodes = [...new Set(lines.flatMap((l) => l.service.optionCodes))];
  const [options, fixed, sims] = await Promise.all([
    optionCodes.length ? db.select().from(bundleOptions).where(inArray(bundleOptions.code, optionCodes)) : [],
    serviceIds.length ? db.select().from(fixedNumbers).where(inCompany(fixedNumbers, scope, inArray(fixedNumbers.serviceId, serviceIds))) : [],
    serviceIds.length
      ? db.select().from(simCards).where(inCompany(simCards, scope, inArray(simCards.serviceId, serviceIds))).orderBy(asc(simCards.updatedAt))
      : [],
  ]);
  const option = new Map(options.map((o) => [o.code, o]));
  return {
    ...toSummary(row),
    services: lines.map((l) => {
      const opts = l.service.optionCodes.flatMap((code) => {
        const o = option.get(code);
        return o ? [{ code: o.code, name: localize(o.name, lang), monthlyPriceCents: o.monthlyPriceCents }] : [];
      });
      // the live SIM if there is one, else the last one the service had
      const sim = sims.filter((c) => c.serviceId === l.service.id).sort((a, b) => Number(a.status === 'retired') - Number(b.status === 'retired'))[0];
      return {
        id: l.service.id,
        productType: { code: l.productType.code, name: localize(l.productType.name, lang) },
        serviceType: { code: l.serviceType.code, name: localize(l.serviceType.name, lang) },
        bundle: { code: l.bundle.code, name: localize(l.bundle.name, lang), monthlyPriceCents: l.bundle.monthlyPriceCents },
        options: opts,
        monthlyPriceCents: l.bundle.monthlyPriceCents + opts.reduce((sum, o) => sum + o.monthlyPriceCents, 0),
        msisdn: l.service.msisdn,
        fixedNumber: fixed.find((f) => f.serviceId === l.service.id)?.number ?? null,
        sim: sim ? { kind: sim.kind, iccid: sim.iccid } : null,
        status: l.service.status,
        activatedAt: l.service.activatedAt?.toISOString() ?? null,
        createdAt: l.service.createdAt.toISOString(),
        endedAt: l.service.endedAt?.toISOString() ?? null,
      };
    }),
  };
};

export const emailTaken = async (db: Queryable, scope: CompanyScope, email: string, exceptId?: string) => {
  const [row] = await db
    .select({ id: mobileUsers.id })
    .from(mobileUsers)
    .where(inCompany(mobileUsers, scope, eq(mobileUsers.email, email)));
  return !!row && row.id !== exceptId;
};

export const officeInCompany = async (db: Queryable, scope: CompanyScope, officeId: string) => {
  const [row] = await db.select({ id: offices.id }).from(offices).where(inCompany(offices, scope, eq(offices.id, officeId)));
  return !!row;
};

export const insertMobileUser = async (db: Queryable, scope: CompanyScope, input: MobileUserInput) => {
  const [row] = await db
    .insert(mobileUsers)
    .values({ ...input, companyId: scope.companyId })
    .returning();
  return row!;
};

export const updateMobileUser = async (db: Queryable, scope: CompanyScope, id: string, patch: Partial<MobileUserInput>) => {
  const [row] = await db
    .update(mobileUsers)
    .set({ ...patch, updatedAt: new Date() })
    .where(inCompany(mobileUsers, scope, eq(mobileUsers.id, id)))
    .returning();
  return row!;
};

/** The company's users among `ids`, locked for a change. */
export const lockMobileUsers = (db: Queryable, scope: CompanyScope, ids: string[]) =>
  db.select().from(mobileUsers).where(inCompany(mobileUsers, scope, inArray(mobileUsers.id, ids))).orderBy(asc(mobileUsers.id)).for('update');

export const setCostCentre = (db: Queryable, scope: CompanyScope, ids: string[], costCentre: string | null) =>
  db
    .update(mobileUsers)
    .set({ costCentre, updatedAt: new Date() })
    .where(inCompany(mobileUsers, scope, inArray(mobileUsers.id, ids)))
    .returning();

/** The company's cost centres in use, by name. */
export const listCostCentres = (db: Queryable, scope: CompanyScope) =>
  db
    .select({ costCentre: sql<string>`${mobileUsers.costCentre}`, users: count() })
    .from(mobileUsers)
    .where(inCompany(mobileUsers, scope, sql`${mobileUsers.costCentre} is not null`))
    .groupBy(mobileUsers.costCentre)
    .orderBy(asc(mobileUsers.costCentre));
