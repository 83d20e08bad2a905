// The one database schema. Migrations under server/migrations are generated from it by drizzle-kit
// (`npm run db:generate`); never edit the database any other way.
import { sql } from 'drizzle-orm';
import { SERVICE_STATUSES, type ServiceStatus } from '../modules/services/domain/lifecycle.js';
import { LINE_OPERATION_KINDS, type LineOperationDetails } from '../modules/lines/domain/line-operations.js';
import { HUB_APIS } from '../modules/public-api/domain/webhook-events.js';
import { BULK_ACTION_KINDS, type BulkActionParams } from '../modules/bulk-actions/domain/bulk-action.js';
import { SIMULATOR_REQUEST_KINDS, type SimulatorOutcome } from '../modules/network/domain/simulator-request.js';
import { BARRING_KINDS } from '../modules/network/domain/barring.js';
import { USAGE_ALERT_KINDS } from '../modules/usage/domain/thresholds.js';
import { REQUEST_KINDS, type RequestDetails } from '../modules/requests/domain/request-details.js';
import { REQUEST_ROLES, REQUEST_STATUSES } from '../modules/requests/domain/request-machine.js';
import { COMPANY_ROLES } from '../modules/auth/domain/roles.js';
import { EMPLOYEE_REQUEST_KINDS, EMPLOYEE_REQUEST_STATUSES } from '../modules/my-lines/domain/employee-request-machine.js';
import { APPROVAL_KINDS, APPROVAL_STATUSES, type ApprovalPayload } from '../modules/approvals/domain/approval-machine.js';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  unique,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';

export { SERVICE_STATUSES, type ServiceStatus };
export type LocalizedText = { en: string; fr: string; nl: string };

const id = () => uuid('id').primaryKey().default(sql`gen_random_uuid()`);
const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();

/** Branding and contact points of the operator running this portal (a single row). */
export const operatorSettings = pgTable('operator_settings', {
  id: integer('id').primaryKey().default(1),
  name: text('name').notNull(),
  portalName: text('portal_name').notNull(),
  supportPhone: text('support_phone').notNull(),
  supportEmail: text('support_email').notNull(),
  salesEmail: text('sales_email').notNull(),
  financeEmail: text('finance_email').notNull(),
  portalUrl: text('portal_url').notNull(),
});

export const companies = pgTable(
  'companies',
  {
    id: id(),
    name: text('name').notNull(),
    vatNumber: text('vat_number'),
    // the operator's account manager for this company (an operator staff account)
    accountManagerId: uuid('account_manager_id').references((): AnyPgColumn => accounts.id),
    // every account of the company must sign in with a second factor (modules/auth, two-factor.ts)
    requireTwoFactor: boolean('require_two_factor').notNull().default(false),
    // orders above this monthly amount (euro cents, excl. VAT) wait for a second person's approval
    // (modules/approvals); null: approvals are off. Set by the owner.
    approvalThresholdCents: integer('approval_threshold_cents'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('companies_name_uq').on(t.name)],
);

export const productTypes = pgTable('product_types', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const contracts = pgTable(
  'contracts',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    reference: text('reference').notNull(),
    productTypes: text('product_types').array().notNull(),
    contractedServices: integer('contracted_services').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('contracts_company_uq').on(t.companyId), uniqueIndex('contracts_reference_uq').on(t.reference)],
);

export const offices = pgTable(
  'offices',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    street: text('street').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    country: text('country').notNull().default('BE'),
  },
  // (company_id, id) is what company-owned rows point at, so a reference cannot cross companies.
  (t) => [index('offices_company_idx').on(t.companyId), unique('offices_company_id_uq').on(t.companyId, t.id)],
);

