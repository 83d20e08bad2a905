import { escapeHtml, safeHref } from '../domain/html.js';
import { t, type Lang } from '../../../platform/i18n.js';

// A message is written once, as a list of blocks, and rendered twice: as inline-styled HTML and as
// its plain-text alternative. So the two always say the same thing.

/** Text with links in it, e.g. "call [+32 2 401 97 00](tel:…) or write to [support@…](mailto:…)". */
export type Rich = (string | { text: string; href: string })[];

export type Block =
  | { kind: 'paragraph'; text: Rich }
  | { kind: 'heading'; text: string }
  /** A link shown as a button; `fallback` introduces the address written out, for when the button does not work. */
  | { kind: 'button'; label: string; href: string; fallback?: string }
  | { kind: 'list'; ordered: boolean; items: Rich[] }
  /** A framed passage that matters (a refusal reason, the number timing). */
  | { kind: 'note'; text: Rich }
  /** Values to copy by hand, shown in a monospace font. */
  | { kind: 'codes'; items: { label: string; value: string }[] }
  | { kind: 'image'; cid: string; alt: string; width: number; height: number };

export type Brand = {
  name: string;
  portalName: string;
  supportPhone: string;
  supportEmail: string;
  portalUrl: string;
};

export type MailDocument = { lang: Lang; subject: string; brand: Brand; blocks: Block[]; footer: string[] };

const MARK = '\u0001';

/**
 * A translated sentence whose named parameters become links: `tr(lang, key, params, { phone: 'tel:…' })`.
 * The sentence is translated with markers in place of the linked values and then cut at them, so a
 * translation may put the links anywhere.
 */
export const tr = (lang: Lang, key: string, params: Record<string, string> = {}, links: Record<string, string> = {}): Rich => {
  const marked: Record<string, string> = { ...params };
  for (const name of Object.keys(links)) marked[name] = `${MARK}${name}${MARK}`;
  const sentence = t(lang, key, marked);
  return sentence.split(MARK).flatMap((part, i): Rich => {
    if (i % 2 === 0) return part ? [part] : [];
    const href = links[part];
    const text = params[part] ?? part;
    return href ? [{ text, href }] : [text];
  });
};

// Colours with at least 4.5:1 contrast on their background (WCAG AA).
const C = { text: '#1f2328', muted: '#555d66', brand: '#364fc7', button: '#3b5bdb', line: '#dde1e6', noteBg: '#f1f3ff', page: '#f4f5f7' };
const FONT = "font-family:Arial,Helvetica,sans-serif;";

const richHtml = (rich: Rich) =>
  rich
    .map((part) => {
      if (typeof part === 'string') return escapeHtml(part).replaceAll('\n', '<br>');
      const href = safeHref(part.href);
      // a phone number or an address is one unit: never broken over two lines
      return href ? `<a href="${escapeHtml(href)}" style="color:${C.brand};white-space:nowrap;">${escapeHtml(part.text)}</a>` : escapeHtml(part.text);
    })
    .join('');

