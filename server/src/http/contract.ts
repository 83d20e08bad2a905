/**
 * The HTTP API as a client sees it: every answer and body type, inferred from the zod schemas the
 * routes validate with (`modules/<name>/*.schemas.ts`). The browser app imports these types — and
 * only types — through `web/src/shared/api/contract.ts`, so a schema change that breaks a page
 * fails `npm run typecheck`, and no server code reaches the browser bundle (type imports are erased).
 *
 * Conventions:
 * - An answer is what the server sends: the schema's output (`Out<…>`).
 * - A body or query is what a client may send: the schema's input (`In<…>`), so fields with a
 *   default or a `nullish()` are optional here. (The server's own `XxxInput` types in `*.schemas.ts`
 *   are the parsed output; the names here are the client's view.)
 * - New endpoint? Give its answer a named schema in the module's `*.schemas.ts` (not inline in the
 *   route) and add one line here.
 *
 * Only `import type` in this file: it must never make the browser load server code.
 */
import type { z } from 'zod';
import type { ActivationViewSchema, BackOfficePortingIssuePageSchema, EmployeePukSchema, EsimCodeSchema, SimCodesSchema, PortCorrectionSchema, PortingIssuePageSchema } from '../modules/activation/activation.schemas.js';
import type { ApprovalPageSchema, ApprovalSchema, ApprovalSettingsSchema, ApprovalSummarySchema, PendingApprovalSchema } from '../modules/approvals/approvals.schemas.js';
import type { AuditEventSchema, AuditPageSchema } from '../modules/audit/audit.schemas.js';
import type { LoginSchema, MeSchema } from '../modules/auth/auth.schemas.js';
import type { CompanyAccountPageSchema, CompanyAccountSchema, CompanyRoleSchema, InviteCompanyAccountSchema } from '../modules/companies/company-accounts.schemas.js';
import type { DryRunSchema, ImportFileProblemSchema, ImportListSchema, ImportSchema, ImportStartedSchema } from '../modules/imports/imports.schemas.js';
import type { BulkActionInputSchema, BulkActionListSchema, BulkActionSchema, BulkItemPageSchema, BulkPreviewSchema } from '../modules/bulk-actions/bulk-actions.schemas.js';
import type { ChargebackSchema, ImpactLineSchema, NextBillSchema } from '../modules/billing/billing.schemas.js';
import type { CompanyUsageSchema, ServiceUsageSchema, UsageQuerySchema } from '../modules/usage/usage.schemas.js';
import type {
  BackOfficeCatalogSchema,
  CatalogEntryKindSchema,
  CatalogEntryPatchSchema,
  ItemKindSchema,
  LocalizedTextSchema,
  PriceAddedSchema,
  PriceHistorySchema,
  PriceInputSchema,
} from '../modules/catalog/catalog-admin.schemas.js';
import type { CatalogSchema } from '../modules/catalog/catalog.schemas.js';
import type {
  AccountStatusSchema,
  AdministratorSchema,
  CompanyDetailSchema,
  CompanyInputSchema,
  CompanyPageSchema,
  ContractInputSchema,
  ContractSchema,
  CreateCompanySchema,
  CreatedSchema,
  InvitationViewSchema,
  InviteAdministratorSchema,
  OfficeInputSchema,
  OfficeSchema,
  PasswordSetSchema,
  StaffListSchema,
  StaffMemberSchema,
} from '../modules/companies/companies.schemas.js';
import type { ReportLostSchema, SuspendInputSchema, SuspensionResultSchema, SwapInputSchema } from '../modules/lines/lines.schemas.js';
import type { MailboxItemSchema, MailboxMessageSchema, MailboxPageSchema } from '../modules/mail/mailbox.schemas.js';
import type { CostCentreBulkSchema, CostCentreBulkResultSchema, CostCentreListSchema, MobileUserInputSchema, MobileUserListQuerySchema, MobileUserPageSchema, MobileUserSchema, MobileUserSummarySchema, ServiceSummarySchema } from '../modules/mobile-users/mobile-users.schemas.js';
import type { OperatorBrandingSchema } from '../modules/operator/operator.schemas.js';
import type { FileRequestSchema, RequestDetails as FiledDetails, TRIED_STEPS } from '../modules/requests/domain/request-details.js';
import type { QueueQuerySchema, RequestableServicesSchema, RequestDetailSchema, RequestSummarySchema, TransitionInputSchema } from '../modules/requests/requests.schemas.js';
import type {
  BillingImpactSchema,
  ChangeOptionsSchema,
  ChangeResultSchema,
  ChangeSelectionSchema,
  DeletionQuotaSchema,
  DeletionResultSchema,
  OverviewCountSchema,
  OverviewFacetsSchema,
  OverviewItemSchema,
  OverviewPageSchema,
  OverviewQuerySchema,
  OverviewSummarySchema,
  PortCandidatesSchema,
  ScheduledSchema,
  ScheduleServicesSchema,
  ServiceDetailSchema,
  ServiceEventSchema,
  StartedSchema,
  WaitingPageSchema,
  WaitingQuerySchema,
  WaitingServiceSchema,
  WizardCheckedSchema,
  WizardDraftSchema,
  WizardFixedNumbersSchema,
  WizardInputSchema,
  WizardStockSchema,
} from '../modules/services/services.schemas.js';
import type {
  FixedNumberPageSchema,
  FixedNumberSchema,
  ImportProblemSchema,
  ImportResultSchema,
  PoolNumberPageSchema,
  PoolNumberSchema,
  SimCardInputSchema,
  SimCardPageSchema,
  SimCardSchema,
} from '../modules/stock/stock.schemas.js';
import type { LanguageSchema, LocalizedNameSchema, pageOf } from '../platform/validation.js';
import type { ProblemSchema } from './openapi.js';
import type {
  CompanyTwoFactorSchema,
  EnrolledSignInSchema,
  EnrolmentSchema,
  LoginAnswerSchema,
  OwnSessionListSchema,
  PasswordResetDoneSchema,
  PasswordResetViewSchema,
  RecoveryCodesSchema,
  SecondStepSchema,
  TwoFactorStatusSchema,
} from '../modules/auth/sign-in-security.schemas.js';
import type { SsoCheckSchema, SsoSettingsInputSchema, SsoSettingsSchema, SsoStartSchema } from '../modules/auth/sso.schemas.js';
import type { AlertSettingsSchema, EmployeeRoamingBlockSchema, LineAlertSettingsSchema, UsageControlsSchema } from '../modules/usage/usage-alerts.schemas.js';
import type { ApiClientInputSchema, ApiClientListSchema, ApiClientSchema, ApiScopeSchema, CreatedApiClientSchema } from '../modules/public-api/api-clients.schemas.js';
import type { DeliveryPageSchema, DeliverySchema, HubListSchema, HubViewSchema } from '../modules/public-api/webhooks.schemas.js';
import type { EmployeeMeSchema } from '../modules/auth/sign-in-security.schemas.js';
import type { AskForChangeSchema, EmployeeRequestListSchema, MyLinesSchema, MyPukSchema } from '../modules/my-lines/my-lines.schemas.js';

