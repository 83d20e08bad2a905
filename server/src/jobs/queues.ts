import type { Queryable } from '../platform/db.js';

/** The durable queues of the application, by name. */
export const QUEUES = {
  /** Runs the activation process of a started service (e-mail, port-in, provisioning). */
  serviceActivation: 'service.activation',
  /** Starts a service waiting for activation at the date and time the administrator chose. */
  scheduledStart: 'service.scheduled-start',
} as const;

export type ServiceJob = { companyId: string; serviceId: string };
export type ScheduledStartJob = ServiceJob & { startAt: string };

/**
 * How use cases queue work: inside their own transaction, so the job exists if and only if the
 * change that asked for it committed.
 */
export type JobQueue = {
  send(tx: Queryable, queue: string, data: object, opts?: { startAfter?: Date; singletonKey?: string }): Promise<void>;
};
