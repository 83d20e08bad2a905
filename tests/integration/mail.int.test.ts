import { eq, sql } from 'drizzle-orm';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/src/config/config.js';
import { outboxMessages } from '../../server/src/db/schema.js';
import { QUEUES, type JobQueue } from '../../server/src/jobs/queues.js';
import { lpaActivationCode, queueMail, type MailMessage } from '../../server/src/modules/mail/index.js';
import { claimOutboxMessage } from '../../server/src/modules/mail/mail.repository.js';
import { smtpTransport } from '../../server/src/modules/mail/mail-transport.js';
import { MailBusyError, sendOutboxMessage } from '../../server/src/modules/mail/use-cases/send-mail.js';
import { createTestPortal, type TestPortal } from '../support/harness.js';
import { startSmtpServer } from '../support/smtp.js';
import { waitUntil } from '../support/wait.js';

/** The MIME part of a raw message with this Content-Type, decoded from base64. */
const base64Part = (raw: string, contentType: string) => {
  const match = raw.match(new RegExp(`Content-Type: ${contentType.replace('/', '\\/')}[^]*?\\r?\\n\\r?\\n([A-Za-z0-9+/=\\r\\n]+?)\\r?\\n(--|\\r?\\n)`));
  return match ? Buffer.from(match[1]!.replace(/\s+/g, ''), 'base64') : null;
};

const esimMessage = (address: string, matchingId: string): MailMessage => ({
  companyId: null,
  to: { address, name: 'Lotte Janssens' },
  language: 'fr',
  template: 'esim_qr',
  data: { smdpAddress: 'smdp.simulator.fleetdesk.example', matchingId, msisdn: '+32470123456', numberSource: 'new' },
});

/** Queues inside a transaction, as a use case does. */
const queue = (portal: TestPortal, message: MailMessage, jobs: JobQueue = portal.jobs.queue) =>
  portal.database.db.transaction((tx) => queueMail(tx, jobs, message));

const rowOf = async (portal: TestPortal, id: string) => {
  const [row] = await portal.database.db.select().from(outboxMessages).where(eq(outboxMessages.id, id));
  return row!;
};

/** Does not queue any job: for driving the worker by hand. */
const noJobs: JobQueue = { send: async () => undefined };

