import { t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, phone, signOff, type Composed, type RenderContext } from './common.js';

export type ActivationFailedMailData = {
  companyName: string;
  /** The mobile user of the service. */
  userName: string;
  msisdn: string | null;
  /** The step that gave up: `start`, `provision`, `port_in` or `move_number`. */
  step: string;
  /** The company in the back office. */
  serviceUrl: string;
};

const STEPS = ['start', 'provision', 'port_in', 'move_number'] as const;

/**
 * To operator staff (the company's account manager): an activation stopped because the operator
 * network kept failing. The administrator sees it with a Retry button; this is so that someone at
 * the operator looks at the network side too.
 */
export const activationFailedMail = (data: ActivationFailedMailData, ctx: RenderContext): Composed => {
  const { lang } = ctx;
  const step = (STEPS as readonly string[]).includes(data.step) ? data.step : 'start';
  const params = { company: data.companyName, user: data.userName, number: data.msisdn ? phone(data.msisdn) : t(lang, 'mail.activationFailed.noNumber'), step: t(lang, `mail.activationFailed.steps.${step}`) };
  return {
    subject: t(lang, 'mail.activationFailed.subject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, 'mail.activationFailed.intro', params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.activationFailed.action', params)] },
      { kind: 'button', label: t(lang, 'mail.activationFailed.button', params), href: data.serviceUrl, fallback: t(lang, 'mail.common.buttonFallback') },
      // the support desk that handles network faults
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: footer(ctx),
  };
};
