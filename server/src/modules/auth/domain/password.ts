import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

// scrypt with N=2^15, r=8, p=1: about 50 ms on the project's machines, the OWASP-recommended floor.
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LEN = 64;

const derive = (password: string, salt: Buffer, params = PARAMS) =>
  new Promise<Buffer>((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LEN, params, (err, key) => (err ? reject(err) : resolve(key))),
  );

/** "scrypt$N$r$p$salt$hash", so the parameters can be raised later without breaking stored hashes. */
export const hashPassword = async (password: string): Promise<string> => {
  const salt = randomBytes(16);
  const key = await derive(password, salt);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64url'), key.toString('base64url')].join('$');
};

export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { ...PARAMS, N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
};

/** A hash to compare against when the account does not exist, so timing does not reveal which e-mails exist. */
export const DUMMY_HASH = 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$' + 'A'.repeat(86);

// ---------------------------------------------------------------- the rules a new password must meet

/**
 * Length is what makes a password strong (NIST SP 800-63B): at least 12 characters, no composition
 * rules, at most 200 (what sign-in accepts), and not the account's own e-mail address or a password
 * from the top of every breach list. Counted in code points after NFKC, as it is hashed.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

const COMMON = new Set([
  '123456789012',
  '1234567890123',
  'qwertyuiopas',
  'passwordpassword',
  'password1234',
  'password12345',
  'administrator',
  'welcome12345',
  'letmein12345',
  'iloveyou1234',
  'azertyuiopqs',
  'motdepasse123',
  'wachtwoord123',
  'fleetdesk-demo',
]);

export type PasswordProblem = { rule: 'required' | 'too_short' | 'too_long' | 'password_common' | 'password_is_email'; params?: Record<string, number> };

/** Why a new password is not acceptable, or null when it is. */
export const passwordProblem = (password: string, context: { email?: string } = {}): PasswordProblem | null => {
  const normalized = password.normalize('NFKC');
  const length = [...normalized].length;
  if (length === 0) return { rule: 'required' };
  if (length < PASSWORD_MIN_LENGTH) return { rule: 'too_short', params: { minimum: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { rule: 'too_long', params: { maximum: PASSWORD_MAX_LENGTH } };
  const lower = normalized.toLowerCase();
  if (context.email && lower === context.email.toLowerCase()) return { rule: 'password_is_email' };
  if (COMMON.has(lower) || /^(.)\1+$/.test(lower)) return { rule: 'password_common' };
  return null;
};

/** Whether a stored hash can ever match (an invited account has none yet). */
export const isUsableHash = (stored: string) => stored.startsWith('scrypt$');

/** The password_hash of an account that has no password yet: it matches nothing. */
export const NO_PASSWORD = '!invited';
