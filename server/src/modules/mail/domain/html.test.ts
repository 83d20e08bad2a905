import { describe, expect, it } from 'vitest';
import { escapeHtml, inlineCidImages, messageIdDomain, messageIdFor, safeHref, telHref } from './html.js';

describe('e-mail HTML helpers', () => {
  it('escapes the five characters that matter in text and attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;');
  });

  it('keeps web, mail and phone links only', () => {
    expect(safeHref('https://my.dstny.be/activate/x')).toBe('https://my.dstny.be/activate/x');
    expect(safeHref('mailto:support@dstny.be')).toBe('mailto:support@dstny.be');
    expect(safeHref('tel:+3224019700')).toBe('tel:+3224019700');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,hi')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });

  it('dials the support number without its menu choice', () => {
    expect(telHref('+32 2 401 97 00 (option 1)')).toBe('tel:+3224019700');
  });

  it('builds a stable Message-ID on the portal host', () => {
    expect(messageIdFor('0b7e', messageIdDomain('https://my.dstny.be/'))).toBe('<0b7e@my.dstny.be>');
    expect(messageIdDomain('nonsense')).toBe('fleetdesk.invalid');
  });

  it('replaces cid: references by data URLs for a browser', () => {
    const html = '<img src="cid:qr@x" alt="QR"><img src="cid:other">';
    expect(inlineCidImages(html, [{ cid: 'qr@x', contentType: 'image/png', content: 'AAAA' }, { contentType: 'text/plain', content: 'BBBB' }])).toBe(
      '<img src="data:image/png;base64,AAAA" alt="QR"><img src="cid:other">',
    );
  });
});