const blockHtml = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
      return `<p style="margin:0 0 16px;">${richHtml(block.text)}</p>`;
    case 'heading':
      return `<h2 style="margin:24px 0 8px;font-size:18px;line-height:24px;color:${C.text};">${escapeHtml(block.text)}</h2>`;
    case 'button': {
      const href = safeHref(block.href);
      if (!href) return `<p style="margin:0 0 16px;">${escapeHtml(block.label)}</p>`;
      const button =
        `<p style="margin:8px 0 ${block.fallback ? 12 : 24}px;"><a href="${escapeHtml(href)}" style="display:inline-block;background:${C.button};color:#ffffff;` +
        `padding:12px 24px;border-radius:6px;font-weight:bold;text-decoration:none;font-size:16px;">${escapeHtml(block.label)}</a></p>`;
      if (!block.fallback) return button;
      return (
        button +
        `<p style="margin:0 0 24px;font-size:14px;line-height:20px;color:${C.muted};">${escapeHtml(block.fallback)}<br>` +
        `<a href="${escapeHtml(href)}" style="color:${C.brand};word-break:break-all;">${escapeHtml(href)}</a></p>`
      );
    }
    case 'list': {
      const tag = block.ordered ? 'ol' : 'ul';
      const items = block.items.map((item) => `<li style="margin:0 0 6px;">${richHtml(item)}</li>`).join('');
      return `<${tag} style="margin:0 0 16px;padding-left:24px;">${items}</${tag}>`;
    }
    case 'note':
      return `<p style="margin:0 0 16px;padding:12px 16px;background:${C.noteBg};border-left:4px solid ${C.brand};">${richHtml(block.text)}</p>`;
    case 'codes':
      return (
        `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse;">` +
        block.items
          .map(
            (item) =>
              `<tr><td style="padding:4px 12px 4px 0;vertical-align:top;white-space:nowrap;color:${C.muted};font-size:14px;">${escapeHtml(item.label)}</td>` +
              `<td style="padding:4px 0;font-family:Consolas,'Courier New',monospace;font-size:15px;word-break:break-all;">${escapeHtml(item.value)}</td></tr>`,
          )
          .join('') +
        `</table>`
      );
    case 'image':
      return (
        `<p style="margin:0 0 16px;"><img src="cid:${escapeHtml(block.cid)}" alt="${escapeHtml(block.alt)}" width="${block.width}" height="${block.height}" ` +
        `style="display:block;border:1px solid ${C.line};"></p>`
      );
  }
};

/** The HTML part: one centred column, inline styles only (mail clients drop style sheets), real text. */
export const renderHtml = (doc: MailDocument) => {
  const { brand } = doc;
  const portal = safeHref(brand.portalUrl);
  const brandName = escapeHtml(brand.portalName);
  const header = portal ? `<a href="${escapeHtml(portal)}" style="color:${C.brand};text-decoration:none;">${brandName}</a>` : brandName;
  return [
    '<!DOCTYPE html>',
    `<html lang="${doc.lang}" dir="ltr">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light">',
    `<title>${escapeHtml(doc.subject)}</title>`,
    '</head>',
    `<body style="margin:0;padding:0;background:${C.page};">`,
    `<div role="article" aria-label="${escapeHtml(doc.subject)}" lang="${doc.lang}" style="${FONT}background:${C.page};padding:24px 12px;">`,
    `<div style="max-width:600px;margin:0 auto;">`,
    `<p style="margin:0 0 16px;font-size:22px;font-weight:bold;color:${C.brand};">${header}</p>`,
    `<div style="background:#ffffff;border:1px solid ${C.line};border-radius:8px;padding:28px 28px 12px;color:${C.text};font-size:16px;line-height:24px;">`,
    ...doc.blocks.map(blockHtml),
    '</div>',
    `<div style="padding:16px 4px;color:${C.muted};font-size:13px;line-height:19px;">`,
    ...doc.footer.map((line) => `<p style="margin:0 0 6px;">${escapeHtml(line)}</p>`),
    '</div>',
    '</div>',
    '</div>',
    '</body>',
    '</html>',
  ].join('\n');
};

const richText = (rich: Rich) =>
  rich.map((part) => (typeof part === 'string' ? part : part.href.startsWith(`tel:`) || part.href === `mailto:${part.text}` ? part.text : `${part.text} <${part.href}>`)).join('');

const blockText = (block: Block): string => {
  switch (block.kind) {
    case 'paragraph':
      return richText(block.text);
    case 'heading':
      return `${block.text}\n${'-'.repeat(Math.min(block.text.length, 72))}`;
    case 'button':
      return `${block.label}:\n${block.href}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${richText(item)}`).join('\n');
    case 'note':
      return `> ${richText(block.text)}`;
    case 'codes':
      return block.items.map((item) => `${item.label}: ${item.value}`).join('\n');
    case 'image':
      return `[${block.alt}]`;
  }
};

/** The plain-text part: the same blocks, separated by blank lines. */
export const renderText = (doc: MailDocument) => [doc.brand.portalName, '', ...doc.blocks.map(blockText).flatMap((b) => [b, '']), '-- ', ...doc.footer].join('\n');
