/**
 * The life of a fleet administrator's account, as operator staff manage it. An account is invited
 * (no usable password yet), active, or deactivated (cannot sign in, its sessions are gone). Every
 * change of status goes through this table; the use cases record each one in the audit log.
 */
export type AccountStatus = 'invited' | 'active' | 'deactivated';
export type AccountEvent = 'set_password' | 'resend_invitation' | 'deactivate' | 'reactivate';

type Target = AccountStatus | ((ctx: { hasPassword: boolean }) => AccountStatus);

const TRANSITIONS: Record<AccountStatus, Partial<Record<AccountEvent, Target>>> = {
  invited: { set_password: 'active', resend_invitation: 'invited', deactivate: 'deactivated' },
  active: { deactivate: 'deactivated' },
  // back to where the person stood: an administrator who never chose a password is invited again
  deactivated: { reactivate: ({ hasPassword }) => (hasPassword ? 'active' : 'invited') },
};

/** The status after the event, or null when the event is not allowed in this status. */
export const nextAccountStatus = (from: AccountStatus, event: AccountEvent, ctx: { hasPassword: boolean }): AccountStatus | null => {
  const target = TRANSITIONS[from][event];
  if (target === undefined) return null;
  return typeof target === 'function' ? target(ctx) : target;
};

/** How long an invitation link works. Long enough for a week-end and a holiday Monday. */
export const INVITATION_TTL_DAYS = 7;

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked';

/** Whether an invitation link can still set a password, and if not, why. */
export const invitationState = (inv: { expiresAt: Date; usedAt: Date | null; revokedAt: Date | null }, now: Date): InvitationState => {
  if (inv.usedAt) return 'used';
  if (inv.revokedAt) return 'revoked';
  if (inv.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'valid';
};