type Out<S extends z.ZodType> = z.output<S>;
type In<S extends z.ZodType> = z.input<S>;
type ItemOf<P extends { items: readonly unknown[] }> = P['items'][number];

// ---------------------------------------------------------------- shared

export type Language = Out<typeof LanguageSchema>;
/** A catalog entry named in the caller's language. */
export type CodeName = Out<typeof LocalizedNameSchema>;
/** One page of a numbered list (`?page=&pageSize=`). */
export type Page<T> = Omit<Out<ReturnType<typeof pageOf>>, 'items'> & { items: T[] };
export type SortOrder = NonNullable<In<typeof MobileUserListQuerySchema>['order']>;
export type Created = Out<typeof CreatedSchema>;
/** Every error answer (RFC 9457); `detail` and `errors[].message` are translated. */
export type Problem = Out<typeof ProblemSchema>;
export type ProblemFieldError = NonNullable<Problem['errors']>[number];

// ---------------------------------------------------------------- auth, operator, invitations

export type Me = Out<typeof MeSchema>;
export type Role = Me['account']['role'];
export type Credentials = In<typeof LoginSchema>;
export type Operator = Out<typeof OperatorBrandingSchema>;
export type InvitationView = Out<typeof InvitationViewSchema>;
export type PasswordSet = Out<typeof PasswordSetSchema>;

