import { z } from '../../platform/validation.js';
import { TMF_ORDER_ITEM_STATES, TMF_ORDER_STATES, TMF_SERVICE_STATES } from './domain/tmf-states.js';

// Shapes of the TM Forum Open APIs we serve (TMF638 Service Inventory v4, TMF622 Product Ordering
// v4), as far as we fill them. Every attribute is optional in the answer schemas because `fields`
// may ask for any subset; the specs make nearly all of them optional too.

/** TMF630 list parameters; any other parameter is a filter on a top-level attribute. */
export const TmfListQuerySchema = z
  .object({
    fields: z.string().max(1000).optional().describe('comma-separated attributes to return, e.g. id,state'),
    offset: z.coerce.number().int().min(0).default(0),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .catchall(z.union([z.string().max(1000), z.array(z.string().max(1000)).max(50)]));
export const TmfFieldsQuerySchema = z.object({ fields: z.string().max(1000).optional() });
export const TmfIdParamSchema = z.object({ id: z.string().max(64) });

export const TmfErrorSchema = z
  .object({
    '@type': z.literal('Error'),
    code: z.string(),
    reason: z.string(),
    message: z.string().optional(),
    status: z.string().optional(),
    referenceError: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), rule: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'TmfError', description: 'TMF630 Error; `message` and `errors[].message` are translated (Accept-Language).' });

export const tmfErrors = <S extends number>(...statuses: S[]) => Object.fromEntries(statuses.map((s) => [s, TmfErrorSchema])) as Record<S, typeof TmfErrorSchema>;

const Ref = z.object({ id: z.string(), href: z.string().optional(), name: z.string().optional(), '@referredType': z.string().optional() });
const Characteristic = z.object({ name: z.string(), valueType: z.string(), value: z.union([z.string(), z.array(z.string()), z.null()]) });
const RelatedParty = Ref.extend({ role: z.string() });
const OrderParty = Ref.extend({ role: z.string().optional() });

export const TmfServiceSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('Service'),
    name: z.string(),
    description: z.string(),
    category: z.string(),
    serviceType: z.string(),
    state: z.enum(TMF_SERVICE_STATES),
    isServiceEnabled: z.boolean(),
    hasStarted: z.boolean(),
    startMode: z.string(),
    serviceDate: z.string(),
    startDate: z.string(),
    endDate: z.string(),
    serviceSpecification: Ref.extend({ version: z.string().optional() }),
    serviceCharacteristic: z.array(Characteristic),
    supportingService: z.array(Ref),
    supportingResource: z.array(Ref),
    relatedParty: z.array(RelatedParty),
    place: z.array(Ref.extend({ role: z.string() })),
    serviceRelationship: z.array(z.object({ relationshipType: z.string(), service: Ref })),
  })
  .partial()
  .meta({ id: 'TmfService', description: 'TMF638 v4 Service' });
export const TmfServiceListSchema = z.array(TmfServiceSchema);
export type TmfService = z.infer<typeof TmfServiceSchema>;

// ---------------------------------------------------------------- what a TMF638 service refers to
// (TMF632 Party, TMF673 Geographic Address, TMF639 Resource, TMF633 Service Catalog), read-only

const ResourceCharacteristic = z.object({ name: z.string(), valueType: z.string(), value: z.string() });
export const TmfIndividualSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('Individual'),
    givenName: z.string(),
    familyName: z.string(),
    fullName: z.string(),
    contactMedium: z.array(z.object({ mediumType: z.string(), preferred: z.boolean(), characteristic: z.object({ emailAddress: z.string() }) })),
  })
  .partial()
  .meta({ id: 'TmfIndividual', description: 'TMF632 v4 Individual: a mobile user of the company' });
export const TmfOrganizationSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('Organization'),
    name: z.string(),
    tradingName: z.string(),
    organizationIdentification: z.array(z.object({ identificationType: z.string(), identificationId: z.string() })),
  })
  .partial()
  .meta({ id: 'TmfOrganization', description: "TMF632 v4 Organization: the API client's own company" });
