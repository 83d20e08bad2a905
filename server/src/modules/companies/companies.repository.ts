import { and, asc, count, eq, ilike, ne, or, sql } from 'drizzle-orm';
import { accountInvitations, accounts, companies, contracts, mobileUsers, offices, productTypes, services } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { likePattern } from '../mobile-users/domain/search.js';

/** The product types in catalog order, named in the caller's language (a handful of rows). */
const productTypeNames = async (db: Queryable, lang: Lang) => {
  const rows = await db.select().from(productTypes).orderBy(asc(productTypes.sortOrder));
  return new Map(rows.map((p) => [p.code, localize(p.name, lang)]));
};
const named = (names: Map<string, string>, codes: string[]) => codes.map((code) => ({ code, name: names.get(code) ?? code }));

const activeServiceCount = async (db: Queryable, scope: CompanyScope) => {
  const [row] = await db.select({ n: count() }).from(services).where(inCompany(services, scope, ne(services.status, 'terminated')));
  return row?.n ?? 0;
};

export const companyExists = async (db: Queryable, id: string) => {
  const [row] = await db.select({ id: companies.id }).from(companies).where(eq(companies.id, id));
  return !!row;
};

/** The company's account manager at the operator, if it has one. */
export const accountManagerOf = async (db: Queryable, scope: CompanyScope) => {
  const [row] = await db
    .select({ email: accounts.email, name: accounts.fullName })
    .from(companies)
    .innerJoin(accounts, eq(accounts.id, companies.accountManagerId))
    .where(eq(companies.id, scope.companyId));
  return row ?? null;
};

/**
 * Who at the operator hears about a company's trouble: its account manager while that account is
 * active, otherwise every active operator staff member.
 */
export const operatorStaffToTell = async (db: Queryable, scope: CompanyScope) => {
  const columns = { email: accounts.email, fullName: accounts.fullName, language: accounts.language };
  const [manager] = await db
    .select(columns)
    .from(companies)
    .innerJoin(accounts, eq(accounts.id, companies.accountManagerId))
    .where(and(eq(companies.id, scope.companyId), eq(accounts.status, 'active')));
  if (manager) return [manager];
  return db.select(columns).from(accounts).where(and(eq(accounts.role, 'operator'), eq(accounts.status, 'active')));
};

/** A company with its contract, offices, administrators and account manager, as its administrator (or operator staff) sees it. */
export const getCompanyDetail = async (db: Queryable, scope: CompanyScope, lang: Lang) => {
  const [company] = await db.select().from(companies).where(eq(companies.id, scope.companyId));
  if (!company) return null;
  const [[contract], officeRows, active, [users], admins, names, [manager]] = await Promise.all([
    db.select().from(contracts).where(inCompany(contracts, scope)),
    db
      .select({
        office: offices,
        // qualified by hand: drizzle leaves columns of a single-table select unqualified, and inside the subquery "id" would be m.id
        mobileUserCount: sql<number>`(select count(*)::int from ${mobileUsers} m where m.company_id = "offices"."company_id" and m.office_id = "offices"."id")`,
      })
      .from(offices)
      .where(inCompany(offices, scope))
      .orderBy(asc(offices.name), asc(offices.id)),
    activeServiceCount(db, scope),
    db.select({ n: count() }).from(mobileUsers).where(inCompany(mobileUsers, scope)),
    db
      .select({
        id: accounts.id,
        fullName: accounts.fullName,
        email: accounts.email,
        language: accounts.language,
        status: accounts.status,
        role: accounts.companyRole,
        lastLoginAt: accounts.lastLoginAt,
        invitationExpiresAt: sql<Date | string | null>`(select max(i.expires_at) from ${accountInvitations} i where i.account_id = "accounts"."id" and i.used_at is null and i.revoked_at is null)`,
      })
      .from(accounts)
      .where(inCompany(accounts, scope, eq(accounts.role, 'admin')))
      .orderBy(asc(accounts.fullName), asc(accounts.id)),
    productTypeNames(db, lang),
    company.accountManagerId
      ? db.select({ id: accounts.id, fullName: accounts.fullName, email: accounts.email }).from(accounts).where(eq(accounts.id, company.accountManagerId))
      : Promise.resolve([]),
  ]);
  return {
    id: company.id,
    name: company.name,
    vatNumber: company.vatNumber,
    contract: contract
      ? {
          reference: contract.reference,
          productTypes: named(names, contract.productTypes),
          contractedServices: contract.contractedServices,
          startsOn: contract.startsOn,
          endsOn: contract.endsOn,
          activeServices: active,
        }
      : null,
    offices: officeRows.map(({ office: { id, name, street, postalCode, city, country }, mobileUserCount }) => ({ id, name, street, postalCode, city, country, mobileUserCount: Number(mobileUserCount) })),
    administrators: admins.map((a) => ({
      ...a,
      role: a.role ?? 'administrator',
      lastLoginAt: a.lastLoginAt?.toISOString() ?? null,
      // a raw subquery comes back as text on some drivers
      invitationExpiresAt: a.status === 'invited' && a.invitationExpiresAt ? new Date(a.invitationExpiresAt).toISOString() : null,
    })),
    accountManager: manager ?? null,
    mobileUserCount: users?.n ?? 0,
  };
};

/** Operator staff's list of customer companies. Not company-scoped: the back office spans companies. */
export const listCompanies = async (db: Queryable, q: { q?: string; page: number; pageSize: number }, lang: Lang) => {
  const where = q.q?.trim()
    ? or(ilike(companies.name, likePattern(q.q.trim())), ilike(companies.vatNumber, likePattern(q.q.trim())), ilike(contracts.reference, likePattern(q.q.trim())))
    : undefined;
  const base = db
    .select({
      company: companies,
      contract: contracts,
      mobileUserCount: sql<number>`(select count(*)::int from ${mobileUsers} m where m.company_id = ${companies.id})`,
      activeServices: sql<number>`(select count(*)::int from ${services} s where s.company_id = ${companies.id} and s.status <> 'terminated')`,
      administrators: sql<number>`(select count(*)::int from ${accounts} a where a.company_id = ${companies.id} and a.role = 'admin' and a.status <> 'deactivated')`,
    })
    .from(companies)
    .leftJoin(contracts, eq(contracts.companyId, companies.id));
  const [rows, [total], names] = await Promise.all([
    base.where(where).orderBy(asc(companies.name)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(companies).leftJoin(contracts, eq(contracts.companyId, companies.id)).where(where),
    productTypeNames(db, lang),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.company.id,
      name: r.company.name,
      vatNumber: r.company.vatNumber,
      contractReference: r.contract?.reference ?? null,
      productTypes: named(names, r.contract?.productTypes ?? []),
      contractedServices: r.contract?.contractedServices ?? 0,
      activeServices: Number(r.activeServices),
      mobileUserCount: Number(r.mobileUserCount),
      administrators: Number(r.administrators),
    })),
    total: total?.n ?? 0,
    page: q.page,
    pageSize: q.pageSize,
  };
};
