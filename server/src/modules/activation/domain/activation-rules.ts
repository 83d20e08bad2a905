/**
 * When is a service active, and how patiently do we ask the network? Plain rules, no I/O.
 * A service is active only when both halves are done: its SIM/eSIM works on the network (if it
 * has one) and its number has arrived (if it has one: a new number arrives with the SIM, a ported
 * or moved number when the other side lets go of it).
 */
export type ActivationTrack = { hasSim: boolean; simProvisioned: boolean; hasNumber: boolean; numberLive: boolean };

export const isComplete = (t: ActivationTrack) => (!t.hasSim || t.simProvisioned) && (!t.hasNumber || t.numberLive);

/** The SIM is ready but the number is not: the service waits in "porting". */
export const waitsForNumber = (t: ActivationTrack) => (!t.hasSim || t.simProvisioned) && t.hasNumber && !t.numberLive;

/** Seconds until the next look at a pending network request: 1, 2, 4 … capped at five minutes. */
export const pollDelaySeconds = (polls: number) => Math.min(2 ** Math.max(0, polls), 300);

/** The link stops working after `days`; a resend replaces it earlier. */
export const linkExpiresAt = (now: Date, days: number) => new Date(now.getTime() + days * 86_400_000);

export const isLinkUsable = (link: { expiresAt: Date; revokedAt: Date | null }, now: Date) => !link.revokedAt && link.expiresAt.getTime() > now.getTime();
