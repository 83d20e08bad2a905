import nodemailer from 'nodemailer';
import { SMTP_TIMEOUTS_MS } from './domain/lease.js';
import type { OutboxRow } from './mail.repository.js';

/** How an outbox message leaves the portal. Tests and the worker only see this. */
export type MailTransport = {
  send(message: OutboxRow): Promise<void>;
  close(): void;
};

/**
 * SMTP through nodemailer (smtp:// with STARTTLS when the server offers it, smtps:// for TLS from the
 * start). Timeouts keep one attempt shorter than the lease on the row. The stored Message-ID is sent
 * on every attempt, so a message that did reach the server before a crash is recognisable as the same one.
 */
export const smtpTransport = (smtpUrl: string, from: string): MailTransport => {
  const transporter = nodemailer.createTransport({ url: smtpUrl, ...SMTP_TIMEOUTS_MS });
  return {
    send: async (m) => {
      await transporter.sendMail({
        from,
        to: m.toName ? { name: m.toName, address: m.toAddress } : m.toAddress,
        subject: m.subject,
        text: m.text,
        html: m.html,
        messageId: m.messageId,
        headers: { 'Content-Language': m.language, 'Auto-Submitted': 'auto-generated' },
        // our own content only: never let a message pull in a file or a URL
        disableFileAccess: true,
        disableUrlAccess: true,
        attachments: m.attachments.map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.content, 'base64'),
          ...(a.cid ? { cid: a.cid, contentDisposition: 'inline' } : {}),
        })),
      });
    },
    close: () => transporter.close(),
  };
};
