import { t, type Lang } from '../../../platform/i18n.js';
import type { UsageAlertKind } from '../../usage/domain/thresholds.js';
import { contactForAdmin, footer, greeting, phone, questionsForUser, signOff, type Composed, type RenderContext } from './common.js';

/**
 * A usage alert (BIPT): a line reached 80 % or 100 % of its data, its out-of-bundle spending alert,
 * 80 % of its roaming data cap, or the cap itself (roaming is then blocked until lifted or the month
 * ends). To the employee and to each administrator, in their own language.
 */
export type UsageAlertMailData = {
  kind: UsageAlertKind;
  audience: 'user' | 'admin';
  msisdn: string;
  userName: string;
  /** MB for data and roaming, euro cents for spending. */
  used: number;
  threshold: number;
  /** roaming_cap: whether roaming was blocked (false when it was barred already). */
  blocked?: boolean;
  companyName?: string | null;
  /** The administrator's page of the line. */
  serviceUrl?: string | null;
};

const LOCALES: Record<Lang, string> = { en: 'en-IE', fr: 'fr-BE', nl: 'nl-BE' };
const euros = (lang: Lang, cents: number) => new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' }).format(cents / 100);
// French counts octets: "Mo" and "Go"; Dutch and English keep "MB" and "GB".
const UNITS: Record<Lang, { mb: string; gb: string }> = { en: { mb: 'MB', gb: 'GB' }, fr: { mb: 'Mo', gb: 'Go' }, nl: { mb: 'MB', gb: 'GB' } };
/** Megabytes as the reader writes them: "750 MB", "3,2 Go". */
export const megabytes = (lang: Lang, mb: number) =>
  mb >= 1024 ? `${new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 1 }).format(mb / 1024)} ${UNITS[lang].gb}` : `${new Intl.NumberFormat(LOCALES[lang]).format(mb)} ${UNITS[lang].mb}`;

export const usageAlertMail = (data: UsageAlertMailData, ctx: RenderContext): Composed => {
  const { lang, brand } = ctx;
  const amount = (n: number) => (data.kind === 'spending' ? euros(lang, n) : megabytes(lang, n));
  const params = { number: phone(data.msisdn), user: data.userName, used: amount(data.used), limit: amount(data.threshold), portal: brand.portalName };
  const key = `mail.usageAlert.${data.kind}`;
  const roamingNext = data.kind === 'roaming_cap' ? (data.blocked === false ? 'alreadyBarred' : data.audience === 'user' ? 'liftUser' : 'liftAdmin') : null;
  return {
    subject: t(lang, `${key}.subject`, params),
    blocks: [
      greeting(ctx),
      { kind: 'paragraph', text: [t(lang, `${key}.${data.audience}`, params)] },
      { kind: 'paragraph', text: [t(lang, roamingNext ? `mail.usageAlert.roaming_cap.${roamingNext}` : `${key}.next`, params)] },
      ...(data.audience === 'admin' && data.serviceUrl ? [{ kind: 'button' as const, label: t(lang, 'mail.usageAlert.button', params), href: data.serviceUrl }] : []),
      { kind: 'paragraph', text: data.audience === 'admin' ? contactForAdmin(ctx) : questionsForUser(ctx) },
      ...signOff(ctx),
    ],
    footer: [t(lang, 'mail.usageAlert.why'), ...(data.audience === 'admin' && data.companyName ? [t(lang, 'mail.common.asAdmin', { company: data.companyName })] : []), ...footer(ctx)],
  };
};
