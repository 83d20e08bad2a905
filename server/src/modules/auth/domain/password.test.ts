import { describe, expect, it } from 'vitest';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password.js';

describe('password hashing', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(stored).not.toContain('correct horse');
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('never matches the dummy hash used for unknown accounts', async () => {
    expect(await verifyPassword('', DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('anything', 'not-a-hash')).toBe(false);
  });
});

describe('password rules', () => {
  it('asks for 12 to 200 characters, counted as the user sees them', async () => {
    const { passwordProblem } = await import('./password.js');
    expect(passwordProblem('')).toEqual({ rule: 'required' });
    expect(passwordProblem('short-pass1')).toEqual({ rule: 'too_short', params: { minimum: 12 } });
    expect(passwordProblem('x'.repeat(201))?.rule).toBe('too_long');
    expect(passwordProblem('correct horse battery')).toBeNull();
    // 12 accented letters are 12 characters, whatever their bytes
    expect(passwordProblem('éèêëàâäôöûüç')).toBeNull();
  });

  it('refuses the e-mail address, repeated characters and well-known passwords', async () => {
    const { passwordProblem } = await import('./password.js');
    expect(passwordProblem('Claire.Dubois@x.be', { email: 'claire.dubois@x.be' })?.rule).toBe('password_is_email');
    expect(passwordProblem('aaaaaaaaaaaaaa')?.rule).toBe('password_common');
    expect(passwordProblem('Password1234')?.rule).toBe('password_common');
  });

  it('treats the invited marker as unusable', async () => {
    const { isUsableHash, NO_PASSWORD, hashPassword } = await import('./password.js');
    expect(isUsableHash(NO_PASSWORD)).toBe(false);
    expect(isUsableHash(await hashPassword('correct horse battery'))).toBe(true);
    expect(await verifyPassword('!invited', NO_PASSWORD)).toBe(false);
  });
});
