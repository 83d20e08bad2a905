import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPANY_ROLES } from '../../auth/domain/roles.js';
import { removesLastOwner, type AccountStanding } from './company-roles.js';

const standing = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd'),
  companyRole: fc.constantFrom(...COMPANY_ROLES),
  status: fc.constantFrom('invited' as const, 'active' as const, 'deactivated' as const),
});
const company = fc.uniqueArray(standing, { selector: (a) => a.id, minLength: 1, maxLength: 4 });

describe('a company keeps an active owner', () => {
  const owner: AccountStanding = { id: 'o', companyRole: 'owner', status: 'active' };
  const admin: AccountStanding = { id: 'a', companyRole: 'administrator', status: 'active' };

  it('refuses to demote or deactivate the only active owner', () => {
    expect(removesLastOwner([owner, admin], { accountId: 'o', role: 'administrator' })).toBe(true);
    expect(removesLastOwner([owner, admin], { accountId: 'o', status: 'deactivated' })).toBe(true);
    expect(removesLastOwner([owner, admin], { accountId: 'o', role: 'owner' })).toBe(false);
  });

  it('lets one of two active owners go; an invited owner does not count', () => {
    expect(removesLastOwner([owner, { ...admin, companyRole: 'owner' }], { accountId: 'o', status: 'deactivated' })).toBe(false);
    expect(removesLastOwner([owner, { ...admin, companyRole: 'owner', status: 'invited' }], { accountId: 'o', role: 'read_only' })).toBe(true);
  });

  it('never refuses a change that leaves an active owner, and always refuses one that leaves none where there was one', () => {
    fc.assert(
      fc.property(company, fc.constantFrom('a', 'b', 'c', 'd'), fc.option(fc.constantFrom(...COMPANY_ROLES), { nil: undefined }), fc.option(fc.constantFrom('active' as const, 'deactivated' as const), { nil: undefined }), (accounts, accountId, role, status) => {
          const hadOwner = accounts.some((a) => a.companyRole === 'owner' && a.status === 'active');
          const after = accounts.map((a) => (a.id === accountId ? { ...a, companyRole: role ?? a.companyRole, status: status ?? a.status } : a));
          const hasOwner = after.some((a) => a.companyRole === 'owner' && a.status === 'active');
          expect(removesLastOwner(accounts, { accountId, role, status })).toBe(hadOwner && !hasOwner);
        },
      ),
    );
  });
});
