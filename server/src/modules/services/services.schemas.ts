import { z, text, LocalizedNameSchema, PageQuerySchema, pageOf } from '../../platform/validation.js';
import { SERVICE_STATUSES } from '../../db/schema.js';
import { ImpactLineSchema } from '../billing/billing.schemas.js';
import { OVERVIEW_SORTS } from './domain/overview-query.js';
import { LINE_OPERATION_KINDS, LOSS_CAUSES } from '../lines/domain/line-operations.js';

const code = () => text().trim().min(1).max(64);
const isoDateTime = () => z.iso.datetime({ offset: true }).transform((s) => new Date(s));

// Step 5. Formats (Belgian mobile, ICCID, …) and the port-in details' presence are checked by the
// wizard rules, which name every rule broken at once (a shape error here would hide the others).
const NumberChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('new'), msisdn: text().trim().max(32) }).strict(),
  z
    .object({
      kind: z.literal('port_in'),
      msisdn: text().trim().max(32),
      donorOperator: text().trim().max(64),
      accountType: z.enum(['postpaid', 'prepaid']),
      customerNumber: text().trim().max(64).nullish(),
      donorSimNumber: text().trim().max(64).nullish(),
      holderName: text().trim().max(120),
    })
    .strict(),
  z.object({ kind: z.literal('port_internal'), serviceId: z.uuid() }).strict(),
]);

const SimChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user_enters') }).strict(),
  z.object({ kind: z.literal('admin_sim'), iccid: text().trim().max(40) }).strict(),
  z.object({ kind: z.literal('esim') }).strict(),
]);

const FixedNumberChoiceSchema = z.object({ kind: z.enum(['available', 'take_over']), fixedNumberId: z.uuid() }).strict();

const ActivationChoiceSchema = z
  .object({ method: z.enum(['email', 'automatic']), timing: z.enum(['asap', 'later']), scheduledStartAt: isoDateTime().nullish() })
  .strict();

const wizardFields = {
  productTypeCode: code(),
  serviceTypeCode: code(),
  bundleCode: code(),
  optionCodes: z.array(code()).max(20),
  number: NumberChoiceSchema.optional(),
  sim: SimChoiceSchema.optional(),
  fixedNumber: FixedNumberChoiceSchema.optional(),
  activation: ActivationChoiceSchema,
};

/** Everything the Add Service wizard chose: what Save sends. */
export const WizardInputSchema = z.object(wizardFields).strict();
export type WizardInput = z.infer<typeof WizardInputSchema>;

/** The choices so far, checked up to a step (Next of that step); same field paths as Save. */
export const WizardDraftSchema = z.object(wizardFields).partial().strict();
export const WizardCheckQuerySchema = z.object({ step: z.coerce.number().int().min(1).max(8) });
export const WizardCheckedSchema = z.object({ ok: z.literal(true) });

export const ServiceStatusSchema = z.enum(SERVICE_STATUSES);

export const ServiceEventSchema = z.object({
  id: z.uuid(),
  event: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  actorName: z.string(),
  reason: z.string().nullable(),
  createdAt: z.string(),
});

export const LineOperationSchema = z.object({
  id: z.uuid(),
  kind: z.enum(LINE_OPERATION_KINDS),
  status: z.enum(['pending', 'done', 'failed', 'superseded']),
  requestedBy: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  // suspension: reason, end; bar: cause; swap: the SIMs
  reason: z.string().nullable(),
  until: z.string().nullable(),
  cause: z.enum(LOSS_CAUSES).nullable(),
  toIccid: z.string().nullable(),
});

