import type { Database } from '../../platform/db.js';
import type { SessionAccount } from './auth.repository.js';

export type FoundSession = { csrfToken: string; account: SessionAccount };

/** The channel the database announces session changes on (migration 0010_session_revocations). */
export const SESSION_CHANNEL = 'fd_sessions';

type Entry = { found: FoundSession; until: number };

/**
 * The sessions this instance has checked, by the hash of their cookie, so that a signed-in request
 * costs no database round trip. Every change that ends a session or alters what it carries is
 * announced by the database on commit (LISTEN/NOTIFY, see the migration) and drops the entries it
 * concerns on every instance; an entry also lives at most `ttlMs` (what a lost notification could
 * cost) and never past its session's expiry. While the announcements are not heard (the listening
 * connection is lost), nothing is served from memory.
 */
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  private listening = false;
  // Bumped by every announcement: a look-up that started before one may have read what it announces
  // as gone, so its result is not kept (see remember()).
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(idHash: string): FoundSession | undefined {
    if (!this.listening) return undefined;
    const entry = this.entries.get(idHash);
    if (!entry) return undefined;
    if (entry.until > this.now()) return entry.found;
    this.entries.delete(idHash);
    return undefined;
  }

  /** Call before the database look-up; pass the answer to remember(). */
  ticket(): number {
    return this.generation;
  }

  remember(idHash: string, found: FoundSession, sessionExpiresAt: Date, ticket: number) {
    if (!this.listening || ticket !== this.generation || this.ttlMs <= 0) return;
    this.entries.set(idHash, { found, until: Math.min(this.now() + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  /** An announcement from the database: 's:<session id hash>', 'a:<account id>' or 'c:<company id>'. */
  announce(payload: string) {
    this.generation++;
    const [kind, id] = [payload.slice(0, 2), payload.slice(2)];
    if (kind === 's:') {
      this.entries.delete(id);
      return;
    }
    for (const [key, { found }] of this.entries) {
      if ((kind === 'a:' && found.account.id === id) || (kind === 'c:' && found.account.company?.id === id) || (kind !== 'a:' && kind !== 'c:')) this.entries.delete(key);
    }
  }

  setListening(listening: boolean) {
    this.generation++;
    this.listening = listening;
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

// Every cache of this process, so that a change made here drops its entries at once, before the
// database's announcement of it arrives (PostgreSQL delivers that a moment after the commit).
const caches = new Set<SessionCache>();

/** Drops what this process remembers of a session, an account's sessions or a company's (a change made here). */
export const forgetSessions = (payload: `s:${string}` | `a:${string}` | `c:${string}`) => {
  for (const cache of caches) cache.announce(payload);
};

/** A cache listening to the database's announcements; `stop` ends both. */
export const startSessionCache = async (database: Database, ttlMs: number): Promise<{ cache: SessionCache; stop(): Promise<void> }> => {
  const cache = new SessionCache(ttlMs);
  const unlisten = await database.listen(SESSION_CHANNEL, { onMessage: (payload) => cache.announce(payload), onState: (listening) => cache.setListening(listening) });
  caches.add(cache);
  return {
    cache,
    stop: async () => {
      caches.delete(cache);
      cache.setListening(false);
      await unlisten();
    },
  };
};
