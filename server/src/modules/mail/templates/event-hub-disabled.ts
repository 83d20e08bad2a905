import { t } from '../../../platform/i18n.js';
import { contactForAdmin, footer, greeting, signOff, type Composed, type RenderContext } from './common.js';

/** To the fleet administrators: a webhook subscription of one of their API clients kept failing and was switched off. */
export type EventHubDisabledMailData = {
  callback: string;
  /** The API client that registered the hub. */
  clientName: string;
  /** ISO time of the first failure of the streak. */
  failingSince: string;
  /** What the receiver answered last (an HTTP status or the connection's error). */
  lastError: string;
  /** Company & contract, where the delivery log is read and the hub turned back on. */
  pageUrl: string;
};

const LOCALES = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' } as const;

export const eventHubDisabledMail = (data: EventHubDisabledMailData, ctx: RenderContext): Composed => {
  const { lang } = ctx;
  const since = new Intl.DateTimeFormat(LOCALES[lang], { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(new Date(data.failingSince));
  const params = { client: data.clientName, callback: data.callback, since, error: data.lastError };
  return {
    subject: t(lang, 'mail.eventHubDisabled.subject', params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, 'mail.eventHubDisabled.intro', params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.eventHubDisabled.lastError', params)] },
      { kind: 'paragraph', text: [t(lang, 'mail.eventHubDisabled.next', params)] },
      { kind: 'button', label: t(lang, 'mail.eventHubDisabled.button', params), href: data.pageUrl, fallback: t(lang, 'mail.common.buttonFallback') },
      { kind: 'paragraph', text: contactForAdmin(ctx) },
      ...signOff(ctx),
    ],
    footer: footer(ctx),
  };
};