// ---------------------------------------------------------------- companies, offices, administrators

export type Contract = Out<typeof ContractSchema>;
export type Office = Out<typeof OfficeSchema>;
export type AccountStatus = Out<typeof AccountStatusSchema>;
export type Administrator = Out<typeof AdministratorSchema>;
export type StaffMember = Out<typeof StaffMemberSchema>;
export type StaffList = Out<typeof StaffListSchema>;
/** GET /api/company (your own) and GET /api/companies/:id (back office) answer with the same shape. */
export type CompanyDetail = Out<typeof CompanyDetailSchema>;
export type CompanyPage = Out<typeof CompanyPageSchema>;
export type CompanySummary = ItemOf<CompanyPage>;
export type CompanyInput = In<typeof CompanyInputSchema>;
export type CreateCompanyInput = In<typeof CreateCompanySchema>;
export type ContractInput = In<typeof ContractInputSchema>;
export type OfficeInput = In<typeof OfficeInputSchema>;
export type InviteInput = In<typeof InviteAdministratorSchema>;

// ---------------------------------------------------------------- the company's own accounts (owner)

export type CompanyRole = Out<typeof CompanyRoleSchema>;
export type CompanyAccount = Out<typeof CompanyAccountSchema>;
export type CompanyAccountPage = Out<typeof CompanyAccountPageSchema>;
export type InviteCompanyAccountInput = In<typeof InviteCompanyAccountSchema>;

// ---------------------------------------------------------------- mobile users

export type MobileUserSummary = Out<typeof MobileUserSummarySchema>;
export type MobileUserPage = Out<typeof MobileUserPageSchema>;
/** A mobile user's service as the user's page lists it. */
export type MobileService = Out<typeof ServiceSummarySchema>;
export type MobileUser = Out<typeof MobileUserSchema>;
export type MobileUserInput = In<typeof MobileUserInputSchema>;
export type UserSort = NonNullable<In<typeof MobileUserListQuerySchema>['sort']>;

// ---------------------------------------------------------------- approvals

export type Approval = Out<typeof ApprovalSchema>;
export type ApprovalStatus = Approval['status'];
export type ApprovalKind = Approval['kind'];
export type ApprovalPage = Out<typeof ApprovalPageSchema>;
export type ApprovalSummary = Out<typeof ApprovalSummarySchema>;
export type ApprovalSettings = Out<typeof ApprovalSettingsSchema>;
export type PendingApproval = Out<typeof PendingApprovalSchema>;

// ---------------------------------------------------------------- audit

export type AuditEvent = Out<typeof AuditEventSchema>;
export type AuditChange = AuditEvent['changes'][number];
export type AuditPage = Out<typeof AuditPageSchema>;

// ---------------------------------------------------------------- catalog (wizard) and services

export type Catalog = Out<typeof CatalogSchema>;
export type CatalogProductType = Catalog['productTypes'][number];
export type CatalogServiceType = CatalogProductType['serviceTypes'][number];
export type CatalogBundle = CatalogServiceType['bundles'][number];
export type CatalogOption = CatalogBundle['options'][number];

export type WizardStock = Out<typeof WizardStockSchema>;
export type PortCandidates = Out<typeof PortCandidatesSchema>;
export type PortCandidate = ItemOf<PortCandidates>;
export type FixedNumberChoices = Out<typeof WizardFixedNumbersSchema>;
/** What Save of the Add Service wizard sends. */
export type WizardInput = In<typeof WizardInputSchema>;
/** The choices up to a step, as Next of that step sends them. */
export type WizardDraft = In<typeof WizardDraftSchema>;
export type WizardChecked = Out<typeof WizardCheckedSchema>;
export type NumberChoice = NonNullable<WizardInput['number']>;
export type PortInChoice = Extract<NumberChoice, { kind: 'port_in' }>;
export type NumberKind = NumberChoice['kind'];
export type AccountType = PortInChoice['accountType'];
export type SimChoiceKind = NonNullable<WizardInput['sim']>['kind'];
export type FixedKind = NonNullable<WizardInput['fixedNumber']>['kind'];
export type ActivationMethod = WizardInput['activation']['method'];
export type ActivationTiming = WizardInput['activation']['timing'];

