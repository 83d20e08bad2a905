/**
 * ICCID rules (ITU-T E.118): 19 or 20 digits, the telecom industry prefix 89, and a Luhn check digit
 * last. People type them with spaces or dashes from the card, so those are dropped first.
 */
export type IccidRule = 'required' | 'iccid_digits' | 'iccid_length' | 'iccid_prefix' | 'iccid_checksum';

export const normalizeIccid = (input: string) => input.replace(/[\s-]/g, '');

/**
 * The digits of an ICCID typed into a search box: as printed on the card in groups of four
 * ("8932 1099 0000 0000 015"), with dashes or dots, or all run together. Null when the text is not
 * such a number or holds fewer than `minimum` digits. The stock list and the service overview both
 * read ICCID searches with this, so both take every way the portal writes one.
 */
export const iccidSearchDigits = (text: string, minimum = 3): string | null => {
  const trimmed = text.trim();
  if (!/^\d[\d\s.-]*$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  return digits.length >= minimum ? digits : null;
};

/** Luhn over the whole string, check digit included. */
export const luhnValid = (digits: string) => {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
};

/** The digit that makes `body + digit` pass Luhn. */
export const luhnCheckDigit = (body: string) => {
  for (let d = 0; d <= 9; d += 1) if (luhnValid(body + d)) return String(d);
  throw new Error('unreachable: one Luhn digit always fits');
};

/** The first rule a (normalized) ICCID breaks, or null when it is well-formed. */
export const iccidProblem = (iccid: string): IccidRule | null => {
  if (!iccid) return 'required';
  if (!/^\d+$/.test(iccid)) return 'iccid_digits';
  if (iccid.length < 19 || iccid.length > 20) return 'iccid_length';
  if (!iccid.startsWith('89')) return 'iccid_prefix';
  if (!luhnValid(iccid)) return 'iccid_checksum';
  return null;
};
