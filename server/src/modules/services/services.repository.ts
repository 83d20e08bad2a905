import { and, asc, count, desc, eq, gte, ilike, inArray, isNotNull, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  activationLinks,
  bundleAllowedOptions,
  bundleOptions,
  bundles,
  contracts,
  fixedNumbers,
  lineOperations,
  mobileNumbers,
  mobileUsers,
  portIns,
  productTypes,
  serviceEvents,
  services,
  serviceTypes,
  simCards,
  type ServiceStatus,
} from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { listPage, pageWindow } from '../../platform/paging.js';
import { localize, type Lang } from '../../platform/i18n.js';
import type { Actor } from '../../platform/actor.js';
import { inCompany, sameCompanyRow, userOfService, type CompanyScope } from '../../platform/tenant.js';
import { likePattern, parseUserSearch } from '../mobile-users/domain/search.js';
import { countFreeEsims } from '../stock/index.js';
import { DONOR_OPERATORS } from './domain/donor-operators.js';
import { HOLDS_STOCK } from './domain/lifecycle.js';
import { suspendedMonthlyPrice, type LineOperationDetails } from '../lines/domain/line-operations.js';
import type { CatalogFacts } from './domain/wizard-rules.js';
import type { ServiceDetail, WaitingQuery } from './services.schemas.js';

const userName = sql<string>`${mobileUsers.firstName} || ' ' || ${mobileUsers.lastName}`;
const holdsStock = inArray(services.status, [...HOLDS_STOCK]);

// ---------------------------------------------------------------- catalog facts for the wizard rules

export const catalogFacts = async (q: Queryable, scope: CompanyScope, draft: { serviceTypeCode?: string | undefined; bundleCode?: string | undefined }): Promise<CatalogFacts> => {
  const [contract] = await q.select({ productTypes: contracts.productTypes }).from(contracts).where(inCompany(contracts, scope));
  const [serviceType] = draft.serviceTypeCode ? await q.select().from(serviceTypes).where(eq(serviceTypes.code, draft.serviceTypeCode)) : [];
  const [bundle] = draft.bundleCode ? await q.select().from(bundles).where(and(eq(bundles.code, draft.bundleCode), eq(bundles.active, true))) : [];
  const allowed = bundle
    ? await q
        .select({ code: bundleAllowedOptions.optionCode })
        .from(bundleAllowedOptions)
        .innerJoin(bundleOptions, eq(bundleOptions.code, bundleAllowedOptions.optionCode))
        .where(and(eq(bundleAllowedOptions.bundleCode, bundle.code), eq(bundleOptions.active, true)))
    : [];
  return {
    contractProducts: contract?.productTypes ?? [],
    serviceType: serviceType ?? null,
    bundle: bundle ?? null,
    allowedOptionCodes: allowed.map((a) => a.code),
  };
};

// ---------------------------------------------------------------- facts about a number

/**
 * Where a number a port-in asks for stands, read in ONE statement so that it sees one moment: a
 * port-in of it still open ("pending" wins: a number on its way in sits on the new service already),
 * or it is ours (in the operator's range, or on a line of the operator), or neither. Two reads
 * would let a racing save's commit fall between them and turn its "pending" into "ours".
 * Only this leaves the function: it is a fact about the network, not any company's data.
 */
export const portInNumberState = async (q: Queryable, msisdn: string): Promise<'pending' | 'ours' | null> => {
  const result = (await q.execute(sql`select
      exists (select 1 from ${portIns} where ${portIns.msisdn} = ${msisdn} and ${portIns.status} in ('draft', 'submitted', 'refused')) as pending,
      exists (select 1 from ${mobileNumbers} where ${mobileNumbers.msisdn} = ${msisdn})
        or exists (select 1 from ${services} where ${services.msisdn} = ${msisdn} and ${holdsStock}) as ours`)) as unknown as { rows: { pending: boolean; ours: boolean }[] };
  const [row] = result.rows;
  return row?.pending ? 'pending' : row?.ours ? 'ours' : null;
};

