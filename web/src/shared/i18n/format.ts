import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { useTranslation } from 'react-i18next';
import { BRUSSELS } from '../time/brussels';
import { isLanguage } from './i18n';

// Dates, numbers and money in the Belgian conventions of the UI language.
const LOCALES = { en: 'en-BE', fr: 'fr-BE', nl: 'nl-BE' } as const;

const localeOf = (language: string): string => (isLanguage(language) ? LOCALES[language] : LOCALES.en);

/** "8932 1099 0000 0000 015": an ICCID in the groups of four printed on the card, everywhere it is shown. */
export const groupIccid = (iccid: string): string => iccid.replace(/\s+/g, '').replace(/(\d{4})(?=\d)/g, '$1 ');

/** +32470123456 → "+32 470 12 34 56"; anything unparseable is shown as it came. */
const formatPhoneNumber = (e164: string): string => {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
};

const createFormatters = (language: string) => {
  const locale = localeOf(language);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: BRUSSELS });
  const dateTimeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: BRUSSELS,
  });
  // Calendar dates (YYYY-MM-DD) have no time zone: format them as they are written.
  const calendarDateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const numberFormat = new Intl.NumberFormat(locale);
  const moneyFormat = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' });
  const regionNames = new Intl.DisplayNames([locale], { type: 'region' });
  return {
    locale,
    date: (iso: string) => dateFormat.format(new Date(iso)),
    dateTime: (iso: string) => dateTimeFormat.format(new Date(iso)),
    calendarDate: (yyyyMmDd: string) => calendarDateFormat.format(new Date(`${yyyyMmDd}T00:00:00Z`)),
    number: (value: number) => numberFormat.format(value),
    money: (cents: number) => moneyFormat.format(cents / 100),
    phone: formatPhoneNumber,
    iccid: groupIccid,
    country: (code: string) => {
      if (!/^[A-Za-z]{2}$/.test(code)) return code;
      try {
        return regionNames.of(code.toUpperCase()) ?? code;
      } catch {
        return code;
      }
    },
  };
};

const cache = new Map<string, ReturnType<typeof createFormatters>>();

const formattersFor = (language: string) => {
  let formatters = cache.get(language);
  if (!formatters) {
    formatters = createFormatters(language);
    cache.set(language, formatters);
  }
  return formatters;
};

export const useFormat = () => {
  const { i18n } = useTranslation();
  return formattersFor(i18n.resolvedLanguage ?? i18n.language);
};
