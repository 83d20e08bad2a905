import type { Queryable } from '../../../platform/db.js';
import { LEASE_SECONDS, errorLine, isLastAttempt } from '../domain/lease.js';
import { claimOutboxMessage, findOutboxStatus, markOutboxFailed, markOutboxSent } from '../mail.repository.js';
import type { MailTransport } from '../mail-transport.js';

/** Another worker holds the row right now; the job is retried later and then finds it sent (or free). */
export class MailBusyError extends Error {}

export type SendOutcome = 'sent' | 'kept_in_outbox' | 'already_sent' | 'missing';

/**
 * The `mail.send` job. Safe to run any number of times: a sent row is left alone, and only the
 * worker that claimed the row (conditional update to 'sending' with a lease) sends it. Without a
 * transport (no SMTP_URL) the message is marked sent and kept in the outbox for the mailbox page.
 * A failed SMTP attempt is recorded on the row and rethrown, so pg-boss retries with backoff.
 */
export const sendOutboxMessage = async (
  db: Queryable,
  transport: MailTransport | null,
  outboxMessageId: string,
  attempt: { retryCount: number; retryLimit: number } = { retryCount: 0, retryLimit: 0 },
): Promise<SendOutcome> => {
  const row = await claimOutboxMessage(db, outboxMessageId, LEASE_SECONDS);
  if (!row) {
    const status = await findOutboxStatus(db, outboxMessageId);
    if (status === null) return 'missing';
    if (status === 'sent') return 'already_sent';
    throw new MailBusyError(`outbox message ${outboxMessageId} is being sent by another worker`);
  }
  if (!transport) {
    await markOutboxSent(db, row.id, 'kept_in_outbox');
    return 'kept_in_outbox';
  }
  try {
    await transport.send(row);
  } catch (err) {
    await markOutboxFailed(db, row.id, errorLine(err), isLastAttempt(attempt.retryCount, attempt.retryLimit));
    throw err;
  }
  await markOutboxSent(db, row.id, 'smtp');
  return 'sent';
};
