import { t } from '../../../platform/i18n.js';
import type { Block } from './blocks.js';
import { contactForUser, footer, greeting, items, numberTiming, phone, signOff, type Composed, type NumberSource, type RenderContext } from './common.js';

export type ActivationMailData = {
  /** Which steps the user follows: a physical SIM card, or an eSIM (QR code). */
  sim: 'physical' | 'esim';
  /** The user's personal activation link. */
  activationUrl: string;
  /** E.164, when the number is known. */
  msisdn?: string | null;
  numberSource?: NumberSource | null;
  /** When the link stops working. */
  expiresAt?: Date | null;
  /** A replacement SIM card for a live line (the number stays), not a new line. */
  replacement?: boolean;
};

const PHYSICAL_STEPS = ['ready', 'link', 'number', 'duration', 'swap', 'use'] as const;
const ESIM_STEPS = ['link', 'activate', 'email', 'scan', 'ready'] as const;
const ESIM_CHECKS = ['ios', 'android', 'menus', 'lines'] as const;

const LOCALES = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' } as const;

/** The activation e-mail (seed section 1, "Activation email"): the personal link and the steps. */
export const activationMail = (data: ActivationMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const esim = data.sim === 'esim';
  const operator = brand.name;
  const blocks: Block[] = [
    greeting(ctx),
    {
      kind: 'paragraph',
      text: [
        data.replacement && data.msisdn
          ? t(lang, 'mail.activation.introReplacement', { operator, number: phone(data.msisdn) })
          : data.msisdn
            ? t(lang, 'mail.activation.introNumber', { operator, number: phone(data.msisdn) })
            : t(lang, 'mail.activation.intro', { operator }),
      ],
    },
    { kind: 'paragraph', text: [t(lang, 'mail.activation.link')] },
    {
      kind: 'button',
      label: t(lang, esim ? 'mail.activation.buttonEsim' : 'mail.activation.buttonPhysical'),
      href: data.activationUrl,
      fallback: t(lang, 'mail.common.buttonFallback'),
    },
  ];
  if (data.expiresAt) {
    const date = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(data.expiresAt);
    blocks.push({ kind: 'paragraph', text: [t(lang, 'mail.activation.expires', { date })] });
  }
  if (esim) {
    blocks.push({ kind: 'heading', text: t(lang, 'mail.activation.checkHeading') }, { kind: 'list', ordered: false, items: items(lang, 'mail.activation.esimChecks', ESIM_CHECKS) });
  }
  blocks.push(
    { kind: 'heading', text: t(lang, esim ? 'mail.activation.stepsHeadingEsim' : 'mail.activation.stepsHeadingPhysical') },
    esim
      ? { kind: 'list', ordered: true, items: items(lang, 'mail.activation.esimSteps', ESIM_STEPS, { operator }) }
      : { kind: 'list', ordered: true, items: items(lang, 'mail.activation.physicalSteps', PHYSICAL_STEPS, { operator }) },
  );
  // The number's timing matters for an eSIM (seeds) and for any port-in (the old SIM keeps working).
  if (esim || (data.numberSource && data.numberSource !== 'new')) {
    for (const note of numberTiming(lang, data.numberSource)) blocks.push({ kind: 'note', text: note });
  }
  blocks.push(
    { kind: 'heading', text: t(lang, 'mail.common.problemsHeading') },
    {
      kind: 'list',
      ordered: false,
      items: [[t(lang, esim ? 'mail.activation.troubleEsim' : 'mail.activation.troublePhysical')], [t(lang, 'mail.activation.troubleEscalate', { operator })]],
    },
    { kind: 'paragraph', text: contactForUser(ctx) },
    ...signOff(ctx),
  );
  return {
    subject: t(lang, esim ? 'mail.activation.subjectEsim' : 'mail.activation.subjectPhysical', { operator }),
    blocks,
    footer: [t(lang, 'mail.activation.personal'), ...footer(ctx)],
  };
};
