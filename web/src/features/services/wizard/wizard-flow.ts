import type { CatalogServiceType, ServiceDetail } from '../../../shared/api/contract';
import { missingPortInFields, PORT_IN_LABELS } from '../port-in';
import { scheduleProblem } from '../schedule';
import { CHECKED_STEPS, firstIncompleteStep, nextStep, stepApplies, stepKey, type PortDetails, type Selection, type WizardChoices } from './wizard-state';

// How the Add Service wizard moves: which step it shows, what its Next refuses before asking the
// server, which server check a Next or a jump needs, which errors a change makes obsolete, and the
// words under each step and after Save. Plain functions of the state (wizard-state.ts), so that
// AddServicePage only wires them to React and the rules can be tested alone. Texts are returned as
// translation keys with their values; the page translates them.

/** A message to show, as a translation key and its values. `label` names a field by its `fields.*` key. */
export type Message = { key: string; ns?: 'common'; values?: Record<string, string>; label?: string };

/** The step to show for the one the address asks for: never past the first unfinished one, never one that does not apply. */
export const shownStep = (requested: number, choices: WizardChoices, port: PortDetails, selection: Selection): number => {
  const step = Math.min(requested, firstIncompleteStep(choices, port, selection));
  return stepApplies(step, selection.serviceType) ? step : nextStep(step, selection.serviceType);
};

/** Whether the stepper may jump to a step: back to any that applies, ahead up to the first unfinished one. */
export const stepSelectable = (at: number, step: number, reachable: number, serviceType: CatalogServiceType | null): boolean =>
  stepApplies(at, serviceType) && at !== step && (at < step || at <= reachable);

/** The step the server must check before going past `upTo`: the last checked step that applies, or null when none. */
export const serverCheckFor = (upTo: number, serviceType: CatalogServiceType | null): number | null => {
  for (let step = upTo; step > 0; step -= 1) if (CHECKED_STEPS.has(step) && stepApplies(step, serviceType)) return step;
  return null;
};

const required = (label: string): Message => ({ key: 'rules.required', ns: 'common', label });

/**
 * What Next of a step refuses without asking the server: every choice that was not made and every
 * port-in detail left empty, all at once (the server then judges the formats).
 */
export const missingChoices = (step: number, choices: WizardChoices, port: PortDetails, selection: Selection, now = Date.now()): Record<string, Message> => {
  const missing: Record<string, Message> = {};
  const need = (field: string, ok: boolean, key: string) => {
    if (!ok) missing[field] = { key };
  };
  switch (stepKey(step)) {
    case 'product':
      need('productTypeCode', selection.productType !== null, 'wizard.required.product');
      break;
    case 'serviceType':
      need('serviceTypeCode', selection.serviceType !== null, 'wizard.required.serviceType');
      break;
    case 'bundle':
      need('bundleCode', selection.bundle !== null, 'wizard.required.bundle');
      break;
    case 'number':
      need('number.kind', choices.numberKind !== null, 'wizard.required.numberKind');
      if (choices.numberKind === 'new') need('number.msisdn', choices.newMsisdn !== null, 'wizard.required.newNumber');
      if (choices.numberKind === 'port_internal') need('number.serviceId', choices.portFromServiceId !== null, 'wizard.required.portService');
      if (choices.numberKind === 'port_in') {
        const values = { ...port, msisdn: choices.portMsisdn, donorOperator: choices.donorOperator, accountType: choices.accountType };
        for (const field of missingPortInFields(values)) missing[`number.${field}`] = required(PORT_IN_LABELS[field]);
      }
      break;
    case 'sim':
      need('sim.kind', choices.simKind !== null, 'wizard.required.sim');
      break;
    case 'fixedNumber':
      need('fixedNumber.kind', choices.fixedKind !== null, 'wizard.required.fixedKind');
      if (choices.fixedKind) need('fixedNumber.fixedNumberId', choices.fixedNumberId !== null, 'wizard.required.fixedNumber');
      break;
    case 'activation': {
      need('activation.method', choices.method !== null, 'wizard.required.method');
      need('activation.timing', choices.timing !== null, 'wizard.required.timing');
      const problem = choices.timing === 'later' && choices.startAt ? scheduleProblem(choices.startAt, now) : null;
      if (problem) missing['activation.scheduledStartAt'] = { key: `wizard.schedule.${problem}` };
      break;
    }
    case 'confirm':
      break;
  }
  return missing;
};

