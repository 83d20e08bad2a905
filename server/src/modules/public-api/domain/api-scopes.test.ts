import { describe, expect, it } from 'vitest';
import { grantedScopes } from './api-scopes.js';

describe('grantedScopes (RFC 6749 §3.3)', () => {
  const held = ['orders:read', 'services:read'];
  it('grants everything held when no scope is asked for', () => {
    expect(grantedScopes(undefined, held)).toEqual({ ok: true, scopes: held });
    expect(grantedScopes('  ', held)).toEqual({ ok: true, scopes: held });
  });
  it('narrows to the scopes asked for, each once', () => {
    expect(grantedScopes('services:read services:read', held)).toEqual({ ok: true, scopes: ['services:read'] });
  });
  it('refuses a scope the client was not granted', () => {
    expect(grantedScopes('services:read orders:write', held)).toEqual({ ok: false });
  });
});
