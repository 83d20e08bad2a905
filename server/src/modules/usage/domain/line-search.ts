import { parseUserSearch } from '../../mobile-users/domain/search.js';

/**
 * The Usage page's search box, as the user list reads it: words against the user's name, or (three
 * digits or more, typed as 0470…, +32 470… or 0032 470…) a fragment of the line's number.
 */
export const lineSearch = (raw: string | undefined) => {
  const search = parseUserSearch(raw);
  if (!search) return () => true;
  const words = search.text.toLowerCase();
  return (line: { userName: string; msisdn: string | null }) =>
    line.userName.toLowerCase().includes(words) || (search.numberDigits !== null && (line.msisdn ?? '').includes(search.numberDigits));
};
