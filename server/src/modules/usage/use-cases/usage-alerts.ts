import type { Deps } from '../../../deps.js';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { brusselsDay, brusselsMidnight, firstDayOfMonth, monthOfDay } from '../../../platform/calendar.js';
import type { Queryable } from '../../../platform/db.js';
import { scopeOfJob, type CompanyScope } from '../../../platform/tenant.js';
import { QUEUES, type RoamingRearmJob, type UsageAlertsJob } from '../../../jobs/queues.js';
import { companyAdmins, employeeActor, resolveEmployeeLink } from '../../activation/index.js';
import { recordAudit } from '../../audit/index.js';
import { changeBarringIn, pendingBarrings } from '../../lines/index.js';
import { mobileUserRecipient, queueMail } from '../../mail/index.js';
import { BARRING_KINDS, type BarringKind } from '../../network/index.js';
import { findServiceRow, type ServiceRow } from '../../services/index.js';
import { alertsApply, crossings, effectiveSettings, monthAfter, roamingBlockApplies, toAnnounce, type AlertSettings, type Crossing, type LineAlertOverride } from '../domain/thresholds.js';
import {
  alertsOf,
  capBlockOf,
  claimCrossings,
  companyNameOf,
  companySettings,
  lineAndUser,
  lineOverride,
  lineOverrides,
  markCapBlocked,
  markCapLifted,
  roamingDataOf,
  saveCompanySettings,
  saveLineOverride,
} from '../usage-alerts.repository.js';
import { usageLines } from './usage-views.js';

/**
 * Usage alerts, caps and barring (BIPT). After each usage file the `usage.alerts` job measures every
 * line of the company with usage that month against its thresholds; each crossing is recorded under
 * a unique key (service, month, kind) and only the run that recorded it sends its e-mails, in the
 * same transaction — so a file loaded twice, a retried job or two at once alert once. At the roaming
 * cap, roaming is barred through the line operations (timeline, audit, a durable job to the network)
 * until someone lifts it or the month ends.
 */

const thisMonth = (deps: Pick<Deps, 'clock'>) => monthOfDay(brusselsDay(deps.clock.now()));

// ---------------------------------------------------------------- evaluation

/** The `usage.alerts` job: the company's lines against their thresholds for `month`. Returns how many crossings were new. */
export const evaluateUsageAlerts = async (deps: Deps, job: UsageAlertsJob): Promise<number> => {
  const scope = scopeOfJob(job);
  const today = brusselsDay(deps.clock.now());
  if (!alertsApply(job.month, today)) return 0;
  const monthFirst = firstDayOfMonth(job.month);
  return deps.db.transaction(async (tx) => {
    const [lines, company, overrides] = await Promise.all([usageLines(tx, scope, job.month, 'en'), companySettings(tx, scope), lineOverrides(tx, scope)]);
    const candidates = lines.flatMap((l) =>
      crossings(
        { dataMb: l.dataMb, dataAllowanceMb: l.dataAllowanceMb, outOfBundleCents: l.outOfBundleCents, roamingDataMb: l.roamingDataMb },
        effectiveSettings(company, overrides.get(l.serviceId) ?? null),
      ).map((c) => ({ ...c, serviceId: l.serviceId })),
    );
    const fresh = await claimCrossings(tx, scope, monthFirst, candidates);
    const byService = new Map<string, Crossing[]>();
    for (const f of fresh) byService.set(f.serviceId, [...(byService.get(f.serviceId) ?? []), { kind: f.kind, used: f.used, threshold: f.threshold }]);
    const admins = byService.size ? await companyAdmins(tx, scope) : [];
    const companyName = byService.size ? await companyNameOf(tx, scope) : null;
    for (const [serviceId, found] of byService) {
      const blocked = found.some((c) => c.kind === 'roaming_cap') && roamingBlockApplies(job.month, today) ? await blockRoaming(tx, deps, scope, serviceId, job.month) : false;
      await sendAlerts(tx, deps, scope, serviceId, toAnnounce(found), { admins, companyName, blocked });
    }
    return fresh.length;
  });
};

type Audience = { admins: Awaited<ReturnType<typeof companyAdmins>>; companyName: string | null; blocked: boolean };

