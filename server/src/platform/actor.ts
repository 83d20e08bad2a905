/**
 * Who made a change, as the timeline and the audit trail name them: a signed-in account, or nobody's
 * account — an employee through their personal link, or the portal itself (`SYSTEM`: a job, the
 * activation process reacting to the network, a scheduled start).
 */
export type Actor = { accountId: string | null; name: string };

export const SYSTEM: Actor = { accountId: null, name: 'system' };

/** A signed-in person (an administrator or operator staff): what changes only they can make record. */
export type AccountActor = Actor & { accountId: string };