export const ServiceDetailSchema = z.object({
  id: z.uuid(),
  mobileUserId: z.uuid(),
  userName: z.string(),
  status: ServiceStatusSchema,
  productType: LocalizedNameSchema,
  serviceType: LocalizedNameSchema,
  bundle: LocalizedNameSchema.extend({ dataGb: z.number().nullable(), callMinutes: z.number().int().nullable(), monthlyPriceCents: z.number().int() }),
  options: z.array(LocalizedNameSchema.extend({ monthlyPriceCents: z.number().int() })),
  monthlyPriceCents: z.number().int(),
  msisdn: z.string().nullable(),
  numberSource: z.enum(['new', 'port_in', 'port_internal']).nullable(),
  portIn: z
    .object({
      msisdn: z.string(),
      donorOperator: LocalizedNameSchema,
      accountType: z.enum(['postpaid', 'prepaid']),
      customerNumber: z.string().nullable(),
      donorSimNumber: z.string().nullable(),
      holderName: z.string(),
      status: z.enum(['draft', 'submitted', 'refused', 'completed', 'cancelled']),
      refusalReason: z.string().nullable(),
    })
    .nullable(),
  portFrom: z.object({ serviceId: z.uuid(), msisdn: z.string(), userName: z.string() }).nullable(),
  simChoice: z.enum(['user_enters', 'admin_sim', 'esim']).nullable(),
  sim: z.object({ kind: z.enum(['physical', 'esim']), iccid: z.string(), codesRecorded: z.boolean() }).nullable(),
  // a replacement SIM or eSIM on its way (the line keeps its SIM until the network has the new one)
  replacementSim: z.object({ kind: z.enum(['physical', 'esim']), iccid: z.string() }).nullable(),
  suspendedUntil: z.string().nullable(),
  // what the line costs a month while suspended (the catalog's suspended price, or the full price)
  suspendedMonthlyPriceCents: z.number().int(),
  lineOperations: z.array(LineOperationSchema),
  fixedNumber: z.object({ id: z.uuid(), number: z.string() }).nullable(),
  activationMethod: z.enum(['email', 'automatic']).nullable(),
  activationTiming: z.enum(['asap', 'later']).nullable(),
  scheduledStartAt: z.string().nullable(),
  activationStartedAt: z.string().nullable(),
  activatedAt: z.string().nullable(),
  simProvisionedAt: z.string().nullable(),
  numberLiveAt: z.string().nullable(),
  activationLink: z.object({ sentTo: z.string(), createdAt: z.string(), expiresAt: z.string() }).nullable(),
  endedAt: z.string().nullable(),
  endReason: z.enum(['deleted', 'number_moved']).nullable(),
  createdAt: z.string(),
  events: z.array(ServiceEventSchema),
});
export type ServiceDetail = z.infer<typeof ServiceDetailSchema>;

