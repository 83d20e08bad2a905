import { describe, expect, it } from 'vitest';
import { COMPANY_ROLES, PERMISSION_NAMES, can, permissionsOf, roleOf } from './roles.js';

describe('roles and what they may do', () => {
  it('gives read-only and billing nothing that changes or manages', () => {
    for (const role of ['read_only', 'billing'] as const) {
      expect(permissionsOf(role).filter((p) => /\.(change|manage)$/.test(p))).toEqual([]);
    }
    expect(can('read_only', 'services.read')).toBe(true);
    expect(can('billing', 'services.read')).toBe(false);
    expect(can('billing', 'billing.read')).toBe(true);
  });

  it('gives the owner every company permission, and the accounts and API clients to the owner alone', () => {
    const company = PERMISSION_NAMES.filter((p) => p !== 'backOffice' && p !== 'ownLines');
    expect(permissionsOf('owner')).toEqual(company);
    for (const role of COMPANY_ROLES.filter((r) => r !== 'owner')) {
      expect(can(role, 'accounts.manage') || can(role, 'apiClients.manage')).toBe(false);
    }
    expect(permissionsOf('operator')).toEqual(['backOffice']);
  });

  it('gives an employee their own lines and nothing else, and nobody else their lines', () => {
    expect(permissionsOf('employee')).toEqual(['ownLines']);
    for (const role of [...COMPANY_ROLES, 'operator'] as const) expect(can(role, 'ownLines')).toBe(false);
  });

  it('reads the role of an account; a company account without one gets the least', () => {
    expect(roleOf({ role: 'operator', companyRole: null })).toBe('operator');
    expect(roleOf({ role: 'admin', companyRole: 'billing' })).toBe('billing');
    expect(roleOf({ role: 'admin', companyRole: null })).toBe('read_only');
  });
});