/** People who sign in: fleet administrators (with a company) and operator staff (without). */
export const accounts = pgTable(
  'accounts',
  {
    id: id(),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    fullName: text('full_name').notNull(),
    role: text('role', { enum: ['admin', 'operator'] }).notNull(),
    // what a company account may do (modules/auth/domain/roles.ts); operator staff have none
    companyRole: text('company_role', { enum: COMPANY_ROLES }),
    companyId: uuid('company_id').references(() => companies.id),
    language: text('language', { enum: ['en', 'fr', 'nl'] }).notNull().default('en'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    // invited: no usable password yet (set through an invitation link); deactivated: cannot sign in.
    // Changed only through modules/companies/domain/admin-account.ts (transition table).
    status: text('status', { enum: ['invited', 'active', 'deactivated'] }).notNull().default('active'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('accounts_email_uq').on(t.email),
    index('accounts_company_idx').on(t.companyId),
    check('accounts_company_role_ck', sql`(${t.role} = 'admin') = (${t.companyRole} is not null)`),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    // SHA-256 of the cookie value: a database dump does not hand out live sessions.
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    // what the person's own sessions page shows (modules/auth, my-sessions.ts); `id` names a session there
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    // written at most once a minute per session and instance (session-seen.ts)
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId), uniqueIndex('sessions_id_uq').on(t.id)],
);

/** Employees of a customer company who receive mobile lines. They never sign in. */
export const mobileUsers = pgTable(
  'mobile_users',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    email: text('email').notNull(),
    language: text('language', { enum: ['en', 'fr', 'nl'] }).notNull(),
    department: text('department'),
    costCentre: text('cost_centre'),
    officeId: uuid('office_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('mobile_users_company_id_uq').on(t.companyId, t.id),
    foreignKey({ name: 'mobile_users_office_same_company_fk', columns: [t.companyId, t.officeId], foreignColumns: [offices.companyId, offices.id] }),
    uniqueIndex('mobile_users_company_email_uq').on(t.companyId, t.email),
    // the user list and the service overview page through users by name (keyset: name, then id)
    index('mobile_users_company_name_id_idx').on(t.companyId, t.lastName, t.firstName, t.id),
  ],
);

export const serviceTypes = pgTable('service_types', {
  code: text('code').primaryKey(),
  productTypeCode: text('product_type_code')
    .notNull()
    .references(() => productTypes.code),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  description: jsonb('description').$type<LocalizedText>().notNull(),
  needsSim: boolean('needs_sim').notNull(),
  needsMobileNumber: boolean('needs_mobile_number').notNull(),
  needsFixedNumber: boolean('needs_fixed_number').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

export const bundles = pgTable(
  'bundles',
  {
    code: text('code').primaryKey(),
    serviceTypeCode: text('service_type_code')
      .notNull()
      .references(() => serviceTypes.code),
    name: jsonb('name').$type<LocalizedText>().notNull(),
    dataGb: numeric('data_gb', { precision: 8, scale: 1, mode: 'number' }),
    // null = unlimited; 0 = no telephony (data-only bundles)
    callMinutes: integer('call_minutes'),
    monthlyPriceCents: integer('monthly_price_cents').notNull(),
    // what a suspended line of this bundle costs a month, options included; null = the full price
    suspendedMonthlyPriceCents: integer('suspended_monthly_price_cents'),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [index('bundles_service_type_idx').on(t.serviceTypeCode)],
);

export const bundleOptions = pgTable('bundle_options', {
  code: text('code').primaryKey(),
  name: jsonb('name').$type<LocalizedText>().notNull(),
  monthlyPriceCents: integer('monthly_price_cents').notNull(),
  active: boolean('active').notNull().default(true),
});

/** Which options may be added to which bundle. */
export const bundleAllowedOptions = pgTable(
  'bundle_allowed_options',
  {
    bundleCode: text('bundle_code')
      .notNull()
      .references(() => bundles.code),
    optionCode: text('option_code')
      .notNull()
      .references(() => bundleOptions.code),
  },
  (t) => [primaryKey({ columns: [t.bundleCode, t.optionCode] })],
);

/** A line (or UC seat) of a mobile user, with everything the Add Service wizard chose for it. */
export const services = pgTable(
  'services',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    mobileUserId: uuid('mobile_user_id').notNull(),
    serviceTypeCode: text('service_type_code')
      .notNull()
      .references(() => serviceTypes.code),
    bundleCode: text('bundle_code')
      .notNull()
      .references(() => bundles.code),
    optionCodes: text('option_codes').array().notNull().default(sql`'{}'::text[]`),
    // E.164 without spaces, e.g. +32470123456
    msisdn: text('msisdn'),
    status: text('status', { enum: SERVICE_STATUSES }).notNull(),
    // Step 5: where the mobile number comes from (null for services without one)
    numberSource: text('number_source', { enum: ['new', 'port_in', 'port_internal'] }),
    // Step 5, "port within the organisation": the service whose number moves here; it ends when this one is active.
    portFromServiceId: uuid('port_from_service_id'),
    // Step 6 (null for services without a SIM); the card itself is sim_cards.service_id
    simChoice: text('sim_choice', { enum: ['user_enters', 'admin_sim', 'esim'] }),
    // Step 7, "take over an active fixed number": who held it, so cancelling can give it back.
    fixedNumberTakenFromServiceId: uuid('fixed_number_taken_from_service_id'),
    // Step 8
    activationMethod: text('activation_method', { enum: ['email', 'automatic'] }),
    activationTiming: text('activation_timing', { enum: ['asap', 'later'] }),
    scheduledStartAt: timestamp('scheduled_start_at', { withTimezone: true }),
    activationStartedAt: timestamp('activation_started_at', { withTimezone: true }),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    // The two halves of "active": the SIM/eSIM works on the network, and the number reached it.
    simProvisionedAt: timestamp('sim_provisioned_at', { withTimezone: true }),
    // E-mail activation: when the employee entered the SIM or pressed Activate on the personal page.
    userActedAt: timestamp('user_acted_at', { withTimezone: true }),
    numberLiveAt: timestamp('number_live_at', { withTimezone: true }),
    // a suspension with an end: the line resumes by itself at this moment (a scheduled job)
    suspendedUntil: timestamp('suspended_until', { withTimezone: true }),
    // what the administrator (or the roaming cap) bars on the line besides a lost phone's bar: roaming, premium_rate, international
    barrings: text('barrings', { enum: BARRING_KINDS }).array().notNull().default(sql`'{}'::text[]`),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    // why a service ended: deleted by the administrator (counts towards the 30 % rule), or its number moved to another service
    endReason: text('end_reason', { enum: ['deleted', 'number_moved'] }),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('services_company_id_uq').on(t.companyId, t.id),
    foreignKey({ name: 'services_user_same_company_fk', columns: [t.companyId, t.mobileUserId], foreignColumns: [mobileUsers.companyId, mobileUsers.id] }),
    foreignKey({ name: 'services_port_from_same_company_fk', columns: [t.companyId, t.portFromServiceId], foreignColumns: [t.companyId, t.id] }),
    index('services_company_msisdn_idx').on(t.companyId, t.msisdn),
    index('services_company_status_idx').on(t.companyId, t.status),
    // the service overview pages by these keys (keyset pagination)
    // "C" collation: numbers sort digit by digit, and a typed prefix becomes an index range
    index('services_company_msisdn_id_idx').on(t.companyId, sql`(coalesce(${t.msisdn}, '') collate "C")`, t.id),
    index('services_company_activated_id_idx').on(t.companyId, sql`coalesce(${t.activatedAt}, '-infinity'::timestamptz)`, t.id),
    index('services_company_user_id_idx').on(t.companyId, t.mobileUserId, t.id),
    // the 30 % rule counts deletions in the contract period
    index('services_company_deleted_idx').on(t.companyId, t.endedAt).where(sql`end_reason = 'deleted'`),
    // A service's number can move to only one new service at a time.
    uniqueIndex('services_open_port_from_uq')
      .on(t.portFromServiceId)
      .where(sql`port_from_service_id is not null and status not in ('terminated', 'cancelled', 'active')`),
  ],
);

/**
 * The operator's own mobile numbers. A free number belongs to no company; reserving one for a new
 * service binds it to that service (and company) until the service ends, when it is quarantined.
 */
export const mobileNumbers = pgTable(
  'mobile_numbers',
  {
    msisdn: text('msisdn').primaryKey(),
    status: text('status', { enum: ['free', 'reserved', 'assigned', 'quarantined'] }).notNull().default('free'),
    companyId: uuid('company_id').references(() => companies.id),
    serviceId: uuid('service_id'),
    quarantinedUntil: timestamp('quarantined_until', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('mobile_numbers_status_idx').on(t.status, t.msisdn),
    foreignKey({ name: 'mobile_numbers_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
  ],
);

/** Physical SIM cards delivered to a company, and eSIM profiles held for it. */
export const simCards = pgTable(
  'sim_cards',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: text('kind', { enum: ['physical', 'esim'] }).notNull(),
    iccid: text('iccid').notNull(),
    pin: text('pin'),
    puk: text('puk'),
    // eSIM only: activation code LPA:1$<smdpAddress>$<matchingId>
    smdpAddress: text('smdp_address'),
    matchingId: text('matching_id'),
    status: text('status', { enum: ['in_stock', 'reserved', 'assigned', 'retired'] }).notNull().default('in_stock'),
    serviceId: uuid('service_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('sim_cards_iccid_uq').on(t.iccid),
    unique('sim_cards_company_id_uq').on(t.companyId, t.id),
    index('sim_cards_company_kind_status_idx').on(t.companyId, t.kind, t.status),
    // the SIM of a service (overview, activation)
    index('sim_cards_company_service_idx').on(t.companyId, t.serviceId),
    foreignKey({ name: 'sim_cards_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
  ],
);

/** A company's fixed (geographic) numbers for SmartMobile and FMC; free, or held by one service. */
export const fixedNumbers = pgTable(
  'fixed_numbers',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    // E.164, e.g. +3222001234
    number: text('number').notNull(),
    status: text('status', { enum: ['available', 'assigned'] }).notNull().default('available'),
    serviceId: uuid('service_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('fixed_numbers_number_uq').on(t.number),
    unique('fixed_numbers_company_id_uq').on(t.companyId, t.id),
    index('fixed_numbers_company_status_idx').on(t.companyId, t.status, t.number),
    index('fixed_numbers_service_idx').on(t.serviceId),
    foreignKey({ name: 'fixed_numbers_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
  ],
);

/** A request to bring a number over from another operator, for one service. */
export const portIns = pgTable(
  'port_ins',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceId: uuid('service_id').notNull(),
    msisdn: text('msisdn').notNull(),
    donorOperator: text('donor_operator').notNull(),
    accountType: text('account_type', { enum: ['postpaid', 'prepaid'] }).notNull(),
    // postpaid: the customer number at the donor; prepaid: the donor SIM card number
    customerNumber: text('customer_number'),
    donorSimNumber: text('donor_sim_number'),
    holderName: text('holder_name').notNull(),
    status: text('status', { enum: ['draft', 'submitted', 'refused', 'completed', 'cancelled'] }).notNull().default('draft'),
    // Each submission is a new request to the network (idempotency key port_in:<service>:<attempt>).
    attempt: integer('attempt').notNull().default(0),
    refusalCode: text('refusal_code'),
    refusalReason: text('refusal_reason'),
    refusedAt: timestamp('refused_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'port_ins_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('port_ins_company_service_idx').on(t.companyId, t.serviceId),
    // A number can be on its way in only once: the database settles two saves racing for it.
    uniqueIndex('port_ins_open_msisdn_uq')
      .on(t.msisdn)
      .where(sql`status in ('draft', 'submitted', 'refused')`),
  ],
);

/** Every status change of a service: the timeline the administrator sees. */
export const serviceEvents = pgTable(
  'service_events',
  {
    id: id(),
    // order of the timeline: several events share one transaction's timestamp
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceId: uuid('service_id').notNull(),
    event: text('event').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    // a person's name, or "system" for jobs
    actorName: text('actor_name').notNull(),
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'service_events_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('service_events_service_idx').on(t.companyId, t.serviceId, t.seq),
  ],
);

/**
 * What the administrator (or the employee, for a lost phone) asked of a live line: suspend, resume,
 * bar, lift the bar, replace the SIM. The service's status changes at once through the transition
 * table; this row follows the request to the network (`pending` until the network has done it).
 */
export const lineOperations = pgTable(
  'line_operations',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceId: uuid('service_id').notNull(),
    kind: text('kind', { enum: LINE_OPERATION_KINDS }).notNull(),
    status: text('status', { enum: ['pending', 'done', 'failed', 'superseded'] }).notNull().default('pending'),
    // the request's own facts: a suspension's reason and end, a lost or stolen report, the SIMs of a swap
    details: jsonb('details').$type<LineOperationDetails>().notNull(),
    requestedByAccountId: uuid('requested_by_account_id').references(() => accounts.id),
    requestedBy: text('requested_by').notNull(),
    createdAt: createdAt(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ name: 'line_operations_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('line_operations_service_idx').on(t.companyId, t.serviceId, t.createdAt),
    // one SIM replacement at a time per line: of two administrators swapping at once, one wins
    uniqueIndex('line_operations_one_swap_uq').on(t.serviceId).where(sql`kind = 'swap_sim' and status = 'pending'`),
  ],
);

/** The employee's personal activation link: only its hash is stored; a new link replaces the old. */
export const activationLinks = pgTable(
  'activation_links',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceId: uuid('service_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    sentTo: text('sent_to').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('activation_links_token_uq').on(t.tokenHash),
    index('activation_links_service_idx').on(t.companyId, t.serviceId),
    foreignKey({ name: 'activation_links_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
  ],
);

export const auditEvents = pgTable(
  'audit_events',
  {
    id: id(),
    // null only for operator-level events that belong to no company
    companyId: uuid('company_id').references(() => companies.id),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    actorName: text('actor_name').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: uuid('entity_id').notNull(),
    before: jsonb('before').$type<Record<string, unknown> | null>(),
    after: jsonb('after').$type<Record<string, unknown> | null>(),
    createdAt: createdAt(),
  },
  (t) => [
    index('audit_company_created_idx').on(t.companyId, t.createdAt),
    index('audit_entity_idx').on(t.companyId, t.entityType, t.entityId),
  ],
);

/** A file sent with an e-mail; `cid` makes it an inline image the HTML shows as `cid:<cid>`. */
export type MailAttachment = { filename: string; contentType: string; /** base64 */ content: string; cid?: string };

/**
 * Every e-mail the portal sends, rendered when it is queued (in the recipient's language) and sent
 * by the `mail.send` job. The row is the truth: a retried or repeated job finds it sent and does
 * nothing; `lease_until` keeps two workers from sending it at the same time.
 */
export const outboxMessages = pgTable(
  'outbox_messages',
  {
    id: id(),
    // null for mail that belongs to no company
    companyId: uuid('company_id').references(() => companies.id),
    toAddress: text('to_address').notNull(),
    toName: text('to_name'),
    language: text('language', { enum: ['en', 'fr', 'nl'] }).notNull(),
    template: text('template').notNull(),
    subject: text('subject').notNull(),
    html: text('html').notNull(),
    text: text('text').notNull(),
    attachments: jsonb('attachments').$type<MailAttachment[]>().notNull().default(sql`'[]'::jsonb`),
    status: text('status', { enum: ['queued', 'sending', 'sent', 'failed'] }).notNull().default('queued'),
    // a worker that claimed the row owns it until then; after that another may take over
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    // RFC 5322 Message-ID, the same on every attempt, so a receiver can tell a resend of the same message
    messageId: text('message_id').notNull(),
    // how a sent message left: through SMTP, or kept in the outbox (no SMTP configured)
    delivery: text('delivery', { enum: ['smtp', 'kept_in_outbox'] }),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    uniqueIndex('outbox_messages_message_id_uq').on(t.messageId),
    index('outbox_messages_created_idx').on(t.createdAt),
    index('outbox_messages_company_idx').on(t.companyId, t.createdAt),
  ],
);

/**
 * The network simulator's memory (modules/network): every request the simulated operator network
 * received, with the answer it gives from `ready_at` on. In the database, not in the process, so a
 * restart loses nothing and several portal instances share one network. A real gateway needs none
 * of the simulator_* tables.
 */
export const simulatorRequests = pgTable(
  'simulator_requests',
  {
    id: id(),
    idempotencyKey: text('idempotency_key').notNull(),
    kind: text('kind', { enum: SIMULATOR_REQUEST_KINDS }).notNull(),
    // E.164; what a port-in already pending is looked up by
    msisdn: text('msisdn').notNull(),
    // the request as sent (without its key), to tell a retry from a reused key
    payload: jsonb('payload').$type<Record<string, string>>().notNull(),
    // decided on arrival, revealed from ready_at on: until then the request is pending
    outcome: jsonb('outcome').$type<SimulatorOutcome>().notNull(),
    readyAt: timestamp('ready_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    // the database settles two instances racing with one key: one request, one answer
    uniqueIndex('simulator_requests_idempotency_key_uq').on(t.idempotencyKey),
    index('simulator_requests_msisdn_idx').on(t.msisdn, t.kind, t.readyAt),
  ],
);

/** The simulator's donor register: numbers at other operators and the details a port-in must match. */
export const simulatorDonorNumbers = pgTable(
  'simulator_donor_numbers',
  {
    msisdn: text('msisdn').primaryKey(),
    operator: text('operator').notNull(),
    accountType: text('account_type', { enum: ['postpaid', 'prepaid'] }).notNull(),
    customerNumber: text('customer_number'),
    simNumber: text('sim_number'),
    holderName: text('holder_name').notNull(),
  },
  // what the donor checks must be on record: the customer number (postpaid) or the SIM number (prepaid)
  (t) => [
    check(
      'simulator_donor_numbers_proof_ck',
      sql`(${t.accountType} = 'postpaid' and ${t.customerNumber} is not null) or (${t.accountType} = 'prepaid' and ${t.simNumber} is not null)`,
    ),
  ],
);

// ---------------------------------------------------------------- catalog prices and billing

/**
 * Monthly prices of bundles and options, each in effect from a day (Brussels calendar day) until the
 * next one. `bundles.monthly_price_cents` and `bundle_options.monthly_price_cents` hold the price in
 * effect today; billing at a date reads this table, and billing lines keep the amount they were
 * written with, so a new price never rewrites a past line.
 */
export const catalogPrices = pgTable(
  'catalog_prices',
  {
    id: id(),
    itemKind: text('item_kind', { enum: ['bundle', 'option'] }).notNull(),
    itemCode: text('item_code').notNull(),
    monthlyPriceCents: integer('monthly_price_cents').notNull(),
    effectiveFrom: date('effective_from').notNull(),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('catalog_prices_item_from_uq').on(t.itemKind, t.itemCode, t.effectiveFrom),
    check('catalog_prices_non_negative_ck', sql`${t.monthlyPriceCents} >= 0`),
  ],
);

/** A change of bundle or options of an active service ("Manage service"), effective on a day. */
export const serviceChanges = pgTable(
  'service_changes',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceId: uuid('service_id').notNull(),
    effectiveOn: date('effective_on').notNull(),
    fromBundleCode: text('from_bundle_code').notNull(),
    fromOptionCodes: text('from_option_codes').array().notNull(),
    toBundleCode: text('to_bundle_code').notNull(),
    toOptionCodes: text('to_option_codes').array().notNull(),
    // a suspension or resumption is billed as a change: the suspended price instead of bundle and options
    fromSuspended: boolean('from_suspended').notNull().default(false),
    toSuspended: boolean('to_suspended').notNull().default(false),
    actorAccountId: uuid('actor_account_id').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'service_changes_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('service_changes_service_idx').on(t.companyId, t.serviceId, t.effectiveOn),
  ],
);

/**
 * "Billing – changed services": pro-rata charges and credits of the billing month (calendar month)
 * for new, changed and deleted services. Written once with the amount of the day; never recomputed.
 */
export const billingLines = pgTable(
  'billing_lines',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    serviceId: uuid('service_id').notNull(),
    mobileUserId: uuid('mobile_user_id').notNull(),
    // first day of the billing month
    billingMonth: date('billing_month').notNull(),
    occurredOn: date('occurred_on').notNull(),
    reason: text('reason', { enum: ['new_service', 'change', 'deletion', 'suspension', 'resumption'] }).notNull(),
    serviceChangeId: uuid('service_change_id').references(() => serviceChanges.id),
    itemKind: text('item_kind', { enum: ['bundle', 'option', 'suspension'] }).notNull(),
    itemCode: text('item_code').notNull(),
    kind: text('kind', { enum: ['charge', 'credit'] }).notNull(),
    monthlyPriceCents: integer('monthly_price_cents').notNull(),
    days: integer('days').notNull(),
    daysInMonth: integer('days_in_month').notNull(),
    amountCents: integer('amount_cents').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'billing_lines_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('billing_lines_company_month_idx').on(t.companyId, t.billingMonth, t.mobileUserId),
    // a new service is charged once, a deletion credited once, whatever retries the jobs do
    uniqueIndex('billing_lines_once_uq').on(t.serviceId, t.reason, t.itemKind, t.itemCode).where(sql`reason in ('new_service', 'deletion')`),
  ],
);

// ---------------------------------------------------------------- back office: administrator invitations

/**
 * A single-use link that lets an invited fleet administrator choose a password. Only the token's
 * SHA-256 is stored; a new invitation revokes the previous ones of the account.
 */
export const accountInvitations = pgTable(
  'account_invitations',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('account_invitations_token_uq').on(t.tokenHash), index('account_invitations_account_idx').on(t.accountId, t.createdAt)],
);

// ---------------------------------------------------------------- MACD and support requests (modules/requests)

/** The numbers behind the human references R-<year>-<number>: unique across years, never reused. */
export const requestNumberSeq = pgSequence('request_number_seq', { startWith: 1 });

/** A Move, Add, Change or Delete document, or a request to support, filed by a fleet administrator. */
export const requests = pgTable(
  'requests',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    // R-2026-000123: what people quote on the phone and in e-mails
    reference: text('reference').notNull(),
    kind: text('kind', { enum: REQUEST_KINDS }).notNull(),
    // changes only through modules/requests/domain/request-machine.ts, each change in request_events
    status: text('status', { enum: REQUEST_STATUSES }).notNull(),
    officeId: uuid('office_id'),
    // validated by the kind's zod schema (modules/requests/domain/request-details.ts)
    details: jsonb('details').$type<RequestDetails>().notNull(),
    filedByAccountId: uuid('filed_by_account_id')
      .notNull()
      .references(() => accounts.id),
    // the operator staff member handling it
    assignedToAccountId: uuid('assigned_to_account_id').references(() => accounts.id),
    scheduledFor: date('scheduled_for'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('requests_reference_uq').on(t.reference),
    unique('requests_company_id_uq').on(t.companyId, t.id),
    foreignKey({ name: 'requests_office_same_company_fk', columns: [t.companyId, t.officeId], foreignColumns: [offices.companyId, offices.id] }),
    index('requests_company_created_idx').on(t.companyId, t.createdAt),
    // the back-office queue: newest first, by status, and "assigned to me"
    index('requests_status_created_idx').on(t.status, t.createdAt),
    index('requests_assigned_idx').on(t.assignedToAccountId, t.createdAt),
  ],
);

/** The company's services a request is about. */
export const requestServices = pgTable(
  'request_services',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    requestId: uuid('request_id').notNull(),
    serviceId: uuid('service_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.requestId, t.serviceId] }),
    foreignKey({ name: 'request_services_request_same_company_fk', columns: [t.companyId, t.requestId], foreignColumns: [requests.companyId, requests.id] }),
    foreignKey({ name: 'request_services_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('request_services_service_idx').on(t.companyId, t.serviceId),
  ],
);

/** The conversation on a request, from both sides. */
export const requestComments = pgTable(
  'request_comments',
  {
    id: id(),
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    requestId: uuid('request_id').notNull(),
    authorAccountId: uuid('author_account_id')
      .notNull()
      .references(() => accounts.id),
    authorName: text('author_name').notNull(),
    authorRole: text('author_role', { enum: REQUEST_ROLES }).notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'request_comments_request_same_company_fk', columns: [t.companyId, t.requestId], foreignColumns: [requests.companyId, requests.id] }),
    index('request_comments_request_idx').on(t.companyId, t.requestId, t.seq),
  ],
);

/** Every status change and assignment of a request: its history. */
export const requestEvents = pgTable(
  'request_events',
  {
    id: id(),
    // order of the history: several events can share one transaction's timestamp
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    requestId: uuid('request_id').notNull(),
    // filed, assigned, or an event of the transition table
    event: text('event').notNull(),
    fromStatus: text('from_status', { enum: REQUEST_STATUSES }),
    toStatus: text('to_status', { enum: REQUEST_STATUSES }).notNull(),
    actorAccountId: uuid('actor_account_id')
      .notNull()
      .references(() => accounts.id),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role', { enum: REQUEST_ROLES }).notNull(),
    reason: text('reason'),
    scheduledFor: date('scheduled_for'),
    // assignments: who had it before and who has it now
    fromAssigneeAccountId: uuid('from_assignee_account_id').references(() => accounts.id),
    toAssigneeAccountId: uuid('to_assignee_account_id').references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'request_events_request_same_company_fk', columns: [t.companyId, t.requestId], foreignColumns: [requests.companyId, requests.id] }),
    index('request_events_request_idx').on(t.companyId, t.requestId, t.seq),
  ],
);

// ---------------------------------------------------------------- bulk import of mobile users and services

// awaiting_approval: committed, its rows written, waiting for a second person (modules/approvals);
// cancelled: the approval was refused or withdrawn, nothing of it was imported
export const IMPORT_STATUSES = ['running', 'finished', 'awaiting_approval', 'cancelled'] as const;
export const IMPORT_ROW_STATUSES = ['pending', 'done', 'failed', 'skipped'] as const;

/** One committed import file: its own record, so its progress survives a reload and a restart. */
export const imports = pgTable(
  'imports',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    fileName: text('file_name').notNull(),
    status: text('status', { enum: IMPORT_STATUSES }).notNull().default('running'),
    totalRows: integer('total_rows').notNull(),
    startedByAccountId: uuid('started_by_account_id')
      .notNull()
      .references(() => accounts.id),
    startedByName: text('started_by_name').notNull(),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [unique('imports_company_id_uq').on(t.companyId, t.id), index('imports_company_created_idx').on(t.companyId, t.createdAt)],
);

/**
 * The rows of an import, each worked in its own transaction that also marks it done: a row is
 * done exactly once even when the worker dies half-way. `row_key` (the file's row id, or e-mail +
 * number) is unique among the company's done rows, so the same row uploaded again is skipped.
 */
export const importRows = pgTable(
  'import_rows',
  {
    id: id(),
    companyId: uuid('company_id').notNull(),
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    rowKey: text('row_key').notNull(),
    // the row as the file gave it, column key → text; the failed-rows file is written from it
    data: jsonb('data').$type<Record<string, string>>().notNull(),
    status: text('status', { enum: IMPORT_ROW_STATUSES }).notNull().default('pending'),
    errors: jsonb('errors').$type<{ field: string; rule: string; params?: Record<string, string | number>; label?: string }[]>(),
    mobileUserId: uuid('mobile_user_id'),
    serviceId: uuid('service_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ name: 'import_rows_import_same_company_fk', columns: [t.companyId, t.importId], foreignColumns: [imports.companyId, imports.id] }),
    index('import_rows_import_status_idx').on(t.importId, t.status, t.line),
    uniqueIndex('import_rows_company_key_done_uq').on(t.companyId, t.rowKey).where(sql`status = 'done'`),
  ],
);

/**
 * A company's own systems calling the public API (modules/public-api): OAuth 2.0 client credentials.
 * The secret is shown once; only its SHA-256 is kept (it is 256 random bits, so a slow hash adds
 * nothing). Revoking sets `revoked_at`: every token of the client stops at the next request.
 */
export const apiClients = pgTable(
  'api_clients',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    name: text('name').notNull(),
    // the public `client_id` of RFC 6749; random, so one company cannot guess another's
    clientId: text('client_id').notNull(),
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdByAccountId: uuid('created_by_account_id').references(() => accounts.id),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_clients_client_id_uq').on(t.clientId),
    unique('api_clients_company_id_uq').on(t.companyId, t.id),
    index('api_clients_company_idx').on(t.companyId, t.createdAt),
  ],
);

/** Bearer tokens issued to API clients; only the SHA-256 of a token is stored. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    companyId: uuid('company_id').notNull(),
    apiClientId: uuid('api_client_id').notNull(),
    scopes: text('scopes').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'api_tokens_client_same_company_fk', columns: [t.companyId, t.apiClientId], foreignColumns: [apiClients.companyId, apiClients.id] }).onDelete('cascade'),
    index('api_tokens_client_idx').on(t.apiClientId, t.expiresAt),
  ],
);

/**
 * A TMF622 product order placed by an API client. The order is acknowledged as it comes in; a durable
 * job then runs each item with the portal's own use case (add, change or delete a service); an item's state is read from its service's lifecycle,
 * so it is never kept twice. `items` keeps what was asked and what became of it.
 */
export const productOrders = pgTable(
  'product_orders',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    apiClientId: uuid('api_client_id').notNull(),
    // the Idempotency-Key header of the POST: a retry returns this order instead of a second one
    idempotencyKey: text('idempotency_key'),
    externalId: text('external_id'),
    description: text('description'),
    requestedStartDate: timestamp('requested_start_date', { withTimezone: true }),
    requestedCompletionDate: timestamp('requested_completion_date', { withTimezone: true }),
    priority: text('priority'),
    category: text('category'),
    // the order's own parties as sent (the mobile user of an `add` item may be named here)
    relatedParty: jsonb('related_party').$type<Record<string, unknown>[]>().notNull().default([]),
    // the client's notes (TMF Note), replaced as a whole by a PATCH
    notes: jsonb('notes').$type<{ text: string; author?: string; date?: string }[]>().notNull().default([]),
    items: jsonb('items').$type<ProductOrderItemRecord[]>().notNull(),
    // set when the order's items have been carried out (the job of use-cases/product-orders.ts); null: acknowledged
    processedAt: timestamp('processed_at', { withTimezone: true }),
    // set when a cancelProductOrder request went through: the order is cancelled
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancellationReason: text('cancellation_reason'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('product_orders_company_id_uq').on(t.companyId, t.id),
    foreignKey({ name: 'product_orders_client_same_company_fk', columns: [t.companyId, t.apiClientId], foreignColumns: [apiClients.companyId, apiClients.id] }),
    uniqueIndex('product_orders_idempotency_uq').on(t.apiClientId, t.idempotencyKey).where(sql`idempotency_key is not null`),
    index('product_orders_company_created_idx').on(t.companyId, t.createdAt, t.id),
  ],
);

/**
 * A TMF622 cancelProductOrder: a request to cancel an order whose items have not been carried out on
 * the network yet. Its job undoes the items with the portal's own Cancel use case, all or none.
 */
export const productOrderCancellations = pgTable(
  'product_order_cancellations',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    productOrderId: uuid('product_order_id').notNull(),
    apiClientId: uuid('api_client_id').notNull(),
    // acknowledged → inProgress → done | terminatedWithError (TMF622 TaskStateType)
    state: text('state').$type<'acknowledged' | 'inProgress' | 'done' | 'terminatedWithError'>().notNull(),
    cancellationReason: text('cancellation_reason'),
    requestedCancellationDate: timestamp('requested_cancellation_date', { withTimezone: true }),
    effectiveCancellationDate: timestamp('effective_cancellation_date', { withTimezone: true }),
    // why it could not be done: an error code and its values, translated when read
    failure: jsonb('failure').$type<{ code: string; params: Record<string, string | number> } | null>(),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'product_order_cancellations_order_fk', columns: [t.companyId, t.productOrderId], foreignColumns: [productOrders.companyId, productOrders.id] }),
    index('product_order_cancellations_company_created_idx').on(t.companyId, t.createdAt, t.id),
    index('product_order_cancellations_order_idx').on(t.productOrderId),
  ],
);

/** One item of a product order: what was asked, and the service it made or ended, or why it was refused. */
export type ProductOrderItemRecord = {
  id: string;
  action: 'add' | 'modify' | 'delete' | 'noChange';
  serviceId: string | null;
  /** Set when the item was refused: the error's stable code, values and fields, translated when read. */
  rejection: { code: string; params: Record<string, string | number>; fieldErrors: { field: string; rule: string; params?: Record<string, string | number>; label?: string }[] } | null;
  /** What the client sent for this item, as it sent it. */
  request: Record<string, unknown>;
};

/**
 * Usage (modules/usage): the operator's daily usage files, each loaded once. The loader writes a
 * file's records, its row here and the aggregates below in one transaction, so a file is either
 * wholly loaded or not at all, and loading it again changes nothing.
 */
export const usageFeeds = pgTable('usage_feeds', {
  feedId: text('feed_id').primaryKey(),
  day: date('day').notNull(),
  records: integer('records').notNull(),
  // records of numbers no service of any company held that day (the operator's own test lines, a number in quarantine)
  unmatched: integer('unmatched').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * One line's rated usage of one day. PARTITIONED BY RANGE (usage_day), one partition per month
 * (written by hand in migration 0013; the loader creates a month's partition before its first day):
 * months of data stay cheap to query by month and to drop. No foreign key to services: the loader
 * takes company and service from the services table itself, and a check per row would halve the
 * loading rate.
 */
export const usageRecords = pgTable(
  'usage_records',
  {
    companyId: uuid('company_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    usageDay: date('usage_day').notNull(),
    msisdn: text('msisdn').notNull(),
    dataMb: integer('data_mb').notNull(),
    voiceNationalMin: integer('voice_national_min').notNull(),
    voiceInternationalMin: integer('voice_international_min').notNull(),
    sms: integer('sms').notNull(),
    roamingZone: text('roaming_zone', { enum: ['eu', 'world'] }),
    roamingDataMb: integer('roaming_data_mb').notNull(),
    roamingVoiceMin: integer('roaming_voice_min').notNull(),
    outOfBundleCents: integer('out_of_bundle_cents').notNull(),
    feedId: text('feed_id').notNull(),
  },
  // Day first: a day's file goes in at the right edge of the key's index, page after page, however
  // full the month (company or service first spread every day's rows over the whole index, which
  // outgrew memory within weeks). The partition key is part of every unique key. A service's
  // roaming days (the service page) have their own small index: only roaming days are in it.
  (t) => [
    primaryKey({ name: 'usage_records_pk', columns: [t.usageDay, t.companyId, t.serviceId] }),
    index('usage_records_roaming_idx').on(t.companyId, t.serviceId, t.usageDay).where(sql`${t.roamingZone} is not null`),
  ],
);

/** Each service's usage per month, kept by the loader: the Usage page reads months without summing days. */
export const usageMonthly = pgTable(
  'usage_monthly',
  {
    companyId: uuid('company_id').notNull(),
    // first day of the month
    month: date('month').notNull(),
    serviceId: uuid('service_id').notNull(),
    dataMb: bigint('data_mb', { mode: 'number' }).notNull(),
    voiceNationalMin: bigint('voice_national_min', { mode: 'number' }).notNull(),
    voiceInternationalMin: bigint('voice_international_min', { mode: 'number' }).notNull(),
    sms: bigint('sms', { mode: 'number' }).notNull(),
    roamingDataMb: bigint('roaming_data_mb', { mode: 'number' }).notNull(),
    roamingVoiceMin: bigint('roaming_voice_min', { mode: 'number' }).notNull(),
    roamingDays: integer('roaming_days').notNull(),
    outOfBundleCents: bigint('out_of_bundle_cents', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.month, t.serviceId] }),
    foreignKey({ name: 'usage_monthly_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
  ],
);

/** A company's usage per day, kept by the loader: the Usage page's chart by day. */
export const usageCompanyDaily = pgTable(
  'usage_company_daily',
  {
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    usageDay: date('usage_day').notNull(),
    lines: integer('lines').notNull(),
    dataMb: bigint('data_mb', { mode: 'number' }).notNull(),
    voiceMin: bigint('voice_min', { mode: 'number' }).notNull(),
    sms: bigint('sms', { mode: 'number' }).notNull(),
    roamingDataMb: bigint('roaming_data_mb', { mode: 'number' }).notNull(),
    outOfBundleCents: bigint('out_of_bundle_cents', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.usageDay] })],
);

// ---------------------------------------------------------------- bulk actions on services (Service overview)

/**
 * One action on many services (start, schedule, change, suspend, resume, delete), run by one durable
 * job: its own record, so its progress survives a reload and a restart.
 */
export const bulkActions = pgTable(
  'bulk_actions',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: text('kind', { enum: BULK_ACTION_KINDS }).notNull(),
    // what the action does to each service: the start date, the bundle and options, a suspension's reason
    params: jsonb('params').$type<BulkActionParams>().notNull(),
    status: text('status', { enum: ['running', 'finished'] }).notNull().default('running'),
    total: integer('total').notNull(),
    startedByAccountId: uuid('started_by_account_id')
      .notNull()
      .references(() => accounts.id),
    startedByName: text('started_by_name').notNull(),
    // the starter's language: the timeline's wording of a change (bundle names) is theirs, as on the single-service page
    language: text('language').notNull().default('en'),
    createdAt: createdAt(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [unique('bulk_actions_company_id_uq').on(t.companyId, t.id), index('bulk_actions_company_created_idx').on(t.companyId, t.createdAt)],
);

/**
 * A service of a bulk action, worked in its own transaction that also records its outcome: done
 * exactly once even when the worker dies half-way. A refusal keeps its error code and values, and is
 * worded in the reader's language when read.
 */
export const bulkActionItems = pgTable(
  'bulk_action_items',
  {
    companyId: uuid('company_id').notNull(),
    bulkActionId: uuid('bulk_action_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    seq: integer('seq').notNull(),
    status: text('status', { enum: ['pending', 'done', 'failed'] }).notNull().default('pending'),
    error: jsonb('error').$type<{ code: string; params?: Record<string, string | number>; fieldErrors?: { field: string; rule: string; params?: Record<string, string | number> }[] }>(),
    doneAt: timestamp('done_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.bulkActionId, t.serviceId] }),
    foreignKey({ name: 'bulk_action_items_action_same_company_fk', columns: [t.companyId, t.bulkActionId], foreignColumns: [bulkActions.companyId, bulkActions.id] }),
    foreignKey({ name: 'bulk_action_items_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    index('bulk_action_items_action_status_idx').on(t.bulkActionId, t.status, t.seq),
  ],
);

// ---------------------------------------------------------------- signing in: password reset, two-factor (modules/auth)

/** A single-use "forgot password" link: only the token's SHA-256 is stored; a new one replaces the open ones. */
export const passwordResets = pgTable(
  'password_resets',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('password_resets_token_uq').on(t.tokenHash), index('password_resets_account_idx').on(t.accountId)],
);

/**
 * An account's TOTP secret (RFC 6238): pending until confirmed with a first code. `secret` is
 * AES-256-GCM sealed when TWO_FACTOR_KEY is set (domain/secret-box.ts). `lastUsedStep` is the time
 * step of the last code accepted: a code is never accepted twice.
 */
export const twoFactorSecrets = pgTable('two_factor_secrets', {
  accountId: uuid('account_id')
    .primaryKey()
    .references(() => accounts.id, { onDelete: 'cascade' }),
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: bigint('last_used_step', { mode: 'number' }),
  createdAt: createdAt(),
});

/** One-time recovery codes of an account with two-factor sign-in: SHA-256 of each, used once. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: id(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('recovery_codes_account_code_uq').on(t.accountId, t.codeHash)],
);

/**
 * Half signed in: the password was right, the second factor is still to come (`code`) or to be set up
 * (`enrol`). Not a session: its cookie opens only the second step's own endpoints, for a few minutes.
 */
export const signInChallenges = pgTable(
  'sign_in_challenges',
  {
    idHash: text('id_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['code', 'enrol'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('sign_in_challenges_account_idx').on(t.accountId)],
);

/**
 * A company's usage alerts (BIPT): data at 80 % and 100 % of the bundle, an out-of-bundle spending
 * alert, and a roaming data cap (warning at 80 %, block at the cap). No row: the defaults of
 * usage/domain/thresholds.ts.
 */
export const companyUsageAlerts = pgTable('company_usage_alerts', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  dataAlerts: boolean('data_alerts').notNull(),
  spendingAlertCents: integer('spending_alert_cents').notNull(),
  roamingCapMb: integer('roaming_cap_mb').notNull(),
  updatedAt: updatedAt(),
});

/** One line's own usage alerts; a null column takes the company's setting. */
export const serviceUsageAlerts = pgTable(
  'service_usage_alerts',
  {
    companyId: uuid('company_id').notNull(),
    serviceId: uuid('service_id').primaryKey(),
    dataAlerts: boolean('data_alerts'),
    spendingAlertCents: integer('spending_alert_cents'),
    roamingCapMb: integer('roaming_cap_mb'),
    updatedAt: updatedAt(),
  },
  (t) => [foreignKey({ name: 'service_usage_alerts_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] })],
);

/**
 * Every threshold a line crossed in a month, once: the key (service, month, kind) is what makes an
 * alert go out once per crossing, however often or however concurrently usage is loaded and evaluated.
 * The roaming cap's row also says whether the block was lifted for the rest of the month.
 */
export const usageAlerts = pgTable(
  'usage_alerts',
  {
    companyId: uuid('company_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    // first day of the month
    month: date('month').notNull(),
    kind: text('kind', { enum: USAGE_ALERT_KINDS }).notNull(),
    used: bigint('used', { mode: 'number' }).notNull(),
    threshold: bigint('threshold', { mode: 'number' }).notNull(),
    createdAt: createdAt(),
    // roaming_cap only: this crossing barred roaming; lifted_at: since when it no longer does (lifted, or the month ended)
    blocked: boolean('blocked').notNull().default(false),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: text('lifted_by'),
  },
  (t) => [
    primaryKey({ columns: [t.serviceId, t.month, t.kind] }),
    index('usage_alerts_company_service_idx').on(t.companyId, t.serviceId, t.month),
    foreignKey({ name: 'usage_alerts_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
  ],
);

/**
 * Webhook subscriptions of the public API (TMF "hub"): an API client asks for the events of one API
 * (TMF622 or TMF638) at a callback URL, optionally filtered by a query. The secret signs every
 * delivery (HMAC, domain/webhook-signature.ts), so unlike a client secret it is kept as it is; it is
 * shown to the client once. A hub that keeps failing is disabled (and its administrators told).
 */
export const eventHubs = pgTable(
  'event_hubs',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    apiClientId: uuid('api_client_id').notNull(),
    api: text('api', { enum: HUB_APIS }).notNull(),
    callback: text('callback').notNull(),
    query: text('query'),
    secret: text('secret').notNull(),
    status: text('status', { enum: ['active', 'disabled', 'deleted'] }).notNull().default('active'),
    // deliveries failed in a row (each counted once) and since when, cleared by a success
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    failingSince: timestamp('failing_since', { withTimezone: true }),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: createdAt(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [
    unique('event_hubs_company_id_uq').on(t.companyId, t.id),
    foreignKey({ name: 'event_hubs_client_same_company_fk', columns: [t.companyId, t.apiClientId], foreignColumns: [apiClients.companyId, apiClients.id] }),
    index('event_hubs_company_api_idx').on(t.companyId, t.api).where(sql`status = 'active'`),
  ],
);

/**
 * One event for one hub: the envelope as sent (the same body, event id and signature secret on every
 * try), and how its delivery went. One row per hub and event id, so an event reaches a hub once
 * however often its job runs; the `webhook.deliver` job carries the row's id.
 */
export const eventDeliveries = pgTable(
  'event_deliveries',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    hubId: uuid('hub_id').notNull(),
    eventId: uuid('event_id').notNull(),
    eventType: text('event_type').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    // pending → sending (a worker holds it until lease_until) → delivered, or back to pending after a
    // failed try; failed once its retries are spent; cancelled when its hub or client went away
    status: text('status', { enum: ['pending', 'sending', 'delivered', 'failed', 'cancelled'] }).notNull().default('pending'),
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastStatusCode: integer('last_status_code'),
    lastError: text('last_error'),
    lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'event_deliveries_hub_same_company_fk', columns: [t.companyId, t.hubId], foreignColumns: [eventHubs.companyId, eventHubs.id] }),
    uniqueIndex('event_deliveries_hub_event_uq').on(t.hubId, t.eventId),
    index('event_deliveries_company_created_idx').on(t.companyId, t.createdAt, t.id),
  ],
);

/**
 * An order waiting for a second person's approval (modules/approvals): a new service, a bundle
 * change upwards or a bulk import whose monthly amount exceeds the company's threshold. It holds
 * the order's validated input; nothing is provisioned and no stock is held until it is approved.
 * Its status changes only through modules/approvals/domain/approval-machine.ts.
 */
export const approvals = pgTable(
  'approvals',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    kind: text('kind', { enum: APPROVAL_KINDS }).notNull(),
    status: text('status', { enum: APPROVAL_STATUSES }).notNull().default('pending'),
    // the order's input as it was checked, replayed through the same use case on approval
    payload: jsonb('payload').$type<ApprovalPayload>().notNull(),
    // what the list shows: the user or service the order is for, the bundle, the file
    subject: text('subject').notNull(),
    monthlyAmountCents: integer('monthly_amount_cents').notNull(),
    thresholdCents: integer('threshold_cents').notNull(),
    // the service it changes (bundle change) or created (new service, once approved)
    serviceId: uuid('service_id'),
    importId: uuid('import_id'),
    requestedByAccountId: uuid('requested_by_account_id')
      .notNull()
      .references(() => accounts.id),
    requestedByName: text('requested_by_name').notNull(),
    decidedByAccountId: uuid('decided_by_account_id').references(() => accounts.id),
    decidedByName: text('decided_by_name'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // a rejection's reason, or why an approved order could not be carried out
    reason: text('reason'),
    createdAt: createdAt(),
  },
  (t) => [index('approvals_company_status_idx').on(t.companyId, t.status, t.createdAt)],
);

/**
 * An employee's sign-in link for My lines (a "magic link" e-mailed to the address their company
 * knows them by): single use, valid minutes, only the hash of its token stored.
 */
export const employeeSignInLinks = pgTable(
  'employee_sign_in_links',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    mobileUserId: uuid('mobile_user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('employee_sign_in_links_token_uq').on(t.tokenHash),
    index('employee_sign_in_links_user_idx').on(t.companyId, t.mobileUserId),
    foreignKey({ name: 'employee_sign_in_links_user_same_company_fk', columns: [t.companyId, t.mobileUserId], foreignColumns: [mobileUsers.companyId, mobileUsers.id] }).onDelete('cascade'),
  ],
);

/**
 * An employee's session (My lines): a session kind of its own, of a mobile user and not of an
 * account, so no company-administration right can ever reach it. Its cookie value starts with "e."
 * (modules/auth/employee-sessions.repository.ts); only its hash is stored.
 */
export const employeeSessions = pgTable(
  'employee_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    mobileUserId: uuid('mobile_user_id').notNull(),
    csrfToken: text('csrf_token').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('employee_sessions_id_uq').on(t.id),
    index('employee_sessions_user_idx').on(t.companyId, t.mobileUserId),
    foreignKey({ name: 'employee_sessions_user_same_company_fk', columns: [t.companyId, t.mobileUserId], foreignColumns: [mobileUsers.companyId, mobileUsers.id] }).onDelete('cascade'),
  ],
);

/**
 * What an employee asks of one of their lines from My lines, for the company's administrator to
 * approve or refuse (modules/my-lines/domain/employee-request-machine.ts): a new eSIM, or a bundle
 * change (the bundle and options asked for). One open request of a kind per line.
 */
export const employeeRequests = pgTable(
  'employee_requests',
  {
    id: id(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
    mobileUserId: uuid('mobile_user_id').notNull(),
    serviceId: uuid('service_id').notNull(),
    kind: text('kind', { enum: EMPLOYEE_REQUEST_KINDS }).notNull(),
    status: text('status', { enum: EMPLOYEE_REQUEST_STATUSES }).notNull().default('pending'),
    bundleCode: text('bundle_code').references(() => bundles.code),
    optionCodes: text('option_codes').array(),
    // the employee's own words (why, when the new phone arrives…)
    note: text('note'),
    decisionReason: text('decision_reason'),
    decidedByAccountId: uuid('decided_by_account_id').references(() => accounts.id),
    decidedBy: text('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    foreignKey({ name: 'employee_requests_user_same_company_fk', columns: [t.companyId, t.mobileUserId], foreignColumns: [mobileUsers.companyId, mobileUsers.id] }),
    foreignKey({ name: 'employee_requests_service_same_company_fk', columns: [t.companyId, t.serviceId], foreignColumns: [services.companyId, services.id] }),
    uniqueIndex('employee_requests_one_pending_uq').on(t.serviceId, t.kind).where(sql`status = 'pending'`),
    index('employee_requests_company_status_idx').on(t.companyId, t.status, t.createdAt),
    index('employee_requests_user_idx').on(t.companyId, t.mobileUserId, t.createdAt),
    check('employee_requests_bundle_ck', sql`(${t.kind} = 'bundle_change') = (${t.bundleCode} is not null)`),
  ],
);

/**
 * A company's single sign-on (OpenID Connect): its provider, the client the portal is there (the
 * secret sealed like the TOTP secrets, never sent back), the role given to people created on their
 * first sign-in (null: unknown people are refused), and whether it is on. modules/auth, sso.ts.
 */
export const companySso = pgTable('company_sso', {
  companyId: uuid('company_id')
    .primaryKey()
    .references(() => companies.id),
  issuer: text('issuer').notNull(),
  clientId: text('client_id').notNull(),
  clientSecret: text('client_secret').notNull(),
  newAccountRole: text('new_account_role', { enum: COMPANY_ROLES }),
  enabled: boolean('enabled').notNull().default(false),
  updatedAt: updatedAt(),
});

/** The e-mail domains that sign in through a company's provider: one company per domain. */
export const companySsoDomains = pgTable(
  'company_sso_domains',
  {
    domain: text('domain').primaryKey(),
    companyId: uuid('company_id')
      .notNull()
      .references(() => companies.id),
  },
  (t) => [index('company_sso_domains_company_idx').on(t.companyId)],
);

/**
 * A sign-in sent to a company's provider and not back yet: its state, nonce and PKCE verifier, bound
 * to the browser by a short-lived cookie whose SHA-256 is the key. Used once.
 */
export const ssoSignIns = pgTable('sso_sign_ins', {
  idHash: text('id_hash').primaryKey(),
  companyId: uuid('company_id')
    .notNull()
    .references(() => companies.id),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  nextPath: text('next_path'),
  language: text('language', { enum: ['en', 'fr', 'nl'] }).notNull().default('en'),
  userAgent: text('user_agent'),
  ipAddress: text('ip_address'),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: createdAt(),
});
