/**
 * What a search box text means for mobile users: words to match against names and e-mail, and,
 * when it holds enough digits, a phone number fragment to match against the user's lines
 * (typed as +32 470…, 0032 470… or 0470…, all stored as +32470…).
 */
export type UserSearch = { text: string; numberDigits: string | null };

export const parseUserSearch = (raw: string | undefined): UserSearch | null => {
  const text = (raw ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return null;
  let digits = text.replace(/\D/g, '');
  const looksLikeNumber = /^[+\d][\d\s./()-]*$/.test(text);
  if (!looksLikeNumber || digits.length < 3) return { text, numberDigits: null };
  if (digits.startsWith('00')) digits = digits.slice(2);
  else if (digits.startsWith('0')) digits = digits.slice(1);
  return { text, numberDigits: digits };
};

/** Escapes LIKE wildcards so a user typing "%" or "_" searches for that character. */
export const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
