import { t } from '../../../platform/i18n.js';
import { contactForUser, footer, greeting, signOff, type Composed, type RenderContext } from './common.js';

export type EmployeeSignInMailData = {
  /** The single-use link that opens My lines. */
  signInUrl: string;
  /** The company whose lines it shows (one person can be an employee of two). */
  companyName: string;
  expiresAt: Date;
};

const LOCALES = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' } as const;

/** "Employee sign-in": the link to My lines, until when it works, and what to do if it was not you. */
export const employeeSignInMail = (data: EmployeeSignInMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const time = new Intl.DateTimeFormat(LOCALES[lang], { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(data.expiresAt);
  const params = { portal: brand.portalName, company: data.companyName, time };
  return {
    subject: t(lang, 'mail.employeeSignIn.subject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, 'mail.employeeSignIn.intro', params)] },
      { kind: 'button', label: t(lang, 'mail.employeeSignIn.button'), href: data.signInUrl, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: [t(lang, 'mail.employeeSignIn.expires', params)] },
      { kind: 'note', text: [t(lang, 'mail.employeeSignIn.notYou')] },
      { kind: 'paragraph', text: contactForUser(ctx) },
      ...signOff(ctx),
    ],
    footer: [t(lang, 'mail.employeeSignIn.personal'), ...footer(ctx)],
  };
};