export type ServiceDetail = Out<typeof ServiceDetailSchema>;
export type ServiceStatus = ServiceDetail['status'];
export type ServiceEvent = Out<typeof ServiceEventSchema>;
export type WaitingService = Out<typeof WaitingServiceSchema>;
export type WaitingPage = Out<typeof WaitingPageSchema>;
export type WaitingSort = NonNullable<In<typeof WaitingQuerySchema>['sort']>;
export type ScheduleServicesInput = In<typeof ScheduleServicesSchema>;
export type Started = Out<typeof StartedSchema>;
export type Scheduled = Out<typeof ScheduledSchema>;

// ---------------------------------------------------------------- managing a service, billing

export type ChangeOptions = Out<typeof ChangeOptionsSchema>;
export type ChangeChoice = In<typeof ChangeSelectionSchema>;
export type BillingImpact = Out<typeof BillingImpactSchema>;
/** A bundle or an option with its monthly price, as a billing impact lists them. */
export type PricedItem = BillingImpact['before']['bundle'];
export type ChangeResult = Out<typeof ChangeResultSchema>;

// ---------------------------------------------------------------- line operations

export type LineOperation = ServiceDetail['lineOperations'][number];
export type SuspendInput = In<typeof SuspendInputSchema>;
export type SuspensionResult = Out<typeof SuspensionResultSchema>;
export type ReportLostInput = In<typeof ReportLostSchema>;
export type LossCause = ReportLostInput['cause'];
export type SwapInput = In<typeof SwapInputSchema>;
export type DeletionQuota = Out<typeof DeletionQuotaSchema>;
export type DeletionResult = Out<typeof DeletionResultSchema>;
/** One pro-rata line (charge or credit). */
export type BillingLine = Out<typeof ImpactLineSchema>;
export type NextBill = Out<typeof NextBillSchema>;
export type NextBillUser = NextBill['users'][number];
export type NextBillChange = NextBillUser['changes'][number];

// ---------------------------------------------------------------- service overview

export type OverviewItem = Out<typeof OverviewItemSchema>;
export type OverviewPage = Out<typeof OverviewPageSchema>;
export type OverviewCount = Out<typeof OverviewCountSchema>;
export type OverviewFacets = Out<typeof OverviewFacetsSchema>;
export type OverviewSummary = Out<typeof OverviewSummarySchema>;
export type OverviewSort = NonNullable<In<typeof OverviewQuerySchema>['sort']>;

// ---------------------------------------------------------------- activation page, porting issues

export type ActivationView = Out<typeof ActivationViewSchema>;
export type EsimCode = Out<typeof EsimCodeSchema>;
export type SimCodes = Out<typeof SimCodesSchema>;
export type EmployeePuk = Out<typeof EmployeePukSchema>;
export type PortingIssuePage = Out<typeof PortingIssuePageSchema>;
export type PortingIssue = ItemOf<PortingIssuePage>;
export type BackOfficePortingIssuePage = Out<typeof BackOfficePortingIssuePageSchema>;
export type BackOfficePortingIssue = ItemOf<BackOfficePortingIssuePage>;
export type PortCorrectionInput = In<typeof PortCorrectionSchema>;

// ---------------------------------------------------------------- requests

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

export type FileRequestInput = In<typeof FileRequestSchema>;
export type RequestKind = FileRequestInput['kind'];
/** The details of one kind, as the administrator sends them. */
export type RequestDetailsInput<K extends RequestKind> = Extract<FileRequestInput, { kind: K }>['details'];
/**
 * A stored request's details: the answer's schema says only "an object", the shape is the one its
 * kind's filing schema gave it; every member of every kind, each optional.
 */