export const TmfGeographicAddressSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('GeographicAddress'),
    name: z.string(),
    streetName: z.string(),
    postcode: z.string(),
    city: z.string(),
    country: z.string(),
  })
  .partial()
  .meta({ id: 'TmfGeographicAddress', description: 'TMF673 v4 GeographicAddress: an office of the company' });
export const TmfResourceSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.enum(['PhysicalResource', 'LogicalResource']),
    name: z.string(),
    value: z.string(),
    resourceCharacteristic: z.array(ResourceCharacteristic),
  })
  .partial()
  .meta({ id: 'TmfResource', description: 'TMF639 v4 Resource: a SIM card (by ICCID) or a mobile number (E.164) of the company' });
export const TmfServiceSpecificationSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('ServiceSpecification'),
    name: z.string(),
    description: z.string(),
    version: z.string(),
    category: z.string(),
  })
  .partial()
  .meta({ id: 'TmfServiceSpecification', description: "TMF633 v4 ServiceSpecification: a service type of the operator's catalog" });
export type TmfIndividual = z.infer<typeof TmfIndividualSchema>;
export type TmfOrganization = z.infer<typeof TmfOrganizationSchema>;
export type TmfGeographicAddress = z.infer<typeof TmfGeographicAddressSchema>;
export type TmfResource = z.infer<typeof TmfResourceSchema>;
export type TmfServiceSpecification = z.infer<typeof TmfServiceSpecificationSchema>;

// ---------------------------------------------------------------- TMF622 Product Ordering v4

const CharacteristicIn = z.object({ name: z.string().max(64), value: z.unknown(), valueType: z.string().max(32).optional() }).loose();
const RelatedPartyIn = z
  .object({
    id: z.string().max(64).optional(),
    name: z.string().max(200).optional(),
    role: z.string().max(64).optional(),
    '@referredType': z.string().max(64).optional(),
    // creating the mobile user from the order: TMF's Individual carries these as contact medium; we take them flat
    givenName: z.string().max(100).optional(),
    familyName: z.string().max(100).optional(),
    email: z.string().max(254).optional(),
    language: z.enum(['en', 'fr', 'nl']).optional(),
  })
  .loose();

export const ProductOrderItemInputSchema = z
  .object({
    id: z.string().min(1).max(64),
    action: z.enum(['add', 'modify', 'delete', 'noChange']),
    quantity: z.number().int().min(1).max(1).optional(),
    productOffering: z.object({ id: z.string().max(64) }).loose().optional(),
    product: z
      .object({
        id: z.string().max(64).optional(),
        productSpecification: z.object({ id: z.string().max(64) }).loose().optional(),
        productCharacteristic: z.array(CharacteristicIn).max(40).optional(),
        relatedParty: z.array(RelatedPartyIn).max(10).optional(),
      })
      .loose()
      .optional(),
  })
  .loose();

const NoteIn = z.object({ text: z.string().min(1).max(2000), author: z.string().max(200).optional(), date: z.iso.datetime({ offset: true }).optional() });

/** The attributes of an order its client sets and may change later (PATCH). */
const OrderAttributes = {
  externalId: z.string().max(128),
  description: z.string().max(1000),
  priority: z.string().max(16),
  category: z.string().max(100),
  requestedStartDate: z.iso.datetime({ offset: true }),
  requestedCompletionDate: z.iso.datetime({ offset: true }),
  note: z.array(NoteIn).max(50),
};

export const ProductOrderInputSchema = z
  .object({
    ...z.object(OrderAttributes).partial().shape,
    relatedParty: z.array(RelatedPartyIn).max(10).optional(),
    productOrderItem: z.array(ProductOrderItemInputSchema).min(1).max(50),
  })
  .loose();
export type ProductOrderInput = z.infer<typeof ProductOrderInputSchema>;

/** The attributes of an order that are read-only (TMF622 v4: set by the server, or its items). */
export const PRODUCT_ORDER_READ_ONLY = [
  'id',
  'href',
  '@type',
  '@baseType',
  '@schemaLocation',
  'state',
  'orderDate',
  'completionDate',
  'expectedCompletionDate',
  'cancellationDate',
  'cancellationReason',
  'productOrderItem',
  'relatedParty',
  'errorMessage',
] as const;

