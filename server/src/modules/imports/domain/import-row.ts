import type { FieldError } from '../../../platform/app-error.js';
import type { Language } from '../../../platform/validation.js';
import { MobileUserInputSchema, type MobileUserInput } from '../../mobile-users/mobile-users.schemas.js';
import type { ActivationChoice, SimChoice, WizardDraft } from '../../services/domain/wizard-rules.js';
import { checkBelgianFixed, checkBelgianMobile } from '../../stock/domain/phone-numbers.js';
import { SERVICE_COLUMNS, type FileRow, type ImportColumn, type ImportIssue, type RowValues } from './import-file.js';

/**
 * One row of an import turned into what the portal's own forms take: the mobile user's fields and,
 * when the row asks for a service, the Add Service wizard's draft. This file only reads the row's
 * text; every rule about the service (catalog, formats, stock) is the wizard's, run by the use case
 * on the draft, so an import accepts exactly what the wizard accepts.
 */

/** Step 5 as a file can say it: a new number may be left to the pool, a number of the company is named by the number itself. */
export type NumberRequest =
  | { kind: 'new'; msisdn: string | null }
  | Extract<NonNullable<WizardDraft['number']>, { kind: 'port_in' }>
  | { kind: 'keep'; msisdn: string };
export type FixedNumberRequest = { kind: 'available' | 'take_over'; number: string };
export type ServiceRequest = {
  draft: Omit<WizardDraft, 'number' | 'fixedNumber'>;
  number?: NumberRequest;
  fixedNumber?: FixedNumberRequest;
};
export type ParsedRow = {
  line: number;
  /** The row's text by column, as the file gave it. */
  values: RowValues;
  /** The row's identity across uploads: its row id, or its e-mail and number. */
  key: string;
  user: MobileUserInput | null;
  service: ServiceRequest | null;
  issues: ImportIssue[];
};

export const NUMBER_CHOICES = ['new', 'port_in', 'keep'] as const;
export const SIM_CHOICES = ['user_enters', 'admin_sim', 'esim'] as const;
export const ACCOUNT_TYPES = ['postpaid', 'prepaid'] as const;
export const FIXED_NUMBER_CHOICES = ['available', 'take_over'] as const;
export const ACTIVATION_METHODS = ['email', 'automatic'] as const;
/** `activation_start`: now, later (waits until started by hand), or a Brussels date and time. */
export const START_WORDS = { now: 'asap', later: 'later' } as const;

// The wizard's field paths and the columns that hold them.
const FIELD_COLUMNS: [RegExp, ImportColumn][] = [
  [/^firstName$/, 'first_name'],
  [/^lastName$/, 'last_name'],
  [/^email$/, 'email'],
  [/^language$/, 'language'],
  [/^department$/, 'department'],
  [/^costCentre$/, 'cost_centre'],
  [/^productTypeCode$/, 'product_type'],
  [/^serviceTypeCode$/, 'service_type'],
  [/^bundleCode$/, 'bundle'],
  [/^optionCodes/, 'options'],
  [/^number(\.kind)?$/, 'number_choice'],
  [/^number\.(msisdn|serviceId)$/, 'number'],
  [/^number\.donorOperator$/, 'donor_operator'],
  [/^number\.accountType$/, 'account_type'],
  [/^number\.customerNumber$/, 'customer_number'],
  [/^number\.donorSimNumber$/, 'donor_sim_number'],
  [/^number\.holderName$/, 'holder_name'],
  [/^sim(\.kind)?$/, 'sim'],
  [/^sim\.iccid$/, 'iccid'],
  [/^fixedNumber(\.kind)?$/, 'fixed_number_choice'],
  [/^fixedNumber\.fixedNumberId$/, 'fixed_number'],
  [/^activation\.method$/, 'activation_method'],
  [/^activation\.(scheduledStartAt|timing)$/, 'activation_start'],
];

/** The column a wizard or form field error is about (null: the row as a whole). */
export const columnOfField = (field: string): ImportColumn | null => FIELD_COLUMNS.find(([pattern]) => pattern.test(field))?.[1] ?? null;

/** A wizard or form field error as a problem of the row, named by its column. */
export const rowIssueOf = (line: number, e: FieldError): ImportIssue => ({ line, column: columnOfField(e.field), rule: e.rule, ...(e.params ? { params: e.params } : {}) });

const choice = <T extends string>(values: readonly T[], text: string | undefined): T | undefined | null => {
  if (text === undefined) return undefined;
  const lower = text.toLowerCase().replace(/[\s-]+/g, '_');
  return values.find((v) => v === lower) ?? null;
};

const DATE_TIME = /^(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\/(\d{1,2})\/(\d{4}))(?:[ T](\d{1,2})[:h](\d{2}))?$/;

/**
 * A start date as people type it in Belgium (31/12/2026 09:00) or as ISO (2026-12-31 09:00), in
 * Brussels time; a date alone starts at 09:00, the start of a working day.
 */