describe(`e-mail through SMTP (${process.env.TEST_DB})`, () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let portal: TestPortal;
  const copiesOf = (messageId: string) => smtp.received.filter((m) => m.raw.includes(`Message-ID: ${messageId}`));

  beforeAll(async () => {
    smtp = await startSmtpServer();
    portal = await createTestPortal({ SMTP_URL: smtp.url, DEV_MAILBOX: 'false' });
  });
  afterAll(async () => {
    await portal?.close();
    await smtp?.close();
  });

  it('delivers the eSIM e-mail once, with the HTML, the text and the QR code as an inline image', async () => {
    const { id, messageId } = await queue(portal, esimMessage('lotte@acme.example', 'FD1-MAIL-0001'));
    expect(messageId).toMatch(new RegExp(`^<${id}@my\\.dstny\\.be>$`));
    const [mail] = await waitUntil('the message at the SMTP server', () => (copiesOf(messageId).length ? copiesOf(messageId) : null));
    expect(mail!.to).toEqual(['lotte@acme.example']);
    expect(mail!.from).toBe('no-reply@fleetdesk.example');
    expect(mail!.raw).toMatch(/^From: "?MyDstny"? <no-reply@fleetdesk\.example>/m);
    expect(mail!.raw).toMatch(/^To: "?Lotte Janssens"? <lotte@acme\.example>/m);
    expect(mail!.raw).toMatch(/^Content-Language: fr/m);
    expect(mail!.raw).toContain('Content-Type: text/plain');
    expect(mail!.raw).toContain('Content-Type: text/html');
    expect(mail!.raw).toContain('Content-ID: <esim-qr@fleetdesk>');
    expect(mail!.raw).toMatch(/Content-Disposition: inline/);
    const png = base64Part(mail!.raw, 'image/png');
    expect(png).not.toBeNull();
    const image = PNG.sync.read(png!);
    expect(jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data).toBe(lpaActivationCode('smdp.simulator.fleetdesk.example', 'FD1-MAIL-0001'));

    const row = await waitUntil('the row marked sent', async () => {
      const r = await rowOf(portal, id);
      return r.status === 'sent' ? r : null;
    });
    expect(row).toMatchObject({ delivery: 'smtp', attempts: 1, lastError: null, leaseUntil: null });
    expect(row.sentAt).toBeInstanceOf(Date);
  });

  it('does nothing more when the job runs again, or the worker is called again', async () => {
    const { id, messageId } = await queue(portal, esimMessage('second@acme.example', 'FD1-MAIL-0002'));
    await waitUntil('the row marked sent', async () => (await rowOf(portal, id)).status === 'sent');
    const again = await portal.jobs.boss.send(QUEUES.mailSend, { outboxMessageId: id });
    await waitUntil('the repeated job to complete', async () => (await portal.jobs.boss.getJobById(QUEUES.mailSend, again!))?.state === 'completed');
    await expect(sendOutboxMessage(portal.database.db, smtpTransport(smtp.url, 'x@y.example'), id)).resolves.toBe('already_sent');
    expect(copiesOf(messageId)).toHaveLength(1);
    expect((await rowOf(portal, id)).attempts).toBe(1);
  });

  it('retries through pg-boss after the SMTP server refuses the first attempt, and delivers once', async () => {
    smtp.control.refuseNext = 1;
    const refusedBefore = smtp.control.refused;
    const { id, messageId } = await queue(portal, esimMessage('retry@acme.example', 'FD1-MAIL-0003'));
    // the failed attempt is on the row, which waits for the retry
    const failed = await waitUntil('the refused attempt', async () => {
      const r = await rowOf(portal, id);
      return r.lastError ? r : null;
    });
    expect(smtp.control.refused).toBe(refusedBefore + 1);
    expect(failed.lastError).toMatch(/451/);
    expect(['queued', 'sending']).toContain(failed.status);
    // pg-boss's backoff brings the job back after a few seconds
    await waitUntil('the retried message at the SMTP server', () => copiesOf(messageId).length > 0);
    const row = await waitUntil('the row marked sent', async () => {
      const r = await rowOf(portal, id);
      return r.status === 'sent' ? r : null;
    });
    expect(row).toMatchObject({ attempts: 2, delivery: 'smtp', lastError: null });
    expect(copiesOf(messageId)).toHaveLength(1);
  });

  it('lets only one of two workers send a row; another takes over once a lease has run out', async () => {
    const transport = smtpTransport(smtp.url, '"MyDstny" <no-reply@fleetdesk.example>');
    try {
      const first = await queue(portal, esimMessage('race@acme.example', 'FD1-MAIL-0004'), noJobs);
      const outcomes = await Promise.allSettled([
        sendOutboxMessage(portal.database.db, transport, first.id),
        sendOutboxMessage(portal.database.db, transport, first.id),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled').map((o) => (o as PromiseFulfilledResult<string>).value)).toEqual(['sent']);
      const refused = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).toBeInstanceOf(MailBusyError);
      expect(copiesOf(first.messageId)).toHaveLength(1);

      // a worker claimed the row and died: after its lease the next attempt sends it
      const second = await queue(portal, esimMessage('crash@acme.example', 'FD1-MAIL-0005'), noJobs);
      expect(await claimOutboxMessage(portal.database.db, second.id, 60)).not.toBeNull();
      await expect(sendOutboxMessage(portal.database.db, transport, second.id)).rejects.toBeInstanceOf(MailBusyError);
      await portal.database.db.update(outboxMessages).set({ leaseUntil: sql`now() - interval '1 second'` }).where(eq(outboxMessages.id, second.id));
      await expect(sendOutboxMessage(portal.database.db, transport, second.id)).resolves.toBe('sent');
      expect(copiesOf(second.messageId)).toHaveLength(1);
      expect((await rowOf(portal, second.id)).attempts).toBe(2);
    } finally {
      transport.close();
    }
  });

  it('queues nothing when the transaction rolls back', async () => {
    // every mail job ever queued, waiting, done or archived: a job that never exists can never send
    const mailJobs = async () =>
      ((await portal.database.sql.executeSql(`select (select count(*) from pgboss.job where name = $1) + (select count(*) from pgboss.archive where name = $1) as n`, [QUEUES.mailSend])).rows[0] as { n: string }).n;
    const before = await mailJobs();
    await expect(
      portal.database.db.transaction(async (tx) => {
        await queueMail(tx, portal.jobs.queue, esimMessage('rollback@acme.example', 'FD1-MAIL-0006'));
        throw new Error('the use case failed after queueing');
      }),
    ).rejects.toThrow('the use case failed');
    const rows = await portal.database.db.select().from(outboxMessages).where(eq(outboxMessages.toAddress, 'rollback@acme.example'));
    expect(rows).toEqual([]);
    expect(await mailJobs()).toBe(before);
  });

  it('has no development mailbox when DEV_MAILBOX is false', async () => {
    const anonymous = portal.anonymous();
    expect((await anonymous.get('/api/dev/mailbox')).status).toBe(404);
    const [row] = await portal.database.db.select({ id: outboxMessages.id }).from(outboxMessages).limit(1);
    expect((await anonymous.get(`/api/dev/mailbox/${row!.id}`)).status).toBe(404);
  });
});

