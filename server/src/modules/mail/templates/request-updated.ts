import { t, type Lang } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, signOff, type Composed, type RenderContext } from './common.js';
import type { Block } from './blocks.js';

type RequestStatusCode = 'submitted' | 'in_review' | 'scheduled' | 'done' | 'rejected' | 'withdrawn';

export type RequestUpdatedMailData = {
  requestId: string;
  /** R-2026-000123 */
  reference: string;
  kind: 'move' | 'add' | 'change' | 'delete' | 'support';
  update:
    | { type: 'status'; status: RequestStatusCode; actorName: string; reason: string | null; scheduledFor: string | null }
    | { type: 'comment'; authorName: string; body: string };
  companyName?: string | null;
  /** Where administrators reach the portal (PUBLIC_URL); by default the operator's portal URL. */
  portalUrl?: string | null;
};

/** The administrator's page of one request. */
export const requestPath = (id: string) => `/self-service/requests/${id}`;

const LOCALES: Record<Lang, string> = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' };
const calendarDay = (lang: Lang, day: string) =>
  new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** To the fleet administrator who filed a request: its status changed, or operator staff commented. */
export const requestUpdatedMail = (data: RequestUpdatedMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const kind = t(lang, `requestLabels.kind.${data.kind}`);
  const base = { reference: data.reference, kind, operator: brand.name };
  const portal = (data.portalUrl ?? brand.portalUrl).replace(/\/+$/, '');
  const u = data.update;
  let subject: string;
  let body: Block[];
  if (u.type === 'status') {
    const status = t(lang, `requestLabels.status.${u.status}`);
    subject = t(lang, 'mail.requestUpdated.subjectStatus', { ...base, status });
    body = [
      { kind: 'paragraph', text: [t(lang, 'mail.requestUpdated.introStatus', { ...base, status })] },
      {
        kind: 'paragraph',
        text: [t(lang, `mail.requestUpdated.next.${u.status}`, { ...base, actor: u.actorName, date: u.scheduledFor ? calendarDay(lang, u.scheduledFor) : '' })],
      },
      ...(u.reason
        ? [
            { kind: 'paragraph' as const, text: [u.status === 'rejected' ? t(lang, 'mail.requestUpdated.reasonLabel') : t(lang, 'mail.requestUpdated.noteLabel', { actor: u.actorName })] },
            { kind: 'note' as const, text: [u.reason] },
          ]
        : []),
    ];
  } else {
    subject = t(lang, 'mail.requestUpdated.subjectComment', base);
    body = [
      { kind: 'paragraph', text: [t(lang, 'mail.requestUpdated.introComment', { ...base, author: u.authorName })] },
      { kind: 'note', text: [u.body] },
      { kind: 'paragraph', text: [t(lang, 'mail.requestUpdated.replyHint')] },
    ];
  }
  return {
    subject,
    blocks: [
      greeting(ctx),
      ...body,
      { kind: 'button', label: t(lang, 'mail.requestUpdated.button'), href: `${portal}${requestPath(data.requestId)}`, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: [...(data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};
