import type {
  AccountType,
  ActivationMethod,
  ActivationTiming,
  Catalog,
  CatalogBundle,
  CatalogProductType,
  CatalogServiceType,
  FixedKind,
  NumberKind,
  SimChoiceKind,
  WizardInput,
} from '../../../shared/api/contract';
import { brusselsLocalToIso } from '../../../shared/time/brussels';
import { optionsKeptFor } from '../bundle-choice';
import { portInDetailsInput } from '../port-in';

// The Add Service wizard's state and rules, apart from React so they can be tested alone.
// The choices live in the address bar (a reload or a shared link keeps them); the donor
// operator's customer number, SIM number and holder name do not: they are personal details that
// must not end up in browser history or server logs, and stay in the tab's session storage.

/** The steps in the seeds' order; a step's number (1–8) is what the check endpoint calls `step`. */
export const STEPS = ['product', 'serviceType', 'bundle', 'confirm', 'number', 'sim', 'fixedNumber', 'activation'] as const;
export type StepKey = (typeof STEPS)[number];
export const LAST_STEP = STEPS.length;

export const stepKey = (step: number): StepKey => STEPS[Math.min(Math.max(step, 1), LAST_STEP) - 1]!;

/** Steps whose Next asks the server first (4 is a summary, 8 is checked by Save itself). */
export const CHECKED_STEPS: ReadonlySet<number> = new Set([1, 2, 3, 5, 6, 7]);

export type WizardChoices = {
  productTypeCode: string | null;
  serviceTypeCode: string | null;
  bundleCode: string | null;
  optionCodes: string[];
  numberKind: NumberKind | null;
  /** The free number picked for a new number. */
  newMsisdn: string | null;
  /** The number to port from another operator, as typed. */
  portMsisdn: string;
  donorOperator: string | null;
  accountType: AccountType | null;
  portFromServiceId: string | null;
  simKind: SimChoiceKind | null;
  iccid: string;
  fixedKind: FixedKind | null;
  fixedNumberId: string | null;
  method: ActivationMethod | null;
  timing: ActivationTiming | null;
  /** "YYYY-MM-DDTHH:mm" in Belgian time, or '' (start by hand). */
  startAt: string;
};

export type WizardState = WizardChoices & { step: number };

/** Port-in details kept out of the address bar. */
export type PortDetails = { customerNumber: string; donorSimNumber: string; holderName: string };

export const EMPTY_CHOICES: WizardChoices = {
  productTypeCode: null,
  serviceTypeCode: null,
  bundleCode: null,
  optionCodes: [],
  numberKind: null,
  newMsisdn: null,
  portMsisdn: '',
  donorOperator: null,
  accountType: null,
  portFromServiceId: null,
  simKind: null,
  iccid: '',
  fixedKind: null,
  fixedNumberId: null,
  method: null,
  timing: null,
  startAt: '',
};

export const EMPTY_PORT_DETAILS: PortDetails = { customerNumber: '', donorSimNumber: '', holderName: '' };

// ---------------------------------------------------------------- address bar

const PARAM = {
  step: 'step',
  productTypeCode: 'product',
  serviceTypeCode: 'type',
  bundleCode: 'bundle',
  optionCodes: 'options',
  numberKind: 'number',
  newMsisdn: 'msisdn',
  portMsisdn: 'port',
  donorOperator: 'donor',
  accountType: 'account',
  portFromServiceId: 'from',
  simKind: 'sim',
  iccid: 'iccid',
  fixedKind: 'fixed',
  fixedNumberId: 'fixedId',
  method: 'method',
  timing: 'timing',
  startAt: 'startAt',
} as const satisfies Record<keyof WizardState, string>;

const oneOf = <T extends string>(values: readonly T[], raw: string | null): T | null =>
  raw !== null && (values as readonly string[]).includes(raw) ? (raw as T) : null;

/** A short free value from the address (codes, ids, numbers); anything odd counts as not chosen. */
const text = (raw: string | null, max = 64): string | null => {
  const value = raw?.trim() ?? '';
  return value && value.length <= max ? value : null;
};

