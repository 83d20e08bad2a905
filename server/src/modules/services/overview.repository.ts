import { asc, isNotNull } from 'drizzle-orm';
import { mobileUsers, SERVICE_STATUSES, type ServiceStatus } from '../../db/schema.js';
import type { Db, SqlExecutor } from '../../platform/db.js';
import { AppError } from '../../platform/app-error.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, type CompanyScope } from '../../platform/tenant.js';
import { likePattern } from '../mobile-users/domain/search.js';
import { catalogSnapshot, type CatalogSnapshot } from '../catalog/index.js';
import { decodeCursor, encodeCursor, pageDirection, parseOverviewSearch, prefixRange, type CursorKey, type OverviewSort, type SortOrder } from './domain/overview-query.js';

export type OverviewFilters = { q?: string | undefined; status?: ServiceStatus[] | undefined; product?: string | undefined; bundle?: string | undefined; department?: string | undefined };
export type OverviewPageQuery = OverviewFilters & { sort: OverviewSort; order: SortOrder; limit: number; after?: string | undefined; before?: string | undefined };
export type OverviewDb = { db: Db; sql: SqlExecutor };

const OPEN: ServiceStatus[] = SERVICE_STATUSES.filter((s) => s !== 'terminated' && s !== 'cancelled');

/*
 * The overview is the page a large fleet opens most, so its two queries are written as SQL text
 * from a few fixed shapes and run as prepared statements: measured (bench/service-overview.ts),
 * building them with the query builder and joining the catalog in SQL cost more than the index
 * scans themselves. Catalog names and prices come from the in-memory catalog snapshot. Every
 * value is a bound parameter; the text only varies with which filters are present.
 */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown) {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

const NUMBER_KEY = `(coalesce(s.msisdn, '') collate "C")`;
const ACTIVATED_KEY = `coalesce(s.activated_at, '-infinity'::timestamptz)`;

/** Sort key columns of each sort; the last ones make every key unique. */
const SORT_COLUMNS: Record<OverviewSort, string[]> = {
  user: ['u.last_name', 'u.first_name', 'u.id', 's.id'],
  number: [NUMBER_KEY, 's.id'],
  activated: [ACTIVATED_KEY, 's.id'],
};
const KEY_CASTS: Record<OverviewSort, string[]> = {
  user: ['::text', '::text', '::uuid', '::uuid'],
  number: [' collate "C"', '::uuid'],
  activated: ['::timestamptz', '::uuid'],
};

/** WHERE conditions of the filters, and whether they need the user row. */
const whereOf = (p: Params, scope: CompanyScope, f: OverviewFilters, catalog: CatalogSnapshot) => {
  const where = [`s.company_id = ${p.add(scope.companyId)}`];
  where.push(`s.status = any(${p.add(f.status?.length ? f.status : OPEN)}::text[])`);
  if (f.product) {
    const types = [...catalog.serviceTypes.values()].filter((t) => t.productTypeCode === f.product).map((t) => t.code);
    where.push(`s.service_type_code = any(${p.add(types)}::text[])`);
  }
  if (f.bundle) where.push(`s.bundle_code = ${p.add(f.bundle)}`);
  let needsUser = false;
  if (f.department) {
    where.push(`u.department = ${p.add(f.department)}`);
    needsUser = true;
  }
  const search = parseOverviewSearch(f.q);
  if (search?.kind === 'number_prefix') {
    const { from, to } = prefixRange(search.prefix);
    where.push(`${NUMBER_KEY} >= (${p.add(from)} collate "C") and ${NUMBER_KEY} < (${p.add(to)} collate "C")`);
  } else if (search?.kind === 'number_digits') {
    const pattern = p.add(likePattern(search.digits));
    where.push(`(s.msisdn like ${pattern} or exists (select 1 from fixed_numbers f where f.company_id = s.company_id and f.service_id = s.id and f.number like ${pattern}))`);
  } else if (search?.kind === 'iccid_prefix') {
    const { from, to } = prefixRange(search.prefix);
    where.push(
      `exists (select 1 from sim_cards c where c.company_id = s.company_id and c.service_id = s.id and (c.iccid collate "C") >= (${p.add(from)} collate "C") and (c.iccid collate "C") < (${p.add(to)} collate "C"))`,
    );
  } else if (search?.kind === 'name') {
    for (const w of search.words) {
      const pattern = p.add(likePattern(w));
      where.push(`(u.first_name ilike ${pattern} or u.last_name ilike ${pattern})`);
    }
    needsUser = true;
  }
  return { where, needsUser };
};

type Row = {
  id: string;
  mobile_user_id: string;
  first_name: string;
  last_name: string;
  department: string | null;
  service_type_code: string;
  bundle_code: string;
  option_codes: string[];
  msisdn: string | null;
  status: ServiceStatus;
  activated_at: Date | null;
  activated_key: string;
  ended_at: Date | null;
  created_at: Date;
  fixed_number: string | null;
  sim_kind: 'physical' | 'esim' | null;
  iccid: string | null;
};

/** The page query as text and parameters (not run): the benchmark EXPLAINs exactly what the endpoint runs. */
export const overviewPageQuery = async (database: OverviewDb, scope: CompanyScope, query: OverviewPageQuery) => {
  const direction = query.before ? 'before' : 'after';
  const cursor = query.before ?? query.after;
  const key = cursor ? decodeCursor(cursor, query.sort, query.order) : null;
  if (cursor && !key) throw new AppError('VALIDATION.FAILED', { fieldErrors: [{ field: direction, rule: 'invalid' }] });
  const catalog = await catalogSnapshot(database.db);
  const p = new Params();
  const { where } = whereOf(p, scope, query, catalog);
  const { comparison, readAscending, flip } = pageDirection(query.order, direction);
  const cols = SORT_COLUMNS[query.sort];
  if (key) {
    const values = key.map((v, i) => `${p.add(v)}${KEY_CASTS[query.sort][i]}`);
    where.push(`(${cols.join(', ')}) ${comparison} (${values.join(', ')})`);
    // the same bound on the user alone, which the (company, name, id) index of users can range over
    if (query.sort === 'user') where.push(`(${cols.slice(0, 3).join(', ')}) ${comparison}= (${values.slice(0, 3).join(', ')})`);
  }
  const text = `select s.id, s.mobile_user_id, u.first_name, u.last_name, u.department, s.service_type_code, s.bundle_code, s.option_codes,
      s.msisdn, s.status, s.activated_at, ${ACTIVATED_KEY}::text as activated_key, s.ended_at, s.created_at,
      (select f.number from fixed_numbers f where f.company_id = s.company_id and f.service_id = s.id limit 1) as fixed_number,
      sim.kind as sim_kind, sim.iccid
    from services s
    join mobile_users u on u.company_id = s.company_id and u.id = s.mobile_user_id
    left join lateral (select c.kind, c.iccid from sim_cards c where c.company_id = s.company_id and c.service_id = s.id
                       order by c.status = 'retired', c.updated_at desc limit 1) sim on true
    where ${where.join(' and ')}
    order by ${cols.map((c) => `${c} ${readAscending ? 'asc' : 'desc'}`).join(', ')}
    limit ${p.add(query.limit + 1)}`;
  return { text, values: p.values, key, flip, catalog };
};

const rowKey = (sort: OverviewSort, r: Row): CursorKey =>
  sort === 'user' ? [r.last_name, r.first_name, r.mobile_user_id, r.id] : sort === 'number' ? [r.msisdn ?? '', r.id] : [r.activated_key, r.id];

const iso = (d: Date | string | null) => (d === null ? null : (d instanceof Date ? d : new Date(d)).toISOString());

const toItem = (r: Row, catalog: CatalogSnapshot, lang: Lang) => {
  const type = catalog.serviceTypes.get(r.service_type_code);
  const product = type ? catalog.productTypes.get(type.productTypeCode) : undefined;
  const bundle = catalog.bundles.get(r.bundle_code);
  const options = r.option_codes.map((code) => catalog.options.get(code)).filter((o): o is NonNullable<typeof o> => Boolean(o));
  return {
    id: r.id,
    mobileUserId: r.mobile_user_id,
    userName: `${r.first_name} ${r.last_name}`,
    department: r.department,
    productType: { code: product?.code ?? '', name: product ? localize(product.name, lang) : '' },
    serviceType: { code: r.service_type_code, name: type ? localize(type.name, lang) : r.service_type_code },
    bundle: { code: r.bundle_code, name: bundle ? localize(bundle.name, lang) : r.bundle_code },
    options: options.map((o) => ({ code: o.code, name: localize(o.name, lang) })),
    monthlyPriceCents: (bundle?.monthlyPriceCents ?? 0) + options.reduce((s, o) => s + o.monthlyPriceCents, 0),
    msisdn: r.msisdn,
    fixedNumber: r.fixed_number,
    sim: r.sim_kind && r.iccid ? { kind: r.sim_kind, iccid: r.iccid } : null,
    status: r.status,
    activatedAt: iso(r.activated_at),
    endedAt: iso(r.ended_at),
    createdAt: iso(r.created_at)!,
  };
};
export type OverviewItem = ReturnType<typeof toItem>;

/** One keyset page of the company's services, with cursors to the pages on either side. */
export const listOverview = async (database: OverviewDb, scope: CompanyScope, query: OverviewPageQuery, lang: Lang) => {
  const { text, values, key, flip, catalog } = await overviewPageQuery(database, scope, query);
  const rows = (await database.sql.executeSql(text, values, { prepare: true })).rows as Row[];
  const more = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (flip) page.reverse();
  const first = page[0];
  const last = page[page.length - 1];
  const encode = (r: Row | undefined) => (r ? encodeCursor(query.sort, query.order, rowKey(query.sort, r)) : null);
  return {
    items: page.map((r) => toItem(r, catalog, lang)),
    // reading forwards, a further page exists when one more row came back; backwards, the page we came from is there
    nextCursor: flip ? encode(last) : more ? encode(last) : null,
    prevCursor: flip ? (more ? encode(first) : null) : key ? encode(first) : null,
  };
};

/**
 * Above this many matching services the overview says "about N" instead of counting every row: an
 * exact count reads every matching row, so it would grow with the fleet while the pages do not
 * (bench/overview-growth.ts). As large as a bulk action's selection (20,000), so "all matching"
 * only ever offers an exact number.
 */
export const EXACT_COUNT_LIMIT = 20_000;

/** "About 137,000": two significant figures. */
const roughly = (n: number) => {
  const unit = 10 ** Math.max(0, Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
};

/**
 * How many services the filters match: exact up to EXACT_COUNT_LIMIT (the count stops reading there),
 * above it PostgreSQL's own estimate of the same query (its statistics, no rows read), never below the limit.
 */
export const countOverview = async (database: OverviewDb, scope: CompanyScope, filters: OverviewFilters, exactUpTo = EXACT_COUNT_LIMIT): Promise<{ total: number; estimated: boolean }> => {
  const p = new Params();
  const { where, needsUser } = whereOf(p, scope, filters, await catalogSnapshot(database.db));
  // without a name or department condition the count never touches the users
  const matching = `select 1 from services s ${needsUser ? 'join mobile_users u on u.company_id = s.company_id and u.id = s.mobile_user_id' : ''} where ${where.join(' and ')}`;
  const limit = p.add(exactUpTo + 1);
  const [row] = (await database.sql.executeSql(`select count(*)::int as n from (${matching} limit ${limit}) m`, p.values, { prepare: true })).rows as { n: number }[];
  const n = row?.n ?? 0;
  if (n <= exactUpTo) return { total: n, estimated: false };
  const [plan] = (await database.sql.executeSql(`explain (format json) ${matching}`, p.values.slice(0, -1))).rows as { 'QUERY PLAN': unknown }[];
  const json = plan?.['QUERY PLAN'];
  const parsed = (typeof json === 'string' ? JSON.parse(json) : json) as [{ Plan: { 'Plan Rows': number } }] | undefined;
  const estimate = parsed?.[0]?.Plan?.['Plan Rows'] ?? 0;
  return { total: roughly(Math.max(estimate, exactUpTo + 1)), estimated: true };
};

/**
 * The ids of the services the filters match, at most `max` + 1 of them (one more tells the caller
 * the selection is too large): "all N matching the filter" of a bulk action.
 */
export const overviewServiceIds = async (database: OverviewDb, scope: CompanyScope, filters: OverviewFilters, max: number) => {
  const p = new Params();
  const { where, needsUser } = whereOf(p, scope, filters, await catalogSnapshot(database.db));
  const text = `select s.id from services s ${needsUser ? 'join mobile_users u on u.company_id = s.company_id and u.id = s.mobile_user_id' : ''} where ${where.join(' and ')} limit ${p.add(max + 1)}`;
  return ((await database.sql.executeSql(text, p.values)).rows as { id: string }[]).map((r) => r.id);
};

/** Every row of a filtered, sorted overview, a thousand at a time (the CSV export). */
export async function* allOverviewRows(database: OverviewDb, scope: CompanyScope, query: Omit<OverviewPageQuery, 'limit' | 'after' | 'before'>, lang: Lang) {
  let after: string | undefined;
  for (;;) {
    const page = await listOverview(database, scope, { ...query, limit: 1000, after }, lang);
    yield* page.items;
    if (!page.nextCursor) return;
    after = page.nextCursor;
  }
}

export const overviewFacets = async (database: OverviewDb, scope: CompanyScope, lang: Lang) => {
  const catalog = await catalogSnapshot(database.db);
  const departments = await database.db
    .selectDistinct({ department: mobileUsers.department })
    .from(mobileUsers)
    .where(inCompany(mobileUsers, scope, isNotNull(mobileUsers.department)))
    .orderBy(asc(mobileUsers.department));
  const products = [...catalog.productTypes.values()].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    products: products.map((p) => ({ code: p.code, name: localize(p.name, lang) })),
    bundles: [...catalog.bundles.values()].map((b) => ({
      code: b.code,
      name: localize(b.name, lang),
      serviceTypeCode: b.serviceTypeCode,
      productTypeCode: catalog.serviceTypes.get(b.serviceTypeCode)?.productTypeCode ?? '',
    })),
    departments: departments.map((d) => d.department!).filter(Boolean),
  };
};

/** The dashboard: services by status, open services by product. */
export const overviewCounts = async (database: OverviewDb, scope: CompanyScope, lang: Lang) => {
  const catalog = await catalogSnapshot(database.db);
  const rows = (
    await database.sql.executeSql(
      `select status, service_type_code, count(*)::int as n from services where company_id = $1 group by status, service_type_code`,
      [scope.companyId],
      { prepare: true },
    )
  ).rows as { status: ServiceStatus; service_type_code: string; n: number }[];
  const byStatus = new Map<ServiceStatus, number>();
  const byProduct = new Map<string, number>();
  for (const r of rows) {
    byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + r.n);
    if (!OPEN.includes(r.status)) continue;
    const product = catalog.serviceTypes.get(r.service_type_code)?.productTypeCode ?? '';
    byProduct.set(product, (byProduct.get(product) ?? 0) + r.n);
  }
  const products = [...catalog.productTypes.values()].sort((a, b) => a.sortOrder - b.sortOrder);
  return {
    total: OPEN.reduce((sum, s) => sum + (byStatus.get(s) ?? 0), 0),
    byStatus: SERVICE_STATUSES.filter((s) => (byStatus.get(s) ?? 0) > 0).map((s) => ({ status: s, count: byStatus.get(s)! })),
    byProduct: products.filter((p) => byProduct.has(p.code)).map((p) => ({ code: p.code, name: localize(p.name, lang), count: byProduct.get(p.code)! })),
    waitingForActivation: byStatus.get('waiting_for_activation') ?? 0,
    portingIssues: byStatus.get('porting_refused') ?? 0,
  };
};