/** A service of the company whose number may move to a new service (step 5, within the organisation). */
export const findPortCandidate = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  const [row] = await q.select().from(services).where(inCompany(services, scope, eq(services.id, serviceId)));
  if (!row) return { row: null, moving: false };
  const moving = alias(services, 'moving');
  const [busy] = await q
    .select({ id: moving.id })
    .from(moving)
    .where(and(eq(moving.companyId, scope.companyId), eq(moving.portFromServiceId, serviceId), inArray(moving.status, openPortStatuses)))
    .limit(1);
  return { row, moving: Boolean(busy) };
};
// The statuses in which a new service still waits for the number of another (services_open_port_from_uq).
const openPortStatuses: ServiceStatus[] = ['waiting_for_activation', 'activation_started', 'awaiting_user', 'provisioning', 'porting', 'porting_refused', 'activation_failed', 'suspended'];

// ---------------------------------------------------------------- services and their timeline

export type ServiceRow = typeof services.$inferSelect;
export type NewServiceRow = typeof services.$inferInsert;

/** Only use-cases/apply-service-change.ts writes service rows and their timeline (createService, applyServiceChange). */
export const insertService = async (q: Queryable, values: NewServiceRow) => {
  const [row] = await q.insert(services).values(values).returning();
  return row!;
};

export const insertPortIn = async (q: Queryable, values: typeof portIns.$inferInsert) => {
  await q.insert(portIns).values(values);
};

/** A cancelled service's port-in will not happen: the number is free for another port-in. */
export const cancelPortIns = async (q: Queryable, scope: CompanyScope, serviceId: string) => {
  await q.update(portIns).set({ status: 'cancelled', updatedAt: new Date() }).where(inCompany(portIns, scope, eq(portIns.serviceId, serviceId), ne(portIns.status, 'completed')));
};