/** Server errors to drop when a choice changes: the fields that choice feeds ("number." is the whole section). */
const FIELDS_OF: Record<keyof WizardChoices | keyof PortDetails, string[]> = {
  productTypeCode: ['productTypeCode'],
  serviceTypeCode: ['serviceTypeCode'],
  bundleCode: ['bundleCode', 'optionCodes'],
  optionCodes: ['optionCodes'],
  numberKind: ['number.'],
  newMsisdn: ['number.msisdn'],
  portMsisdn: ['number.msisdn'],
  donorOperator: ['number.donorOperator'],
  accountType: ['number.accountType', 'number.customerNumber', 'number.donorSimNumber'],
  portFromServiceId: ['number.serviceId'],
  customerNumber: ['number.customerNumber'],
  donorSimNumber: ['number.donorSimNumber'],
  holderName: ['number.holderName'],
  simKind: ['sim.', 'activation.method'],
  iccid: ['sim.iccid'],
  fixedKind: ['fixedNumber.'],
  fixedNumberId: ['fixedNumber.fixedNumberId'],
  method: ['activation.method'],
  timing: ['activation.timing', 'activation.scheduledStartAt'],
  startAt: ['activation.scheduledStartAt'],
};

/** The errors that still stand after the given choices changed. */
export const withoutFieldsOf = <E>(errors: Record<string, E>, changed: readonly string[]): Record<string, E> => {
  const prefixes = changed.flatMap((key) => FIELDS_OF[key as keyof typeof FIELDS_OF] ?? []);
  return Object.fromEntries(Object.entries(errors).filter(([field]) => !prefixes.some((prefix) => (prefix.endsWith('.') ? field.startsWith(prefix) : field === prefix))));
};

/** Under a step's label in the stepper: what was chosen there (for steps already done), or that it does not apply. */
export type StepSummary =
  | { kind: 'notNeeded' }
  | { kind: 'name'; name: string }
  | { kind: 'price'; cents: number }
  | { kind: 'phone'; msisdn: string }
  | { kind: 'message'; message: Message; phone?: string }
  | { kind: 'simChoice'; simKind: NonNullable<WizardChoices['simKind']> };

export const stepSummary = (at: number, step: number, choices: WizardChoices, selection: Selection, monthlyCents: number | null): StepSummary | null => {
  if (!stepApplies(at, selection.serviceType)) return { kind: 'notNeeded' };
  if (at >= step) return null;
  const name = (value: string | undefined) => (value === undefined ? null : ({ kind: 'name', name: value }) as const);
  switch (stepKey(at)) {
    case 'product':
      return name(selection.productType?.name);
    case 'serviceType':
      return name(selection.serviceType?.name);
    case 'bundle':
      return name(selection.bundle?.name);
    case 'confirm':
      return monthlyCents === null ? null : { kind: 'price', cents: monthlyCents };
    case 'number':
      if (choices.numberKind === 'new' && choices.newMsisdn) return { kind: 'phone', msisdn: choices.newMsisdn };
      if (choices.numberKind === 'port_in') return { kind: 'message', message: { key: 'wizard.stepSummary.portIn' }, phone: choices.portMsisdn };
      return choices.numberKind === 'port_internal' ? { kind: 'message', message: { key: 'wizard.stepSummary.portInternal' } } : null;
    case 'sim':
      return choices.simKind ? { kind: 'simChoice', simKind: choices.simKind } : null;
    case 'fixedNumber':
      return choices.fixedKind ? { kind: 'message', message: { key: `wizard.stepSummary.fixed_${choices.fixedKind}` } } : null;
    default:
      return null;
  }
};

/** After Save: what happens next, in the administrator's words (the scheduled time is formatted by the page). */
export const savedMessage = (service: Pick<ServiceDetail, 'status' | 'scheduledStartAt' | 'activationMethod'>, user: { firstName: string; lastName: string; email: string }): Message & { at?: string } => {
  const name = `${user.firstName} ${user.lastName}`;
  if (service.status === 'waiting_for_activation') {
    return service.scheduledStartAt ? { key: 'wizard.saved.scheduled', values: { name }, at: service.scheduledStartAt } : { key: 'wizard.saved.waiting', values: { name } };
  }
  return service.activationMethod === 'email' ? { key: 'wizard.saved.emailSent', values: { name, email: user.email } } : { key: 'wizard.saved.started', values: { name } };
};
