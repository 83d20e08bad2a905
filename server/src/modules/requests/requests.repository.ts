import { and, asc, count, desc, eq, ilike, inArray, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  accounts,
  bundles,
  companies,
  mobileUsers,
  offices,
  requestComments,
  requestEvents,
  requests,
  requestServices,
  services,
  serviceTypes,
} from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';
import { localize, type Lang } from '../../platform/i18n.js';
import { inCompany, sameCompanyRow, userOfService, type CompanyScope } from '../../platform/tenant.js';
import { likePattern } from '../mobile-users/domain/search.js';
import { userOrNumberSearch } from '../services/index.js';
import type { RequestDetails, RequestKind } from './domain/request-details.js';
import type { RequestRole, RequestStatus } from './domain/request-machine.js';

export type RequestRow = typeof requests.$inferSelect;

/** Services that ended no longer take requests; everything else (waiting, active, …) does. */
const ENDED = ['terminated', 'cancelled'] as const;

// ---------------------------------------------------------------- facts for the filing rules

/** The company's offices and services among those a filing names (another company's ids find nothing). */
export const filingFacts = async (q: Queryable, scope: CompanyScope, officeIds: string[], serviceIds: string[]) => {
  const [officeRows, serviceRows] = await Promise.all([
    officeIds.length
      ? q.select({ id: offices.id, street: offices.street, postalCode: offices.postalCode, city: offices.city }).from(offices).where(inCompany(offices, scope, inArray(offices.id, officeIds)))
      : [],
    serviceIds.length ? q.select({ id: services.id, status: services.status }).from(services).where(inCompany(services, scope, inArray(services.id, serviceIds))) : [],
  ]);
  return {
    offices: new Map(officeRows.map((o) => [o.id, o])),
    services: new Map(serviceRows.map((s) => [s.id, { ended: (ENDED as readonly string[]).includes(s.status) }])),
  };
};

// ---------------------------------------------------------------- writes

export const insertRequest = async (
  q: Queryable,
  scope: CompanyScope,
  values: { year: number; kind: RequestKind; officeId: string | null; details: RequestDetails; filedByAccountId: string; status: RequestStatus },
) => {
  const [row] = await q
    .insert(requests)
    .values({
      companyId: scope.companyId,
      // a sequence, not a count: two filings at once never get the same number
      reference: sql`'R-' || ${String(values.year)}::text || '-' || lpad(nextval('request_number_seq')::text, 6, '0')`,
      kind: values.kind,
      status: values.status,
      officeId: values.officeId,
      details: values.details,
      filedByAccountId: values.filedByAccountId,
    })
    .returning();
  return row!;
};

export const insertRequestServices = async (q: Queryable, scope: CompanyScope, requestId: string, serviceIds: string[]) => {
  if (serviceIds.length) await q.insert(requestServices).values(serviceIds.map((serviceId) => ({ companyId: scope.companyId, requestId, serviceId })));
};

export const findRequestRow = async (q: Queryable, scope: CompanyScope, id: string, forUpdate = false) => {
  const base = q.select().from(requests).where(inCompany(requests, scope, eq(requests.id, id)));
  const [row] = forUpdate ? await base.for('update') : await base;
  return row ?? null;
};

/** Operator staff reach a request by its id alone: this tells them the company it belongs to. */
export const companyOfRequest = async (q: Queryable, id: string) => {
  const [row] = await q.select({ companyId: requests.companyId }).from(requests).where(eq(requests.id, id));
  return row?.companyId ?? null;
};

export const updateRequest = async (q: Queryable, scope: CompanyScope, id: string, values: Partial<Pick<RequestRow, 'status' | 'assignedToAccountId' | 'scheduledFor' | 'closedAt'>>) => {
  const [row] = await q
    .update(requests)
    .set({ ...values, updatedAt: new Date() })
    .where(inCompany(requests, scope, eq(requests.id, id)))
    .returning();
  return row!;
};

export type RequestActor = { accountId: string; name: string; role: RequestRole };

export const recordRequestEvent = async (
  q: Queryable,
  scope: CompanyScope,
  e: {
    requestId: string;
    event: string;
    fromStatus: RequestStatus | null;
    toStatus: RequestStatus;
    actor: RequestActor;
    reason?: string | null;
    scheduledFor?: string | null;
    fromAssigneeAccountId?: string | null;
    toAssigneeAccountId?: string | null;
  },
) => {
  await q.insert(requestEvents).values({
    companyId: scope.companyId,
    requestId: e.requestId,
    event: e.event,
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    actorAccountId: e.actor.accountId,
    actorName: e.actor.name,
    actorRole: e.actor.role,
    reason: e.reason ?? null,
    scheduledFor: e.scheduledFor ?? null,
    fromAssigneeAccountId: e.fromAssigneeAccountId ?? null,
    toAssigneeAccountId: e.toAssigneeAccountId ?? null,
  });
};