export const findServiceRow = async (q: Queryable, scope: CompanyScope, id: string, forUpdate = false) => {
  const query = q.select().from(services).where(inCompany(services, scope, eq(services.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  return row ?? null;
};

export const findServiceRows = async (q: Queryable, scope: CompanyScope, ids: string[]) =>
  q.select().from(services).where(inCompany(services, scope, inArray(services.id, ids))).orderBy(asc(services.id)).for('update');

/** The row, if it still has the status the change was decided on; null when it moved meanwhile. */
export const updateServiceRow = async (q: Queryable, scope: CompanyScope, id: string, expectedStatus: ServiceStatus, values: Partial<NewServiceRow>) => {
  const [row] = await q
    .update(services)
    .set(values)
    .where(inCompany(services, scope, eq(services.id, id), eq(services.status, expectedStatus)))
    .returning();
  return row ?? null;
};

export const insertServiceEvent = async (
  q: Queryable,
  scope: CompanyScope,
  e: { serviceId: string; event: string; fromStatus: ServiceStatus | null; toStatus: ServiceStatus; actor: Actor; reason: string | null },
) => {
  await q.insert(serviceEvents).values({
    companyId: scope.companyId,
    serviceId: e.serviceId,
    event: e.event,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorAccountId: e.actor.accountId,
    actorName: e.actor.name,
    reason: e.reason,
  });
};

/** How many services of the company its administrators deleted between `from` (included) and `to` (excluded). */
export const countDeletedServices = async (q: Queryable, scope: CompanyScope, from: Date, to: Date) => {
  const [row] = await q
    .select({ n: count() })
    .from(services)
    .where(inCompany(services, scope, eq(services.endReason, 'deleted'), gte(services.endedAt, from), lt(services.endedAt, to)));
  return row?.n ?? 0;
};

export const hasServiceEvent = async (q: Queryable, scope: CompanyScope, serviceId: string, event: string) => {
  const [row] = await q.select({ id: serviceEvents.id }).from(serviceEvents).where(inCompany(serviceEvents, scope, eq(serviceEvents.serviceId, serviceId), eq(serviceEvents.event, event))).limit(1);
  return Boolean(row);
};

/** The status a service left when it last entered `status` (from its timeline), or null. */
export const statusBeforeEntering = async (q: Queryable, scope: CompanyScope, serviceId: string, status: ServiceStatus) => {
  const [row] = await q
    .select({ fromStatus: serviceEvents.fromStatus })
    .from(serviceEvents)
    .where(inCompany(serviceEvents, scope, eq(serviceEvents.serviceId, serviceId), eq(serviceEvents.toStatus, status), ne(serviceEvents.fromStatus, status)))
    .orderBy(desc(serviceEvents.seq))
    .limit(1);
  return (row?.fromStatus as ServiceStatus | undefined) ?? null;
};

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Services with their user's name and their catalog entries (product type, service type, bundle). */
const servicesWithCatalog = (q: Queryable) =>
  q
    .select({ service: services, userName, productType: productTypes, serviceType: serviceTypes, bundle: bundles })
    .from(services)
    .innerJoin(mobileUsers, userOfService)
    .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
    .innerJoin(productTypes, eq(productTypes.code, serviceTypes.productTypeCode))
    .innerJoin(bundles, eq(bundles.code, services.bundleCode));

export const getServiceDetail = async (q: Queryable, scope: CompanyScope, id: string, lang: Lang): Promise<ServiceDetail | null> => {
  const [row] = await servicesWithCatalog(q).where(inCompany(services, scope, eq(services.id, id)));
  if (!row) return null;
  const s = row.service;
  const [options, sims, [fixed], [portIn], events, [link], operations] = await Promise.all([
    s.optionCodes.length ? q.select().from(bundleOptions).where(inArray(bundleOptions.code, s.optionCodes)) : Promise.resolve([]),
    q
      // whether PIN/PUK are on record, never the codes: they are looked up on purpose (an audit line each time)
      .select({ kind: simCards.kind, iccid: simCards.iccid, status: simCards.status, codesRecorded: sql<boolean>`(${simCards.pin} is not null or ${simCards.puk} is not null)` })
      .from(simCards)
      .where(inCompany(simCards, scope, eq(simCards.serviceId, s.id), inArray(simCards.status, ['reserved', 'assigned'])))
      .orderBy(asc(simCards.updatedAt)),
    q.select({ id: fixedNumbers.id, number: fixedNumbers.number }).from(fixedNumbers).where(inCompany(fixedNumbers, scope, eq(fixedNumbers.serviceId, s.id))),
    q.select().from(portIns).where(inCompany(portIns, scope, eq(portIns.serviceId, s.id))).orderBy(desc(portIns.createdAt)).limit(1),
    q.select().from(serviceEvents).where(inCompany(serviceEvents, scope, eq(serviceEvents.serviceId, s.id))).orderBy(asc(serviceEvents.seq)),
    q
      .select({ sentTo: activationLinks.sentTo, createdAt: activationLinks.createdAt, expiresAt: activationLinks.expiresAt })
      .from(activationLinks)
      .where(inCompany(activationLinks, scope, eq(activationLinks.serviceId, s.id), isNull(activationLinks.revokedAt)))
      .orderBy(desc(activationLinks.createdAt))
      .limit(1),
    q.select().from(lineOperations).where(inCompany(lineOperations, scope, eq(lineOperations.serviceId, s.id))).orderBy(desc(lineOperations.createdAt)).limit(10),
  ]);
  // a live line's own SIM is assigned; a replacement on its way is reserved beside it
  const liveSim = sims.find((x) => x.status === 'assigned') ?? sims[0];
  const replacement = s.activatedAt ? sims.find((x) => x.status === 'reserved') : undefined;
  const sim = liveSim ? { kind: liveSim.kind, iccid: liveSim.iccid, codesRecorded: liveSim.codesRecorded } : undefined;
  let portFrom: ServiceDetail['portFrom'] = null;
  if (s.portFromServiceId) {
    const [from] = await q
      .select({ serviceId: services.id, msisdn: services.msisdn, userName })
      .from(services)
      .innerJoin(mobileUsers, userOfService)
      .where(inCompany(services, scope, eq(services.id, s.portFromServiceId)));
    if (from) portFrom = { serviceId: from.serviceId, msisdn: from.msisdn ?? '', userName: from.userName };
  }
  const optionList = options.map((o) => ({ code: o.code, name: localize(o.name, lang), monthlyPriceCents: o.monthlyPriceCents }));
  const donor = portIn ? DONOR_OPERATORS.find((d) => d.code === portIn.donorOperator) : undefined;
  return {
    id: s.id,
    mobileUserId: s.mobileUserId,
    userName: row.userName,
    status: s.status,
    productType: { code: row.productType.code, name: localize(row.productType.name, lang) },
    serviceType: { code: row.serviceType.code, name: localize(row.serviceType.name, lang) },
    bundle: {
      code: row.bundle.code,
      name: localize(row.bundle.name, lang),
      dataGb: row.bundle.dataGb,
      callMinutes: row.bundle.callMinutes,
      monthlyPriceCents: row.bundle.monthlyPriceCents,
    },
    options: optionList,
    monthlyPriceCents: row.bundle.monthlyPriceCents + optionList.reduce((sum, o) => sum + o.monthlyPriceCents, 0),
    msisdn: s.msisdn,
    numberSource: s.numberSource,
    portIn: portIn
      ? {
          msisdn: portIn.msisdn,
          donorOperator: { code: portIn.donorOperator, name: donor ? localize(donor.name, lang) : portIn.donorOperator },
          accountType: portIn.accountType,
          customerNumber: portIn.customerNumber,
          donorSimNumber: portIn.donorSimNumber,
          holderName: portIn.holderName,
          status: portIn.status,
          refusalReason: portIn.refusalReason,
        }
      : null,
    portFrom,
    simChoice: s.simChoice,
    sim: sim ?? null,
    replacementSim: replacement ? { kind: replacement.kind, iccid: replacement.iccid } : null,
    suspendedUntil: iso(s.suspendedUntil),
    suspendedMonthlyPriceCents: suspendedMonthlyPrice(row.bundle, optionList.reduce((sum, o) => sum + o.monthlyPriceCents, 0)),
    lineOperations: operations.map((o) => {
      const d = o.details as LineOperationDetails;
      return {
        id: o.id,
        kind: o.kind,
        status: o.status,
        requestedBy: o.requestedBy,
        createdAt: o.createdAt.toISOString(),
        completedAt: iso(o.completedAt),
        reason: d.kind === 'suspend' ? d.reason : null,
        until: d.kind === 'suspend' ? d.until : null,
        cause: d.kind === 'bar' ? d.cause : null,
        toIccid: d.kind === 'swap_sim' ? d.toIccid : null,
      };
    }),
    fixedNumber: fixed ?? null,
    activationMethod: s.activationMethod,
    activationTiming: s.activationTiming,
    scheduledStartAt: iso(s.scheduledStartAt),
    activationStartedAt: iso(s.activationStartedAt),
    activatedAt: iso(s.activatedAt),
    simProvisionedAt: iso(s.simProvisionedAt),
    numberLiveAt: iso(s.numberLiveAt),
    activationLink: link ? { sentTo: link.sentTo, createdAt: link.createdAt.toISOString(), expiresAt: link.expiresAt.toISOString() } : null,
    endedAt: iso(s.endedAt),
    endReason: s.endReason,
    createdAt: s.createdAt.toISOString(),
    events: events.map((e) => ({
      id: e.id,
      event: e.event,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      reason: e.reason,
      createdAt: e.createdAt.toISOString(),
    })),
  };
};

// ---------------------------------------------------------------- lists

/** Name or number search over services joined with their mobile user (waiting list, porting issues, candidates). */
export const userOrNumberSearch = (raw: string | undefined): SQL | undefined => {
  const search = parseUserSearch(raw);
  if (!search) return undefined;
  const pattern = likePattern(search.text);
  const conditions: SQL[] = [ilike(mobileUsers.firstName, pattern), ilike(mobileUsers.lastName, pattern), ilike(userName, pattern)];
  if (search.numberDigits) conditions.push(ilike(services.msisdn, `%${search.numberDigits}%`));
  return or(...conditions);
};

export const listWaiting = async (q: Queryable, scope: CompanyScope, query: WaitingQuery, lang: Lang) => {
  const where = inCompany(services, scope, eq(services.status, 'waiting_for_activation'), userOrNumberSearch(query.q));
  const dir = query.order === 'desc' ? desc : asc;
  const orderBy =
    query.sort === 'userName'
      ? [dir(mobileUsers.lastName), dir(mobileUsers.firstName), asc(services.id)]
      : query.sort === 'scheduledStartAt'
        ? [sql`${services.scheduledStartAt} ${sql.raw(query.order === 'desc' ? 'desc' : 'asc')} nulls last`, asc(services.id)]
        : [dir(services.createdAt), asc(services.id)];
  const { limit, offset } = pageWindow(query);
  return listPage(
    query,
    servicesWithCatalog(q)
      .where(where)
      .orderBy(...orderBy)
      .limit(limit)
      .offset(offset),
    q.select({ n: count() }).from(services).innerJoin(mobileUsers, userOfService).where(where),
    (r) => ({
      id: r.service.id,
      mobileUserId: r.service.mobileUserId,
      userName: r.userName,
      productType: { code: r.productType.code, name: localize(r.productType.name, lang) },
      serviceType: { code: r.serviceType.code, name: localize(r.serviceType.name, lang) },
      bundle: { code: r.bundle.code, name: localize(r.bundle.name, lang) },
      msisdn: r.service.msisdn,
      numberSource: r.service.numberSource,
      simChoice: r.service.simChoice,
      activationMethod: r.service.activationMethod,
      scheduledStartAt: iso(r.service.scheduledStartAt),
      createdAt: r.service.createdAt.toISOString(),
    }),
  );
};

/** What the wizard shows of the company's stock (and the operator's free numbers). */
export const wizardStock = async (q: Queryable, scope: CompanyScope, lang: Lang) => {
  const [free, [freeTotal], [physical], esim, [fixed]] = await Promise.all([
    q.select({ msisdn: mobileNumbers.msisdn }).from(mobileNumbers).where(eq(mobileNumbers.status, 'free')).orderBy(asc(mobileNumbers.msisdn)).limit(12),
    q.select({ n: count() }).from(mobileNumbers).where(eq(mobileNumbers.status, 'free')),
    q.select({ n: count() }).from(simCards).where(inCompany(simCards, scope, eq(simCards.kind, 'physical'), eq(simCards.status, 'in_stock'))),
    countFreeEsims(q, scope),
    q.select({ n: count() }).from(fixedNumbers).where(inCompany(fixedNumbers, scope, eq(fixedNumbers.status, 'available'))),
  ]);
  return {
    freeMobileNumbers: free.map((f) => f.msisdn),
    freeMobileNumberTotal: freeTotal?.n ?? 0,
    physicalSimsInStock: physical?.n ?? 0,
    esimProfilesFree: esim,
    fixedNumbersAvailable: fixed?.n ?? 0,
    donorOperators: DONOR_OPERATORS.map((d) => ({ code: d.code, name: localize(d.name, lang) })),
  };
};

export const listPortCandidates = async (q: Queryable, scope: CompanyScope, search: string | undefined, lang: Lang) => {
  const moving = alias(services, 'moving');
  const rows = await q
    .select({ service: services, userName, serviceType: serviceTypes, bundle: bundles })
    .from(services)
    .innerJoin(mobileUsers, userOfService)
    .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
    .innerJoin(bundles, eq(bundles.code, services.bundleCode))
    .leftJoin(moving, and(eq(moving.companyId, services.companyId), eq(moving.portFromServiceId, services.id), inArray(moving.status, openPortStatuses)))
    .where(inCompany(services, scope, eq(services.status, 'active'), isNotNull(services.msisdn), isNull(moving.id), userOrNumberSearch(search)))
    .orderBy(asc(mobileUsers.lastName), asc(mobileUsers.firstName), asc(services.msisdn))
    .limit(50);
  return {
    items: rows.map((r) => ({
      serviceId: r.service.id,
      msisdn: r.service.msisdn!,
      mobileUserId: r.service.mobileUserId,
      userName: r.userName,
      serviceType: { code: r.serviceType.code, name: localize(r.serviceType.name, lang) },
      bundle: { code: r.bundle.code, name: localize(r.bundle.name, lang) },
    })),
  };
};

export const listWizardFixedNumbers = async (q: Queryable, scope: CompanyScope, search: string | undefined) => {
  const digits = (search ?? '').replace(/\D/g, '').replace(/^0+/, '');
  const numberLike = digits ? ilike(fixedNumbers.number, `%${digits}%`) : undefined;
  const [available, active] = await Promise.all([
    q
      .select({ id: fixedNumbers.id, number: fixedNumbers.number })
      .from(fixedNumbers)
      .where(inCompany(fixedNumbers, scope, eq(fixedNumbers.status, 'available'), numberLike))
      .orderBy(asc(fixedNumbers.number))
      .limit(100),
    q
      .select({ id: fixedNumbers.id, number: fixedNumbers.number, serviceId: services.id, mobileUserId: mobileUsers.id, name: userName })
      .from(fixedNumbers)
      .innerJoin(services, sameCompanyRow(services, fixedNumbers.serviceId, fixedNumbers))
      .innerJoin(mobileUsers, userOfService)
      .where(
        inCompany(
          fixedNumbers,
          scope,
          eq(fixedNumbers.status, 'assigned'),
          eq(services.status, 'active'),
          search && !digits ? or(ilike(mobileUsers.firstName, likePattern(search)), ilike(mobileUsers.lastName, likePattern(search))) : numberLike,
        ),
      )
      .orderBy(asc(fixedNumbers.number))
      .limit(100),
  ]);
  return {
    available,
    active: active.map((a) => ({ id: a.id, number: a.number, serviceId: a.serviceId, holder: { mobileUserId: a.mobileUserId, name: a.name } })),
  };
};
