import type PgBoss from 'pg-boss';
import { QUEUES, type MailSendJob } from '../../jobs/queues.js';
import type { Db } from '../../platform/db.js';
import { smtpTransport, type MailSettings } from './mail-transport.js';
import { sendOutboxMessage } from './use-cases/send-mail.js';

// SMTP trouble is usually brief: 8 retries with exponential backoff from 5 s cover about half an
// hour to an hour (pg-boss doubles the delay each time, with jitter) before a message is marked failed.
export const MAIL_RETRY = { retryLimit: 8, retryDelay: 5, retryBackoff: true } as const;

/** Creates the `mail.send` queue and its worker; `close` ends the SMTP transport. */
export const registerMailJobs = async (boss: PgBoss, db: Db, settings: MailSettings | undefined) => {
  const transport = settings?.smtpUrl ? smtpTransport(settings.smtpUrl, settings.from) : null;
  await boss.createQueue(QUEUES.mailSend, { name: QUEUES.mailSend, policy: 'standard', ...MAIL_RETRY });
  await boss.work<MailSendJob>(QUEUES.mailSend, { includeMetadata: true }, async ([job]) => {
    if (job) await sendOutboxMessage(db, transport, job.data.outboxMessageId, { retryCount: job.retryCount, retryLimit: job.retryLimit });
  });
  return { close: () => transport?.close() };
};
