import type { Db } from '../../platform/db.js';
import { sha256 } from '../../platform/tokens.js';
import { touchSession } from './auth.repository.js';

/** A session's "last seen" is written at most this often by one instance: a signed-in request costs no write. */
export const LAST_SEEN_EVERY_MS = 60_000;
const MAX_REMEMBERED = 50_000;

const lastWritten = new Map<string, number>();

/**
 * Notes that a session was used now: one UPDATE when this instance has not written it for a minute,
 * nothing otherwise. A failed write is dropped (the next minute writes again); it never fails the request.
 */
export const noteSessionSeen = async (db: Db, token: string, now = Date.now()) => {
  const idHash = sha256(token);
  const last = lastWritten.get(idHash);
  if (last !== undefined && now - last < LAST_SEEN_EVERY_MS) return;
  if (lastWritten.size >= MAX_REMEMBERED) lastWritten.clear();
  lastWritten.set(idHash, now);
  await touchSession(db, idHash).catch(() => lastWritten.delete(idHash));
};
