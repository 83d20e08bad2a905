import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import en from '../../../../../locales/en.json' with { type: 'json' };
import fr from '../../../../../locales/fr.json' with { type: 'json' };
import nl from '../../../../../locales/nl.json' with { type: 'json' };
import { LANGUAGES, type Lang } from '../../../platform/i18n.js';
import { ESIM_QR_CID, lpaActivationCode } from './esim-qr.js';
import { MAIL_TEMPLATES, renderMail, type MailContent } from './render.js';

const brand = {
  name: 'Dstny',
  portalName: 'MyDstny',
  supportPhone: '+32 2 401 97 00 (option 1)',
  supportEmail: 'support@dstny.be',
  portalUrl: 'https://my.dstny.be',
};

// Values a person typed somewhere: they must come out as text, never as markup.
const EVIL = `Zoë <script>alert("x")</script> & 'Co'`;
const SAMPLES: MailContent[] = [
  { template: 'activation', data: { sim: 'physical', activationUrl: 'https://my.dstny.be/activate/abc?x=1&y=2', msisdn: '+32470123456', numberSource: 'new', expiresAt: new Date('2026-03-20T09:00:00Z') } },
  { template: 'activation', data: { sim: 'esim', activationUrl: 'https://my.dstny.be/activate/def', msisdn: '+32470123456', numberSource: 'port_in' } },
  { template: 'esim_qr', data: { smdpAddress: 'smdp.simulator.fleetdesk.example', matchingId: 'FD1-ABCD-1234-EFGH', msisdn: '+32470123456', numberSource: 'new' } },
  { template: 'porting_refused', data: { userName: EVIL, msisdn: '+32475000111', donorOperator: 'Proximus', reason: `Customer number does not match <b>${EVIL}</b>`, companyName: EVIL } },
  { template: 'service_active', data: { audience: 'user', msisdn: '+32470123456' } },
  { template: 'activation', data: { sim: 'physical', activationUrl: 'https://portal.example/activate/abc', msisdn: '+32470123456', replacement: true } },
  { template: 'line_reported_lost', data: { msisdn: '+32470123456', userName: EVIL, cause: 'stolen', companyName: 'Acme Logistics', serviceUrl: 'https://portal.example/services/1' } },
  { template: 'service_active', data: { audience: 'admin', msisdn: '+32470123456', userName: EVIL, companyName: 'Acme Logistics' } },
  { template: 'request_updated', data: { requestId: '7f1c2f1e-0d7b-4a55-9d7e-1f0e9b0c1a2b', reference: 'R-2026-000123', kind: 'change', update: { type: 'status', status: 'rejected', actorName: EVIL, reason: EVIL, scheduledFor: null }, companyName: EVIL, portalUrl: 'https://my.dstny.be' } },
  { template: 'request_updated', data: { requestId: '7f1c2f1e-0d7b-4a55-9d7e-1f0e9b0c1a2b', reference: 'R-2026-000124', kind: 'move', update: { type: 'comment', authorName: EVIL, body: EVIL } } },
  { template: 'admin_invite', data: { setPasswordUrl: 'https://my.dstny.be/set-password/tok?x=1&y=2', companyName: EVIL, invitedBy: EVIL, email: 'new.admin@acme.example', expiresAt: new Date('2026-03-20T09:00:00Z') } },  { template: 'activation_failed', data: { companyName: EVIL, userName: EVIL, msisdn: '+32470123456', step: 'provision', serviceUrl: 'https://my.dstny.be/back-office/companies/x?a=1&b=2' } },
  { template: 'password_reset', data: { resetUrl: 'https://my.dstny.be/reset-password/tok?x=1&y=2', email: 'admin@acme.example', expiresAt: new Date('2026-03-20T09:00:00Z') } },
  { template: 'usage_alert', data: { kind: 'data_80', audience: 'user', msisdn: '+32470123456', userName: EVIL, used: 1700, threshold: 2048 } },
  { template: 'usage_alert', data: { kind: 'spending', audience: 'admin', msisdn: '+32470123456', userName: EVIL, used: 5210, threshold: 5000, companyName: EVIL, serviceUrl: 'https://my.dstny.be/services/1?a=1&b=2' } },
  { template: 'usage_alert', data: { kind: 'roaming_cap', audience: 'user', msisdn: '+32470123456', userName: EVIL, used: 1030, threshold: 1024, blocked: true } },
  { template: 'usage_alert', data: { kind: 'roaming_cap', audience: 'admin', msisdn: '+32470123456', userName: EVIL, used: 1030, threshold: 1024, blocked: false, serviceUrl: 'https://my.dstny.be/services/1' } },
  { template: 'employee_sign_in', data: { signInUrl: 'https://my.dstny.be/my-lines/sign-in/tok?x=1&y=2', companyName: EVIL, expiresAt: new Date('2026-03-20T09:00:00Z') } },
  { template: 'employee_request', data: { audience: 'admin', kind: 'bundle_change', msisdn: '+32470123456', userName: EVIL, bundleName: EVIL, note: EVIL, companyName: EVIL, pageUrl: 'https://my.dstny.be/self-service?a=1&b=2' } },
  { template: 'employee_request', data: { audience: 'admin', kind: 'new_esim', msisdn: '+32470123456', userName: EVIL, companyName: EVIL, pageUrl: 'https://my.dstny.be/self-service' } },
  { template: 'employee_request', data: { audience: 'employee', kind: 'bundle_change', outcome: 'approved', msisdn: '+32470123456', userName: EVIL, bundleName: EVIL, decidedBy: EVIL, pageUrl: 'https://my.dstny.be/my-lines' } },
  { template: 'employee_request', data: { audience: 'employee', kind: 'new_esim', outcome: 'refused', reason: EVIL, msisdn: '+32470123456', userName: EVIL, decidedBy: EVIL, pageUrl: 'https://my.dstny.be/my-lines' } },
  { template: 'employee_request', data: { audience: 'employee', kind: 'new_esim', outcome: 'approved', msisdn: '+32470123456', userName: EVIL, decidedBy: EVIL, pageUrl: 'https://my.dstny.be/my-lines' } },
  { template: 'employee_request', data: { audience: 'employee', kind: 'bundle_change', outcome: 'refused', reason: EVIL, msisdn: '+32470123456', userName: EVIL, bundleName: EVIL, decidedBy: EVIL, pageUrl: 'https://my.dstny.be/my-lines' } },
  { template: 'event_hub_disabled', data: { callback: 'https://hr.example/hooks?a=1&b=2', clientName: EVIL, failingSince: '2026-03-20T09:00:00Z', lastError: EVIL, pageUrl: 'https://my.dstny.be/company' } },
  { template: 'approval_requested', data: { kind: 'new_service', subject: EVIL, requesterName: EVIL, monthlyAmountCents: 4500, thresholdCents: 3000, companyName: EVIL, portalUrl: 'https://my.dstny.be' } },
  { template: 'approval_decided', data: { kind: 'bundle_change', subject: EVIL, outcome: 'rejected', deciderName: EVIL, reason: EVIL, companyName: EVIL, portalUrl: 'https://my.dstny.be' } },
  { template: 'approval_decided', data: { kind: 'bulk_import', subject: EVIL, outcome: 'approved', deciderName: EVIL, reason: null, portalUrl: 'https://my.dstny.be' } },
];

