import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { createSession, findAccountByEmail } from '../auth.repository.js';
import { DUMMY_HASH, isUsableHash, verifyPassword } from '../domain/password.js';

/**
 * Checks the credentials and opens a session. Unknown e-mail, an invited account without a password
 * yet and a wrong password look the same (and take the same time). Only someone who knows the
 * password of a deactivated account learns that it is deactivated.
 */
export const signIn = async (db: Db, email: string, password: string, ttlHours: number) => {
  const account = await findAccountByEmail(db, email);
  const stored = account && isUsableHash(account.passwordHash) ? account.passwordHash : DUMMY_HASH;
  const ok = await verifyPassword(password, stored);
  if (!account || !ok) throw new AppError('AUTH.INVALID_CREDENTIALS');
  if (account.status !== 'active') throw new AppError('AUTH.ACCOUNT_DEACTIVATED');
  return createSession(db, account.id, ttlHours);
};
