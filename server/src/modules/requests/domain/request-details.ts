import type { FieldError } from '../../../platform/app-error.js';
import { optionalText, requiredText, text, z } from '../../../platform/validation.js';
import { addDays, isIsoDay } from './request-machine.js';

/**
 * What a request asks for, one zod schema per kind (the seed's Move, Add, Change and Delete
 * documents, and requests to support from elsewhere in the portal). The schema checks the shape;
 * `filingProblems` below checks what needs facts from the company (its offices and services) and
 * the calendar. Both run on the server for every filing; the browser only mirrors them.
 */
export const REQUEST_KINDS = ['move', 'add', 'change', 'delete', 'support'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const SUPPORT_TOPICS = ['fixed_numbers', 'service_problem'] as const;
export type SupportTopic = (typeof SUPPORT_TOPICS)[number];

/** What the administrator already tried before escalating a problem (the seed's troubleshooting). */
export const TRIED_STEPS = ['flight_mode', 'restart', 'activation_steps'] as const;

/** How far ahead a date in a request may lie. */
export const MAX_REQUEST_DAYS = 730;
export const MAX_SERVICES = 50;

const DaySchema = text().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isIsoDay, { message: 'invalid_format' });
const optionalDay = () =>
  DaySchema.nullish()
    .or(z.literal(''))
    .transform((v) => (v ? v : null));

export const AddressSchema = z
  .object({
    street: requiredText(200),
    postalCode: requiredText(16),
    city: requiredText(100),
    country: text().trim().toUpperCase().regex(/^[A-Z]{2}$/).default('BE'),
  })
  .strict();
export type Address = z.infer<typeof AddressSchema>;

export const NewOfficeSchema = AddressSchema.extend({ name: requiredText(120) }).strict();

export const MoveDetailsSchema = z
  .object({
    newAddress: AddressSchema,
    movingDate: DaySchema,
    // services of the office that Fleetdesk does not hold (internet line, PBX, …), in the administrator's words
    otherServices: optionalText(1000),
    notes: optionalText(2000),
  })
  .strict();

export const AddDetailsSchema = z
  .object({
    target: z.enum(['service', 'office']),
    wanted: requiredText(2000),
    newOffice: NewOfficeSchema.nullish().transform((v) => v ?? null),
    desiredDate: optionalDay(),
    notes: optionalText(2000),
  })
  .strict();

export const ChangeDetailsSchema = z
  .object({
    // e.g. "SmartFit Internet"; the office is the request's office
    serviceName: requiredText(200),
    currentConfiguration: requiredText(500),
    newConfiguration: requiredText(500),
    desiredDate: optionalDay(),
    notes: optionalText(2000),
  })
  .strict();

export const DeleteDetailsSchema = z
  .object({
    target: z.enum(['service', 'office']),
    otherServices: optionalText(1000),
    desiredDate: optionalDay(),
    reason: optionalText(2000),
  })
  .strict();

export const SupportDetailsSchema = z
  .object({
    topic: z.enum(SUPPORT_TOPICS),
    message: requiredText(4000),
    // fixed numbers wanted
    quantity: z.number().int().min(1).max(500).nullish().transform((v) => v ?? null),
    triedSteps: z.array(z.enum(TRIED_STEPS)).max(TRIED_STEPS.length).default([]),
  })
  .strict();

export const DETAILS_SCHEMAS = {
  move: MoveDetailsSchema,
  add: AddDetailsSchema,
  change: ChangeDetailsSchema,
  delete: DeleteDetailsSchema,
  support: SupportDetailsSchema,
} as const;

export type MoveDetails = z.infer<typeof MoveDetailsSchema>;
export type AddDetails = z.infer<typeof AddDetailsSchema>;
export type ChangeDetails = z.infer<typeof ChangeDetailsSchema>;
export type DeleteDetails = z.infer<typeof DeleteDetailsSchema>;
export type SupportDetails = z.infer<typeof SupportDetailsSchema>;
export type RequestDetails = MoveDetails | AddDetails | ChangeDetails | DeleteDetails | SupportDetails;

const filingOf = <K extends RequestKind, S extends (typeof DETAILS_SCHEMAS)[K]>(kind: K, details: S) =>
  z
    .object({
      kind: z.literal(kind),
      officeId: z.uuid().nullish().transform((v) => v ?? null),
      serviceIds: z.array(z.uuid()).max(MAX_SERVICES).default([]),
      details,
    })
    .strict();

/** A new request as the administrator files it: the kind, its office and services, and its details. */
export const FileRequestSchema = z.discriminatedUnion('kind', [
  filingOf('move', MoveDetailsSchema),
  filingOf('add', AddDetailsSchema),
  filingOf('change', ChangeDetailsSchema),
  filingOf('delete', DeleteDetailsSchema),
  filingOf('support', SupportDetailsSchema),
]);
export type FileRequestInput = z.infer<typeof FileRequestSchema>;

