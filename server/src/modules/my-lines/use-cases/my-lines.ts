import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { brusselsDay, monthOfDay } from '../../../platform/calendar.js';
import { localize, type Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { esimCodeOf, loadActivation, qrImage } from '../../activation/index.js';
import { recordAudit } from '../../audit/index.js';
import { reportLostByEmployeeIn, type LossCause } from '../../lines/index.js';
import { changeOptions } from '../../services/index.js';
import { nextStatus } from '../../services/domain/lifecycle.js';
import { serviceUsage } from '../../usage/index.js';
import { linesOfEmployee, optionNames, ownLine, requestsOfEmployee, bundleName } from '../my-lines.repository.js';

/** Who is signed in to My lines: the mobile user of the session (http/context.ts, employeeContext). */
export type Employee = { id: string; firstName: string; lastName: string; companyName: string };

const notYours = () => new AppError('SERVICE.NOT_FOUND');

/**
 * "My lines": the employee's own lines — number, bundle and options, status, this month's use where
 * the network's usage files have it, whether a PUK can be shown, and an eSIM's activation code while
 * the profile is not installed yet (as their activation link shows it) — with their requests.
 */
export const myLines = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, employee: Employee, lang: Lang) => {
  const { db } = deps;
  const month = monthOfDay(brusselsDay(deps.clock.now()));
  const rows = await linesOfEmployee(db, scope, employee.id);
  const requests = await requestsOfEmployee(db, scope, employee.id);
  const names = await optionNames(db, [...new Set(rows.flatMap((r) => r.service.optionCodes))], lang);
  const lines = [];
  for (const { service, bundle, serviceTypeName } of rows) {
    const a = await loadActivation(db, scope, service.id);
    const sim = a?.sim ?? null;
    // the profile's code while it waits to be installed: the activation page's rule (after Activate, or
    // an automatic eSIM once ready), and only while the card is not live yet (a new line, or a new eSIM)
    const esimReady = service.userActedAt !== null || service.activatedAt !== null || (service.activationMethod === 'automatic' && service.simProvisionedAt !== null);
    const code = sim?.status === 'reserved' && esimReady ? esimCodeOf(sim) : null;
    const usage = service.msisdn ? await serviceUsage(db, scope, service.id, month, lang) : null;
    const own = requests.filter((r) => r.serviceId === service.id);
    const pending = (kind: 'new_esim' | 'bundle_change') => own.some((r) => r.kind === kind && r.status === 'pending');
    lines.push({
      id: service.id,
      msisdn: service.msisdn,
      status: service.status,
      serviceType: localize(serviceTypeName, lang),
      bundle: { code: bundle.code, name: localize(bundle.name, lang), dataGb: bundle.dataGb, callMinutes: bundle.callMinutes },
      options: service.optionCodes.map((c) => ({ code: c, name: names.get(c) ?? c })),
      sim: sim ? { kind: sim.kind, iccid: sim.iccid } : null,
      usage: usage?.line ? { month, dataMb: usage.line.dataMb, dataAllowanceMb: usage.line.dataAllowanceMb, voiceMin: usage.line.voiceMin, voiceAllowanceMin: usage.line.voiceAllowanceMin, sms: usage.line.sms, roamingDataMb: usage.line.roamingDataMb } : null,
      hasPuk: Boolean(sim?.puk),
      esim: code ? { activationCode: code, qrPngDataUrl: await qrImage(code) } : null,
      canReportLost: nextStatus(service.status, 'report_lost') !== null,
      canAskNewEsim: Boolean(service.msisdn && sim) && (nextStatus(service.status, 'request_sim_swap') !== null || nextStatus(service.status, 'request_replacement') !== null) && !pending('new_esim'),
      canAskBundleChange: nextStatus(service.status, 'change') !== null && !pending('bundle_change'),
      requests: await Promise.all(
        own.slice(0, 5).map(async (r) => ({
          id: r.id,
          kind: r.kind,
          status: r.status,
          bundleName: await bundleName(db, r.bundleCode, lang),
          note: r.note,
          decisionReason: r.decisionReason,
          createdAt: r.createdAt.toISOString(),
          decidedAt: r.decidedAt?.toISOString() ?? null,
        })),
      ),
    });
  }
  return { lines };
};

/** The PUK of the employee's own line's SIM (a SIM locked by three wrong PINs): asked for on purpose, each look an audit line. */
export const myPuk = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, employee: Employee, actor: Actor, serviceId: string) =>
  deps.db.transaction(async (tx) => {
    if (!(await ownLine(tx, scope, employee.id, serviceId))) throw notYours();
    const a = await loadActivation(tx, scope, serviceId);
    if (!a?.sim?.puk) throw new AppError('SERVICE.NO_SIM_CODES');
    await recordAudit(tx, { scope, actor, action: 'service.puk_viewed_by_user', entityType: 'service', entityId: serviceId, before: null, after: { iccid: a.sim.iccid } });
    return { puk: a.sim.puk };
  });

/**
 * "My phone is lost or stolen" from My lines: the administrator's own line operation (the line is
 * barred on the network at once), in the employee's name, and the administrators are e-mailed.
 */
export const reportMyLineLost = async (deps: Deps, scope: CompanyScope, employee: Employee, actor: Actor, serviceId: string, cause: LossCause) =>
  deps.db.transaction(async (tx) => {
    if (!(await ownLine(tx, scope, employee.id, serviceId, true))) throw notYours();
    await reportLostByEmployeeIn(tx, deps, scope, actor, serviceId, cause, { userName: `${employee.firstName} ${employee.lastName}`, companyName: employee.companyName });
  });

/** The bundles the employee may ask for on their line: Manage service's own list (same service type). */
export const myChangeOptions = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, employee: Employee, serviceId: string, lang: Lang) => {
  if (!(await ownLine(deps.db, scope, employee.id, serviceId))) throw notYours();
  return changeOptions(deps.db, scope, serviceId, lang);
};