const sendAlerts = async (tx: Queryable, deps: Deps, scope: CompanyScope, serviceId: string, found: Crossing[], to: Audience) => {
  const line = await lineAndUser(tx, scope, serviceId);
  if (!line?.msisdn) return;
  const userName = `${line.firstName} ${line.lastName}`;
  const serviceUrl = `${deps.links.publicUrl()}/self-service/uc-mobile/services/${serviceId}`;
  for (const c of found) {
    const base = { kind: c.kind, msisdn: line.msisdn, userName, used: c.used, threshold: c.threshold, ...(c.kind === 'roaming_cap' ? { blocked: to.blocked } : {}) };
    await queueMail(tx, deps.jobs, { template: 'usage_alert', data: { ...base, audience: 'user' }, companyId: scope.companyId, to: mobileUserRecipient(line), language: line.language });
    for (const admin of to.admins) {
      await queueMail(tx, deps.jobs, {
        template: 'usage_alert',
        data: { ...base, audience: 'admin', companyName: to.companyName, serviceUrl },
        companyId: scope.companyId,
        to: { address: admin.email, name: admin.fullName },
        language: admin.language,
      });
    }
  }
};

/**
 * The roaming cap reached in the month in progress: roaming is barred (unless it was already, by the
 * administrator) and a job ends the block when the month does. True when this blocked roaming.
 */
const blockRoaming = async (tx: Queryable, deps: Deps, scope: CompanyScope, serviceId: string, month: string): Promise<boolean> => {
  const service = await findServiceRow(tx, scope, serviceId, true);
  if (!service || !service.msisdn || !['active', 'suspended', 'barred'].includes(service.status)) return false;
  const after = await changeBarringIn(tx, deps, scope, SYSTEM, service, { barring: 'roaming', barred: true, cause: 'roaming_cap', timeline: 'roaming_blocked_at_cap' });
  if (!after) return false;
  await markCapBlocked(tx, scope, serviceId, firstDayOfMonth(month));
  await deps.jobs.send(tx, QUEUES.roamingRearm, { companyId: scope.companyId, serviceId, month }, { startAfter: brusselsMidnight(firstDayOfMonth(monthAfter(month))) });
  return true;
};

/** The `usage.roaming-rearm` job: the month of a roaming block is over; roaming works again and the cap applies afresh. */
export const endRoamingBlock = async (deps: Deps, job: RoamingRearmJob) =>
  deps.db.transaction(async (tx) => {
    const scope = scopeOfJob(job);
    const monthFirst = firstDayOfMonth(job.month);
    if (!(await capBlockOf(tx, scope, job.serviceId, monthFirst))) return false; // lifted meanwhile
    await markCapLifted(tx, scope, job.serviceId, monthFirst, deps.clock.now(), null);
    const service = await findServiceRow(tx, scope, job.serviceId, true);
    if (!service || !['active', 'suspended', 'barred'].includes(service.status)) return false;
    return (await changeBarringIn(tx, deps, scope, SYSTEM, service, { barring: 'roaming', barred: false, cause: 'new_month', timeline: 'roaming_block_ended' })) !== null;
  });

// ---------------------------------------------------------------- lifting the block, barring by hand

const lockedService = async (tx: Queryable, scope: CompanyScope, serviceId: string) => {
  const service = await findServiceRow(tx, scope, serviceId, true);
  if (!service) throw new AppError('SERVICE.NOT_FOUND');
  return service;
};

/** Lifts this month's roaming block, in the name of `actor`: roaming works until the month ends (the cap is not measured again before). */
const liftIn = async (tx: Queryable, deps: Deps, scope: CompanyScope, actor: Actor, service: ServiceRow) => {
  const monthFirst = firstDayOfMonth(thisMonth(deps));
  if (!(await capBlockOf(tx, scope, service.id, monthFirst))) throw new AppError('USAGE.NO_ROAMING_BLOCK');
  await markCapLifted(tx, scope, service.id, monthFirst, deps.clock.now(), actor.name);
  await changeBarringIn(tx, deps, scope, actor, service, { barring: 'roaming', barred: false, cause: 'roaming_cap_lifted', timeline: 'roaming_cap_lifted' });
};

export const liftRoamingBlock = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string) =>
  deps.db.transaction(async (tx) => liftIn(tx, deps, scope, actor, await lockedService(tx, scope, serviceId)));

/** The employee lifts their own line's roaming block from their personal link. */
export const liftRoamingBlockByEmployee = async (deps: Deps, token: string) => {
  await deps.db.transaction(async (tx) => {
    const { scope, a } = await resolveEmployeeLink(tx, deps, token, true);
    await liftIn(tx, deps, scope, employeeActor(a), await lockedService(tx, scope, a.service.id));
  });
  return employeeRoamingBlock(deps, token);
};

