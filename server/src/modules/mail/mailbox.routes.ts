import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problemResponses } from '../../http/openapi.js';
import { IdParamSchema } from '../../platform/validation.js';
import { MailboxMessageSchema, MailboxPageSchema, MailboxQuerySchema } from './mailbox.schemas.js';
import { listMailbox, readMailboxMessage } from './use-cases/read-mailbox.js';
import type { AppDeps } from '../../deps.js';

/**
 * The development mailbox: every e-mail the portal queued, readable without signing in, so that a
 * person trying the demo can open an activation link. Only there when DEV_MAILBOX is on (by default
 * when no SMTP server is configured, outside production); otherwise these addresses are 404.
 */
export const mailboxRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    if (!deps.config.devMailbox) return;
    app.get(
      '/api/dev/mailbox',
      {
        schema: {
          tags: ['development'],
          summary: 'Development mailbox: the e-mails in the outbox, newest first (DEV_MAILBOX only, no sign-in)',
          security: [],
          querystring: MailboxQuerySchema,
          response: { 200: MailboxPageSchema, ...problemResponses(400) },
        },
      },
      async (req) => listMailbox(deps.db, req.query.page, req.query.pageSize),
    );
    app.get(
      '/api/dev/mailbox/:id',
      {
        schema: {
          tags: ['development'],
          summary: 'Development mailbox: one e-mail with its HTML, text and attachments (DEV_MAILBOX only, no sign-in)',
          security: [],
          params: IdParamSchema,
          response: { 200: MailboxMessageSchema, ...problemResponses(400, 404) },
        },
      },
      async (req) => readMailboxMessage(deps.db, req.params.id),
    );
  };
