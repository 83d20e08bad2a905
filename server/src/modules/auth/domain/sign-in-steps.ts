/**
 * What follows a right password: a session at once, the second factor's code, or — when the account
 * must use a second factor and has none yet — setting one up before any session exists.
 */
export type SignInStep = 'session' | 'code' | 'enrol';

export const nextSignInStep = (account: { hasTwoFactor: boolean; twoFactorRequired: boolean }): SignInStep =>
  account.hasTwoFactor ? 'code' : account.twoFactorRequired ? 'enrol' : 'session';

/** Whether the account must sign in with a second factor: its company asks it, or it is operator staff in production. */
export const twoFactorRequired = (account: { role: string; companyRequiresTwoFactor: boolean }, operatorTwoFactorRequired: boolean) =>
  account.role === 'operator' ? operatorTwoFactorRequired : account.companyRequiresTwoFactor;

/** How long the half-signed-in state lasts, and how many wrong codes it takes. */
export const CHALLENGE_TTL_MINUTES = 10;
export const CHALLENGE_MAX_ATTEMPTS = 5;
/** Wrong codes one account may have in a quarter of an hour, however many times the password is typed again. */
export const ACCOUNT_MAX_WRONG_CODES = 10;
export const WRONG_CODES_WINDOW_MINUTES = 15;

/** How long a "forgot password" link works. */
export const PASSWORD_RESET_TTL_MINUTES = 60;

export type ResetLinkState = 'valid' | 'expired' | 'used' | 'revoked';

export const resetLinkState = (link: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }, now: Date): ResetLinkState => {
  if (link.usedAt) return 'used';
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
};

/** How long an employee's sign-in link (My lines) works, and how long the session it opens lasts. */
export const EMPLOYEE_SIGN_IN_TTL_MINUTES = 15;
export const EMPLOYEE_SESSION_TTL_HOURS = 12;

export type EmployeeLinkState = 'valid' | 'expired' | 'used';

/** A sign-in link works once, until it expires; a newer one marks the older used. */
export const employeeLinkState = (link: { expiresAt: Date; usedAt: Date | null }, now: Date): EmployeeLinkState => {
  if (link.usedAt) return 'used';
  if (link.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
};
