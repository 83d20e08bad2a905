import type { Deps } from '../../../deps.js';
import type { Actor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import { updateMobileUserDetails } from '../../mobile-users/index.js';
import { statusBeforeEntering } from '../../services/index.js';
import { portInDetailProblems, type PortInDetails } from '../../services/domain/wizard-rules.js';
import { loadActivation, updatePortIn } from '../activation.repository.js';
import { changeActivation, queueResubmission, resumeEvent, retryFailedActivation, sendActivationMail } from './activation-process.js';

/** A new activation e-mail and link (the old link stops working), after correcting the address if asked. */
export const resendActivation = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string, email: string | undefined) => {
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

/** The administrator retries an activation whose network work failed for good: it goes on where it stopped. */
export const retryActivation = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string) =>
  deps.db.transaction(async (tx) => {
    const a = await loadActivation(tx, scope, serviceId, true);
    if (!a) throw new AppError('SERVICE.NOT_FOUND');
    if (a.service.status !== 'activation_failed') throw new AppError('SERVICE.NOT_ACTIVATION_FAILED');
    const failedFrom = (await statusBeforeEntering(tx, scope, serviceId, 'activation_failed')) ?? 'activation_started';
    await retryFailedActivation(tx, deps, scope, a, actor, failedFrom);
  });

export type PortCorrection = PortInDetails;

/**
 * The administrator corrects a refused port-in and sends it again: the same rules as step 5 of the
 * wizard, a new request to the network (a new idempotency key), and the service goes back to where
 * it was when the donor refused.
 */
export const resubmitPortIn = async (deps: Deps, scope: CompanyScope, actor: Actor, serviceId: string, fix: PortCorrection) =>
  deps.db.transaction(async (tx) => {
    const a = await loadActivation(tx, scope, serviceId, true);
    if (!a) throw new AppError('SERVICE.NOT_FOUND');
    if (a.service.status !== 'porting_refused' || !a.portIn) throw new AppError('SERVICE.NOT_PORTING_REFUSED');
    const { errors, donorSimNumber } = portInDetailProblems(fix);
    if (errors.length) throw new AppError('SERVICE.INVALID_CHOICES', { fieldErrors: errors });
    const attempt = a.portIn.attempt + 1;
    const corrected = {
      donorOperator: fix.donorOperator,
      accountType: fix.accountType,
      customerNumber: fix.accountType === 'postpaid' ? fix.customerNumber!.trim() : null,
      donorSimNumber: fix.accountType === 'prepaid' ? donorSimNumber : null,
      holderName: fix.holderName.trim(),
    };
    const { donorOperator, accountType, customerNumber, donorSimNumber: simNumber, holderName } = a.portIn;
    await updatePortIn(tx, scope, a.portIn.id, { ...corrected, status: 'submitted', attempt, refusalCode: null, refusalReason: null });
    await changeActivation(tx, deps, scope, a, actor, {
      event: resumeEvent(a),
      timeline: 'port_in_resubmitted',
      // the audit line keeps what was corrected
      audit: { before: { donorOperator, accountType, customerNumber, donorSimNumber: simNumber, holderName }, after: corrected },
    });
    await queueResubmission(tx, deps, scope, a, attempt);
    return a.service.id;
  });
