import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideSsoSignIn, emailDomain, isDomain, normalizeDomain, safeNextPath } from './sso.js';

const company = { companyId: 'c1', domains: ['acme.example'], newAccountRole: null } as const;
const known = { id: 'a1', companyId: 'c1', role: 'admin', status: 'active' } as const;

describe('single sign-on rules', () => {
  it('matches a known person by a verified address of the company’s domains only', () => {
    expect(decideSsoSignIn(company, { email: 'Ann@Acme.example', email_verified: true }, () => known)).toEqual({ kind: 'sign_in', accountId: 'a1', email: 'ann@acme.example', activate: false });
    expect(decideSsoSignIn(company, { email: 'ann@acme.example', email_verified: 'true' }, () => known)).toMatchObject({ kind: 'refuse', code: 'SSO.EMAIL_UNVERIFIED' });
    expect(decideSsoSignIn(company, { email_verified: true }, () => known)).toMatchObject({ kind: 'refuse', code: 'SSO.EMAIL_MISSING' });
    expect(decideSsoSignIn(company, { email: 'ann@other.example', email_verified: true }, () => null)).toMatchObject({ kind: 'refuse', code: 'SSO.WRONG_COMPANY' });
    expect(decideSsoSignIn(company, { email: 'ann@acme.example', email_verified: true }, () => ({ ...known, companyId: 'c2' }))).toMatchObject({ code: 'SSO.WRONG_COMPANY' });
    expect(decideSsoSignIn(company, { email: 'ann@acme.example', email_verified: true }, () => ({ ...known, role: 'operator', companyId: null }))).toMatchObject({ code: 'SSO.WRONG_COMPANY' });
    expect(decideSsoSignIn(company, { email: 'ann@acme.example', email_verified: true }, () => ({ ...known, status: 'deactivated' }))).toMatchObject({ code: 'AUTH.ACCOUNT_DEACTIVATED' });
    expect(decideSsoSignIn(company, { email: 'ann@acme.example', email_verified: true }, () => ({ ...known, status: 'invited' }))).toMatchObject({ kind: 'sign_in', activate: true });
  });

  it('creates an unknown person with the chosen role, or refuses', () => {
    expect(decideSsoSignIn(company, { email: 'new@acme.example', email_verified: true }, () => null)).toMatchObject({ kind: 'refuse', code: 'SSO.UNKNOWN_ACCOUNT' });
    expect(decideSsoSignIn({ ...company, newAccountRole: 'billing' }, { email: 'new@acme.example', email_verified: true, given_name: 'New', family_name: 'Person' }, () => null)).toEqual({ kind: 'create', email: 'new@acme.example', fullName: 'New Person', role: 'billing' });
  });

  it('never signs anyone in without a verified address (any claims)', () => {
    fc.assert(
      fc.property(fc.record({ email: fc.oneof(fc.string(), fc.emailAddress()), email_verified: fc.anything().filter((v) => v !== true) }), (claims) => {
        expect(decideSsoSignIn({ ...company, newAccountRole: 'owner' }, claims, () => known).kind).toBe('refuse');
      }),
    );
  });

  it('reads domains and next paths strictly', () => {
    expect(normalizeDomain(' @ACME.example. ')).toBe('acme.example');
    expect(isDomain('acme')).toBe(false);
    expect(isDomain('a cme.example')).toBe(false);
    expect(emailDomain('x@Sub.Acme.example')).toBe('sub.acme.example');
    expect(emailDomain('nobody')).toBeNull();
    expect(safeNextPath('/uc-mobile/users')).toBe('/uc-mobile/users');
    for (const bad of ['//evil.example', 'https://evil.example', '/\\evil.example', '/login?x', null]) expect(safeNextPath(bad)).toBeNull();
  });
});