export type RequestDetails = Partial<UnionToIntersection<FiledDetails>>;
export type SupportTopic = RequestDetailsInput<'support'>['topic'];
export type TriedStep = (typeof TRIED_STEPS)[number];
/** An address in a request's details (a move's new address, an added office's). */
export type RequestAddress = NonNullable<RequestDetails['newAddress']>;
export type RequestSummary = Omit<Out<typeof RequestSummarySchema>, 'details'> & { details: RequestDetails };
export type RequestPage = Page<RequestSummary>;
export type RequestDetail = Omit<Out<typeof RequestDetailSchema>, 'details'> & { details: RequestDetails };
export type RequestStatus = RequestDetail['status'];
export type RequestEvent = RequestDetail['allowedEvents'][number];
export type RequestService = RequestDetail['services'][number];
export type RequestableServices = Out<typeof RequestableServicesSchema>;
export type RequestableService = ItemOf<RequestableServices>;
export type TransitionInput = In<typeof TransitionInputSchema>;
export type QueueQuery = In<typeof QueueQuerySchema>;

// ---------------------------------------------------------------- back office: catalog

export type Localized = Out<typeof LocalizedTextSchema>;
export type BackOfficeCatalog = Out<typeof BackOfficeCatalogSchema>;
export type BackOfficeBundle = BackOfficeCatalog['bundles'][number];
export type BackOfficeOption = BackOfficeCatalog['options'][number];
export type PlannedPrice = BackOfficeBundle['nextPrice'];
export type ItemKind = Out<typeof ItemKindSchema>;
export type CatalogEntryKind = Out<typeof CatalogEntryKindSchema>;
export type CatalogEntryPatch = In<typeof CatalogEntryPatchSchema>;
export type PriceHistory = Out<typeof PriceHistorySchema>;
export type PriceRow = PriceHistory['items'][number];
export type PriceInput = In<typeof PriceInputSchema>;
export type PriceAdded = Out<typeof PriceAddedSchema>;

// ---------------------------------------------------------------- back office: stock

export type SimCard = Out<typeof SimCardSchema>;
export type SimCardPage = Out<typeof SimCardPageSchema>;
export type SimCardInput = In<typeof SimCardInputSchema>;
export type SimKind = SimCard['kind'];
export type SimStatus = SimCard['status'];
export type FixedNumber = Out<typeof FixedNumberSchema>;
export type FixedNumberPage = Out<typeof FixedNumberPageSchema>;
export type FixedNumberStatus = FixedNumber['status'];
export type PoolNumber = Out<typeof PoolNumberSchema>;
export type PoolNumberPage = Out<typeof PoolNumberPageSchema>;
export type PoolNumberStatus = PoolNumber['status'];
export type ImportResult = Out<typeof ImportResultSchema>;
/** One problem of a refused CSV file: its line (header = 1), its column ('' for the whole line). */
export type ImportRowError = NonNullable<Out<typeof ImportProblemSchema>['rows']>[number];

// ---------------------------------------------------------------- development mailbox

export type MailboxItem = Out<typeof MailboxItemSchema>;
export type MailboxPage = Out<typeof MailboxPageSchema>;
export type MailboxMessage = Out<typeof MailboxMessageSchema>;

// ---------------------------------------------------------------- bulk import
export type ImportDryRun = Out<typeof DryRunSchema>;
export type ImportDryRunRow = ImportDryRun['rows'][number];
export type ImportIssue = ImportDryRunRow['issues'][number];
export type ImportFileProblem = Out<typeof ImportFileProblemSchema>;
export type ImportProgress = Out<typeof ImportSchema>;
export type ImportList = Out<typeof ImportListSchema>;
export type ImportStarted = Out<typeof ImportStartedSchema>;
export type BulkActionInput = In<typeof BulkActionInputSchema>;
export type BulkActionParams = BulkActionInput['action'];
export type BulkActionKind = BulkActionParams['kind'];
export type BulkPreview = Out<typeof BulkPreviewSchema>;
export type BulkAction = Out<typeof BulkActionSchema>;
export type BulkActionList = Out<typeof BulkActionListSchema>;
export type BulkItemPage = Out<typeof BulkItemPageSchema>;

