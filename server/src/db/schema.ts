// The one database schema. Migrations under server/migrations are generated from it by drizzle-kit
// (`npm run db:generate`); never edit the database any other way.
import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  unique,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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
    companyId: uuid('company_id').references(() => companies.id),
    language: text('language', { enum: ['en', 'fr', 'nl'] }).notNull().default('en'),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('accounts_email_uq').on(t.email), index('accounts_company_idx').on(t.companyId)],
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
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
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
    index('mobile_users_company_name_idx').on(t.companyId, t.lastName, t.firstName),
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

/** A line (or UC seat) of a mobile user. The Add Service wizard and lifecycle build on it. */
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
    status: text('status').notNull(),
    activatedAt: timestamp('activated_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    foreignKey({ name: 'services_user_same_company_fk', columns: [t.companyId, t.mobileUserId], foreignColumns: [mobileUsers.companyId, mobileUsers.id] }),
    index('services_company_user_idx').on(t.companyId, t.mobileUserId),
    index('services_company_msisdn_idx').on(t.companyId, t.msisdn),
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
