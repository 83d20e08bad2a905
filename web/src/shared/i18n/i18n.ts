import i18n, { type BackendModule, type ResourceKey } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../api/contract';

// Two namespaces:
//   common — locales/{lng}.json, shared with the server (field labels, language names, error texts);
//   web    — locales/{lng}.web.json, the strings of the browser app only.
// Lookups go to `web` first and fall back to `common`; field labels and language names
// prefer `common` (see labels.ts) so the UI and the server's messages use the same words.

export const LANGUAGES: readonly Language[] = ['en', 'fr', 'nl'];
/** Language names in their own language, as a language switch shows them. */
export const LANGUAGE_ENDONYMS: Record<Language, string> = {
  en: 'English',
  fr: 'Français',
  nl: 'Nederlands',
};

const STORAGE_KEY = 'fd.language';

export const isLanguage = (value: unknown): value is Language =>
  value === 'en' || value === 'fr' || value === 'nl';

// Only the catalogues that exist are bundled; each language is fetched when first needed.
const catalogues = import.meta.glob<{ default: ResourceKey }>('../../../../locales/*.json');

const catalogueLoader: BackendModule = {
  type: 'backend',
  init: () => {},
  read: (language, namespace, callback) => {
    const file = namespace === 'web' ? `${language}.web.json` : `${language}.json`;
    const load = catalogues[`../../../../locales/${file}`];
    if (!load) {
      callback(null, {});
      return;
    }
    load().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

const readStoredLanguage = (): Language | null => {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
};

export const storeLanguage = (language: Language): void => {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // private mode: the choice simply is not remembered
  }
};

const detectLanguage = (): Language => {
  const stored = readStoredLanguage();
  if (stored) return stored;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
};

export const currentLanguage = (): Language =>
  isLanguage(i18n.resolvedLanguage) ? i18n.resolvedLanguage : isLanguage(i18n.language) ? i18n.language : 'en';

const syncDocumentLanguage = (language: string): void => {
  document.documentElement.lang = language;
};

export const initI18n = async (): Promise<typeof i18n> => {
  const language = detectLanguage();
  syncDocumentLanguage(language);
  i18n.on('languageChanged', syncDocumentLanguage);
  await i18n
    .use(catalogueLoader)
    .use(initReactI18next)
    .init({
      lng: language,
      fallbackLng: 'en',
      supportedLngs: [...LANGUAGES],
      load: 'languageOnly',
      ns: ['web', 'common'],
      defaultNS: 'web',
      fallbackNS: 'common',
      interpolation: { escapeValue: false },
      react: { useSuspense: true },
    });
  return i18n;
};

export { i18n };