export const readWizardParams = (params: URLSearchParams): WizardState => {
  const step = Number(params.get(PARAM.step));
  const startAt = params.get(PARAM.startAt) ?? '';
  return {
    step: Number.isInteger(step) && step >= 1 && step <= LAST_STEP ? step : 1,
    productTypeCode: text(params.get(PARAM.productTypeCode)),
    serviceTypeCode: text(params.get(PARAM.serviceTypeCode)),
    bundleCode: text(params.get(PARAM.bundleCode)),
    optionCodes: [...new Set((params.get(PARAM.optionCodes) ?? '').split(',').map((code) => code.trim()).filter((code) => code && code.length <= 64))],
    numberKind: oneOf(['new', 'port_in', 'port_internal'], params.get(PARAM.numberKind)),
    newMsisdn: text(params.get(PARAM.newMsisdn), 20),
    portMsisdn: text(params.get(PARAM.portMsisdn), 32) ?? '',
    donorOperator: text(params.get(PARAM.donorOperator)),
    accountType: oneOf(['postpaid', 'prepaid'], params.get(PARAM.accountType)),
    portFromServiceId: text(params.get(PARAM.portFromServiceId)),
    simKind: oneOf(['user_enters', 'admin_sim', 'esim'], params.get(PARAM.simKind)),
    iccid: text(params.get(PARAM.iccid), 32) ?? '',
    fixedKind: oneOf(['available', 'take_over'], params.get(PARAM.fixedKind)),
    fixedNumberId: text(params.get(PARAM.fixedNumberId)),
    method: oneOf(['email', 'automatic'], params.get(PARAM.method)),
    timing: oneOf(['asap', 'later'], params.get(PARAM.timing)),
    startAt: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startAt) ? startAt : '',
  };
};

/** The address bar's parameters for a state: only what is chosen, step 1 left out. */
export const writeWizardParams = (state: WizardState): URLSearchParams => {
  const params = new URLSearchParams();
  if (state.step !== 1) params.set(PARAM.step, String(state.step));
  for (const key of Object.keys(PARAM) as (keyof WizardState)[]) {
    if (key === 'step') continue;
    const value = state[key];
    if (Array.isArray(value)) {
      if (value.length) params.set(PARAM[key], value.join(','));
    } else if (value !== null && value !== '') params.set(PARAM[key], String(value));
  }
  return params;
};

// ---------------------------------------------------------------- catalog look-ups

export type Selection = {
  productType: CatalogProductType | null;
  serviceType: CatalogServiceType | null;
  bundle: CatalogBundle | null;
};

/** The catalog entries the choices point at; a code the catalog does not know is no choice. */
export const selectionOf = (catalog: Catalog, choices: WizardChoices): Selection => {
  const productType = catalog.productTypes.find((p) => p.code === choices.productTypeCode) ?? null;
  const serviceType = productType?.serviceTypes.find((s) => s.code === choices.serviceTypeCode) ?? null;
  const bundle = serviceType?.bundles.find((b) => b.code === choices.bundleCode) ?? null;
  return { productType, serviceType, bundle };
};

// ---------------------------------------------------------------- which steps apply

/**
 * Whether a step is part of the wizard for a service type. Until the service type is known,
 * every step counts (the stepper shows them all).
 */
export const stepApplies = (step: number, serviceType: CatalogServiceType | null): boolean => {
  if (!serviceType) return true;
  switch (stepKey(step)) {
    case 'number':
      return serviceType.needsMobileNumber;
    case 'sim':
      return serviceType.needsSim;
    case 'fixedNumber':
      return serviceType.needsFixedNumber;
    default:
      return true;
  }
};

export const nextStep = (step: number, serviceType: CatalogServiceType | null): number => {
  let next = step + 1;
  while (next <= LAST_STEP && !stepApplies(next, serviceType)) next += 1;
  return Math.min(next, LAST_STEP);
};

export const previousStep = (step: number, serviceType: CatalogServiceType | null): number => {
  let previous = step - 1;
  while (previous > 1 && !stepApplies(previous, serviceType)) previous -= 1;
  return Math.max(previous, 1);
};

