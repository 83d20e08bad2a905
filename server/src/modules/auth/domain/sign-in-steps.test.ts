import { describe, expect, it } from 'vitest';
import { nextSignInStep, resetLinkState, twoFactorRequired } from './sign-in-steps.js';
import { deviceOf } from './user-agent.js';

describe('the steps of a sign-in', () => {
  it('asks for the code whenever the account has a second factor, sends to set-up when one is required, else signs in', () => {
    expect(nextSignInStep({ hasTwoFactor: true, twoFactorRequired: false })).toBe('code');
    expect(nextSignInStep({ hasTwoFactor: true, twoFactorRequired: true })).toBe('code');
    expect(nextSignInStep({ hasTwoFactor: false, twoFactorRequired: true })).toBe('enrol');
    expect(nextSignInStep({ hasTwoFactor: false, twoFactorRequired: false })).toBe('session');
  });

  it('requires a second factor of operator staff in production, and of administrators whose company asks it', () => {
    expect(twoFactorRequired({ role: 'operator', companyRequiresTwoFactor: false }, true)).toBe(true);
    expect(twoFactorRequired({ role: 'operator', companyRequiresTwoFactor: false }, false)).toBe(false);
    expect(twoFactorRequired({ role: 'admin', companyRequiresTwoFactor: true }, false)).toBe(true);
    expect(twoFactorRequired({ role: 'admin', companyRequiresTwoFactor: false }, true)).toBe(false);
  });

  it('says why a reset link no longer works', () => {
    const now = new Date('2026-03-01T10:00:00Z');
    const link = { expiresAt: new Date('2026-03-01T10:30:00Z'), usedAt: null, revokedAt: null };
    expect(resetLinkState(link, now)).toBe('valid');
    expect(resetLinkState({ ...link, expiresAt: now }, now)).toBe('expired');
    expect(resetLinkState({ ...link, usedAt: now }, now)).toBe('used');
    expect(resetLinkState({ ...link, revokedAt: now }, now)).toBe('revoked');
  });
});

describe('the device of a session', () => {
  it.each([
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome', 'Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0', 'Edge', 'Windows'],
    ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15', 'Safari', 'macOS'],
    ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1', 'Chrome', 'iPhone'],
    ['Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0 Mobile Safari/537.36', 'Samsung Internet', 'Android'],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'Linux'],
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36', 'Chrome', 'Linux'],
  ])('%s', (ua, browser, os) => {
    expect(deviceOf(ua)).toEqual({ browser, os });
  });

  it('names nothing it does not know', () => {
    expect(deviceOf(null)).toEqual({ browser: null, os: null });
    expect(deviceOf('lightmode-bot/1.0')).toEqual({ browser: null, os: null });
  });
});