/** What the company's database says about the offices and services a filing names. */
export type FilingFacts = {
  /** Brussels calendar day of "now" (YYYY-MM-DD). */
  today: string;
  /** the company's offices among those named, with their address */
  offices: ReadonlyMap<string, { street: string; postalCode: string; city: string }>;
  /** the company's services among those named; `ended` when terminated or cancelled */
  services: ReadonlyMap<string, { ended: boolean }>;
};

const err = (field: string, rule: string, params?: Record<string, string | number>): FieldError => (params ? { field, rule, params } : { field, rule });
const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** A day strictly after today and within the horizon. */
const futureDayProblem = (field: string, day: string, today: string): FieldError | null => {
  if (day <= today) return err(field, 'in_past');
  if (day > addDays(today, MAX_REQUEST_DAYS)) return err(field, 'too_far', { maximum: MAX_REQUEST_DAYS });
  return null;
};

/** Belgian postal codes are four digits; other countries keep their own forms. */
const addressProblems = (prefix: string, address: Address): FieldError[] =>
  address.country === 'BE' && !/^\d{4}$/.test(address.postalCode) ? [err(`${prefix}.postalCode`, 'postal_code_be')] : [];

/**
 * Every rule of a filing beyond its shape: office and services belong to the company (a reference to
 * another company's row is "not found", never a hint that it exists), services still run, dates lie
 * ahead, and each kind has what the operator needs to act on it. Returns all problems at once.
 */
export const filingProblems = (input: FileRequestInput, facts: FilingFacts): FieldError[] => {
  const problems: FieldError[] = [];
  const add = (p: FieldError | null) => {
    if (p) problems.push(p);
  };

  if (input.officeId && !facts.offices.has(input.officeId)) add(err('officeId', 'not_found'));
  const seen = new Set<string>();
  input.serviceIds.forEach((id, i) => {
    if (seen.has(id)) return add(err(`serviceIds.${i}`, 'repeated'));
    seen.add(id);
    const service = facts.services.get(id);
    if (!service) add(err(`serviceIds.${i}`, 'not_found'));
    else if (service.ended) add(err(`serviceIds.${i}`, 'service_ended'));
  });
  const needOffice = () => {
    if (!input.officeId) add(err('officeId', 'required'));
  };
  const needServices = (otherServices: string | null) => {
    if (input.serviceIds.length === 0 && !otherServices) add(err('serviceIds', 'services_required'));
  };
  const desired = (day: string | null) => {
    if (day) add(futureDayProblem('details.desiredDate', day, facts.today));
  };

  switch (input.kind) {
    case 'move': {
      const d = input.details;
      needOffice();
      add(futureDayProblem('details.movingDate', d.movingDate, facts.today));
      needServices(d.otherServices);
      problems.push(...addressProblems('details.newAddress', d.newAddress));
      const office = input.officeId ? facts.offices.get(input.officeId) : undefined;
      if (office && norm(office.street) === norm(d.newAddress.street) && norm(office.postalCode) === norm(d.newAddress.postalCode) && norm(office.city) === norm(d.newAddress.city))
        add(err('details.newAddress.street', 'same_address'));
      break;
    }
    case 'add': {
      const d = input.details;
      if (d.target === 'service') {
        needOffice();
        if (d.newOffice) add(err('details.newOffice', 'not_applicable'));
      } else {
        if (input.officeId) add(err('officeId', 'not_applicable'));
        if (!d.newOffice) add(err('details.newOffice', 'required'));
        else problems.push(...addressProblems('details.newOffice', d.newOffice));
      }
      desired(d.desiredDate);
      break;
    }
    case 'change': {
      const d = input.details;
      needOffice();
      if (norm(d.currentConfiguration) === norm(d.newConfiguration)) add(err('details.newConfiguration', 'same_as_current'));
      desired(d.desiredDate);
      break;
    }
    case 'delete': {
      const d = input.details;
      needOffice();
      if (d.target === 'service') needServices(d.otherServices);
      desired(d.desiredDate);
      break;
    }
    case 'support': {
      const d = input.details;
      if (d.topic === 'fixed_numbers') {
        if (d.quantity === null) add(err('details.quantity', 'required'));
      } else {
        if (d.quantity !== null) add(err('details.quantity', 'not_applicable'));
        if (input.serviceIds.length === 0) add(err('serviceIds', 'required'));
        else if (input.serviceIds.length > 1) add(err('serviceIds', 'too_big', { maximum: 1 }));
      }
      break;
    }
  }
  return problems;
};