export const WaitingQuerySchema = PageQuerySchema.extend({
  q: text().max(200).optional(),
  sort: z.enum(['createdAt', 'userName', 'scheduledStartAt']).default('createdAt'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type WaitingQuery = z.infer<typeof WaitingQuerySchema>;

export const WaitingServiceSchema = z.object({
  id: z.uuid(),
  mobileUserId: z.uuid(),
  userName: z.string(),
  productType: LocalizedNameSchema,
  serviceType: LocalizedNameSchema,
  bundle: LocalizedNameSchema,
  msisdn: z.string().nullable(),
  numberSource: z.enum(['new', 'port_in', 'port_internal']).nullable(),
  simChoice: z.enum(['user_enters', 'admin_sim', 'esim']).nullable(),
  activationMethod: z.enum(['email', 'automatic']).nullable(),
  scheduledStartAt: z.string().nullable(),
  createdAt: z.string(),
});
export const WaitingPageSchema = pageOf(WaitingServiceSchema);

const ServiceIdsSchema = z.array(z.uuid()).min(1).max(200);
export const StartServicesSchema = z.object({ serviceIds: ServiceIdsSchema }).strict();
export const ScheduleServicesSchema = z.object({ serviceIds: ServiceIdsSchema, startAt: isoDateTime().nullable() }).strict();
export const StartedSchema = z.object({ started: z.number().int() });
export const ScheduledSchema = z.object({ scheduled: z.number().int() });

export const WizardStockSchema = z.object({
  freeMobileNumbers: z.array(z.string()),
  freeMobileNumberTotal: z.number().int(),
  physicalSimsInStock: z.number().int(),
  esimProfilesFree: z.number().int(),
  fixedNumbersAvailable: z.number().int(),
  donorOperators: z.array(LocalizedNameSchema),
});

export const CandidateQuerySchema = z.object({ q: text().max(200).optional() });

export const PortCandidatesSchema = z.object({
  items: z.array(
    z.object({ serviceId: z.uuid(), msisdn: z.string(), mobileUserId: z.uuid(), userName: z.string(), serviceType: LocalizedNameSchema, bundle: LocalizedNameSchema }),
  ),
});

export const WizardFixedNumbersSchema = z.object({
  available: z.array(z.object({ id: z.uuid(), number: z.string() })),
  active: z.array(z.object({ id: z.uuid(), number: z.string(), serviceId: z.uuid(), holder: z.object({ mobileUserId: z.uuid(), name: z.string() }) })),
});

// ---------------------------------------------------------------- managing a service (change, delete)

export const ChangeSelectionSchema = z.object({ bundleCode: code(), optionCodes: z.array(code()).max(20) }).strict();

const PricedNameSchema = LocalizedNameSchema.extend({ monthlyPriceCents: z.number().int() });
export const SelectionSideSchema = z.object({ bundle: PricedNameSchema, options: z.array(PricedNameSchema), monthlyPriceCents: z.number().int() });

export const BillingImpactSchema = z.object({
  effectiveOn: z.string(),
  before: SelectionSideSchema,
  after: SelectionSideSchema,
  lines: z.array(ImpactLineSchema),
  totalCents: z.number().int(),
  monthlyDifferenceCents: z.number().int(),
});

export const ChangeResultSchema = z.object({ service: ServiceDetailSchema, impact: BillingImpactSchema });

export const ChangeOptionsSchema = z.object({
  current: z.object({ bundleCode: z.string(), optionCodes: z.array(z.string()) }),
  bundles: z.array(
    PricedNameSchema.extend({
      dataGb: z.number().nullable(),
      callMinutes: z.number().int().nullable(),
      options: z.array(PricedNameSchema),
    }),
  ),
});

export const DeletionQuotaSchema = z.object({
  limit: z.number().int(),
  used: z.number().int(),
  remaining: z.number().int(),
  contractedServices: z.number().int(),
  periodStartsOn: z.string().nullable(),
  periodEndsOn: z.string().nullable(),
  accountManagerEmail: z.string().nullable(),
  salesEmail: z.string(),
});

export const DeletionResultSchema = z.object({
  service: z.lazy(() => ServiceDetailSchema),
  impact: z.object({ endsOn: z.string(), lines: z.array(ImpactLineSchema), totalCents: z.number().int() }),
});

// ---------------------------------------------------------------- service overview

const statusList = text()
  .max(300)
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(ServiceStatusSchema).max(SERVICE_STATUSES.length));

export const OverviewFilterSchema = z.object({
  q: text().max(200).optional(),
  status: statusList.optional(),
  product: code().optional(),
  bundle: code().optional(),
  department: text().trim().max(100).optional(),
});
export const OverviewSortSchema = z.object({
  sort: z.enum(OVERVIEW_SORTS).default('user'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export const OverviewQuerySchema = OverviewFilterSchema.extend(OverviewSortSchema.shape).extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  after: text().max(2000).optional(),
  before: text().max(2000).optional(),
});
export const OverviewCountSchema = z.object({
  total: z.number().int(),
  /** true above 20,000 matching services: `total` is then the database's estimate, rounded ("about 140,000") */
  estimated: z.boolean(),
});
export const OverviewExportQuerySchema = OverviewFilterSchema.extend(OverviewSortSchema.shape);

export const OverviewItemSchema = z.object({
  id: z.uuid(),
  mobileUserId: z.uuid(),
  userName: z.string(),
  department: z.string().nullable(),
  productType: LocalizedNameSchema,
  serviceType: LocalizedNameSchema,
  bundle: LocalizedNameSchema,
  options: z.array(LocalizedNameSchema),
  monthlyPriceCents: z.number().int(),
  msisdn: z.string().nullable(),
  fixedNumber: z.string().nullable(),
  sim: z.object({ kind: z.enum(['physical', 'esim']), iccid: z.string() }).nullable(),
  status: ServiceStatusSchema,
  activatedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const OverviewPageSchema = z.object({ items: z.array(OverviewItemSchema), nextCursor: z.string().nullable(), prevCursor: z.string().nullable() });

export const OverviewFacetsSchema = z.object({
  products: z.array(LocalizedNameSchema),
  bundles: z.array(LocalizedNameSchema.extend({ productTypeCode: z.string(), serviceTypeCode: z.string() })),
  departments: z.array(z.string()),
  statuses: z.array(ServiceStatusSchema),
});

export const OverviewSummarySchema = z.object({
  total: z.number().int(),
  byStatus: z.array(z.object({ status: ServiceStatusSchema, count: z.number().int() })),
  byProduct: z.array(LocalizedNameSchema.extend({ count: z.number().int() })),
  waitingForActivation: z.number().int(),
  portingIssues: z.number().int(),
  deletions: DeletionQuotaSchema,
});
