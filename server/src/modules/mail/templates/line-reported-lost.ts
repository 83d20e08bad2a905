import { t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, phone, signOff, type Composed, type RenderContext } from './common.js';

/** To the fleet administrators: an employee reported their phone lost or stolen from their personal page. */
export type LineReportedLostMailData = {
  msisdn: string;
  userName: string;
  cause: 'lost' | 'stolen';
  companyName?: string | null;
  /** The service's page, where the replacement is ordered. */
  serviceUrl: string;
};

export const lineReportedLostMail = (data: LineReportedLostMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const params = { user: data.userName, number: phone(data.msisdn), portal: brand.portalName };
  return {
    subject: t(lang, `mail.lineReportedLost.subject_${data.cause}`, params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, `mail.lineReportedLost.intro_${data.cause}`, params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.lineReportedLost.next', params)] },
      { kind: 'button', label: t(lang, 'mail.lineReportedLost.button', params), href: data.serviceUrl },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [...(data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};
