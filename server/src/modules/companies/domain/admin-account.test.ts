import { describe, expect, it } from 'vitest';
import { invitationState, nextAccountStatus } from './admin-account.js';

describe('administrator account transitions', () => {
  it('moves an invited account to active when the password is set', () => {
    expect(nextAccountStatus('invited', 'set_password', { hasPassword: false })).toBe('active');
    expect(nextAccountStatus('invited', 'resend_invitation', { hasPassword: false })).toBe('invited');
  });

  it('deactivates invited and active accounts, and reactivates to where they stood', () => {
    expect(nextAccountStatus('active', 'deactivate', { hasPassword: true })).toBe('deactivated');
    expect(nextAccountStatus('invited', 'deactivate', { hasPassword: false })).toBe('deactivated');
    expect(nextAccountStatus('deactivated', 'reactivate', { hasPassword: true })).toBe('active');
    expect(nextAccountStatus('deactivated', 'reactivate', { hasPassword: false })).toBe('invited');
  });

  it('refuses the moves that make no sense', () => {
    expect(nextAccountStatus('active', 'set_password', { hasPassword: true })).toBeNull();
    expect(nextAccountStatus('active', 'resend_invitation', { hasPassword: true })).toBeNull();
    expect(nextAccountStatus('active', 'reactivate', { hasPassword: true })).toBeNull();
    expect(nextAccountStatus('deactivated', 'deactivate', { hasPassword: true })).toBeNull();
    expect(nextAccountStatus('deactivated', 'set_password', { hasPassword: false })).toBeNull();
    expect(nextAccountStatus('deactivated', 'resend_invitation', { hasPassword: false })).toBeNull();
  });
});

describe('invitation links', () => {
  const now = new Date('2030-05-01T10:00:00Z');
  const base = { expiresAt: new Date('2030-05-02T10:00:00Z'), usedAt: null, revokedAt: null };
  it('are valid until they expire, are used or replaced', () => {
    expect(invitationState(base, now)).toBe('valid');
    expect(invitationState({ ...base, expiresAt: now }, now)).toBe('expired');
    expect(invitationState({ ...base, usedAt: now }, now)).toBe('used');
    expect(invitationState({ ...base, revokedAt: now }, now)).toBe('revoked');
  });
});
