import type { Deps } from '../../../deps.js';
import type { Queryable } from '../../../platform/db.js';
import { AppError, type ErrorCode, type FieldError } from '../../../platform/app-error.js';
import { isUniqueViolation } from '../../../platform/db-errors.js';
import type { CompanyScope } from '../../../platform/tenant.js';
import type { Actor } from '../../../platform/actor.js';
import { findMobileUserRow } from '../../mobile-users/index.js';
import { assignFixedNumber, countFreeEsims, findFixedNumber, findSimByIccid, mobileNumberStatus, reserveEsim, reserveMobileNumber, reserveSim } from '../../stock/index.js';
import { catalogProblems, choiceProblems, numberField, STEPS, type WizardDraft } from '../domain/wizard-rules.js';
import { catalogFacts, findPortCandidate, findServiceRow, insertPortIn, portInNumberState } from '../services.repository.js';
import { applyServiceChange, createService } from './apply-service-change.js';
import { scheduleStart, startActivation } from './start-activation.js';

/** A stock rule broken because someone else holds the item: a 409 with its own message, not a form mistake. */
type Problem = FieldError & { conflict?: ErrorCode };

const refuse = (problems: Problem[]): never => {
  const conflict = problems.find((p) => p.conflict)?.conflict;
  throw new AppError(conflict ?? 'SERVICE.INVALID_CHOICES', { fieldErrors: problems.map(({ conflict: _c, ...e }) => e) });
};

/**
 * Checks the wizard's choices up to `upto` against the catalog, the contract and the stock, and
 * returns what a save needs. Runs for every Next of the wizard and again inside the save's
 * transaction: the browser is never trusted to have checked anything.
 */
const evaluate = async (q: Queryable, scope: CompanyScope, draft: WizardDraft, upto: number, now: Date) => {
  const facts = await catalogFacts(q, scope, draft);
  const catalog = catalogProblems(draft, facts, Math.min(upto, STEPS.confirm));
  if (catalog.length) refuse(catalog);
  if (upto < STEPS.number) return null;
  const serviceType = facts.serviceType!;
  const { errors, normalized } = choiceProblems(draft, serviceType, upto, now);
  if (errors.length) refuse(errors);

  const problems: Problem[] = [];
  const n = upto >= STEPS.number ? draft.number : undefined;
  let portFrom: { id: string; msisdn: string } | null = null;
  if (n?.kind === 'new' && (await mobileNumberStatus(q, normalized.msisdn!)) !== 'free') {
    problems.push({ field: 'number.msisdn', rule: 'number_not_free', conflict: 'STOCK.MOBILE_NUMBER_TAKEN' });
  }
  if (n?.kind === 'port_in') {
    const state = await portInNumberState(q, normalized.msisdn!);
    if (state === 'pending') problems.push({ ...numberField('port_in'), rule: 'port_pending', conflict: 'PORTING.ALREADY_PENDING' });
    else if (state === 'ours') problems.push({ ...numberField('port_in'), rule: 'number_is_ours' });
  }
  if (n?.kind === 'port_internal') {
    const { row, moving } = await findPortCandidate(q, scope, n.serviceId);
    if (!row) problems.push({ field: 'number.serviceId', rule: 'not_found' });
    else if (row.status !== 'active' || !row.msisdn) problems.push({ field: 'number.serviceId', rule: 'not_active_service' });
    else if (moving) problems.push({ field: 'number.serviceId', rule: 'already_moving', conflict: 'PORTING.INTERNAL_ALREADY_MOVING' });
    else portFrom = { id: row.id, msisdn: row.msisdn };
  }

  const sim = upto >= STEPS.sim ? draft.sim : undefined;
  let simId: string | null = null;
  if (sim?.kind === 'admin_sim') {
    const row = await findSimByIccid(q, scope, normalized.iccid!);
    if (!row) problems.push({ field: 'sim.iccid', rule: 'sim_not_in_stock' });
    else if (row.kind !== 'physical') problems.push({ field: 'sim.iccid', rule: 'sim_is_esim' });
    else if (row.status !== 'in_stock') problems.push({ field: 'sim.iccid', rule: 'sim_in_use', conflict: 'STOCK.SIM_TAKEN' });
    else simId = row.id;
  }
  if (sim?.kind === 'esim' && (await countFreeEsims(q, scope)) === 0) {
    problems.push({ field: 'sim.kind', rule: 'esim_none_left', conflict: 'STOCK.ESIM_NONE_LEFT' });
  }

  const fixed = upto >= STEPS.fixedNumber ? draft.fixedNumber : undefined;
  let fixedFrom: string | null = null;
  if (fixed) {
    const found = await findFixedNumber(q, scope, fixed.fixedNumberId);
    const field = 'fixedNumber.fixedNumberId';
    // Another company's fixed number is "not found" here, exactly like one that does not exist.
    if (!found) problems.push({ field, rule: 'not_found' });
    else if (fixed.kind === 'available' && found.number.status !== 'available') problems.push({ field, rule: 'fixed_not_available', conflict: 'STOCK.FIXED_NUMBER_TAKEN' });
    else if (fixed.kind === 'take_over' && (found.number.status !== 'assigned' || found.holderStatus !== 'active')) problems.push({ field, rule: 'fixed_not_active' });
    else if (fixed.kind === 'take_over') fixedFrom = found.number.serviceId;
  }
  if (problems.length) refuse(problems);
  return { serviceType, normalized, portFrom, simId, fixedFrom };
};

