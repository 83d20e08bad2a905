import type { Queryable } from '../platform/db.js';

/** The durable queues of the application, by name. */
export const QUEUES = {
  /** Runs the activation process of a started service (e-mail, port-in, provisioning). */
  serviceActivation: 'service.activation',
  /** Starts a service waiting for activation at the date and time the administrator chose. */
  scheduledStart: 'service.scheduled-start',
  /** One request to the operator network (provision, port-in, number move), polled until answered. */
  network: 'network.request',
  /** Takes a deleted service's SIM out of service on the network; safe to run twice (idempotency key). */
  serviceRelease: 'service.release',
  /** Sends one outbox message (modules/mail); safe to run twice. */
  mailSend: 'mail.send',
  /** Makes the list prices of bundles and options the dated prices in effect today (daily, and at start-up). */
  catalogPrices: 'catalog.apply-prices',
} as const;

/** `asOf` (YYYY-MM-DD) stands in for today's Brussels date: for tests, and to replay a day. Absent: today. */
export type CatalogPricesJob = { asOf?: string };

export type ServiceJob = { companyId: string; serviceId: string };
export type ReleaseJob = ServiceJob & { msisdn: string; iccid: string };
export type ScheduledStartJob = ServiceJob & { startAt: string };
/** `outboxMessageId` is the outbox_messages row, not the RFC 5322 Message-ID. */
export type MailSendJob = { outboxMessageId: string };

/**
 * How use cases queue work: inside their own transaction, so the job exists if and only if the
 * change that asked for it committed.
 */
export type JobQueue = {
  send(tx: Queryable, queue: string, data: object, opts?: { startAfter?: Date; singletonKey?: string }): Promise<void>;
};
