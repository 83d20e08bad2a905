import type { FieldError } from '../../../platform/app-error.js';
import { iccidProblem, normalizeIccid } from '../../stock/domain/iccid.js';
import { checkBelgianMobile } from '../../stock/domain/phone-numbers.js';
import { isDonorOperator } from './donor-operators.js';

/**
 * The rules of the Add Service wizard that need no database: which sections a service type needs,
 * the format of every field, and how the choices fit together. Stock rules (is this SIM ours and
 * unused, is this number free) need the database and live in the use case; both run on every check
 * and again on save, so a crafted request cannot skip a step.
 */
export const STEPS = { productType: 1, serviceType: 2, bundle: 3, confirm: 4, number: 5, sim: 6, fixedNumber: 7, activation: 8 } as const;

export type NumberChoice =
  | { kind: 'new'; msisdn: string }
  | {
      kind: 'port_in';
      msisdn: string;
      donorOperator: string;
      accountType: 'postpaid' | 'prepaid';
      customerNumber?: string | null | undefined;
      donorSimNumber?: string | null | undefined;
      holderName: string;
    }
  | { kind: 'port_internal'; serviceId: string };
export type SimChoice = { kind: 'user_enters' } | { kind: 'admin_sim'; iccid: string } | { kind: 'esim' };
export type FixedNumberChoice = { kind: 'available' | 'take_over'; fixedNumberId: string };
export type ActivationChoice = { method: 'email' | 'automatic'; timing: 'asap' | 'later'; scheduledStartAt?: Date | null | undefined };

export type WizardDraft = {
  productTypeCode?: string | undefined;
  serviceTypeCode?: string | undefined;
  bundleCode?: string | undefined;
  optionCodes?: string[] | undefined;
  number?: NumberChoice | undefined;
  sim?: SimChoice | undefined;
  fixedNumber?: FixedNumberChoice | undefined;
  activation?: ActivationChoice | undefined;
};

/** What the catalog and the contract say about the codes the draft names. */
export type CatalogFacts = {
  contractProducts: readonly string[];
  serviceType: { code: string; productTypeCode: string; needsSim: boolean; needsMobileNumber: boolean; needsFixedNumber: boolean } | null;
  bundle: { code: string; serviceTypeCode: string } | null;
  allowedOptionCodes: readonly string[];
};

export const MAX_SCHEDULE_DAYS = 90;
const CUSTOMER_NUMBER = /^[A-Za-z0-9][A-Za-z0-9 ./-]{2,29}$/;

const err = (field: string, rule: string, params?: Record<string, string | number>): FieldError => (params ? { field, rule, params } : { field, rule });

/** The number of step 5: a port-in's is the "Number to port" on the form, a new one's just the mobile number. */
export const numberField = (kind: NumberChoice['kind']): Pick<FieldError, 'field' | 'label'> =>
  kind === 'port_in' ? { field: 'number.msisdn', label: 'portMsisdn' } : { field: 'number.msisdn' };

/** Steps 1–4: the product is contracted, the service type is of that product, the bundle of that type, the options allowed for it. */
export const catalogProblems = (draft: WizardDraft, facts: CatalogFacts, upto: number): FieldError[] => {
  const errors: FieldError[] = [];
  if (upto >= STEPS.productType) {
    if (!draft.productTypeCode) return [err('productTypeCode', 'required')];
    if (!facts.contractProducts.includes(draft.productTypeCode)) return [err('productTypeCode', 'not_in_contract')];
  }
  if (upto >= STEPS.serviceType) {
    if (!draft.serviceTypeCode) return [err('serviceTypeCode', 'required')];
    if (!facts.serviceType || facts.serviceType.productTypeCode !== draft.productTypeCode) return [err('serviceTypeCode', 'not_for_product')];
  }
  if (upto >= STEPS.bundle) {
    if (!draft.bundleCode) return [err('bundleCode', 'required')];
    if (!facts.bundle || facts.bundle.serviceTypeCode !== draft.serviceTypeCode) return [err('bundleCode', 'not_for_service_type')];
    (draft.optionCodes ?? []).forEach((code, i) => {
      if (!facts.allowedOptionCodes.includes(code)) errors.push(err(`optionCodes.${i}`, 'not_for_bundle'));
    });
    if (new Set(draft.optionCodes ?? []).size !== (draft.optionCodes ?? []).length) errors.push(err('optionCodes', 'duplicate'));
  }
  return errors;
};

/** Normalized values of the draft's number and SIM (E.164, digits-only ICCID), once they are well-formed. */
export type Normalized = { msisdn: string | null; iccid: string | null; donorSimNumber: string | null };