/**
 * PATCH productOrder as a JSON merge patch (RFC 7386): null removes an attribute. Any other
 * attribute is refused by name (read-only, or not one we keep) — never silently ignored.
 */
export const ProductOrderPatchSchema = z
  .object(Object.fromEntries(Object.entries(OrderAttributes).map(([k, v]) => [k, v.nullable().optional()])) as { [K in keyof typeof OrderAttributes]: z.ZodOptional<z.ZodNullable<(typeof OrderAttributes)[K]>> })
  .catchall(z.unknown())
  .meta({ id: 'TmfProductOrderPatch', description: `TMF622 ProductOrder_Update as a merge patch. Read-only: ${PRODUCT_ORDER_READ_ONLY.join(', ')}.` });
export type ProductOrderPatch = Partial<{ [K in keyof typeof OrderAttributes]: z.infer<(typeof OrderAttributes)[K]> | null }>;

export const CancelProductOrderInputSchema = z
  .object({
    productOrder: z.object({ id: z.string().min(1).max(64), href: z.string().max(500).optional(), '@referredType': z.string().max(64).optional() }).loose(),
    cancellationReason: z.string().max(1000).optional(),
    requestedCancellationDate: z.iso.datetime({ offset: true }).optional(),
  })
  .loose();
export type CancelProductOrderInput = z.infer<typeof CancelProductOrderInputSchema>;

export const TmfCancelProductOrderSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('CancelProductOrder'),
    state: z.enum(['acknowledged', 'inProgress', 'done', 'terminatedWithError']),
    cancellationReason: z.string(),
    requestedCancellationDate: z.string(),
    effectiveCancellationDate: z.string(),
    productOrder: Ref,
    errorMessage: z.array(z.object({ '@type': z.literal('ErrorMessage'), code: z.string(), reason: z.string(), message: z.string() })),
  })
  .partial()
  .meta({ id: 'TmfCancelProductOrder', description: 'TMF622 v4 CancelProductOrder; `errorMessage` (TMF622 v5) says why a cancellation ended terminatedWithError.' });
export const TmfCancelProductOrderListSchema = z.array(TmfCancelProductOrderSchema);
export type TmfCancelProductOrder = z.infer<typeof TmfCancelProductOrderSchema>;
export type ProductOrderItemInput = z.infer<typeof ProductOrderItemInputSchema>;

const ErrorMessage = z.object({ '@type': z.literal('ProductOrderErrorMessage'), code: z.string(), reason: z.string(), message: z.string().optional(), productOrderItem: z.array(z.object({ itemId: z.string() })) });

export const TmfProductOrderItemSchema = z.object({
  id: z.string(),
  action: z.enum(['add', 'modify', 'delete', 'noChange']),
  state: z.enum(TMF_ORDER_ITEM_STATES),
  quantity: z.number().int(),
  productOffering: Ref.optional(),
  product: z.object({ id: z.string().optional(), href: z.string().optional(), productSpecification: Ref.optional(), '@type': z.literal('Product') }).optional(),
  '@type': z.literal('ProductOrderItem'),
});

export const TmfProductOrderSchema = z
  .object({
    id: z.string(),
    href: z.string(),
    '@type': z.literal('ProductOrder'),
    externalId: z.string(),
    description: z.string(),
    priority: z.string(),
    category: z.string(),
    state: z.enum(TMF_ORDER_STATES),
    orderDate: z.string(),
    requestedStartDate: z.string(),
    requestedCompletionDate: z.string(),
    completionDate: z.string(),
    cancellationDate: z.string(),
    cancellationReason: z.string(),
    productOrderItem: z.array(TmfProductOrderItemSchema),
    note: z.array(z.object({ text: z.string(), author: z.string().optional(), date: z.string().optional(), '@type': z.literal('Note') })),
    errorMessage: z.array(ErrorMessage),
    relatedParty: z.array(OrderParty),
  })
  .partial()
  .meta({ id: 'TmfProductOrder', description: 'TMF622 v4 ProductOrder' });
export const TmfProductOrderListSchema = z.array(TmfProductOrderSchema);
export type TmfProductOrder = z.infer<typeof TmfProductOrderSchema>;
