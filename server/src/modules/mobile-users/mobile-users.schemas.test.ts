import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MobileUserInputSchema, MobileUserPatchSchema } from './mobile-users.schemas.js';

const valid = { firstName: 'An', lastName: 'Peeters', email: 'an.peeters@acme.example', language: 'nl' };
const rulesOf = (input: unknown) => {
  const r = MobileUserInputSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.') || (i as { keys?: string[] }).keys?.join(','), i.message]));
};

describe('mobile user input rules', () => {
  it('accepts any name of 1 to 100 characters once trimmed', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s.trim().length > 0), (name) => {
        const r = MobileUserInputSchema.safeParse({ ...valid, firstName: `  ${name} ` });
        expect(r.success && r.data.firstName).toBe(name.trim());
      }),
    );
  });

  it('calls a blank name missing and a long one too long', () => {
    fc.assert(fc.property(fc.stringMatching(/^\s{0,5}$/), (blank) => {
      expect(rulesOf({ ...valid, lastName: blank }).lastName).toBe('required');
    }));
    fc.assert(fc.property(fc.string({ minLength: 101, maxLength: 300 }).filter((s) => s.trim().length > 100), (long) => {
      expect(rulesOf({ ...valid, lastName: long }).lastName).toBe('too_long');
    }));
  });

  it('refuses anything that is not an e-mail address, and stores addresses in lower case', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('@')), (s) => {
      expect(rulesOf({ ...valid, email: s }).email).toMatch(/invalid_email|required/);
    }));
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        const r = MobileUserInputSchema.safeParse({ ...valid, email: email.toUpperCase() });
        if (r.success) expect(r.data.email).toBe(email.toUpperCase().toLowerCase());
      }),
    );
  });

  it('knows only English, French and Dutch', () => {
    fc.assert(fc.property(fc.string().filter((s) => !['en', 'fr', 'nl'].includes(s)), (lang) => {
      expect(rulesOf({ ...valid, language: lang }).language).toBe('invalid_choice');
    }));
  });

  it('treats an empty department or cost centre as none', () => {
    const r = MobileUserInputSchema.parse({ ...valid, department: '  ', costCentre: '' });
    expect(r).toMatchObject({ department: null, costCentre: null, officeId: null });
  });

  it('refuses fields it does not know, such as a company id', () => {
    expect(rulesOf({ ...valid, companyId: 'x' })).toEqual({ companyId: 'unknown_field' });
    expect(MobileUserPatchSchema.safeParse({ role: 'admin' }).success).toBe(false);
  });
});
