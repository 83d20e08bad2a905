import type { CompanyRole } from '../../auth/domain/roles.js';
import type { AccountStatus } from './admin-account.js';

/**
 * The rule the owner's account management keeps: a company always has at least one active owner,
 * so somebody can still manage its accounts and API clients. A change that would leave none (the
 * last owner made administrator, or deactivated) is refused.
 */
export type AccountStanding = { id: string; companyRole: CompanyRole; status: AccountStatus };
export type AccountChange = { accountId: string; role?: CompanyRole; status?: AccountStatus };

const isActiveOwner = (a: { companyRole: CompanyRole; status: AccountStatus }) => a.companyRole === 'owner' && a.status === 'active';

/** The company's accounts as they would stand after the change. */
export const afterChange = (accounts: readonly AccountStanding[], change: AccountChange): AccountStanding[] =>
  accounts.map((a) => (a.id === change.accountId ? { ...a, companyRole: change.role ?? a.companyRole, status: change.status ?? a.status } : a));

/**
 * Whether the change takes the company's last active owner away. A company that has no active
 * owner today (operator staff invited its first one, who has not chosen a password yet) is not
 * made worse by a change to somebody else, so only a change that removes an active owner counts.
 */
export const removesLastOwner = (accounts: readonly AccountStanding[], change: AccountChange): boolean => {
  const before = accounts.filter(isActiveOwner).length;
  const after = afterChange(accounts, change).filter(isActiveOwner).length;
  return before > 0 && after === 0;
};
