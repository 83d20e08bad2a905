import { randomUUID } from 'node:crypto';
import { QUEUES, type JobQueue, type MailSendJob } from '../../../jobs/queues.js';
import type { Queryable } from '../../../platform/db.js';
import type { Lang } from '../../../platform/i18n.js';
import { getOperatorBranding } from '../../operator/index.js';
import { messageIdDomain, messageIdFor } from '../domain/html.js';
import { insertOutboxMessage } from '../mail.repository.js';
import { renderMail, type MailContent } from '../templates/render.js';

/** One e-mail to one recipient: who, in which language, and which template with its data. */
export type MailMessage = MailContent & {
  /** The company the mail is about (null for none); the outbox row carries it. */
  companyId: string | null;
  /** `greetingName` is how the e-mail greets (an employee by first name); otherwise `name` does. */
  to: { address: string; name?: string | null; greetingName?: string | null };
  language: Lang;
};

/**
 * An employee (mobile user) as an e-mail's recipient: the full name on the envelope, greeted by first
 * name like their activation page does ("Hello Lotte,").
 */
export const mobileUserRecipient = (user: { email: string; firstName: string; lastName: string }): MailMessage['to'] => ({
  address: user.email,
  name: `${user.firstName} ${user.lastName}`,
  greetingName: user.firstName,
});

/** Branding used when the operator row is missing (a database without the seed). */
const FALLBACK_BRAND = { name: 'Fleetdesk', portalName: 'Fleetdesk', supportPhone: '', supportEmail: '', portalUrl: 'http://localhost' };

/**
 * Renders the e-mail in the recipient's language with the operator's branding, stores it in the
 * outbox and queues the `mail.send` job — all inside the caller's transaction, so the e-mail
 * exists (and will be sent) exactly when the change that asked for it commits.
 */
export const queueMail = async (tx: Queryable, jobs: JobQueue, message: MailMessage): Promise<{ id: string; messageId: string }> => {
  const brand = (await getOperatorBranding(tx)) ?? FALLBACK_BRAND;
  const { template, data, companyId, to, language } = message;
  const rendered = await renderMail({ template, data } as MailContent, { lang: language, brand, recipientName: to.greetingName?.trim() || to.name?.trim() || null });
  const id = randomUUID();
  const row = await insertOutboxMessage(tx, {
    id,
    companyId,
    toAddress: to.address,
    toName: to.name?.trim() || null,
    language,
    template,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    attachments: rendered.attachments,
    messageId: messageIdFor(id, messageIdDomain(brand.portalUrl)),
  });
  const job: MailSendJob = { outboxMessageId: row.id };
  await jobs.send(tx, QUEUES.mailSend, job);
  return row;
};
