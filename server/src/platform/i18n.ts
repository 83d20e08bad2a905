import i18next, { type i18n } from 'i18next';
import en from '../../../locales/en.json' with { type: 'json' };
import fr from '../../../locales/fr.json' with { type: 'json' };
import nl from '../../../locales/nl.json' with { type: 'json' };
import type { LocalizedText } from '../db/schema.js';

export const LANGUAGES = ['en', 'fr', 'nl'] as const;
export type Lang = (typeof LANGUAGES)[number];

// One catalogue for server and browser: the browser loads the same locales/*.json as namespace "common".
const instance: i18n = i18next.createInstance();
void instance.init({
  resources: { en: { common: en }, fr: { common: fr }, nl: { common: nl } },
  ns: ['common'],
  defaultNS: 'common',
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export const isLang = (v: unknown): v is Lang => typeof v === 'string' && (LANGUAGES as readonly string[]).includes(v);

export const t = (lang: Lang, key: string | string[], params?: Record<string, unknown>): string =>
  instance.getFixedT(lang)(key as string, params ?? {}) as string;

export const hasKey = (lang: Lang, key: string) => instance.exists(key, { lng: lang });

/** Picks the caller's language from catalog text kept in the database. */
export const localize = (text: LocalizedText, lang: Lang) => text[lang] ?? text.en;

/** The best supported language of an Accept-Language header, or undefined. */
export const fromAcceptLanguage = (header: string | undefined): Lang | undefined => {
  if (!header) return undefined;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.find((r) => r.trim().startsWith('q='));
      return { tag: tag.toLowerCase().slice(0, 2), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((x) => x.tag).find(isLang);
};
