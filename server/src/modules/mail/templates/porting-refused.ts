import { hasKey, t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, phone, signOff, type Composed, type RenderContext } from './common.js';

export type PortingRefusedMailData = {
  /** The mobile user whose number was to move. */
  userName: string;
  /** E.164 of the number being ported in. */
  msisdn: string;
  donorOperator: string;
  /** The donor's own words (port_ins.refusal_reason). */
  reason: string;
  /** The refusal's stable code (number_unknown, customer_number_mismatch, …): shown translated, with the donor's words under it. */
  reasonCode?: string | null;
  companyName?: string | null;
  /** Where administrators reach the portal (PUBLIC_URL); by default the operator's portal URL. */
  portalUrl?: string | null;
};

/** Where the administrator corrects a refused port-in (Self-service › UC & Mobile › Mobile porting issues). */
export const PORTING_ISSUES_PATH = '/self-service/uc-mobile/porting-issues';

/** To the fleet administrator: the donor refused a port-in; what to correct and where. */
export const portingRefusedMail = (data: PortingRefusedMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const params = { user: data.userName, number: phone(data.msisdn), donor: data.donorOperator, operator: brand.name };
  const codeKey = `portingRefusal.${data.reasonCode ?? ''}`;
  const translated = data.reasonCode && hasKey(lang, codeKey) ? t(lang, codeKey) : null;
  const portal = (data.portalUrl ?? brand.portalUrl).replace(/\/+$/, '');
  return {
    subject: t(lang, 'mail.portingRefused.subject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, 'mail.portingRefused.intro', params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.portingRefused.reasonLabel', params)] },
      { kind: 'note', text: [translated ?? data.reason] },
      ...(translated && data.reason.trim() && data.reason.trim() !== translated
        ? [{ kind: 'paragraph' as const, text: [t(lang, 'mail.portingRefused.donorWords', { donor: data.donorOperator, words: data.reason.trim() })] }]
        : []),
      { kind: 'paragraph', text: [t(lang, 'mail.portingRefused.action', params)] },
      { kind: 'button', label: t(lang, 'mail.portingRefused.button'), href: `${portal}${PORTING_ISSUES_PATH}`, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: [t(lang, 'mail.portingRefused.oldSim', params)] },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [...(data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};