const render = (content: MailContent, lang: Lang) => renderMail(content, { lang, brand, recipientName: EVIL });

const leafKeys = (obj: unknown, prefix = ''): string[] =>
  obj && typeof obj === 'object' ? Object.entries(obj).flatMap(([k, v]) => leafKeys(v, prefix ? `${prefix}.${k}` : k)) : [prefix];

describe('e-mail templates', () => {
  it('covers every template', () => {
    expect(new Set(SAMPLES.map((s) => s.template))).toEqual(new Set(MAIL_TEMPLATES));
  });

  it('has the same mail texts in English, French and Dutch', () => {
    const keys = leafKeys(en.mail).sort();
    expect(leafKeys(fr.mail).sort()).toEqual(keys);
    expect(leafKeys(nl.mail).sort()).toEqual(keys);
  });

  describe.each(LANGUAGES.map((lang) => [lang]))('in %s', (lang) => {
    it.each(SAMPLES.map((s) => [`${s.template}${'sim' in s.data ? ` (${s.data.sim})` : 'audience' in s.data ? ` (${s.data.audience})` : ''}`, s]))(
      '%s: subject, accessible HTML with escaped values, and a plain-text part',
      async (_name, content) => {
        const mail = await render(content, lang);
        expect(mail.subject.trim()).not.toBe('');
        expect(mail.subject).not.toMatch(/mail\.|\{\{/);
        // the document states its language; the article wrapper too
        expect(mail.html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}"`));
        expect(mail.html).toContain(`<title>`);
        // no untranslated key or unfilled placeholder anywhere
        for (const part of [mail.html, mail.text]) {
          expect(part).not.toMatch(/\bmail\.[a-z]+\.[a-zA-Z.]+/);
          expect(part).not.toMatch(/\{\{|\}\}/);
        }
        // what a person typed is text in the HTML, never markup; the text part has it as typed
        expect(mail.html).not.toContain('<script>');
        expect(mail.html).not.toContain('<b>');
        expect(mail.html).toContain('Zoë &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;Co&#39;');
        expect(mail.text).toContain(EVIL);
        expect(mail.text).not.toMatch(/<(p|a|div|table|li|h2)\b/);
        // every image has a text alternative; the support contacts are real links
        for (const img of mail.html.match(/<img\b[^>]*>/g) ?? []) expect(img).toMatch(/alt="[^"]{10,}"/);
        expect(mail.html).toContain('href="tel:+3224019700"');
        expect(mail.html).toContain('href="mailto:support@dstny.be"');
        expect(mail.text).toContain('+32 2 401 97 00 (option 1)');
      },
    );
  });

  it('writes the number in its international form and the links in both parts', async () => {
    const mail = await render(SAMPLES[0]!, 'en');
    expect(mail.subject).toBe('Activate your Dstny SIM card');
    expect(mail.html).toContain('+32 470 12 34 56');
    expect(mail.html).toContain('href="https://my.dstny.be/activate/abc?x=1&amp;y=2"');
    expect(mail.text).toContain('https://my.dstny.be/activate/abc?x=1&y=2');
    expect(mail.text).toContain('until 20 March 2026 at 10:00');
    expect(mail.text).toContain('1. Keep your SIM card ready.');
    expect(mail.attachments).toEqual([]);
  });

  it('gives the eSIM variant its own steps, the compatibility check and the porting note', async () => {
    const mail = await render(SAMPLES[1]!, 'fr');
    expect(mail.subject).toBe('Activez votre eSIM Dstny');
    expect(mail.text).toContain('Ajouter une eSIM');
    expect(mail.text).toContain('48 heures');
    expect(mail.text).not.toContain('mode avion');
  });

  it.each(LANGUAGES.map((lang) => [lang]))('esim_qr (%s): the inline QR image decodes back to the activation code, also written out', async (lang) => {
    const content = SAMPLES[2]!;
    const mail = await render(content, lang);
    const code = lpaActivationCode('smdp.simulator.fleetdesk.example', 'FD1-ABCD-1234-EFGH');
    expect(mail.attachments).toHaveLength(1);
    const [qr] = mail.attachments;
    expect(qr).toMatchObject({ contentType: 'image/png', cid: ESIM_QR_CID, filename: expect.stringMatching(/\.png$/) });
    expect(mail.html).toContain(`src="cid:${ESIM_QR_CID}"`);
    const png = PNG.sync.read(Buffer.from(qr!.content, 'base64'));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(code);
    expect(mail.text).toContain(code);
    expect(mail.html).toContain(code);
  });

  it('links the administrator to the porting issues page of the portal', async () => {
    const mail = await render(SAMPLES[3]!, 'nl');
    expect(mail.html).toContain('href="https://my.dstny.be/self-service/uc-mobile/porting-issues"');
    expect(mail.text).toContain('Proximus');
    expect(mail.subject).toContain('+32 475 00 01 11');
  });

  it("translates a known refusal code, keeps the donor's words, and links to the portal address given", async () => {
    const content: MailContent = {
      template: 'porting_refused',
      data: {
        userName: 'Lotte Janssens',
        msisdn: '+32475000111',
        donorOperator: 'Proximus',
        reason: 'The customer number does not match the records of the donor operator for this number.',
        reasonCode: 'customer_number_mismatch',
        portalUrl: 'http://localhost:3000/',
      },
    };
    const mail = await render(content, 'fr');
    expect(mail.text).toContain('> Le numéro de client ne correspond pas');
    expect(mail.text).toContain('«\u00a0The customer number does not match the records');
    expect(mail.html).toContain('href="http://localhost:3000/self-service/uc-mobile/porting-issues"');
    const unknown = await render({ ...content, data: { ...content.data, reasonCode: 'something_new' } } as MailContent, 'fr');
    expect(unknown.text).toContain('> The customer number does not match');
  });

  it('gives the tips of the seeds once the line is active', async () => {
    const mail = await render(SAMPLES[4]!, 'en');
    expect(mail.text).toContain('9999');
    expect(mail.text).toMatch(/PIN/);
    expect(mail.text).toMatch(/APN/);
  });
});