/** "Start automatically" needs no input from the user: the admin entered the SIM, an eSIM, or no SIM at all. */
export const automaticAllowed = (choices: WizardChoices, serviceType: CatalogServiceType | null): boolean =>
  serviceType !== null && (!serviceType.needsSim || choices.simKind === 'admin_sim' || choices.simKind === 'esim');

/** Whether a step has everything it needs locally (the server may still refuse it). */
export const stepComplete = (step: number, choices: WizardChoices, port: PortDetails, selection: Selection): boolean => {
  if (!stepApplies(step, selection.serviceType)) return true;
  switch (stepKey(step)) {
    case 'product':
      return selection.productType !== null;
    case 'serviceType':
      return selection.serviceType !== null;
    case 'bundle':
    case 'confirm':
      return selection.bundle !== null;
    case 'number':
      switch (choices.numberKind) {
        case 'new':
          return choices.newMsisdn !== null;
        case 'port_in':
          return (
            choices.portMsisdn.trim() !== '' &&
            choices.donorOperator !== null &&
            choices.accountType !== null &&
            port.holderName.trim() !== '' &&
            (choices.accountType === 'postpaid' ? port.customerNumber.trim() !== '' : port.donorSimNumber.trim() !== '')
          );
        case 'port_internal':
          return choices.portFromServiceId !== null;
        default:
          return false;
      }
    case 'sim':
      return choices.simKind !== null && (choices.simKind !== 'admin_sim' || choices.iccid.trim() !== '');
    case 'fixedNumber':
      return choices.fixedKind !== null && choices.fixedNumberId !== null;
    case 'activation':
      return choices.method !== null && choices.timing !== null && (choices.method !== 'automatic' || automaticAllowed(choices, selection.serviceType));
  }
};

/** The first step still missing something (LAST_STEP + 1 when all are done). */
export const firstIncompleteStep = (choices: WizardChoices, port: PortDetails, selection: Selection): number => {
  for (let step = 1; step <= LAST_STEP; step += 1) if (!stepComplete(step, choices, port, selection)) return step;
  return LAST_STEP + 1;
};

/** Has the administrator chosen anything yet (then Cancel asks before throwing it away)? */
export const hasChoices = (choices: WizardChoices, port: PortDetails): boolean =>
  (Object.keys(EMPTY_CHOICES) as (keyof WizardChoices)[]).some((key) => {
    const value = choices[key];
    return Array.isArray(value) ? value.length > 0 : value !== null && value !== '';
  }) || Object.values(port).some((value) => value.trim() !== '');

// ---------------------------------------------------------------- changing a choice

/**
 * Applies a change and clears the later choices that no longer fit: another product type or
 * service type empties the bundle and options; a service type without SIM, mobile number or fixed
 * number drops those sections; a new bundle keeps only the options it allows; each radio choice
 * drops the details of the alternatives; "start automatically" goes when the user must enter the SIM.
 */
export const changeChoices = (catalog: Catalog, current: WizardChoices, change: Partial<WizardChoices>): WizardChoices => {
  const next: WizardChoices = { ...current, ...change };
  // (a change that sets the later choice too, such as a whole set at once, keeps it)
  if (next.productTypeCode !== current.productTypeCode && !('serviceTypeCode' in change)) next.serviceTypeCode = null;
  if (next.serviceTypeCode !== current.serviceTypeCode || next.productTypeCode !== current.productTypeCode) {
    if (!('bundleCode' in change)) next.bundleCode = null;
    if (!('optionCodes' in change)) next.optionCodes = [];
  }
  const { serviceType, bundle } = selectionOf(catalog, next);
  if (serviceType && !serviceType.needsMobileNumber) next.numberKind = null;
  if (serviceType && !serviceType.needsSim) next.simKind = null;
  if (serviceType && !serviceType.needsFixedNumber) next.fixedKind = null;
  next.optionCodes = optionsKeptFor(bundle, next.optionCodes);

  if (next.numberKind !== 'new') next.newMsisdn = null;
  if (next.numberKind !== 'port_in') {
    next.portMsisdn = '';
    next.donorOperator = null;
    next.accountType = null;
  }
  if (next.numberKind !== 'port_internal') next.portFromServiceId = null;
  if (next.simKind !== 'admin_sim') next.iccid = '';
  // available and active fixed numbers are different lists
  if ((next.fixedKind !== current.fixedKind && !('fixedNumberId' in change)) || next.fixedKind === null) next.fixedNumberId = null;
  if (next.method === 'automatic' && serviceType && !automaticAllowed(next, serviceType)) next.method = null;
  if (next.timing !== 'later') next.startAt = '';
  return next;
};