export const insertComment = async (q: Queryable, scope: CompanyScope, requestId: string, author: RequestActor, body: string) => {
  const [row] = await q
    .insert(requestComments)
    .values({ companyId: scope.companyId, requestId, authorAccountId: author.accountId, authorName: author.name, authorRole: author.role, body })
    .returning();
  await q.update(requests).set({ updatedAt: new Date() }).where(inCompany(requests, scope, eq(requests.id, requestId)));
  return row!;
};

/** Who filed the request and for which company: the recipient of its update e-mails. */
export const filerOf = async (q: Queryable, scope: CompanyScope, request: RequestRow) => {
  const [row] = await q
    .select({ accountId: accounts.id, email: accounts.email, fullName: accounts.fullName, language: accounts.language, companyName: companies.name })
    .from(accounts)
    .innerJoin(companies, eq(companies.id, scope.companyId))
    .where(eq(accounts.id, request.filedByAccountId));
  return row ?? null;
};

// ---------------------------------------------------------------- reads

const filedBy = alias(accounts, 'filed_by');
const assignee = alias(accounts, 'assignee');
const toAssignee = alias(accounts, 'to_assignee');

const summaryColumns = {
  request: requests,
  office: { id: offices.id, name: offices.name, city: offices.city },
  companyName: companies.name,
  filedByName: filedBy.fullName,
  assigneeName: assignee.fullName,
  serviceCount: sql<number>`(select count(*)::int from ${requestServices} rs where rs.company_id = ${requests.companyId} and rs.request_id = ${requests.id})`,
  commentCount: sql<number>`(select count(*)::int from ${requestComments} rc where rc.company_id = ${requests.companyId} and rc.request_id = ${requests.id})`,
};

type SummaryRow = {
  request: RequestRow;
  office: { id: string; name: string; city: string } | null;
  companyName: string;
  filedByName: string;
  assigneeName: string | null;
  serviceCount: number;
  commentCount: number;
};

const toSummary = (r: SummaryRow) => ({
  id: r.request.id,
  reference: r.request.reference,
  kind: r.request.kind,
  status: r.request.status,
  company: { id: r.request.companyId, name: r.companyName },
  office: r.office?.id ? r.office : null,
  details: r.request.details as Record<string, unknown>,
  filedBy: r.filedByName,
  assignedTo: r.request.assignedToAccountId ? { id: r.request.assignedToAccountId, name: r.assigneeName ?? '' } : null,
  scheduledFor: r.request.scheduledFor,
  serviceCount: r.serviceCount,
  commentCount: r.commentCount,
  createdAt: r.request.createdAt.toISOString(),
  updatedAt: r.request.updatedAt.toISOString(),
});

export type RequestListFilter = {
  q?: string | undefined;
  status?: RequestStatus | undefined;
  kind?: RequestKind | undefined;
  /** back office only */
  companyId?: string | undefined;
  assignedTo?: string | undefined;
  page: number;
  pageSize: number;
};

/** The reference, or words of the office, company, filer or details (top-level values of the jsonb). */
const searchCondition = (raw: string | undefined, withCompany: boolean): SQL | undefined => {
  const text = raw?.trim();
  if (!text) return undefined;
  const pattern = likePattern(text);
  const conditions: SQL[] = [
    ilike(requests.reference, pattern),
    ilike(offices.name, pattern),
    ilike(offices.city, pattern),
    ilike(filedBy.fullName, pattern),
    sql`exists (select 1 from jsonb_each_text(${requests.details}) d where d.value ilike ${pattern})`,
  ];
  if (withCompany) conditions.push(ilike(companies.name, pattern));
  return or(...conditions);
};

/**
 * Requests, newest first. With a scope: one company's (the administrator's page); without: every
 * company's (the back-office queue, which only operator staff reach).
 */
export const listRequests = async (q: Queryable, scope: CompanyScope | null, f: RequestListFilter) => {
  const conditions = [
    f.status ? eq(requests.status, f.status) : undefined,
    f.kind ? eq(requests.kind, f.kind) : undefined,
    f.companyId ? eq(requests.companyId, f.companyId) : undefined,
    f.assignedTo ? eq(requests.assignedToAccountId, f.assignedTo) : undefined,
    searchCondition(f.q, scope === null),
  ];
  const where = scope ? inCompany(requests, scope, ...conditions) : and(...conditions);
  const officeJoin = sameCompanyRow(offices, requests.officeId, requests);
  const [rows, [total]] = await Promise.all([
    q
      .select(summaryColumns)
      .from(requests)
      .innerJoin(companies, eq(companies.id, requests.companyId))
      .innerJoin(filedBy, eq(filedBy.id, requests.filedByAccountId))
      .leftJoin(assignee, eq(assignee.id, requests.assignedToAccountId))
      .leftJoin(offices, officeJoin)
      .where(where)
      .orderBy(desc(requests.createdAt), desc(requests.id))
      .limit(f.pageSize)
      .offset((f.page - 1) * f.pageSize),
    q
      .select({ n: count() })
      .from(requests)
      .innerJoin(companies, eq(companies.id, requests.companyId))
      .innerJoin(filedBy, eq(filedBy.id, requests.filedByAccountId))
      .leftJoin(offices, officeJoin)
      .where(where),
  ]);
  return { items: rows.map(toSummary), total: total?.n ?? 0, page: f.page, pageSize: f.pageSize };
};

