import type { Queryable } from '../platform/db.js';
import type { LineNetworkWork } from '../modules/lines/domain/line-operations.js';

/**
 * The durable queues of the application, by name. Each module registers the workers of its own
 * queues (`modules/<name>/<name>.jobs.ts`); this file is the catalogue of what they carry, so that
 * `send` is checked against it.
 */
export const QUEUES = {
  /** Runs the activation process of a started service (e-mail, port-in, provisioning). */
  serviceActivation: 'service.activation',
  /** Starts a service waiting for activation at the date and time the administrator chose. */
  scheduledStart: 'service.scheduled-start',
  /** One request to the operator network (provision, port-in, number move), polled until answered. */
  network: 'network.request',
  /**
   * Activation work that failed for good (its retries spent, or an error no retry can fix): pg-boss's
   * dead-letter queue of the two activation queues. Its worker puts the service where people see it.
   */
  activationFailed: 'service.activation-failed',
  /** Takes a deleted service's SIM out of service on the network; safe to run twice (idempotency key). */
  serviceRelease: 'service.release',
  /** One request of a line operation to the operator network (suspend, resume, bar, unbar, SIM swap), polled until answered. */
  lineNetwork: 'line.network',
  /** Line-operation work that failed for good: the dead-letter queue of `line.network`; the operation says so. */
  lineOperationFailed: 'line.operation-failed',
  /** Resumes a suspended line on the end date the administrator chose. */
  scheduledResume: 'line.scheduled-resume',
  /** Sends one outbox message (modules/mail); safe to run twice. */
  mailSend: 'mail.send',
  /** Makes the list prices of bundles and options the dated prices in effect today (daily, and at start-up). */
  catalogPrices: 'catalog.apply-prices',
  /** Loads the operator network's daily usage files (modules/usage): one day, or every day not loaded yet. */
  usageLoad: 'usage.load',
  /** Checks a company's lines against their usage alerts for a month, after a usage file was loaded; once per crossing whatever runs twice. */
  usageAlerts: 'usage.alerts',
  /** Ends a roaming block of the roaming cap when its month is over (the cap re-arms). */
  roamingRearm: 'usage.roaming-rearm',
  /** Deletes expired sessions (hourly): they are refused on read already, this keeps the table small. */
  purgeSessions: 'auth.purge-expired-sessions',
  /** "Forgot password": finds the account of an address, if any, and e-mails it a reset link (modules/auth). */
  passwordResetRequest: 'auth.password-reset-request',
  /** "Employee sign-in" (My lines): finds the employees of an address, if any, and e-mails each a sign-in link (modules/auth). */
  employeeSignInRequest: 'auth.employee-sign-in-request',
  /** Works the rows of a bulk import, a few seconds at a time, in one of the import's lanes (modules/imports). */
  importRun: 'imports.run',
  /** Works the services of a bulk action of the Service overview, a few seconds at a time (modules/bulk-actions). */
  bulkAction: 'services.bulk-action',
  /** Carries out the items of an acknowledged TMF622 product order with the portal's use cases (modules/public-api). */
  productOrderRun: 'public-api.product-order',
  /** Works a TMF622 cancelProductOrder request: undoes the order's items, all or none. */
  productOrderCancel: 'public-api.cancel-product-order',
  /** One try of one webhook delivery of the public API (modules/public-api): signed POST to the hub's callback. */
  webhookDeliver: 'webhook.deliver',
} as const;

/** `asOf` (YYYY-MM-DD) stands in for today's Brussels date: for tests, and to replay a day. Absent: today. */
export type CatalogPricesJob = { asOf?: string };

export type ServiceJob = { companyId: string; serviceId: string };
export type ReleaseJob = ServiceJob & { msisdn: string; iccid: string };
export type ScheduledStartJob = ServiceJob & { startAt: string };
/** `outboxMessageId` is the outbox_messages row, not the RFC 5322 Message-ID. */
export type MailSendJob = { outboxMessageId: string };

export type LineNetworkJob = ServiceJob & { operationId: string; work: LineNetworkWork; requestId?: string; polls?: number };
/** `until` is the suspension's end the job was queued for: a job for an end changed since does nothing. */
export type ScheduledResumeJob = ServiceJob & { until: string };

export type NetworkWork = 'provision' | 'port_in' | 'move_number';
/** `attempt` is part of the idempotency key; `requestId` and `polls` are set once the network accepted the request. */
export type NetworkJob = ServiceJob & { work: NetworkWork; attempt: number; requestId?: string; polls?: number };

/** A dead activation job as pg-boss hands it over: the failed job's own data. */
export type FailedActivationJob = ServiceJob | NetworkJob;

/** `lane` of `lanes`: the rows whose line number modulo `lanes` is `lane` (lanes run side by side). */
export type ImportJob = { companyId: string; importId: string; lane: number; lanes: number };

export type BulkActionJob = { companyId: string; bulkActionId: string };

/** `day` (YYYY-MM-DD): load that day's file. Absent: every day of the catch-up window not loaded yet. */
export type UsageLoadJob = { day?: string };

/** The address someone asked a reset link for (it may have no account). */
export type PasswordResetRequestJob = { email: string };
/** `actorName`: the API client as the timeline and audit name it. */
export type ProductOrderJob = { companyId: string; productOrderId: string; actorName: string };
export type CancelProductOrderJob = { companyId: string; cancellationId: string; actorName: string };
/** `month` is YYYY-MM: the month of the usage just loaded. */
export type UsageAlertsJob = { companyId: string; month: string };
/** `month`: the month whose roaming block ends. */
export type RoamingRearmJob = ServiceJob & { month: string };
/** `deliveryId` is the event_deliveries row: the event, its hub and how its delivery went so far. */
export type WebhookDeliveryJob = { companyId: string; deliveryId: string };

/** What each queue carries. */
export type JobPayloads = {
  [QUEUES.serviceActivation]: ServiceJob;
  [QUEUES.scheduledStart]: ScheduledStartJob;
  [QUEUES.network]: NetworkJob;
  [QUEUES.activationFailed]: FailedActivationJob;
  [QUEUES.serviceRelease]: ReleaseJob;
  [QUEUES.lineNetwork]: LineNetworkJob;
  [QUEUES.lineOperationFailed]: LineNetworkJob;
  [QUEUES.scheduledResume]: ScheduledResumeJob;
  [QUEUES.mailSend]: MailSendJob;
  [QUEUES.catalogPrices]: CatalogPricesJob;
  [QUEUES.usageLoad]: UsageLoadJob;
  [QUEUES.usageAlerts]: UsageAlertsJob;
  [QUEUES.roamingRearm]: RoamingRearmJob;
  [QUEUES.purgeSessions]: Record<string, never>;
  [QUEUES.bulkAction]: BulkActionJob;
  [QUEUES.importRun]: ImportJob;
  [QUEUES.passwordResetRequest]: PasswordResetRequestJob;
  [QUEUES.employeeSignInRequest]: PasswordResetRequestJob;
  [QUEUES.productOrderRun]: ProductOrderJob;
  [QUEUES.productOrderCancel]: CancelProductOrderJob;
  [QUEUES.webhookDeliver]: WebhookDeliveryJob;
};
export type QueueName = keyof JobPayloads;

export type SendOptions = { startAfter?: Date; singletonKey?: string };

/**
 * How use cases queue work: inside their own transaction, so the job exists if and only if the
 * change that asked for it committed.
 */
export type JobQueue = {
  send<Q extends QueueName>(tx: Queryable, queue: Q, data: JobPayloads[Q], opts?: SendOptions): Promise<void>;
};