// ---------------------------------------------------------------- API clients of the public API

export type ApiScope = Out<typeof ApiScopeSchema>;
export type ApiClient = Out<typeof ApiClientSchema>;
export type ApiClientList = Out<typeof ApiClientListSchema>;
export type ApiClientInput = In<typeof ApiClientInputSchema>;
/** The answer of a creation: the only time the secret is shown. */
export type CreatedApiClient = Out<typeof CreatedApiClientSchema>;

// ---------------------------------------------------------------- signing in: second step, two-factor, forgot password, own sessions

export type LoginAnswer = Out<typeof LoginAnswerSchema>;
export type SecondStep = Out<typeof SecondStepSchema>['secondStep'];
export type TwoFactorEnrolment = Out<typeof EnrolmentSchema>;
export type RecoveryCodes = Out<typeof RecoveryCodesSchema>;
export type EnrolledSignIn = Out<typeof EnrolledSignInSchema>;
export type TwoFactorStatus = Out<typeof TwoFactorStatusSchema>;
export type CompanyTwoFactor = Out<typeof CompanyTwoFactorSchema>;
export type PasswordResetView = Out<typeof PasswordResetViewSchema>;
export type PasswordResetDone = Out<typeof PasswordResetDoneSchema>;
export type OwnSessionList = Out<typeof OwnSessionListSchema>;
export type OwnSession = ItemOf<OwnSessionList>;
export type SsoSettings = Out<typeof SsoSettingsSchema>;
export type SsoSettingsInput = z.input<typeof SsoSettingsInputSchema>;
export type SsoCheck = Out<typeof SsoCheckSchema>;
export type SsoStart = Out<typeof SsoStartSchema>;
// ---------------------------------------------------------------- usage and cost centres

export type CompanyUsage = Out<typeof CompanyUsageSchema>;
export type LineUsage = CompanyUsage['lines'][number];
export type UsageSuggestion = CompanyUsage['suggestions'][number];
export type UsageBand = NonNullable<LineUsage['band']>;
export type UsageQuery = In<typeof UsageQuerySchema>;
export type ServiceUsage = Out<typeof ServiceUsageSchema>;
export type NextBillOutOfBundle = NextBillUser['outOfBundle'][number];
export type Chargeback = Out<typeof ChargebackSchema>;
export type ChargebackCentre = Chargeback['centres'][number];
export type CostCentreBulk = In<typeof CostCentreBulkSchema>;
export type CostCentreBulkResult = Out<typeof CostCentreBulkResultSchema>;
export type CostCentreList = Out<typeof CostCentreListSchema>;
// ---------------------------------------------------------------- usage alerts, roaming cap, barring

export type AlertSettings = Out<typeof AlertSettingsSchema>;
export type LineAlertSettings = In<typeof LineAlertSettingsSchema>;
export type UsageControls = Out<typeof UsageControlsSchema>;
export type BarringKind = UsageControls['barrings'][number]['kind'];
export type UsageAlertKind = UsageControls['alerts'][number]['kind'];
export type EmployeeRoamingBlock = Out<typeof EmployeeRoamingBlockSchema>;
export type EventHub = Out<typeof HubViewSchema>;
export type EventHubList = Out<typeof HubListSchema>;
export type EventDelivery = Out<typeof DeliverySchema>;
export type EventDeliveryPage = Out<typeof DeliveryPageSchema>;
// ---------------------------------------------------------------- My lines (an employee's own page) and their requests

export type EmployeeMe = Out<typeof EmployeeMeSchema>;
export type MyLines = Out<typeof MyLinesSchema>;
export type MyLine = MyLines['lines'][number];
export type MyPuk = Out<typeof MyPukSchema>;
export type AskForChange = In<typeof AskForChangeSchema>;
export type EmployeeRequestList = Out<typeof EmployeeRequestListSchema>;
export type EmployeeRequestItem = EmployeeRequestList['requests'][number];
