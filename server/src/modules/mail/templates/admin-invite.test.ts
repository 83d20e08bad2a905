import { describe, expect, it } from 'vitest';
import { renderMail } from './render.js';

const brand = { name: 'Dstny', portalName: 'MyDstny', supportPhone: '+32 2 401 97 00 (option 1)', supportEmail: 'support@dstny.be', portalUrl: 'https://my.dstny.be' };
const data = {
  setPasswordUrl: 'https://portal.example/set-password/AbC_123',
  companyName: 'Acme Logistics',
  invitedBy: 'Dstny Support Desk',
  email: 'new.admin@acme.example',
  expiresAt: new Date('2030-03-20T09:00:00Z'),
};

describe('administrator invitation e-mail', () => {
  it('gives the link, the sign-in address and the expiry in both parts (English)', async () => {
    const mail = await renderMail({ template: 'admin_invite', data }, { lang: 'en', brand, recipientName: 'Jan Peeters' });
    expect(mail.subject).toBe('Your MyDstny administrator account for Acme Logistics');
    expect(mail.html).toContain('href="https://portal.example/set-password/AbC_123"');
    expect(mail.text).toContain('https://portal.example/set-password/AbC_123');
    expect(mail.text).toContain('new.admin@acme.example');
    expect(mail.text).toContain('20 March 2030 at 10:00');
  });

  it('speaks French and Dutch with Belgian dates', async () => {
    const fr = await renderMail({ template: 'admin_invite', data }, { lang: 'fr', brand, recipientName: null });
    expect(fr.text).toContain('20 mars 2030');
    expect(fr.subject).toContain('Acme Logistics');
    const nl = await renderMail({ template: 'admin_invite', data }, { lang: 'nl', brand, recipientName: null });
    expect(nl.text).toContain('20 maart 2030');
  });

  it("names the colleague who invited them and the role, in the invitee's language", async () => {
    const byOwner = { ...data, invitedBy: 'Pieter Claes', role: 'read_only' as const };
    const en = await renderMail({ template: 'admin_invite', data: byOwner }, { lang: 'en', brand, recipientName: 'Tom Jacobs' });
    expect(en.subject).toBe('Your MyDstny account for Acme Logistics');
    expect(en.text).toContain('Pieter Claes has invited you to Acme Logistics’s account in MyDstny, as Read-only.');
    expect(en.text).toContain('but change nothing');
    expect(en.text).toContain('ask Pieter Claes for a new invitation');
    const nl = await renderMail({ template: 'admin_invite', data: { ...byOwner, role: 'billing' } }, { lang: 'nl', brand, recipientName: null });
    expect(nl.text).toContain('als Facturatie');
    expect(nl.text).toContain('https://portal.example/set-password/AbC_123');
  });
});