/** What the employee's page shows of the roaming cap: whether roaming is blocked now, and the figures. */
export const employeeRoamingBlock = async (deps: Deps, token: string) => {
  const { scope, a } = await resolveEmployeeLink(deps.db, deps, token);
  const monthFirst = firstDayOfMonth(thisMonth(deps));
  const block = await capBlockOf(deps.db, scope, a.service.id, monthFirst);
  return { blocked: block !== null, capMb: block?.threshold ?? null, usedMb: block ? await roamingDataOf(deps.db, scope, a.service.id, monthFirst) : null };
};

/**
 * The administrator bars or lets again one kind of traffic. Letting roaming again while the cap
 * blocks it is lifting the block; barring it then makes the bar the administrator's (it no longer
 * ends with the month).
 */
export const setBarring = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string, barring: BarringKind, barred: boolean) =>
  deps.db.transaction(async (tx) => {
    const service = await lockedService(tx, scope, serviceId);
    const monthFirst = firstDayOfMonth(thisMonth(deps));
    const capBlock = barring === 'roaming' ? await capBlockOf(tx, scope, serviceId, monthFirst) : null;
    if (capBlock && !barred) return liftIn(tx, deps, scope, actor, service);
    if (capBlock && barred) await markCapLifted(tx, scope, serviceId, monthFirst, deps.clock.now(), actor.name);
    await changeBarringIn(tx, deps, scope, actor, service, { barring, barred, cause: 'administrator', timeline: barred ? 'barring_added' : 'barring_removed' });
  });

// ---------------------------------------------------------------- settings and the service's view

export const getCompanyAlertSettings = async (deps: Pick<Deps, 'db'>, scope: CompanyScope) => effectiveSettings(await companySettings(deps.db, scope), null);

export const setCompanyAlertSettings = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, actor: Actor, settings: AlertSettings) =>
  deps.db.transaction(async (tx) => {
    const before = await companySettings(tx, scope);
    await saveCompanySettings(tx, scope, settings);
    await recordAudit(tx, { scope, actor, action: 'company.usage_alerts_changed', entityType: 'company', entityId: scope.companyId, before, after: settings });
    return settings;
  });

export const setLineAlertSettings = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string, override: Required<LineAlertOverride>) =>
  deps.db.transaction(async (tx) => {
    await lockedService(tx, scope, serviceId);
    const before = await lineOverride(tx, scope, serviceId);
    await saveLineOverride(tx, scope, serviceId, override);
    await recordAudit(tx, { scope, actor, action: 'service.usage_alerts_changed', entityType: 'service', entityId: serviceId, before, after: override });
  });

/** The service page's card: barrings (and those on their way), the roaming block, this month's alerts, the settings. */
export const usageControls = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, serviceId: string) => {
  const service = await findServiceRow(deps.db, scope, serviceId);
  if (!service) throw new AppError('SERVICE.NOT_FOUND');
  const month = thisMonth(deps);
  const monthFirst = firstDayOfMonth(month);
  const [pending, alerts, company, line] = await Promise.all([pendingBarrings(deps.db, scope, serviceId), alertsOf(deps.db, scope, serviceId, monthFirst), companySettings(deps.db, scope), lineOverride(deps.db, scope, serviceId)]);
  const cap = alerts.find((a) => a.kind === 'roaming_cap' && a.blocked) ?? null;
  return {
    month,
    canChange: ['active', 'suspended', 'barred'].includes(service.status) && service.msisdn !== null,
    barrings: BARRING_KINDS.map((kind) => ({ kind, barred: service.barrings.includes(kind), pending: pending.has(kind) })),
    roamingBlock: cap ? { blocked: cap.liftedAt === null, capMb: cap.threshold, usedMb: cap.used, blockedAt: cap.createdAt.toISOString(), liftedAt: cap.liftedAt?.toISOString() ?? null, liftedBy: cap.liftedBy } : null,
    alerts: alerts.map((a) => ({ kind: a.kind, used: a.used, threshold: a.threshold, at: a.createdAt.toISOString() })),
    settings: {
      company: effectiveSettings(company, null),
      line: { dataAlerts: line?.dataAlerts ?? null, spendingAlertCents: line?.spendingAlertCents ?? null, roamingCapMb: line?.roamingCapMb ?? null },
      effective: effectiveSettings(company, line),
    },
  };
};
