import type { Database } from '../../platform/db.js';
import type { SessionAccount } from './auth.repository.js';
import type { SessionEmployee } from './employee-sessions.repository.js';

export type FoundSession = { csrfToken: string; account: SessionAccount };
/** An employee's session (My lines): a mobile user, never an account. */
export type FoundEmployeeSession = { csrfToken: string; employee: SessionEmployee };

/** What an announcement can name in a cached session: its account, its company, its mobile user. */
type Owners = { accountId?: string; companyId?: string | null; mobileUserId?: string };
const accountOwners = (found: FoundSession): Owners => ({ accountId: found.account.id, companyId: found.account.company?.id ?? null });
export const employeeOwners = (found: FoundEmployeeSession): Owners => ({ companyId: found.employee.companyId, mobileUserId: found.employee.id });

/** The channel the database announces session changes on (migration 0010_session_revocations). */
export const SESSION_CHANNEL = 'fd_sessions';

type Entry<F> = { found: F; until: number };

/**
 * The sessions this instance has checked, by the hash of their cookie, so that a signed-in request
 * costs no database round trip. Every change that ends a session or alters what it carries is
 * announced by the database on commit (LISTEN/NOTIFY, see the migration) and drops the entries it
 * concerns on every instance; an entry also lives at most `ttlMs` (what a lost notification could
 * cost) and never past its session's expiry. While the announcements are not heard (the listening
 * connection is lost), nothing is served from memory.
 */
export class SessionCache<F = FoundSession> {
  private readonly entries = new Map<string, Entry<F>>();
  private listening = false;
  // Bumped by every announcement: a look-up that started before one may have read what it announces
  // as gone, so its result is not kept (see remember()).
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    // who a cached session belongs to, for the announcements that name an account, company or employee
    private readonly ownersOf: (found: F) => Owners = accountOwners as unknown as (found: F) => Owners,
  ) {}

  get(idHash: string): F | undefined {
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

  remember(idHash: string, found: F, sessionExpiresAt: Date, ticket: number) {
    if (!this.listening || ticket !== this.generation || this.ttlMs <= 0) return;
    this.entries.set(idHash, { found, until: Math.min(this.now() + this.ttlMs, sessionExpiresAt.getTime()) });
  }

  /** An announcement from the database: 's:<session id hash>', 'a:<account id>', 'c:<company id>' or 'e:<mobile user id>'. */
  announce(payload: string) {
    this.generation++;
    const [kind, id] = [payload.slice(0, 2), payload.slice(2)];
    if (kind === 's:') {
      this.entries.delete(id);
      return;
    }
    for (const [key, { found }] of this.entries) {
      const owners = this.ownersOf(found);
      if ((kind === 'a:' && owners.accountId === id) || (kind === 'c:' && owners.companyId === id) || (kind === 'e:' && owners.mobileUserId === id) || !['a:', 'c:', 'e:'].includes(kind)) this.entries.delete(key);
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
const caches = new Set<SessionCache<FoundSession> | SessionCache<FoundEmployeeSession>>();

/** Drops what this process remembers of a session, an account's sessions, a company's or an employee's (a change made here). */
export const forgetSessions = (payload: `s:${string}` | `a:${string}` | `c:${string}` | `e:${string}`) => {
  for (const cache of caches) cache.announce(payload);
};

/**
 * The caches of both session kinds (accounts, and employees on My lines), listening to the database's
 * announcements on one connection; `stop` ends them all.
 */
export const startSessionCache = async (
  database: Database,
  ttlMs: number,
): Promise<{ cache: SessionCache; employeeCache: SessionCache<FoundEmployeeSession>; stop(): Promise<void> }> => {
  const cache = new SessionCache(ttlMs);
  const employeeCache = new SessionCache<FoundEmployeeSession>(ttlMs, Date.now, employeeOwners);
  const both = [cache, employeeCache] as const;
  const unlisten = await database.listen(SESSION_CHANNEL, {
    onMessage: (payload) => both.forEach((c) => c.announce(payload)),
    onState: (listening) => both.forEach((c) => c.setListening(listening)),
  });
  both.forEach((c) => caches.add(c));
  return {
    cache,
    employeeCache,
    stop: async () => {
      both.forEach((c) => {
        caches.delete(c);
        c.setListening(false);
      });
      await unlisten();
    },
  };
};
