import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/app-error.js';
import { problemResponses } from '../../http/openapi.js';
import { IdParamSchema } from '../../platform/validation.js';
import { MailboxMessageSchema, MailboxPageSchema, MailboxQuerySchema } from './mailbox.schemas.js';
import { listMailbox, readMailboxMessage } from './use-cases/read-mailbox.js';
import type { AppDeps } from '../../deps.js';

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

/**
 * A request from the computer the portal runs on. Behind a proxy on that computer every request
 * arrives from 127.0.0.1: unless TRUST_PROXY_HOPS lets the portal read the real client from
 * X-Forwarded-For, a forwarded request does not count as local.
 */
const fromThisComputer = (req: FastifyRequest, trustProxyHops: number) =>
  LOOPBACK.test(req.ip) && (trustProxyHops > 0 || (req.headers['x-forwarded-for'] === undefined && req.headers.forwarded === undefined));

/**
 * The development mailbox: every e-mail the portal queued, readable without signing in, so that a
 * person trying the demo can open an activation link. Only there when DEV_MAILBOX is on (by default
 * when no SMTP server is configured, outside production); otherwise these addresses are 404. Its
 * messages hold set-password and activation links, so it answers only the computer the portal runs
 * on: whoever else reaches the port gets a 403.
 */
export const mailboxRoutes =
  (deps: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    if (!deps.config.devMailbox) return;
    app.addHook('onRequest', async (req) => {
      if (!fromThisComputer(req, deps.config.trustProxyHops)) throw new AppError('MAILBOX.LOCAL_ONLY');
    });
    app.get(
      '/api/dev/mailbox',
      {
        schema: {
          tags: ['development'],
          summary: 'Development mailbox: the e-mails in the outbox, newest first (DEV_MAILBOX only, no sign-in, from the portal’s own computer only)',
          security: [],
          querystring: MailboxQuerySchema,
          response: { 200: MailboxPageSchema, ...problemResponses(400, 403) },
        },
      },
      async (req) => listMailbox(deps.db, req.query.page, req.query.pageSize),
    );
    app.get(
      '/api/dev/mailbox/:id',
      {
        schema: {
          tags: ['development'],
          summary: 'Development mailbox: one e-mail with its HTML, text and attachments (DEV_MAILBOX only, no sign-in, from the portal’s own computer only)',
          security: [],
          params: IdParamSchema,
          response: { 200: MailboxMessageSchema, ...problemResponses(400, 403, 404) },
        },
      },
      async (req) => readMailboxMessage(deps.db, req.params.id),
    );
  };
