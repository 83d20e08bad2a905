import { parsePhoneNumberFromString, type PhoneNumber } from 'libphonenumber-js/max';

/**
 * Belgian numbers as the portal takes them: typed in any usual form (0470 12 34 56, +32 470…,
 * 0032 470…), stored as E.164. Mobile lines must be Belgian mobile numbers (+32 4xx); fixed
 * numbers for SmartMobile/FMC must be Belgian geographic numbers.
 */
export type NumberRule = 'required' | 'phone_invalid' | 'phone_not_belgian' | 'phone_not_mobile' | 'phone_not_fixed';
export type NumberCheck = { ok: true; e164: string } | { ok: false; rule: NumberRule };

const parse = (input: string): PhoneNumber | undefined => {
  const cleaned = input.trim().replace(/^00/, '+');
  if (!/^\+?[\d\s./()-]+$/.test(cleaned)) return undefined;
  return parsePhoneNumberFromString(cleaned, 'BE');
};

const check = (input: string, want: 'mobile' | 'fixed'): NumberCheck => {
  if (!input.trim()) return { ok: false, rule: 'required' };
  const n = parse(input);
  if (!n || !n.isValid()) return { ok: false, rule: 'phone_invalid' };
  if (n.country !== 'BE') return { ok: false, rule: 'phone_not_belgian' };
  const type = n.getType();
  if (want === 'mobile' && type !== 'MOBILE') return { ok: false, rule: 'phone_not_mobile' };
  if (want === 'fixed' && type !== 'FIXED_LINE') return { ok: false, rule: 'phone_not_fixed' };
  return { ok: true, e164: n.number };
};

export const checkBelgianMobile = (input: string) => check(input, 'mobile');
export const checkBelgianFixed = (input: string) => check(input, 'fixed');

/** "+32 470 12 34 56" — the international form, for e-mails and exports. */
export const formatInternational = (e164: string) => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
