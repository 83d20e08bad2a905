import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { createSession, findAccountByEmail } from '../auth.repository.js';
import { DUMMY_HASH, verifyPassword } from '../domain/password.js';

/** Checks the credentials and opens a session. Unknown e-mail and wrong password look the same. */
export const signIn = async (db: Db, email: string, password: string, ttlHours: number) => {
  const account = await findAccountByEmail(db, email);
  const ok = await verifyPassword(password, account?.passwordHash ?? DUMMY_HASH);
  if (!account || !ok) throw new AppError('AUTH.INVALID_CREDENTIALS');
  return createSession(db, account.id, ttlHours);
};
