import { t, type Lang } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, signOff, type Composed, type RenderContext } from './common.js';

type Kind = 'new_service' | 'bundle_change' | 'bulk_import';

/** The Approvals page, where owners and administrators decide and requesters follow their orders. */
export const APPROVALS_PATH = '/self-service/approvals';

const money = (lang: Lang, cents: number) =>
  new Intl.NumberFormat({ en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' }[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);

/** To the company's other owners and administrators: an order waits for their approval. */
export type ApprovalRequestedMailData = {
  kind: Kind;
  subject: string;
  requesterName: string;
  monthlyAmountCents: number;
  thresholdCents: number;
  companyName?: string | null;
  portalUrl: string;
};

export const approvalRequestedMail = (data: ApprovalRequestedMailData, ctx: RenderContext): Composed => {
  const { lang } = ctx;
  const params = {
    requester: data.requesterName,
    subject: data.subject,
    kind: t(lang, `mail.approval.kind.${data.kind}`),
    amount: money(lang, data.monthlyAmountCents),
    threshold: money(lang, data.thresholdCents),
  };
  return {
    subject: t(lang, 'mail.approval.requestedSubject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, 'mail.approval.requestedIntro', params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.approval.requestedNext', params)] },
      { kind: 'button', label: t(lang, 'mail.approval.button'), href: `${data.portalUrl.replace(/\/+$/, '')}${APPROVALS_PATH}`, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [...(data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};

/** To the requester: their order was approved (and carried out), rejected, or approved but could not be carried out. */
export type ApprovalDecidedMailData = {
  kind: Kind;
  subject: string;
  outcome: 'approved' | 'rejected' | 'failed';
  deciderName: string;
  reason: string | null;
  companyName?: string | null;
  portalUrl: string;
};

export const approvalDecidedMail = (data: ApprovalDecidedMailData, ctx: RenderContext): Composed => {
  const { lang } = ctx;
  const params = { decider: data.deciderName, subject: data.subject, kind: t(lang, `mail.approval.kind.${data.kind}`) };
  return {
    subject: t(lang, `mail.approval.decidedSubject_${data.outcome}`, params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, `mail.approval.decidedIntro_${data.outcome}`, params)] },
      ...(data.reason ? [{ kind: 'paragraph' as const, text: [t(lang, 'mail.approval.reasonLabel')] }, { kind: 'note' as const, text: [data.reason] }] : []),
      { kind: 'button', label: t(lang, 'mail.approval.button'), href: `${data.portalUrl.replace(/\/+$/, '')}${APPROVALS_PATH}`, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [...(data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};
