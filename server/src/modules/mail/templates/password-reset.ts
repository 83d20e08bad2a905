import { t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, signOff, type Composed, type RenderContext } from './common.js';

export type PasswordResetMailData = {
  /** The single-use link where the person chooses a new password. */
  resetUrl: string;
  /** The address they sign in with. */
  email: string;
  expiresAt: Date;
};

const LOCALES = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' } as const;

/** "Forgot password": the link to choose a new one, until when it works, and what to do if it was not you. */
export const passwordResetMail = (data: PasswordResetMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const time = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(data.expiresAt);
  const params = { portal: brand.portalName, email: data.email, date: time };
  return {
    subject: t(lang, 'mail.passwordReset.subject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, 'mail.passwordReset.intro', params)] },
      { kind: 'button', label: t(lang, 'mail.passwordReset.button'), href: data.resetUrl, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: [t(lang, 'mail.passwordReset.expires', params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.passwordReset.sessions')] },
      { kind: 'note', text: [t(lang, 'mail.passwordReset.notYou', params)] },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [t(lang, 'mail.passwordReset.personal'), ...footer(ctx)],
  };
};