// ---------------------------------------------------------------- what goes to the server

const numberInput = (choices: WizardChoices, port: PortDetails): WizardInput['number'] | undefined => {
  switch (choices.numberKind) {
    case 'new':
      return { kind: 'new', msisdn: choices.newMsisdn ?? '' };
    case 'port_in':
      return { kind: 'port_in', msisdn: choices.portMsisdn.trim(), ...portInDetailsInput({ ...port, donorOperator: choices.donorOperator, accountType: choices.accountType }) };
    case 'port_internal':
      return { kind: 'port_internal', serviceId: choices.portFromServiceId ?? '' };
    default:
      return undefined;
  }
};

const simInput = (choices: WizardChoices): WizardInput['sim'] | undefined => {
  switch (choices.simKind) {
    case 'user_enters':
      return { kind: 'user_enters' };
    case 'admin_sim':
      return { kind: 'admin_sim', iccid: choices.iccid.replace(/[\s-]/g, '') };
    case 'esim':
      return { kind: 'esim' };
    default:
      return undefined;
  }
};

/**
 * The wizard input for steps 1..upTo: sections of later steps, and sections the service type does
 * not need (the server refuses those), are left out.
 */
export const toWizardInput = (
  choices: WizardChoices,
  port: PortDetails,
  serviceType: CatalogServiceType | null,
  upTo: number = LAST_STEP,
): Partial<WizardInput> => {
  const input: Partial<WizardInput> = {};
  if (choices.productTypeCode) input.productTypeCode = choices.productTypeCode;
  if (upTo >= 2 && choices.serviceTypeCode) input.serviceTypeCode = choices.serviceTypeCode;
  if (upTo >= 3) {
    if (choices.bundleCode) input.bundleCode = choices.bundleCode;
    input.optionCodes = choices.optionCodes;
  }
  if (upTo >= 5 && stepApplies(5, serviceType)) {
    const number = numberInput(choices, port);
    if (number) input.number = number;
  }
  if (upTo >= 6 && stepApplies(6, serviceType)) {
    const sim = simInput(choices);
    if (sim) input.sim = sim;
  }
  if (upTo >= 7 && stepApplies(7, serviceType) && choices.fixedKind) {
    input.fixedNumber = { kind: choices.fixedKind, fixedNumberId: choices.fixedNumberId ?? '' };
  }
  if (upTo >= 8 && choices.method && choices.timing) {
    input.activation = {
      method: choices.method,
      timing: choices.timing,
      ...(choices.timing === 'later' ? { scheduledStartAt: choices.startAt ? brusselsLocalToIso(choices.startAt) : null } : {}),
    };
  }
  return input;
};

// ---------------------------------------------------------------- server errors

/** The step an error's field belongs to (`number.msisdn` → 5); the contract's field paths. */
export const stepOfField = (field: string): number => {
  const root = field.split('.')[0];
  switch (root) {
    case 'productTypeCode':
      return 1;
    case 'serviceTypeCode':
      return 2;
    case 'bundleCode':
    case 'optionCodes':
      return 3;
    case 'number':
      return 5;
    case 'sim':
      return 6;
    case 'fixedNumber':
      return 7;
    default:
      return 8;
  }
};

export type FieldErrors = Record<string, string>;

/** Server field errors by field path (the first message per field), and the earliest step they concern. */
export const groupFieldErrors = (errors: readonly { field: string; message: string }[]) => {
  const byField: FieldErrors = {};
  let step: number | null = null;
  for (const error of errors) {
    // "optionCodes.1" is about the options as a whole.
    const field = error.field.startsWith('optionCodes') ? 'optionCodes' : error.field;
    byField[field] ??= error.message;
    const of = stepOfField(field);
    step = step === null ? of : Math.min(step, of);
  }
  return { byField, step };
};
