import type { Deps } from '../../../deps.js';
import type { AccountActor, Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { Db, Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { companyAdmins } from '../../activation/index.js';
import { requestSimSwap } from '../../lines/index.js';
import { queueMail } from '../../mail/index.js';
import { applyServiceChange, changeService, findServiceRow, previewChange } from '../../services/index.js';
import { nextStatus } from '../../services/domain/lifecycle.js';
import { decideEmployeeRequest, type EmployeeRequestActor, type EmployeeRequestEvent, type EmployeeRequestKind, type EmployeeRequestStatus } from '../domain/employee-request-machine.js';
import {
  bundleName,
  companyEmployeeRequests,
  findEmployeeRequest,
  insertEmployeeRequest,
  ownLine,
  requester,
  writeEmployeeRequestStatus,
  type EmployeeRequestRow,
} from '../my-lines.repository.js';
import type { Employee } from './my-lines.js';

/** Where administrators decide (the dashboard's list) and where employees read the answer. */
export const ADMIN_REQUESTS_PATH = '/self-service';
export const MY_LINES_PATH = '/my-lines';

export type AskInput =
  | { kind: 'new_esim'; serviceId: string; note?: string | null | undefined }
  | { kind: 'bundle_change'; serviceId: string; bundleCode: string; optionCodes: string[]; note?: string | null | undefined };

const timelineOf = (kind: EmployeeRequestKind, what: 'asked' | 'approved' | 'refused' | 'cancelled') => `employee_request_${what}_${kind}`;

/**
 * The employee asks for a new eSIM (a new phone) or another bundle on one of their own lines: a
 * request the administrators approve or refuse (they are e-mailed). What is asked is checked now with
 * the same rules as the administrator's use case (a bundle change: the catalog's word, through
 * Manage service's preview), and again when it is approved. One open request of a kind per line.
 */
export const askForChange = async (deps: Deps, scope: CompanyScope, employee: Employee, actor: Actor, input: AskInput, lang: Lang) => {
  try {
    return await deps.db.transaction(async (tx) => {
      const line = await ownLine(tx, scope, employee.id, input.serviceId, true);
      if (!line) throw new AppError('SERVICE.NOT_FOUND');
      const service = (await findServiceRow(tx, scope, input.serviceId))!;
      if (input.kind === 'new_esim') {
        if (!service.msisdn || (!nextStatus(service.status, 'request_sim_swap') && !nextStatus(service.status, 'request_replacement'))) {
          throw new AppError('LINE.NOT_ALLOWED', { params: { status: service.status, operation: 'request_sim_swap' } });
        }
      } else {
        await previewChange({ db: tx as unknown as Db, clock: deps.clock }, scope, input.serviceId, { bundleCode: input.bundleCode, optionCodes: input.optionCodes }, lang);
      }
      const note = input.note?.trim() ? input.note.trim() : null;
      const request = await insertEmployeeRequest(tx, scope, {
        mobileUserId: employee.id,
        serviceId: input.serviceId,
        kind: input.kind,
        bundleCode: input.kind === 'bundle_change' ? input.bundleCode : null,
        optionCodes: input.kind === 'bundle_change' ? input.optionCodes : null,
        note,
      });
      await applyServiceChange(tx, deps, scope, actor, service, { timeline: timelineOf(input.kind, 'asked'), reason: note, audit: { after: { employeeRequestId: request.id, kind: input.kind, bundleCode: request.bundleCode } } });
      for (const admin of await companyAdmins(tx, scope)) {
        await queueMail(tx, deps.jobs, {
          template: 'employee_request',
          data: {
            audience: 'admin',
            kind: input.kind,
            msisdn: service.msisdn,
            userName: `${employee.firstName} ${employee.lastName}`,
            bundleName: await bundleName(tx, request.bundleCode, admin.language),
            note,
            companyName: employee.companyName,
            pageUrl: `${deps.links.publicUrl()}${ADMIN_REQUESTS_PATH}`,
          },
          companyId: scope.companyId,
          to: { address: admin.email, name: admin.fullName },
          language: admin.language,
        });
      }
      return { id: request.id };
    });
  } catch (err) {
    if (isUniqueViolation(err, 'employee_requests_one_pending_uq')) throw new AppError('EMPLOYEE_REQUEST.ALREADY_PENDING');
    throw err;
  }
};

/**
 * The one place a request's status changes: the transition table decides (who, from where, with
 * what reason), then the status is written, and the line's timeline and the audit trail record it.
 */
const transitionEmployeeRequest = async (
  tx: Queryable,
  deps: Deps,
  scope: CompanyScope,
  request: EmployeeRequestRow,
  event: EmployeeRequestEvent,
  by: EmployeeRequestActor,
  actor: Actor,
  reason: string | null | undefined,
) => {
  const decision = decideEmployeeRequest(request.status, event, by, reason);
  if (!decision.ok) {
    if (decision.kind === 'illegal') throw new AppError('EMPLOYEE_REQUEST.ILLEGAL_TRANSITION', { params: { status: request.status } });
    if (decision.kind === 'forbidden') throw new AppError('AUTH.FORBIDDEN');
    throw new AppError('EMPLOYEE_REQUEST.INVALID', { fieldErrors: [{ field: decision.field, rule: decision.rule }] });
  }
  await writeEmployeeRequestStatus(tx, scope, request.id, { status: decision.to, decisionReason: decision.reason, decidedByAccountId: actor.accountId, decidedBy: actor.name, decidedAt: deps.clock.now() });
  const service = await findServiceRow(tx, scope, request.serviceId);
  const what = decision.to === 'approved' ? 'approved' : decision.to === 'refused' ? 'refused' : 'cancelled';
  if (service) {
    await applyServiceChange(tx, deps, scope, actor, service, {
      timeline: timelineOf(request.kind, what),
      reason: decision.reason,
      audit: { after: { employeeRequestId: request.id, status: decision.to } },
    });
  }
  return { ...request, status: decision.to as EmployeeRequestStatus, decisionReason: decision.reason, service };
};

/** The employee withdraws their own request while nobody decided it. */
export const cancelMyRequest = async (deps: Deps, scope: CompanyScope, employee: Employee, actor: Actor, id: string) =>
  deps.db.transaction(async (tx) => {
    const request = await findEmployeeRequest(tx, scope, id, { mobileUserId: employee.id, forUpdate: true });
    if (!request) throw new AppError('EMPLOYEE_REQUEST.NOT_FOUND');
    await transitionEmployeeRequest(tx, deps, scope, request, 'cancel', 'employee', actor, null);
  });

/** The employee hears of the decision, in their language. */
const tellEmployee = async (tx: Queryable, deps: Deps, scope: CompanyScope, request: EmployeeRequestRow, outcome: 'approved' | 'refused', actor: Actor, reason: string | null, msisdn: string | null) => {
  const person = await requester(tx, scope, request.mobileUserId);
  if (!person) return;
  await queueMail(tx, deps.jobs, {
    template: 'employee_request',
    data: {
      audience: 'employee',
      kind: request.kind,
      outcome,
      reason,
      decidedBy: actor.name,
      msisdn,
      userName: `${person.firstName} ${person.lastName}`,
      bundleName: await bundleName(tx, request.bundleCode, person.language),
      pageUrl: `${deps.links.publicUrl()}${MY_LINES_PATH}`,
    },
    companyId: scope.companyId,
    to: { address: person.email, name: `${person.firstName} ${person.lastName}`, greetingName: person.firstName },
    language: person.language,
  });
};

/**
 * The administrator approves: the request's own use case runs now, in the same transaction — a new
 * eSIM is the line operation "new eSIM" (its QR code is e-mailed to the employee), a bundle change
 * is Manage service's change with its pro-rata lines on the next bill — and the employee is told.
 * If the use case refuses (the line changed since), nothing is written and the request stays pending.
 */
export const approveEmployeeRequest = async (deps: Deps, scope: CompanyScope, actor: AccountActor, id: string, lang: Lang) =>
  deps.db.transaction(async (tx) => {
    const request = await findEmployeeRequest(tx, scope, id, { forUpdate: true });
    if (!request) throw new AppError('EMPLOYEE_REQUEST.NOT_FOUND');
    const decision = decideEmployeeRequest(request.status, 'approve', 'administrator');
    if (!decision.ok) throw new AppError('EMPLOYEE_REQUEST.ILLEGAL_TRANSITION', { params: { status: request.status } });
    const inner = { ...deps, db: tx as unknown as Db };
    let impact = null;
    if (request.kind === 'new_esim') await requestSimSwap(inner, scope, actor, request.serviceId, { sim: { kind: 'esim' } });
    else impact = await changeService(inner, scope, actor, request.serviceId, { bundleCode: request.bundleCode!, optionCodes: request.optionCodes ?? [] }, lang);
    const done = await transitionEmployeeRequest(tx, deps, scope, request, 'approve', 'administrator', actor, null);
    await tellEmployee(tx, deps, scope, request, 'approved', actor, null, done.service?.msisdn ?? null);
    return { impact };
  });

/** The administrator refuses, with the reason the employee reads in the e-mail. */
export const refuseEmployeeRequest = async (deps: Deps, scope: CompanyScope, actor: AccountActor, id: string, reason: string) =>
  deps.db.transaction(async (tx) => {
    const request = await findEmployeeRequest(tx, scope, id, { forUpdate: true });
    if (!request) throw new AppError('EMPLOYEE_REQUEST.NOT_FOUND');
    const done = await transitionEmployeeRequest(tx, deps, scope, request, 'refuse', 'administrator', actor, reason);
    await tellEmployee(tx, deps, scope, request, 'refused', actor, done.decisionReason, done.service?.msisdn ?? null);
  });

/** The administrators' list: the company's requests in a status (pending by default), with who asked. */
export const listEmployeeRequests = async (deps: Pick<Deps, 'db'>, scope: CompanyScope, status: EmployeeRequestStatus, lang: Lang) => {
  const rows = await companyEmployeeRequests(deps.db, scope, status);
  return Promise.all(
    rows.map(async (r) => ({
      id: r.request.id,
      kind: r.request.kind,
      status: r.request.status,
      serviceId: r.request.serviceId,
      msisdn: r.msisdn,
      userName: `${r.firstName} ${r.lastName}`,
      email: r.email,
      currentBundleName: await bundleName(deps.db, r.currentBundleCode, lang),
      bundleName: await bundleName(deps.db, r.request.bundleCode, lang),
      note: r.request.note,
      decisionReason: r.request.decisionReason,
      decidedBy: r.request.decidedBy,
      createdAt: r.request.createdAt.toISOString(),
      decidedAt: r.request.decidedAt?.toISOString() ?? null,
    })),
  );
};

/** Before approving a bundle change: its billing impact, as Manage service shows it (writes nothing). A new eSIM costs nothing. */
export const previewEmployeeRequest = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, id: string, lang: Lang) => {
  const request = await findEmployeeRequest(deps.db, scope, id);
  if (!request) throw new AppError('EMPLOYEE_REQUEST.NOT_FOUND');
  if (request.kind !== 'bundle_change' || request.status !== 'pending') return { impact: null };
  return { impact: await previewChange(deps, scope, request.serviceId, { bundleCode: request.bundleCode!, optionCodes: request.optionCodes ?? [] }, lang) };
};
