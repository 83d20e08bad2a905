import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPortal, type TestPortal } from '../support/harness.js';

describe(`sign-in and sessions (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal();
  });
  afterAll(async () => portal?.close());

  it('signs an administrator in with an httpOnly SameSite session cookie and a CSRF token', async () => {
    const client = portal.anonymous();
    const res = await client.post('/api/auth/login', { email: 'Admin@Acme.example ', password: 'fleetdesk-demo' });
    expect(res.status).toBe(200);
    expect(res.body.account).toMatchObject({ email: 'admin@acme.example', role: 'admin', company: { name: 'Acme Logistics' } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/fd_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(res.body.csrfToken).toBe(client.cookies.get('fd_csrf'));
    const me = await client.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account.fullName).toBe('Sofie Van Damme');
  });

  it('signs operator staff in without a company', async () => {
    const client = await portal.signIn('operator@dstny.example');
    const me = await client.get('/api/auth/me');
    expect(me.body.account).toMatchObject({ role: 'operator', company: null });
  });

  it('answers a wrong password and an unknown e-mail with the same clear, translated message', async () => {
    const wrong = await portal.anonymous().post('/api/auth/login', { email: 'admin@acme.example', password: 'nope' });
    const unknown = await portal.anonymous().post('/api/auth/login', { email: 'nobody@acme.example', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.code).toBe('AUTH.INVALID_CREDENTIALS');
    expect(wrong.body.detail).toBe(unknown.body.detail);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    const fr = portal.anonymous();
    fr.lang = 'fr-BE,fr;q=0.9';
    const res = await fr.post('/api/auth/login', { email: 'admin@acme.example', password: 'nope' });
    expect(res.body.detail).toBe("L'adresse e-mail ou le mot de passe est incorrect.");
  });

  it('names the missing fields of a sign-in', async () => {
    const res = await portal.anonymous().post('/api/auth/login', { email: '' });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['email', 'password']);
  });

  it('refuses a change without the CSRF token, and with a wrong one', async () => {
    const client = await portal.signIn('admin@acme.example');
    const body = { firstName: 'No', lastName: 'Token', email: 'no.token@acme.example', language: 'en' };
    const missing = await client.request('POST', '/api/mobile-users', body, { 'x-csrf-token': '' });
    expect(missing.status).toBe(403);
    expect(missing.body.code).toBe('AUTH.CSRF_INVALID');
    const forged = await client.request('POST', '/api/mobile-users', body, { 'x-csrf-token': 'x'.repeat(43) });
    expect(forged.status).toBe(403);
    const list = await client.get('/api/mobile-users?q=no.token');
    expect(list.body.total).toBe(0);
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await portal.anonymous().request('POST', '/api/auth/login', { email: 'admin@acme.example', password: 'fleetdesk-demo' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
  });

  it('refuses a sign-in from another site also when the path is percent-encoded', async () => {
    const res = await portal.anonymous().request('POST', '/%61pi/auth/login', { email: 'admin@acme.example', password: 'fleetdesk-demo' }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('AUTH.CSRF_INVALID');
  });

  it('replaces the session of a browser that signs in again', async () => {
    const client = await portal.signIn('admin@acme.example');
    const first = client.cookies.get('fd_session');
    await client.post('/api/auth/login', { email: 'admin@acme.example', password: 'fleetdesk-demo' });
    expect(client.cookies.get('fd_session')).not.toBe(first);
    const replay = await portal.anonymous().request('GET', '/api/auth/me', undefined, { cookie: `fd_session=${first}` });
    expect(replay.status).toBe(401);
  });

  it('signs out: the old session cookie no longer works', async () => {
    const client = await portal.signIn('admin@acme.example');
    const cookie = client.cookies.get('fd_session');
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = await portal.anonymous().request('GET', '/api/auth/me', undefined, { cookie: `fd_session=${cookie}` });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('AUTH.NOT_SIGNED_IN');
  });

  it('remembers the chosen language on the account, for the next session too', async () => {
    const client = await portal.signIn('admin@brightwave.example');
    expect((await client.put('/api/auth/me/language', { language: 'nl' })).body.account.language).toBe('nl');
    const again = await portal.signIn('admin@brightwave.example');
    expect((await again.get('/api/auth/me')).body.account.language).toBe('nl');
    const bad = await client.put('/api/auth/me/language', { language: 'de' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ field: 'language', rule: 'invalid_choice' });
    expect(bad.body.errors[0].message).toContain('Voorkeurstaal');
    await client.put('/api/auth/me/language', { language: 'fr' });
  });
});

describe(`sign-in rate limit (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal({ LOGIN_RATE_LIMIT_PER_MINUTE: '3', LOGIN_RATE_LIMIT_PER_IP_PER_MINUTE: '8' });
  });
  afterAll(async () => portal?.close());

  it('stops guessing after a few attempts with a translated 429, per e-mail address', async () => {
    const client = portal.anonymous();
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await client.post('/api/auth/login', { email: 'admin@acme.example', password: `guess-${i}` })).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await client.post('/api/auth/login', { email: 'admin@acme.example', password: 'fleetdesk-demo' });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('AUTH.RATE_LIMITED');
    // another account from the same address is not locked out by those guesses
    expect((await client.post('/api/auth/login', { email: 'operator@dstny.example', password: 'fleetdesk-demo' })).status).toBe(200);
  });

  it('also stops one address trying account after account', async () => {
    const client = portal.anonymous();
    const statuses = [];
    // 6 attempts were already made from this address by the test above
    for (let i = 0; i < 4; i++) statuses.push((await client.post('/api/auth/login', { email: `guess${i}@acme.example`, password: 'x' })).status);
    expect(statuses).toEqual([401, 401, 429, 429]);
  });
});
