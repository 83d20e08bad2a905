import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

/**
 * Time-based one-time codes (RFC 6238) as authenticator apps make them: SHA-1, 6 digits, 30-second
 * steps, a 160-bit secret. A code is accepted in its own step and the one before or after (a phone's
 * clock a little off, a code typed as it changes), never twice: the caller keeps the step of the last
 * code accepted and passes it back.
 */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted on either side of the current one. */
export const TOTP_WINDOW = 1;

const totpOf = (secretBase32: string, label = '', issuer = '') =>
  new TOTP({ issuer, label, algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS, secret: Secret.fromBase32(secretBase32) });

/** A new secret, in base32 (what the person may type into the app instead of scanning). */
export const newTotpSecret = () => new Secret({ size: 20 }).base32;

/** The otpauth:// address the QR code carries: the app shows `issuer (label)`. */
export const totpUri = (secretBase32: string, label: string, issuer: string) => totpOf(secretBase32, label, issuer).toString();

/** The time step of an instant. */
export const stepAt = (at: Date) => Math.floor(at.getTime() / 1000 / TOTP_PERIOD_SECONDS);

/** Only digits count: "123 456" and "123-456" are 123456. */
export const normalizeCode = (code: string) => code.replace(/[\s-]/g, '');

/**
 * The step of the code if it is right at `now` (within the window) and newer than `lastUsedStep`;
 * null otherwise (wrong, too old, or already used — a replay).
 */
export const acceptedStep = (secretBase32: string, code: string, now: Date, lastUsedStep: number | null): number | null => {
  const token = normalizeCode(code);
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: now.getTime(), window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = stepAt(now) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
};

/** The code of an instant (tests, and nothing else, need to make one). */
export const totpCodeAt = (secretBase32: string, at: Date) => totpOf(secretBase32).generate({ timestamp: at.getTime() });

// ---------------------------------------------------------------- recovery codes

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i to misread

/** Ten codes of 10 characters as "xxxxx-xxxxx" (about 49 bits each), shown once; only their hashes are kept. */
export const newRecoveryCodes = (): string[] =>
  Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });

/** As typed: case, spaces and the dash do not matter. */
export const normalizeRecoveryCode = (code: string) => code.toLowerCase().replace(/[\s-]/g, '');