const requireUser = async (q: Queryable, scope: CompanyScope, mobileUserId: string) => {
  const user = await findMobileUserRow(q, scope, mobileUserId);
  if (!user) throw new AppError('MOBILE_USER.NOT_FOUND');
  return user;
};

/** "Next" of a wizard step: the same checks as Save, up to that step, writing nothing. */
export const checkWizardStep = async (deps: Pick<Deps, 'db' | 'clock'>, scope: CompanyScope, mobileUserId: string, step: number, draft: WizardDraft) => {
  await requireUser(deps.db, scope, mobileUserId);
  await evaluate(deps.db, scope, draft, step, deps.clock.now());
};

/**
 * Save's checks of a whole draft, for a caller that has no mobile user yet (a bulk import's dry run
 * and its rows): the rule broken, field by field, or none. The same `evaluate` as the wizard's.
 */
export const serviceChoiceProblems = async (q: Queryable, scope: CompanyScope, draft: WizardDraft, now: Date): Promise<FieldError[]> => {
  try {
    await evaluate(q, scope, draft, STEPS.activation, now);
    return [];
  } catch (err) {
    if (err instanceof AppError && err.fieldErrors.length) return err.fieldErrors;
    throw err;
  }
};

/**
 * Save of the wizard: the service, its reservations, its timeline and its audit line in one
 * transaction. Every reservation is a conditional update (or a unique index), so of several saves
 * racing for the same SIM, number or fixed number exactly one commits; the others roll back whole.
 */
export const addService = async (deps: Deps, scope: CompanyScope, actor: Actor, mobileUserId: string, input: WizardDraft & { activation: NonNullable<WizardDraft['activation']> }) => {
  const now = deps.clock.now();
  try {
    return await deps.db.transaction(async (tx) => {
      await requireUser(tx, scope, mobileUserId);
      const plan = (await evaluate(tx, scope, input, STEPS.activation, now))!;
      const n = input.number;
      const values = {
        mobileUserId,
        serviceTypeCode: input.serviceTypeCode!,
        bundleCode: input.bundleCode!,
        optionCodes: input.optionCodes ?? [],
        msisdn: plan.portFrom?.msisdn ?? plan.normalized.msisdn,
        numberSource: n?.kind ?? null,
        portFromServiceId: plan.portFrom?.id ?? null,
        simChoice: input.sim?.kind ?? null,
        fixedNumberTakenFromServiceId: plan.fixedFrom,
        activationMethod: input.activation.method,
        activationTiming: input.activation.timing,
        createdByAccountId: actor.accountId,
      };
      // the audit line keeps what the administrator chose
      const { fixedNumberTakenFromServiceId: _f, portFromServiceId: _p, createdByAccountId: _c, ...chosen } = values;
      const service = await createService(tx, deps, scope, actor, values, chosen);

      if (n?.kind === 'new' && !(await reserveMobileNumber(tx, scope, plan.normalized.msisdn!, service.id))) {
        refuse([{ field: 'number.msisdn', rule: 'number_not_free', conflict: 'STOCK.MOBILE_NUMBER_TAKEN' }]);
      }
      if (n?.kind === 'port_in') {
        await insertPortIn(tx, {
          companyId: scope.companyId,
          serviceId: service.id,
          msisdn: plan.normalized.msisdn!,
          donorOperator: n.donorOperator,
          accountType: n.accountType,
          customerNumber: n.accountType === 'postpaid' ? n.customerNumber!.trim() : null,
          donorSimNumber: n.accountType === 'prepaid' ? plan.normalized.donorSimNumber : null,
          holderName: n.holderName.trim(),
        });
      }
      if (input.sim?.kind === 'admin_sim' && !(await reserveSim(tx, scope, plan.simId!, service.id))) {
        refuse([{ field: 'sim.iccid', rule: 'sim_in_use', conflict: 'STOCK.SIM_TAKEN' }]);
      }
      if (input.sim?.kind === 'esim' && !(await reserveEsim(tx, scope, service.id))) {
        refuse([{ field: 'sim.kind', rule: 'esim_none_left', conflict: 'STOCK.ESIM_NONE_LEFT' }]);
      }
      if (input.fixedNumber) {
        if (!(await assignFixedNumber(tx, scope, input.fixedNumber.fixedNumberId, service.id, plan.fixedFrom))) {
          refuse([{ field: 'fixedNumber.fixedNumberId', rule: plan.fixedFrom ? 'fixed_not_active' : 'fixed_not_available', conflict: 'STOCK.FIXED_NUMBER_TAKEN' }]);
        }
        const previous = plan.fixedFrom ? await findServiceRow(tx, scope, plan.fixedFrom, true) : null;
        if (previous) await applyServiceChange(tx, deps, scope, actor, previous, { timeline: 'fixed_number_taken_over' });
      }

      if (input.activation.timing === 'asap') await startActivation(tx, deps, scope, service, actor, null);
      else if (input.activation.scheduledStartAt) await scheduleStart(tx, deps, scope, service, actor, input.activation.scheduledStartAt);
      return service.id;
    });
  } catch (err) {
    // The unique indexes settle the races the conditional updates cannot see: a second port-in of
    // the same number, a second new service for the same internal number.
    if (isUniqueViolation(err, 'port_ins_open_msisdn_uq')) {
      throw new AppError('PORTING.ALREADY_PENDING', { fieldErrors: [{ ...numberField('port_in'), rule: 'port_pending' }] });
    }
    if (isUniqueViolation(err, 'services_open_port_from_uq')) {
      throw new AppError('PORTING.INTERNAL_ALREADY_MOVING', { fieldErrors: [{ field: 'number.serviceId', rule: 'already_moving' }] });
    }
    throw err;
  }
};
