import type { FileRequestInput, RequestableService, RequestKind, SupportTopic, TriedStep } from '../../shared/api/contract';

// The New request form's rules, apart from React: its values, what it sends for each kind, where the
// server's field errors belong, and what it says before sending (convenience only, in the server's
// words: the server checks all of it again, see modules/requests/domain/request-details.ts).

export type AddressValues = { street: string; postalCode: string; city: string; country: string };

export type RequestFormValues = {
  officeId: string | null;
  serviceIds: string[];
  movingDate: string;
  newAddress: AddressValues;
  otherServices: string;
  notes: string;
  addTarget: 'service' | 'office';
  deleteTarget: 'service' | 'office';
  wanted: string;
  newOffice: AddressValues & { name: string };
  desiredDate: string;
  serviceName: string;
  currentConfiguration: string;
  newConfiguration: string;
  reason: string;
  topic: SupportTopic;
  message: string;
  quantity: number | string;
  triedSteps: TriedStep[];
};

const emptyAddress = (): AddressValues => ({ street: '', postalCode: '', city: '', country: 'BE' });

export const initialRequestValues = (serviceIds: string[], topic: SupportTopic): RequestFormValues => ({
  officeId: null,
  serviceIds,
  movingDate: '',
  newAddress: emptyAddress(),
  otherServices: '',
  notes: '',
  addTarget: 'service',
  deleteTarget: 'service',
  wanted: '',
  newOffice: { ...emptyAddress(), name: '' },
  desiredDate: '',
  serviceName: '',
  currentConfiguration: '',
  newConfiguration: '',
  reason: '',
  topic,
  message: '',
  quantity: '',
  triedSteps: [],
});

/** Move, Change and Delete are about an office; Add too when it adds a service (not a new office). */
export const needsOffice = (kind: RequestKind, values: Pick<RequestFormValues, 'addTarget'>): boolean =>
  kind === 'move' || kind === 'change' || kind === 'delete' || (kind === 'add' && values.addTarget === 'service');

/**
 * The office that services chosen beforehand have in common (a Delete request offered by the 30 %
 * limit names the service; its Office is that service's user's), or null when they have none or
 * several.
 */
export const officeOfServices = (services: readonly Pick<RequestableService, 'id' | 'officeId'>[], ids: readonly string[]): string | null => {
  const offices = new Set(services.filter((service) => ids.includes(service.id)).map((service) => service.officeId));
  const [only] = offices;
  return offices.size === 1 && only ? only : null;
};

/** Where a field error of the server belongs in this form (null: nowhere, it goes in the alert). */
export const formPath = (field: string, kind: RequestKind): string | null => {
  if (field === 'officeId') return 'officeId';
  if (field === 'serviceIds' || field.startsWith('serviceIds.')) return 'serviceIds';
  if (field === 'details.target') return kind === 'add' ? 'addTarget' : 'deleteTarget';
  if (field.startsWith('details.')) return field.slice('details.'.length);
  return null;
};

const orNull = (s: string) => (s.trim() ? s.trim() : null);
const address = (a: AddressValues) => ({ street: a.street.trim(), postalCode: a.postalCode.trim(), city: a.city.trim(), country: a.country.trim() || 'BE' });

/** What is sent for each kind: only that kind's details, trimmed; empty optional texts as null. */
export const requestInput = (kind: RequestKind, v: RequestFormValues): FileRequestInput => {
  switch (kind) {
    case 'move':
      return { kind, officeId: v.officeId, serviceIds: v.serviceIds, details: { newAddress: address(v.newAddress), movingDate: v.movingDate, otherServices: orNull(v.otherServices), notes: orNull(v.notes) } };
    case 'add':
      return {
        kind,
        officeId: v.addTarget === 'service' ? v.officeId : null,
        details: { target: v.addTarget, wanted: v.wanted.trim(), newOffice: v.addTarget === 'office' ? { name: v.newOffice.name.trim(), ...address(v.newOffice) } : null, desiredDate: orNull(v.desiredDate), notes: orNull(v.notes) },
      };
    case 'change':
      return {
        kind,
        officeId: v.officeId,
        serviceIds: v.serviceIds,
        details: { serviceName: v.serviceName.trim(), currentConfiguration: v.currentConfiguration.trim(), newConfiguration: v.newConfiguration.trim(), desiredDate: orNull(v.desiredDate), notes: orNull(v.notes) },
      };
    case 'delete':
      return { kind, officeId: v.officeId, serviceIds: v.deleteTarget === 'service' ? v.serviceIds : [], details: { target: v.deleteTarget, otherServices: orNull(v.otherServices), desiredDate: orNull(v.desiredDate), reason: orNull(v.reason) } };
    case 'support':
      return {
        kind,
        serviceIds: v.topic === 'service_problem' ? v.serviceIds.slice(0, 1) : [],
        details: { topic: v.topic, message: v.message.trim(), quantity: v.topic === 'fixed_numbers' && v.quantity !== '' ? Number(v.quantity) : null, triedSteps: v.topic === 'service_problem' ? v.triedSteps : [] },
      };
  }
};

/** A problem with a field: the rule broken, and the `fields.*` key that names the field in the message. */
export type FormProblem = { rule: string; label: string };

/**
 * What the form can tell before sending, every field at once: required fields, dates that must lie
 * ahead of `today` (Brussels, YYYY-MM-DD), a new configuration that differs from the current one.
 */
export const requestFormProblems = (kind: RequestKind, v: RequestFormValues, today: string): Record<string, FormProblem> => {
  const problems: Record<string, FormProblem> = {};
  const add = (path: string, rule: string, label = path.split('.').pop()!) => {
    problems[path] ??= { rule, label };
  };
  const required = (path: string, value: string | null, label?: string) => {
    if (!value || !value.trim()) add(path, 'required', label);
  };
  const future = (path: string, value: string, optional: boolean) => {
    if (!value) {
      if (!optional) add(path, 'required');
    } else if (value <= today) add(path, 'in_past');
  };

  if (needsOffice(kind, v)) required('officeId', v.officeId);
  if (kind === 'move') {
    future('movingDate', v.movingDate, false);
    for (const f of ['street', 'postalCode', 'city'] as const) required(`newAddress.${f}`, v.newAddress[f]);
  }
  if ((kind === 'move' || (kind === 'delete' && v.deleteTarget === 'service')) && v.serviceIds.length === 0 && !v.otherServices.trim()) add('serviceIds', 'services_required');
  if (kind === 'add') {
    required('wanted', v.wanted);
    if (v.addTarget === 'office') for (const f of ['name', 'street', 'postalCode', 'city'] as const) required(`newOffice.${f}`, v.newOffice[f]);
  }
  if (kind === 'change') {
    required('serviceName', v.serviceName);
    required('currentConfiguration', v.currentConfiguration);
    required('newConfiguration', v.newConfiguration);
    if (v.newConfiguration.trim() && v.newConfiguration.trim().toLowerCase() === v.currentConfiguration.trim().toLowerCase()) add('newConfiguration', 'same_as_current');
  }
  if (kind === 'add' || kind === 'change' || kind === 'delete') future('desiredDate', v.desiredDate, true);
  if (kind === 'support') {
    required('message', v.message);
    if (v.topic === 'fixed_numbers') {
      if (v.quantity === '') add('quantity', 'required');
    } else if (v.serviceIds.length === 0) add('serviceIds', 'required');
  }
  return problems;
};
