// Small, pure helpers for writing e-mail HTML by hand: every value that reaches the markup goes
// through escapeHtml, and every link through safeHref.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value in double quotes) as HTML. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);

/** Only web, mail and phone links; anything else (javascript:, data:, a typo) becomes no link at all. */
export const safeHref = (href: string): string | null => {
  const trimmed = href.trim();
  if (/^(mailto|tel):/i.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.toString() : null;
  } catch {
    return null;
  }
};

/** "+32 2 401 97 00 (option 1)" → "tel:+3224019700": the number to dial, without the menu choice. */
export const telHref = (phone: string) => `tel:${(phone.split('(')[0] ?? '').replace(/[^+\d]/g, '')}`;

/**
 * The RFC 5322 Message-ID of an outbox row: the same on every attempt, so that a receiving server
 * (and a person) can tell a resend of one message from a new one.
 */
export const messageIdFor = (rowId: string, domain: string) => `<${rowId}@${domain}>`;

/** The domain of a Message-ID: the portal's host, or a neutral one when the URL is odd. */
export const messageIdDomain = (portalUrl: string) => {
  try {
    return new URL(portalUrl).hostname || 'fleetdesk.invalid';
  } catch {
    return 'fleetdesk.invalid';
  }
};

/**
 * For showing a message in a browser: `cid:` references of inline images become data URLs of the
 * attachments they name (a browser cannot resolve cid: itself).
 */
export const inlineCidImages = (html: string, attachments: readonly { cid?: string; contentType: string; content: string }[]) =>
  attachments.reduce((out, a) => (a.cid ? out.split(`cid:${a.cid}`).join(`data:${a.contentType};base64,${a.content}`) : out), html);
