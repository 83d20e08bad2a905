import { and, count, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { outboxMessages } from '../../db/schema.js';
import type { Queryable } from '../../platform/db.js';

export type OutboxRow = typeof outboxMessages.$inferSelect;
export type NewOutboxRow = typeof outboxMessages.$inferInsert;

export const insertOutboxMessage = async (tx: Queryable, row: NewOutboxRow) => {
  const [inserted] = await tx.insert(outboxMessages).values(row).returning({ id: outboxMessages.id, messageId: outboxMessages.messageId });
  return inserted!;
};

/**
 * Takes a row for sending: queued (or failed, when a job is run again by hand), or held by a
 * worker whose lease ran out. One conditional UPDATE, so of two workers only one gets the row.
 */
export const claimOutboxMessage = async (db: Queryable, id: string, leaseSeconds: number) => {
  const [row] = await db
    .update(outboxMessages)
    .set({
      status: 'sending',
      leaseUntil: sql`now() + make_interval(secs => ${leaseSeconds})`,
      attempts: sql`${outboxMessages.attempts} + 1`,
    })
    .where(
      and(
        eq(outboxMessages.id, id),
        or(inArray(outboxMessages.status, ['queued', 'failed']), and(eq(outboxMessages.status, 'sending'), lt(outboxMessages.leaseUntil, sql`now()`))),
      ),
    )
    .returning();
  return row ?? null;
};

export const findOutboxStatus = async (db: Queryable, id: string) => {
  const [row] = await db.select({ status: outboxMessages.status }).from(outboxMessages).where(eq(outboxMessages.id, id));
  return row?.status ?? null;
};

/** Only the worker holding the row (status 'sending') may settle it. */
export const markOutboxSent = async (db: Queryable, id: string, delivery: 'smtp' | 'kept_in_outbox') =>
  db
    .update(outboxMessages)
    .set({ status: 'sent', delivery, sentAt: sql`now()`, leaseUntil: null, lastError: null })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'sending')));

/** A failed attempt: back to queued for the next retry, or failed for good after the last one. */
export const markOutboxFailed = async (db: Queryable, id: string, error: string, final: boolean) =>
  db
    .update(outboxMessages)
    .set({ status: final ? 'failed' : 'queued', leaseUntil: null, lastError: error })
    .where(and(eq(outboxMessages.id, id), eq(outboxMessages.status, 'sending')));

/** The development mailbox: every message, newest first. */
export const listOutbox = async (db: Queryable, page: number, pageSize: number) => {
  const [items, [total]] = await Promise.all([
    db
      .select({
        id: outboxMessages.id,
        toAddress: outboxMessages.toAddress,
        toName: outboxMessages.toName,
        subject: outboxMessages.subject,
        template: outboxMessages.template,
        language: outboxMessages.language,
        status: outboxMessages.status,
        createdAt: outboxMessages.createdAt,
      })
      .from(outboxMessages)
      .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(outboxMessages),
  ]);
  return { items, total: total?.n ?? 0 };
};

export const findOutboxMessage = async (db: Queryable, id: string) => {
  const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row ?? null;
};