describe(`e-mail without SMTP: the development mailbox (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await createTestPortal();
  });
  afterAll(async () => portal?.close());

  it('is on by default without SMTP outside production, and off in production or with SMTP', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).devMailbox).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).devMailbox).toBe(false);
    expect(loadConfig({ SMTP_URL: 'smtp://mail.example:25' }).devMailbox).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', DEV_MAILBOX: 'true' }).devMailbox).toBe(true);
    expect(() => loadConfig({ SMTP_URL: 'http://user:secret@mail.example' })).toThrow(/SMTP_URL: must start with smtp:\/\/ or smtps:\/\/ \(got a value not shown\)/);
  });

  it('keeps the messages in the outbox, marked sent, and lists them newest first without a sign-in', async () => {
    const ids: string[] = [];
    for (const [i, lang] of (['en', 'fr', 'nl'] as const).entries()) {
      const { id } = await queue(portal, {
        companyId: null,
        to: { address: `user${i}@acme.example`, name: `User ${i}` },
        language: lang,
        template: 'activation',
        data: { sim: 'physical', activationUrl: `https://my.dstny.be/activate/${i}` },
      });
      ids.push(id);
    }
    for (const id of ids) {
      await waitUntil('the row kept in the outbox', async () => {
        const r = await rowOf(portal, id);
        return r.status === 'sent' && r.delivery === 'kept_in_outbox';
      });
    }
    const anonymous = portal.anonymous();
    const page1 = await anonymous.get('/api/dev/mailbox?pageSize=2');
    expect(page1.status).toBe(200);
    expect(page1.body).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(page1.body.items.map((m: { to: string }) => m.to)).toEqual(['user2@acme.example', 'user1@acme.example']);
    expect(page1.body.items[0]).toMatchObject({ id: ids[2], template: 'activation', language: 'nl', subject: 'Activeer uw Dstny-simkaart', status: 'sent' });
    const page2 = await anonymous.get('/api/dev/mailbox?page=2&pageSize=2');
    expect(page2.body.items.map((m: { id: string }) => m.id)).toEqual([ids[0]]);
    expect((await anonymous.get('/api/dev/mailbox?pageSize=0')).status).toBe(400);
  });

  it('shows one message with its HTML (inline images as data URLs), its text and its attachments', async () => {
    const { id, messageId } = await queue(portal, esimMessage('esim@acme.example', 'FD1-MAIL-0100'));
    await waitUntil('the row kept in the outbox', async () => (await rowOf(portal, id)).status === 'sent');
    const res = await portal.anonymous().get(`/api/dev/mailbox/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, messageId, template: 'esim_qr', language: 'fr', delivery: 'kept_in_outbox', to: 'esim@acme.example', toName: 'Lotte Janssens' });
    expect(res.body.html).toContain('<html lang="fr"');
    expect(res.body.html).not.toContain('cid:');
    expect(res.body.html).toContain('src="data:image/png;base64,');
    expect(res.body.text).toContain(lpaActivationCode('smdp.simulator.fleetdesk.example', 'FD1-MAIL-0100'));
    expect(res.body.attachments).toEqual([
      expect.objectContaining({ filename: 'esim-qr-code.png', contentType: 'image/png', cid: 'esim-qr@fleetdesk', dataUrl: expect.stringMatching(/^data:image\/png;base64,/) }),
    ]);
    expect((await portal.anonymous().get('/api/dev/mailbox/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await portal.anonymous().get('/api/dev/mailbox/not-an-id')).status).toBe(400);
  });

  it('answers only the computer the portal runs on: its messages hold set-password links', async () => {
    const { id } = await queue(portal, esimMessage('far@acme.example', 'FD1-MAIL-0200'));
    const read = (url: string, remoteAddress: string, headers: Record<string, string> = {}) => portal.app.inject({ method: 'GET', url, remoteAddress, headers });
    for (const url of ['/api/dev/mailbox', `/api/dev/mailbox/${id}`]) {
      for (const local of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1']) expect((await read(url, local)).statusCode, `${url} from ${local}`).toBe(200);
      for (const remote of ['203.0.113.7', '10.0.0.5', '::ffff:192.168.1.20', '2001:db8::1']) {
        const res = await read(url, remote, { 'accept-language': 'fr' });
        expect(res.statusCode, `${url} from ${remote}`).toBe(403);
        expect(res.json()).toMatchObject({ code: 'MAILBOX.LOCAL_ONLY', title: 'Uniquement sur l’ordinateur du portail' });
        expect(res.body).not.toContain('far@acme.example');
      }
      // a reverse proxy on the same computer: every request comes from 127.0.0.1, with the client in X-Forwarded-For
      expect((await read(url, '127.0.0.1', { 'x-forwarded-for': '203.0.113.7' })).statusCode).toBe(403);
      expect((await read(url, '127.0.0.1', { forwarded: 'for=203.0.113.7' })).statusCode).toBe(403);
    }
  });

  it('behind a trusted proxy, reads the client from X-Forwarded-For', async () => {
    const proxied = await createTestPortal({ TRUST_PROXY_HOPS: '1' });
    try {
      const read = (client: string) => proxied.app.inject({ method: 'GET', url: '/api/dev/mailbox', remoteAddress: '127.0.0.1', headers: { 'x-forwarded-for': client } });
      expect((await read('203.0.113.7')).statusCode).toBe(403);
      // a client cannot pass itself off as local: the proxy adds the address it saw, which is the one that counts
      expect((await read('127.0.0.1, 203.0.113.7')).statusCode).toBe(403);
      expect((await read('127.0.0.1')).statusCode).toBe(200);
    } finally {
      await proxied.close();
    }
  });
});
