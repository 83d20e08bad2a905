import type { Deps } from '../../deps.js';
import { defineJob } from '../../jobs/define-job.js';
import { QUEUES } from '../../jobs/queues.js';
import type { MailTransport } from './mail-transport.js';
import { LEASE_SECONDS } from './domain/lease.js';
import { sendOutboxMessage } from './use-cases/send-mail.js';

// SMTP trouble is usually brief: 8 retries with exponential backoff from 5 s cover about half an
// hour to an hour (pg-boss doubles the delay each time, with jitter) before a message is marked failed.
export const MAIL_RETRY = { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: LEASE_SECONDS } as const;

/** The `mail.send` queue: through SMTP when a transport is given, otherwise kept in the outbox. */
export const mailJobs = (deps: Pick<Deps, 'db'>, transport: MailTransport | null) => [
  defineJob(QUEUES.mailSend, {
    options: MAIL_RETRY,
    handle: (data, attempt) => sendOutboxMessage(deps.db, transport, data.outboxMessageId, attempt),
  }),
];
