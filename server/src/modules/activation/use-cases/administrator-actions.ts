import type { Deps } from '../../../deps.js';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { companies, mobileUsers, portIns, services, serviceTypes } from '../../../db/schema.js';
import { AppError } from '../../../platform/app-error.js';
import type { Queryable } from '../../../platform/db.js';
import { localize, type Lang } from '../../../platform/i18n.js';
import { inCompany, type CompanyScope } from '../../../platform/tenant.js';
import type { Actor as AuditActor } from '../../audit/audit.repository.js';
import { userOrNumberSearch } from '../../services/services.repository.js';
import { updateMobileUserDetails } from '../../mobile-users/use-cases/save-mobile-user.js';
import { DONOR_OPERATORS } from '../../services/domain/donor-operators.js';
import { portInDetailProblems, type PortInDetails } from '../../services/domain/wizard-rules.js';
import { loadActivation, updatePortIn } from '../activation.repository.js';
import { queueResubmission, resumeEvent, sendActivationMail, transition } from './activation-process.js';

/** A new activation e-mail and link (the old link stops working), after correcting the address if asked. */
export const resendActivation = async (deps: Deps, scope: CompanyScope, actor: AuditActor, serviceId: string, email: string | undefined) => {
  const a = await loadActivation(deps.db, scope, serviceId);
  if (!a) throw new AppError('SERVICE.NOT_FOUND');
  if (a.service.status !== 'awaiting_user') throw new AppError('SERVICE.NOT_AWAITING_USER');
  if (email && email !== a.user.email) await updateMobileUserDetails(deps.db, scope, actor, a.user.id, { email });
  await deps.db.transaction(async (tx) => {
    const fresh = await loadActivation(tx, scope, serviceId, true);
    if (!fresh || fresh.service.status !== 'awaiting_user') throw new AppError('SERVICE.NOT_AWAITING_USER');
    await sendActivationMail(tx, deps, scope, fresh, actor);
  });
};

const donorName = (code: string, lang: Lang) => {
  const d = DONOR_OPERATORS.find((o) => o.code === code);
  return d ? localize(d.name, lang) : code;
};

type PortingIssueQuery = { q?: string | undefined; page: number; pageSize: number };

/**
 * Refused port-ins, for one company (the administrator's list) or across companies (operator staff,
 * read-only): one query, the company condition is the only difference.
 */
const queryPortingIssues = async (q: Queryable, companyCondition: SQL | undefined, query: PortingIssueQuery, lang: Lang) => {
  const where = and(companyCondition, eq(services.status, 'porting_refused'), eq(portIns.status, 'refused'), userOrNumberSearch(query.q));
  const base = () =>
    q
      .select({ service: services, portIn: portIns, firstName: mobileUsers.firstName, lastName: mobileUsers.lastName, serviceType: serviceTypes, companyName: companies.name })
      .from(services)
      .innerJoin(companies, eq(companies.id, services.companyId))
      .innerJoin(portIns, and(eq(portIns.companyId, services.companyId), eq(portIns.serviceId, services.id)))
      .innerJoin(mobileUsers, and(eq(mobileUsers.companyId, services.companyId), eq(mobileUsers.id, services.mobileUserId)))
      .innerJoin(serviceTypes, eq(serviceTypes.code, services.serviceTypeCode))
      .where(where);
  const [rows, [total]] = await Promise.all([
    base()
      .orderBy(asc(portIns.refusedAt), asc(services.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    q
      .select({ n: count() })
      .from(services)
      .innerJoin(portIns, and(eq(portIns.companyId, services.companyId), eq(portIns.serviceId, services.id)))
      .innerJoin(mobileUsers, and(eq(mobileUsers.companyId, services.companyId), eq(mobileUsers.id, services.mobileUserId)))
      .where(where),
  ]);
  return {
    items: rows.map((r) => ({
      serviceId: r.service.id,
      companyId: r.service.companyId,
      companyName: r.companyName,
      mobileUserId: r.service.mobileUserId,
      userName: `${r.firstName} ${r.lastName}`,
      msisdn: r.portIn.msisdn,
      serviceType: { code: r.serviceType.code, name: localize(r.serviceType.name, lang) },
      donorOperator: { code: r.portIn.donorOperator, name: donorName(r.portIn.donorOperator, lang) },
      accountType: r.portIn.accountType,
      customerNumber: r.portIn.customerNumber,
      donorSimNumber: r.portIn.donorSimNumber,
      holderName: r.portIn.holderName,
      refusalReason: r.portIn.refusalReason ?? '',
      refusalCode: r.portIn.refusalCode ?? 'number_unknown',
      refusedAt: (r.portIn.refusedAt ?? r.portIn.updatedAt).toISOString(),
      attempts: r.portIn.attempt,
    })),
    total: total?.n ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
};

/** Mobile porting issues: the company's services whose port-in the donor refused. */
export const listPortingIssues = async (q: Queryable, scope: CompanyScope, query: PortingIssueQuery, lang: Lang) =>
  queryPortingIssues(q, inCompany(services, scope), query, lang);

/** Operator staff: refused port-ins of every company, or of one, to help administrators (no changes). */
export const listPortingIssuesAcrossCompanies = async (q: Queryable, query: PortingIssueQuery & { companyId?: string | undefined }, lang: Lang) =>
  queryPortingIssues(q, query.companyId ? eq(services.companyId, query.companyId) : undefined, query, lang);

export type PortCorrection = PortInDetails;

/**
 * The administrator corrects a refused port-in and sends it again: the same rules as step 5 of the
 * wizard, a new request to the network (a new idempotency key), and the service goes back to where
 * it was when the donor refused.
 */
export const resubmitPortIn = async (deps: Deps, scope: CompanyScope, actor: AuditActor, serviceId: string, fix: PortCorrection) =>
  deps.db.transaction(async (tx) => {
    const a = await loadActivation(tx, scope, serviceId, true);
    if (!a) throw new AppError('SERVICE.NOT_FOUND');
    if (a.service.status !== 'porting_refused' || !a.portIn) throw new AppError('SERVICE.NOT_PORTING_REFUSED');
    const { errors, donorSimNumber } = portInDetailProblems(fix);
    if (errors.length) throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: errors });
    const attempt = a.portIn.attempt + 1;
    await updatePortIn(tx, scope, a.portIn.id, {
      donorOperator: fix.donorOperator,
      accountType: fix.accountType,
      customerNumber: fix.accountType === 'postpaid' ? fix.customerNumber!.trim() : null,
      donorSimNumber: fix.accountType === 'prepaid' ? donorSimNumber : null,
      holderName: fix.holderName.trim(),
      status: 'submitted',
      attempt,
      refusalCode: null,
      refusalReason: null,
    });
    await transition(tx, scope, a, resumeEvent(a), actor, null, 'port_in_resubmitted');
    await queueResubmission(tx, deps, scope, a, attempt);
    return a.service.id;
  });

