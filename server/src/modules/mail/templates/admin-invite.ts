import { t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, signOff, type Composed, type RenderContext } from './common.js';

export type AdminInviteMailData = {
  /** The single-use link where the invited person chooses a password. */
  setPasswordUrl: string;
  companyName: string;
  /** The operator staff member who sent the invitation. */
  invitedBy: string;
  /** The e-mail address they will sign in with. */
  email: string;
  expiresAt: Date;
  /** Set when a colleague (the company's owner) invited them, with the role they get; absent when operator staff invited a fleet administrator. */
  role?: 'owner' | 'administrator' | 'read_only' | 'billing';
};

const LOCALES = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' } as const;

/** To a new fleet administrator: the company, the sign-in address, the link to choose a password and when it expires. */
export const adminInviteMail = (data: AdminInviteMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(data.expiresAt);
  const role = data.role ? t(lang, `roles.${data.role}`) : '';
  const params = { company: data.companyName, portal: brand.portalName, operator: brand.name, invitedBy: data.invitedBy, email: data.email, date, role };
  const byColleague = Boolean(data.role);
  return {
    subject: t(lang, byColleague ? 'mail.adminInvite.subjectByColleague' : 'mail.adminInvite.subject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, byColleague ? 'mail.adminInvite.introByColleague' : 'mail.adminInvite.intro', params)] },
      { kind: 'paragraph', text: [t(lang, data.role ? `mail.adminInvite.whatRole.${data.role}` : 'mail.adminInvite.what', params)] },
      { kind: 'codes', items: [{ label: t(lang, 'mail.adminInvite.signInWith'), value: data.email }] },
      { kind: 'button', label: t(lang, 'mail.adminInvite.button'), href: data.setPasswordUrl, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: [t(lang, byColleague ? 'mail.adminInvite.expiresByColleague' : 'mail.adminInvite.expires', params)] },
      { kind: 'note', text: [t(lang, 'mail.adminInvite.notExpected', params)] },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [t(lang, 'mail.adminInvite.personal'), ...footer(ctx)],
  };
};
