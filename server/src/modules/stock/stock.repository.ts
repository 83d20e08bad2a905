import { and, asc, count, eq, getTableName, ilike, inArray, like, or, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { companies, fixedNumbers, mobileNumbers, mobileUsers, services, simCards } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage } from '../../platform/paging.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { likePattern, parseUserSearch } from '../mobile-users/domain/search.js';
import { iccidSearchDigits } from './domain/iccid.js';
import { activationCode, type FixedNumberItem, type PoolNumberItem, type SimCardItem } from './domain/stock-items.js';
import type { FixedNumberListQuery, PoolNumberListQuery, SimCardListQuery } from './stock.schemas.js';

// 1,000 rows a statement: a 5,000-line file is five inserts, well under PostgreSQL's parameter limit.
const BATCH = 1000;
const inBatches = async <T, R>(items: T[], write: (batch: T[]) => Promise<R[]>) => {
  const written: R[] = [];
  for (let i = 0; i < items.length; i += BATCH) written.push(...(await write(items.slice(i, i + BATCH))));
  return written;
};

/** Which of these values a unique column already holds (whatever the company: the index spans them all). */
const takenIn =
  (column: typeof simCards.iccid | typeof fixedNumbers.number | typeof mobileNumbers.msisdn) =>
  async (db: Queryable, values: string[]): Promise<Set<string>> => {
    if (values.length === 0) return new Set();
    const rows = await db.select({ value: column }).from(column.table).where(inArray(column, values));
    return new Set(rows.map((r) => r.value));
  };

/** The name of the mobile user whose service holds a SIM card or fixed number (same company). */
const holderNameOf = (table: typeof simCards | typeof fixedNumbers) => {
  // spelled out with the table name: drizzle leaves columns unqualified in a single-table select
  const t = sql.identifier(getTableName(table));
  return sql<string | null>`(
  select m.first_name || ' ' || m.last_name from ${services} s
  join ${mobileUsers} m on m.company_id = s.company_id and m.id = s.mobile_user_id
  where s.company_id = ${t}.company_id and s.id = ${t}.service_id)`;
};

/** Text matches a name (holder, company); 3 or more digits typed in any form also match the number. */
const numberOrNameSearch = (raw: string | undefined, number: PgColumn, name: SQL): SQL | undefined => {
  const search = parseUserSearch(raw);
  if (!search) return undefined;
  return or(
    sql`${name} ilike ${likePattern(search.text)}`,
    search.numberDigits ? like(number, likePattern(search.numberDigits)) : undefined,
  );
};

// ---- SIM cards and eSIM profiles of a company ----

export type SimCardRow = typeof simCards.$inferSelect;
const simHolder = holderNameOf(simCards);

export const toSimCard = (r: SimCardRow, holderName: string | null) => ({
  id: r.id,
  kind: r.kind,
  iccid: r.iccid,
  status: r.status,
  pinPukRecorded: Boolean(r.pin || r.puk),
  smdpAddress: r.smdpAddress,
  matchingId: r.matchingId,
  activationCode: r.kind === 'esim' && r.smdpAddress && r.matchingId ? activationCode(r.smdpAddress, r.matchingId) : null,
  serviceId: r.serviceId,
  holderName,
  createdAt: r.createdAt.toISOString(),
});

const simSearch = (raw: string | undefined): SQL | undefined => {
  const text = raw?.trim();
  if (!text) return undefined;
  const digits = iccidSearchDigits(text);
  return or(
    sql`${simHolder} ilike ${likePattern(text)}`,
    ilike(simCards.matchingId, likePattern(text)),
    digits ? like(simCards.iccid, likePattern(digits)) : undefined,
  );
};

export const listSimCards = async (db: Queryable, scope: CompanyScope, q: SimCardListQuery) => {
  const where = inCompany(
    simCards,
    scope,
    q.kind ? eq(simCards.kind, q.kind) : undefined,
    q.status ? eq(simCards.status, q.status) : undefined,
    simSearch(q.q),
  );
  return listPage(
    q,
    db.select({ card: simCards, holderName: simHolder }).from(simCards).where(where).orderBy(asc(simCards.iccid)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(simCards).where(where),
    (r) => toSimCard(r.card, r.holderName),
  );
};

// ICCIDs are unique across companies: a card cannot be in two companies' stock.
export const takenIccids = takenIn(simCards.iccid);

export const insertSimCards = (db: Queryable, scope: CompanyScope, items: SimCardItem[]) =>
  inBatches(items, (batch) =>
    db
      .insert(simCards)
      .values(batch.map((item) => ({ ...item, companyId: scope.companyId })))
      .returning(),
  );

// ---- fixed numbers of a company ----

export type FixedNumberRow = typeof fixedNumbers.$inferSelect;
const fixedHolder = holderNameOf(fixedNumbers);

export const toFixedNumber = (r: FixedNumberRow, holderName: string | null) => ({
  id: r.id,
  number: r.number,
  status: r.status,
  serviceId: r.serviceId,
  holderName,
  createdAt: r.createdAt.toISOString(),
});

export const listFixedNumbers = async (db: Queryable, scope: CompanyScope, q: FixedNumberListQuery) => {
  const where = inCompany(
    fixedNumbers,
    scope,
    q.status ? eq(fixedNumbers.status, q.status) : undefined,
    numberOrNameSearch(q.q, fixedNumbers.number, fixedHolder),
  );
  return listPage(
    q,
    db.select({ number: fixedNumbers, holderName: fixedHolder }).from(fixedNumbers).where(where).orderBy(asc(fixedNumbers.number)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(fixedNumbers).where(where),
    (r) => toFixedNumber(r.number, r.holderName),
  );
};

export const takenFixedNumbers = takenIn(fixedNumbers.number);

export const insertFixedNumbers = (db: Queryable, scope: CompanyScope, items: FixedNumberItem[]) =>
  inBatches(items, (batch) =>
    db
      .insert(fixedNumbers)
      .values(batch.map((item) => ({ ...item, companyId: scope.companyId })))
      .returning(),
  );

// ---- the operator's mobile number pool (not company-scoped: the back office spans companies) ----

export type PoolNumberRow = typeof mobileNumbers.$inferSelect;

export const toPoolNumber = (r: PoolNumberRow, companyName: string | null) => ({
  msisdn: r.msisdn,
  status: r.status,
  companyName,
  createdAt: r.createdAt.toISOString(),
});

export const listPoolNumbers = async (db: Queryable, q: PoolNumberListQuery) => {
  const filter = and(
    q.status ? eq(mobileNumbers.status, q.status) : undefined,
    numberOrNameSearch(q.q, mobileNumbers.msisdn, sql`${companies.name}`),
  );
  return listPage(
    q,
    db
      .select({ number: mobileNumbers, companyName: companies.name })
      .from(mobileNumbers)
      .leftJoin(companies, eq(companies.id, mobileNumbers.companyId))
      .where(filter)
      .orderBy(asc(mobileNumbers.msisdn))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(mobileNumbers).leftJoin(companies, eq(companies.id, mobileNumbers.companyId)).where(filter),
    (r) => toPoolNumber(r.number, r.companyName),
  );
};

export const takenPoolNumbers = takenIn(mobileNumbers.msisdn);

export const insertPoolNumbers = (db: Queryable, items: PoolNumberItem[]) =>
  inBatches(items, (batch) => db.insert(mobileNumbers).values(batch).returning());