/** A service as a request shows it: its user, type and bundle (names in every language). */
const serviceColumns = {
  id: services.id,
  status: services.status,
  msisdn: services.msisdn,
  mobileUserId: services.mobileUserId,
  userName: sql<string>`${mobileUsers.firstName} || ' ' || ${mobileUsers.lastName}`,
  serviceType: serviceTypes.name,
  bundle: bundles.name,
};

/** One request with everything its page shows: office, services, comments and history. */
export const getRequestDetail = async (q: Queryable, scope: CompanyScope, id: string, lang: Lang) => {
  const [head] = await q
    .select({ ...summaryColumns, office: offices, filedByEmail: filedBy.email })
    .from(requests)
    .innerJoin(companies, eq(companies.id, requests.companyId))
    .innerJoin(filedBy, eq(filedBy.id, requests.filedByAccountId))
    .leftJoin(assignee, eq(assignee.id, requests.assignedToAccountId))
    .leftJoin(offices, sameCompanyRow(offices, requests.officeId, requests))
    .where(inCompany(requests, scope, eq(requests.id, id)));
  if (!head) return null;
  const [serviceRows, commentRows, eventRows] = await Promise.all([
    q
      .select(serviceColumns)
      .from(requestServices)
      .innerJoin(services, sameCompanyRow(services, requestServices.serviceId, requestServices))
      .innerJoin(mobileUsers, userOfService)
      .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
      .innerJoin(bundles, eq(bundles.code, services.bundleCode))
      .where(inCompany(requestServices, scope, eq(requestServices.requestId, id)))
      .orderBy(asc(mobileUsers.lastName), asc(mobileUsers.firstName), asc(services.msisdn)),
    q.select().from(requestComments).where(inCompany(requestComments, scope, eq(requestComments.requestId, id))).orderBy(asc(requestComments.seq)),
    q
      .select({ event: requestEvents, toAssigneeName: toAssignee.fullName })
      .from(requestEvents)
      .leftJoin(toAssignee, eq(toAssignee.id, requestEvents.toAssigneeAccountId))
      .where(inCompany(requestEvents, scope, eq(requestEvents.requestId, id)))
      .orderBy(asc(requestEvents.seq)),
  ]);
  const summary = toSummary({ ...head, office: head.office ? { id: head.office.id, name: head.office.name, city: head.office.city } : null });
  return {
    ...summary,
    office: head.office
      ? { id: head.office.id, name: head.office.name, street: head.office.street, postalCode: head.office.postalCode, city: head.office.city, country: head.office.country }
      : null,
    filedBy: head.filedByName,
    filedByEmail: head.filedByEmail,
    services: serviceRows.map((r) => ({
      id: r.id,
      status: r.status,
      msisdn: r.msisdn,
      mobileUserId: r.mobileUserId,
      userName: r.userName,
      serviceType: localize(r.serviceType, lang),
      bundle: localize(r.bundle, lang),
    })),
    comments: commentRows.map((c) => ({ id: c.id, authorName: c.authorName, authorRole: c.authorRole, body: c.body, createdAt: c.createdAt.toISOString() })),
    events: eventRows.map(({ event: e, toAssigneeName }) => ({
      id: e.id,
      event: e.event,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorName: e.actorName,
      actorRole: e.actorRole,
      reason: e.reason,
      scheduledFor: e.scheduledFor,
      assignedTo: toAssigneeName ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
  };
};

/** The company's services a request can name (not ended), by name or number, or the ones asked for by id. */
export const listRequestableServices = async (q: Queryable, scope: CompanyScope, f: { q?: string | undefined; ids?: string[] | undefined }, lang: Lang) => {
  const rows = await q
    .select({ ...serviceColumns, officeId: mobileUsers.officeId })
    .from(services)
    .innerJoin(mobileUsers, userOfService)
    .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
    .innerJoin(bundles, eq(bundles.code, services.bundleCode))
    .where(inCompany(services, scope, notInArray(services.status, [...ENDED]), f.ids?.length ? inArray(services.id, f.ids) : undefined, userOrNumberSearch(f.q)))
    .orderBy(asc(mobileUsers.lastName), asc(mobileUsers.firstName), asc(services.msisdn))
    .limit(100);
  return {
    items: rows.map((r) => ({ ...r, serviceType: localize(r.serviceType, lang), bundle: localize(r.bundle, lang) })),
  };
};
