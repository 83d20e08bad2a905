import { t } from '../../../platform/i18n.js';
import type { Block } from './blocks.js';
import { contactForAdmin, footer, greeting, items, phone, questionsForUser, signOff, type Composed, type RenderContext } from './common.js';

export type ServiceActiveMailData =
  /** To the mobile user: the line works, and the tips of the seeds. */
  | { audience: 'user'; msisdn: string }
  /** To the fleet administrator: whose line is active, the same tips to pass on. */
  | {
      audience: 'admin';
      msisdn: string;
      userName: string;
      companyName?: string | null;
      /** Where administrators reach the portal (PUBLIC_URL); by default the operator's portal URL. */
      portalUrl?: string | null;
    };

const TIPS = ['pin', 'voicemail', 'apn'] as const;

export const serviceActiveMail = (data: ServiceActiveMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const number = phone(data.msisdn);
  const operator = brand.name;
  if (data.audience === 'user') {
    return {
      subject: t(lang, 'mail.serviceActive.subjectUser', { operator, number }),
      blocks: [
        greeting(ctx),
        { kind: 'paragraph', text: [t(lang, 'mail.serviceActive.introUser', { operator, number })] },
        { kind: 'heading', text: t(lang, 'mail.serviceActive.tipsHeadingUser') },
        { kind: 'list', ordered: false, items: items(lang, 'mail.serviceActive.tips', TIPS, { operator }) },
        { kind: 'paragraph', text: questionsForUser(ctx) },
        ...signOff(ctx),
      ],
      footer: footer(ctx),
    };
  }
  const params = { operator, number, user: data.userName, portal: brand.portalName };
  const blocks: Block[] = [
    greeting(ctx),
    { kind: 'paragraph', text: [t(lang, 'mail.serviceActive.introAdmin', params)] },
    { kind: 'button', label: t(lang, 'mail.serviceActive.buttonAdmin', params), href: data.portalUrl ?? brand.portalUrl },
    { kind: 'heading', text: t(lang, 'mail.serviceActive.tipsHeadingAdmin', params) },
    { kind: 'list', ordered: false, items: items(lang, 'mail.serviceActive.tips', TIPS, { operator }) },
    { kind: 'paragraph', text: contactForAdmin(ctx) },
    ...signOff(ctx),
  ];
  return {
    subject: t(lang, 'mail.serviceActive.subjectAdmin', params),
    blocks,
    footer: [...(data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};