export const parseStart = (text: string): Date | null => {
  const m = DATE_TIME.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = m[1] ? [m[1], m[2]!, m[3]!] : [m[6]!, m[5]!.padStart(2, '0'), m[4]!.padStart(2, '0')];
  const [h, min] = m[7] ? [Number(m[7]), Number(m[8])] : [9, 0];
  const day = `${y}-${mo}-${d}`;
  const probe = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== day || h > 23 || min > 59) return null;
  // Brussels is UTC+1 in winter and UTC+2 in summer: the offset whose wall clock shows what was typed
  // (a time the spring change skips, 02:30, falls an hour later as the clocks do)
  const wall = `${day} ${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), h, min);
  const fits = [2, 1].map((offset) => new Date(asUtc - offset * 3_600_000)).find((at) => BRUSSELS_WALL.format(at).replace(',', '') === wall);
  return fits ?? new Date(asUtc - 3_600_000);
};

const BRUSSELS_WALL = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

const splitList = (text: string | undefined) => (text ?? '').split(/[\s|,]+/).filter(Boolean);

const parseUser = (line: number, v: RowValues, defaultLanguage: Language): { user: MobileUserInput | null; issues: ImportIssue[] } => {
  const result = MobileUserInputSchema.safeParse({
    firstName: v.first_name ?? '',
    lastName: v.last_name ?? '',
    email: v.email ?? '',
    language: v.language ? v.language.toLowerCase() : defaultLanguage,
    department: v.department ?? null,
    costCentre: v.cost_centre ?? null,
  });
  if (result.success) return { user: result.data, issues: [] };
  const issues = result.error.issues.map((i) => {
    const params: Record<string, string | number> = {};
    const limits = i as { minimum?: unknown; maximum?: unknown };
    if (typeof limits.maximum === 'number' || typeof limits.maximum === 'bigint') params.maximum = Number(limits.maximum);
    if (typeof limits.minimum === 'number' || typeof limits.minimum === 'bigint') params.minimum = Number(limits.minimum);
    return rowIssueOf(line, { field: String(i.path[0] ?? ''), rule: i.message, params });
  });
  return { user: null, issues };
};

const parseService = (line: number, v: RowValues): { service: ServiceRequest; issues: ImportIssue[] } => {
  const issues: ImportIssue[] = [];
  const bad = (column: ImportColumn, values: readonly string[]) => issues.push({ line, column, rule: 'import_choice', params: { allowed: values.join(', ') } });
  const draft: ServiceRequest['draft'] = {
    productTypeCode: v.product_type?.toLowerCase(),
    serviceTypeCode: v.service_type?.toLowerCase(),
    bundleCode: v.bundle?.toLowerCase(),
    optionCodes: splitList(v.options?.toLowerCase()),
  };
  const service: ServiceRequest = { draft };

  const numberKind = choice(NUMBER_CHOICES, v.number_choice);
  if (numberKind === null) bad('number_choice', NUMBER_CHOICES);
  else if (numberKind === 'new') service.number = { kind: 'new', msisdn: v.number ?? null };
  else if (numberKind === 'keep') service.number = { kind: 'keep', msisdn: v.number ?? '' };
  else if (numberKind === 'port_in') {
    const accountType = choice(ACCOUNT_TYPES, v.account_type ?? '');
    if (!accountType) issues.push(v.account_type ? { line, column: 'account_type', rule: 'import_choice', params: { allowed: ACCOUNT_TYPES.join(', ') } } : { line, column: 'account_type', rule: 'required' });
    service.number = {
      kind: 'port_in',
      msisdn: v.number ?? '',
      donorOperator: (v.donor_operator ?? '').toLowerCase(),
      accountType: accountType ?? 'postpaid',
      customerNumber: v.customer_number ?? null,
      donorSimNumber: v.donor_sim_number ?? null,
      holderName: v.holder_name ?? '',
    };
  }
  if (numberKind !== 'port_in') {
    for (const column of ['donor_operator', 'account_type', 'customer_number', 'donor_sim_number', 'holder_name'] as const) {
      if (v[column]) issues.push({ line, column, rule: 'not_applicable' });
    }
  }
  if (numberKind === undefined && v.number) issues.push({ line, column: 'number_choice', rule: 'required' });

  const simKind = choice(SIM_CHOICES, v.sim);
  if (simKind === null) bad('sim', SIM_CHOICES);
  else if (simKind) draft.sim = (simKind === 'admin_sim' ? { kind: simKind, iccid: v.iccid ?? '' } : { kind: simKind }) as SimChoice;
  if (v.iccid && simKind !== 'admin_sim') issues.push({ line, column: 'iccid', rule: 'not_applicable' });

  const fixedKind = choice(FIXED_NUMBER_CHOICES, v.fixed_number_choice ?? (v.fixed_number ? 'available' : undefined));
  if (fixedKind === null) bad('fixed_number_choice', FIXED_NUMBER_CHOICES);
  else if (fixedKind) {
    if (!v.fixed_number) issues.push({ line, column: 'fixed_number', rule: 'required' });
    else service.fixedNumber = { kind: fixedKind, number: v.fixed_number };
  }

  const method = choice(ACTIVATION_METHODS, v.activation_method);
  if (method === null) bad('activation_method', ACTIVATION_METHODS);
  const startText = (v.activation_start ?? 'now').toLowerCase();
  let activation: ActivationChoice | null = null;
  if (startText in START_WORDS) activation = method ? { method, timing: START_WORDS[startText as keyof typeof START_WORDS] } : null;
  else {
    const at = parseStart(startText);
    if (!at) issues.push({ line, column: 'activation_start', rule: 'import_start_format' });
    else if (method) activation = { method, timing: 'later', scheduledStartAt: at };
  }
  if (activation) draft.activation = activation;
  return { service, issues };
};

/** The identity of the row across uploads: its row id when the file has one, else e-mail and number. */
export const rowKeyOf = (v: RowValues): string => {
  if (v.row_id) return `id:${v.row_id}`;
  const email = (v.email ?? '').trim().toLowerCase();
  const checked = v.number ? checkBelgianMobile(v.number) : null;
  const number = checked?.ok ? checked.e164 : (v.number ?? '').replace(/\s+/g, '');
  return `user:${email}|${number}`;
};

/** Reads one row; a row whose columns cannot even be read carries the issues and no user or service. */
export const parseImportRow = (row: FileRow, defaultLanguage: Language): ParsedRow => {
  const { line, values } = row;
  const key = rowKeyOf(values);
  if (row.tooManyValues) return { line, values, key, user: null, service: null, issues: [{ line, column: null, rule: 'csv_column_count', params: row.tooManyValues }] };
  const { user, issues } = parseUser(line, values, defaultLanguage);
  const wantsService = SERVICE_COLUMNS.some((c) => values[c] !== undefined);
  if (!wantsService) return { line, values, key, user, service: null, issues };
  const parsed = parseService(line, values);
  return { line, values, key, user, service: parsed.service, issues: [...issues, ...parsed.issues] };
};

/** What the database says about the numbers a row names, looked up by the caller. */
export type RowLookups = {
  /** The company's service holding a number, by E.164 ("keep a number of the company"). */
  serviceOfNumber: ReadonlyMap<string, string>;
  /** The company's fixed numbers, by E.164. */
  fixedNumberIds: ReadonlyMap<string, string>;
  /** The pool number this row gets when its file leaves the new number blank; null: none left. */
  poolNumber: string | null;
};

/** The E.164 form of the numbers of a request, where they are well-formed (for look-ups). */
export const numbersOf = (service: ServiceRequest) => {
  const mobile = service.number?.kind === 'keep' ? checkBelgianMobile(service.number.msisdn) : null;
  const fixed = service.fixedNumber ? checkBelgianFixed(service.fixedNumber.number) : null;
  return { keep: mobile?.ok ? mobile.e164 : null, fixed: fixed?.ok ? fixed.e164 : null };
};

/**
 * The wizard's draft of a row's service, once its numbers are resolved: a number of the company
 * becomes "port within the organisation" of the service holding it, a fixed number its id, a blank
 * new number the pool's next one. What cannot be resolved is a problem of the row.
 */
export const toWizardDraft = (line: number, service: ServiceRequest, found: RowLookups): { draft: WizardDraft; issues: ImportIssue[] } => {
  const issues: ImportIssue[] = [];
  const draft: WizardDraft = { ...service.draft };
  const n = service.number;
  const numbers = numbersOf(service);
  if (n?.kind === 'new') {
    const msisdn = n.msisdn ?? found.poolNumber;
    if (msisdn) draft.number = { kind: 'new', msisdn };
    else issues.push({ line, column: 'number', rule: 'import_pool_empty' });
  } else if (n?.kind === 'port_in') draft.number = n;
  else if (n?.kind === 'keep') {
    const checked = checkBelgianMobile(n.msisdn);
    const serviceId = numbers.keep ? found.serviceOfNumber.get(numbers.keep) : undefined;
    if (!n.msisdn) issues.push({ line, column: 'number', rule: 'required' });
    else if (!checked.ok) issues.push({ line, column: 'number', rule: checked.rule });
    else if (!serviceId) issues.push({ line, column: 'number', rule: 'import_not_company_number' });
    else draft.number = { kind: 'port_internal', serviceId };
  }
  const f = service.fixedNumber;
  if (f) {
    const checked = checkBelgianFixed(f.number);
    const id = numbers.fixed ? found.fixedNumberIds.get(numbers.fixed) : undefined;
    if (!checked.ok) issues.push({ line, column: 'fixed_number', rule: checked.rule });
    else if (!id) issues.push({ line, column: 'fixed_number', rule: 'not_found' });
    else draft.fixedNumber = { kind: f.kind, fixedNumberId: id };
  }
  return { draft, issues };
};
