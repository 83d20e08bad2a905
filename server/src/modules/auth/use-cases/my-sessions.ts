import type { Db } from '../../../platform/db.js';
import { AppError } from '../../../platform/app-error.js';
import { sha256 } from '../../../platform/tokens.js';
import { deleteSessionOf, deleteSessionsOf, listSessionsOf } from '../auth.repository.js';
import { deviceOf } from '../domain/user-agent.js';

/**
 * One's own sessions — never anyone else's: every query is by the signed-in account. Ending one
 * deletes its row, which the database announces to every instance (migration 0010), so it stops
 * working at once.
 */
export const listOwnSessions = async (db: Db, accountId: string, currentToken: string | null) => {
  const rows = await listSessionsOf(db, accountId, currentToken ? sha256(currentToken) : null);
  return {
    items: rows.map((r) => ({
      id: r.id,
      device: deviceOf(r.userAgent),
      userAgent: r.userAgent,
      ipAddress: r.ipAddress,
      signedInAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      expiresAt: r.expiresAt.toISOString(),
      current: r.current,
    })),
  };
};

/** Ends one of one's sessions (the current one too: that is signing out). 404 for any other id. */
export const endOwnSession = async (db: Db, accountId: string, sessionId: string) => {
  if (!(await deleteSessionOf(db, accountId, sessionId))) throw new AppError('SESSION.NOT_FOUND');
};

/** "Sign out everywhere else": every session of the account but the caller's. */
export const endOtherSessions = async (db: Db, accountId: string, currentToken: string | null) => ({
  ended: await deleteSessionsOf(db, accountId, currentToken ? sha256(currentToken) : null),
});
