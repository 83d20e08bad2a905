import { t, type Lang } from '../../../platform/i18n.js';
import { formatInternational } from '../../stock/domain/phone-numbers.js';
import { telHref } from '../domain/html.js';
import { tr, type Block, type Brand, type Rich } from './blocks.js';
import type { MailAttachment } from '../../../db/schema.js';

/** What every template gets besides its own data. */
export type RenderContext = { lang: Lang; brand: Brand; recipientName: string | null };

/** A template's result before it is turned into HTML and text. */
export type Composed = { subject: string; blocks: Block[]; attachments?: MailAttachment[]; footer?: string[] };

/** Where the mobile number comes from, as the Add Service wizard stored it (services.number_source). */
export type NumberSource = 'new' | 'port_in' | 'port_internal';

export const phone = (e164: string) => formatInternational(e164);

export const greeting = ({ lang, recipientName }: RenderContext): Block => ({
  kind: 'paragraph',
  text: [recipientName ? t(lang, 'mail.common.greeting', { name: recipientName }) : t(lang, 'mail.common.greetingNoName')],
});

export const signOff = ({ lang, brand }: RenderContext): Block[] => [
  { kind: 'paragraph', text: [`${t(lang, 'mail.common.regards')}\n${t(lang, 'mail.common.team', { operator: brand.name })}`] },
];

const supportLinks = (brand: Brand) => ({
  params: { operator: brand.name, phone: brand.supportPhone, email: brand.supportEmail },
  links: { phone: telHref(brand.supportPhone), email: `mailto:${brand.supportEmail}` },
});

/** "Didn't receive … or problems? Contact your fleet administrator or Support: phone, e-mail." */
export const contactForUser = ({ lang, brand }: RenderContext): Rich => {
  const { params, links } = supportLinks(brand);
  return tr(lang, 'mail.common.contactUser', params, links);
};

/** "Questions? Contact your fleet administrator or Support: phone, e-mail." (when nothing went wrong) */
export const questionsForUser = ({ lang, brand }: RenderContext): Rich => {
  const { params, links } = supportLinks(brand);
  return tr(lang, 'mail.common.questionsUser', params, links);
};

/** For administrators: the operator's support directly. */
export const contactForAdmin = ({ lang, brand }: RenderContext): Rich => {
  const { params, links } = supportLinks(brand);
  return tr(lang, 'mail.common.contactAdmin', params, links);
};

export const footer = ({ lang, brand }: RenderContext): string[] => [
  t(lang, 'mail.common.sentBy', { portal: brand.portalName, operator: brand.name }),
  t(lang, 'mail.common.automatic'),
];

/** How long the number takes, from the seeds: a few hours when new, up to 48 h when ported in. */
export const numberTiming = (lang: Lang, source: NumberSource | null | undefined): Rich[] => {
  if (source === 'new') return [[t(lang, 'mail.numbers.new')]];
  if (source === 'port_in') return [[t(lang, 'mail.numbers.portIn')]];
  if (source === 'port_internal') return [[t(lang, 'mail.numbers.portInternal')]];
  return [[t(lang, 'mail.numbers.new')], [t(lang, 'mail.numbers.portIn')]];
};

/** Translated list items from a fixed list of keys under one prefix. */
export const items = (lang: Lang, prefix: string, keys: readonly string[], params: Record<string, string> = {}): Rich[] =>
  keys.map((key) => [t(lang, `${prefix}.${key}`, params)]);