/** Steps 5–8: the sections the service type needs, each field's format, and the activation rules. */
export const choiceProblems = (
  draft: WizardDraft,
  serviceType: NonNullable<CatalogFacts['serviceType']>,
  upto: number,
  now: Date,
): { errors: FieldError[]; normalized: Normalized } => {
  const errors: FieldError[] = [];
  const normalized: Normalized = { msisdn: null, iccid: null, donorSimNumber: null };
  const section = (key: 'number' | 'sim' | 'fixedNumber', step: number, needed: boolean) => {
    if (upto < step) return false;
    if (!needed) {
      if (draft[key]) errors.push(err(key, 'not_applicable'));
      return false;
    }
    if (!draft[key]) {
      errors.push(err(`${key}.kind`, 'required'));
      return false;
    }
    return true;
  };

  if (section('number', STEPS.number, serviceType.needsMobileNumber) && draft.number) {
    const n = draft.number;
    if (n.kind === 'new' || n.kind === 'port_in') {
      const checked = checkBelgianMobile(n.msisdn);
      if (checked.ok) normalized.msisdn = checked.e164;
      else errors.push({ ...numberField(n.kind), rule: checked.rule });
    }
    if (n.kind === 'port_in') {
      const details = portInDetailProblems(n, 'number.');
      errors.push(...details.errors);
      normalized.donorSimNumber = details.donorSimNumber;
    }
  }

  if (section('sim', STEPS.sim, serviceType.needsSim) && draft.sim?.kind === 'admin_sim') {
    const iccid = normalizeIccid(draft.sim.iccid);
    const problem = iccidProblem(iccid);
    if (problem) errors.push(err('sim.iccid', problem));
    else normalized.iccid = iccid;
  }

  section('fixedNumber', STEPS.fixedNumber, serviceType.needsFixedNumber);

  if (upto >= STEPS.activation) {
    const a = draft.activation;
    if (!a) errors.push(err('activation.method', 'required'));
    else {
      // "Automatically" is only possible when nobody has to type anything in: the user would enter the SIM.
      if (a.method === 'automatic' && serviceType.needsSim && draft.sim?.kind === 'user_enters') errors.push(err('activation.method', 'automatic_needs_sim'));
      if (a.scheduledStartAt) {
        if (a.timing !== 'later') errors.push(err('activation.scheduledStartAt', 'not_applicable'));
        else errors.push(...scheduleProblems(a.scheduledStartAt, now, 'activation.scheduledStartAt'));
      }
    }
  }
  return { errors, normalized };
};

export type PortInDetails = Omit<Extract<NumberChoice, { kind: 'port_in' }>, 'kind' | 'msisdn'>;

/**
 * The donor's details of a port-in (operator, customer number or donor SIM number, holder): the
 * wizard's step 5 and the correction of a refused port-in both check them here. `prefix` names the
 * fields as the caller's request does ("number." in the wizard, nothing in the correction).
 */
export const portInDetailProblems = (n: PortInDetails, prefix = ''): { errors: FieldError[]; donorSimNumber: string | null } => {
  const errors: FieldError[] = [];
  let donorSimNumber: string | null = null;
  if (!n.donorOperator.trim()) errors.push(err(`${prefix}donorOperator`, 'required'));
  else if (!isDonorOperator(n.donorOperator)) errors.push(err(`${prefix}donorOperator`, 'invalid_choice'));
  if (!n.holderName.trim()) errors.push(err(`${prefix}holderName`, 'required'));
  if (n.accountType === 'postpaid') {
    const customer = (n.customerNumber ?? '').trim();
    if (!customer) errors.push(err(`${prefix}customerNumber`, 'required'));
    else if (!CUSTOMER_NUMBER.test(customer)) errors.push(err(`${prefix}customerNumber`, 'customer_number_format'));
    if (n.donorSimNumber) errors.push(err(`${prefix}donorSimNumber`, 'not_applicable'));
  } else {
    const sim = normalizeIccid(n.donorSimNumber ?? '');
    const problem = iccidProblem(sim);
    if (problem) errors.push(err(`${prefix}donorSimNumber`, problem));
    else donorSimNumber = sim;
    if (n.customerNumber) errors.push(err(`${prefix}customerNumber`, 'not_applicable'));
  }
  return { errors, donorSimNumber };
};

/** A scheduled start is in the future and at most MAX_SCHEDULE_DAYS ahead. */
export const scheduleProblems = (startAt: Date, now: Date, field: string): FieldError[] => {
  if (startAt.getTime() <= now.getTime()) return [err(field, 'in_past')];
  if (startAt.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) return [err(field, 'too_far', { maximum: MAX_SCHEDULE_DAYS })];
  return [];
};
