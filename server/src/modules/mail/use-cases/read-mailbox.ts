import type { Queryable } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { inlineCidImages } from '../domain/html.js';
import { findOutboxMessage, listOutbox } from '../mail.repository.js';

/** The development mailbox's list: newest first. */
export const listMailbox = async (db: Queryable, page: number, pageSize: number) => {
  const { items, total } = await listOutbox(db, page, pageSize);
  return {
    items: items.map(({ toAddress, createdAt, ...rest }) => ({ ...rest, to: toAddress, createdAt: createdAt.toISOString() })),
    total,
    page,
    pageSize,
  };
};

/** One message as a browser shows it: HTML with its inline images, the text part, attachments as data URLs. */
export const readMailboxMessage = async (db: Queryable, id: string) => {
  const row = await findOutboxMessage(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return {
    id: row.id,
    to: row.toAddress,
    toName: row.toName,
    subject: row.subject,
    template: row.template,
    language: row.language,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    messageId: row.messageId,
    delivery: row.delivery,
    sentAt: row.sentAt?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
    html: inlineCidImages(row.html, row.attachments),
    text: row.text,
    attachments: row.attachments.map((a) => ({
      filename: a.filename,
      contentType: a.contentType,
      cid: a.cid ?? null,
      size: Buffer.byteLength(a.content, 'base64'),
      dataUrl: `data:${a.contentType};base64,${a.content}`,
    })),
  };
};
