import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/src/config/config.js';
import { createTestPortal, type TestPortal } from '../support/harness.js';
import { PATIENCE_MS } from '../support/wait.js';

describe(`platform (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  beforeAll(async () => {
    portal = await createTestPortal();
  });
  afterAll(async () => portal?.close());

  it('reports database and job-runner readiness, with a heartbeat job that really ran', async () => {
    const res = await portal.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', database: { status: 'up', kind: portal.kind }, jobs: { status: 'up' } });
    await expect
      .poll(async () => (await portal.anonymous().get('/api/health')).body.jobs.lastHeartbeatAt, { timeout: PATIENCE_MS, interval: 250 })
      .not.toBeNull();
  });

  it('serves the OpenAPI document built from the validation schemas', async () => {
    const res = await portal.anonymous().get('/api/docs/json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    const create = res.body.paths['/api/mobile-users'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['firstName', 'lastName', 'email', 'language']));
    expect(schema.properties.firstName.maxLength).toBe(100);
    expect(res.body.paths['/api/auth/login'].post).toBeDefined();
    expect((await portal.anonymous().get('/api/docs')).status).toBeLessThan(400);
  });

  it('answers unknown API paths with a problem document, not HTML or a stack trace', async () => {
    const res = await portal.anonymous().get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('serves the browser app on every page address, and 404 for a missing asset', async () => {
    for (const url of ['/', '/login', '/login/', '/self-service/uc-mobile/users?q=x', '/back-office/', '/back-office/no-such-page', '/activate/abc123', '/set-password/abc123/', '/dev/mailbox']) {
      const res = await portal.anonymous().get(url);
      expect(res.status, url).toBe(200);
      expect(String(res.headers['content-type'])).toMatch(/text\/html/);
      expect(String(res.body)).toContain('<div id="root">');
    }
    expect((await portal.anonymous().get('/assets/missing-1234.js')).status).toBe(404);
  });

  it('answers 404 at every other address instead of the page: API paths, files, unknown pages', async () => {
    for (const url of ['/tmf-api/anything', '/tmf-api', '/tmf-api/', '/api', '/api/', '/api/nothing/', '/favicon.png', '/robots.txt', '/wp-login.php', '/activate', '/activate/a/b', '/login/more', '/self-servicex']) {
      const res = await portal.anonymous().get(url);
      expect(res.status, url).toBe(404);
      // the TM Forum APIs answer their own JSON Error shape (TMF630), the portal's API problem details
      if (url.startsWith('/tmf-api')) expect(res.body, url).toMatchObject({ '@type': 'Error', status: '404', code: 'NOT_FOUND' });
      else {
        expect(String(res.headers['content-type']), url).toMatch(/application\/problem\+json/);
        expect(res.body, url).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      }
    }
    expect((await portal.anonymous().request('POST', '/tmf-api/productOrder', {})).status).toBe(404);
  });

  it('tells browsers and proxies to keep no API answer (the CSRF token above all), but lets them keep the app’s files', async () => {
    const admin = await portal.signIn('admin@acme.example');
    const me = await admin.get('/api/auth/me');
    expect(me.body.csrfToken).toBeTruthy();
    const answers = [
      me,
      await portal.anonymous().get('/api/health'),
      await portal.anonymous().get('/api/auth/me'),
      await portal.anonymous().post('/api/auth/login', { email: 'nobody@acme.example', password: 'wrong password!' }),
      await admin.get('/api/service-overview?limit=1'),
      await admin.request('GET', '/api/service-overview/export.csv'),
      await admin.get('/api/nothing-here'),
      await portal.anonymous().get('/tmf-api/anything'),
      await portal.anonymous().get('/api/docs/json'),
    ];
    for (const res of answers) expect(res.headers['cache-control'], JSON.stringify(res.body).slice(0, 80)).toBe('no-store');
    const file = (await portal.anonymous().get('/')).body.match(/\/assets\/[^"]+\.js/)[0];
    for (const url of [file, '/favicon.svg', '/', '/login']) expect(String((await portal.anonymous().get(url)).headers['cache-control']), url).not.toContain('no-store');
  });

  it('keeps the status of a body that is too large or not JSON', async () => {
    const admin = await portal.signIn('admin@acme.example');
    const big = await admin.request('POST', '/api/mobile-users', JSON.stringify({ firstName: 'x'.repeat(2_000_000) }), { 'content-type': 'application/json' });
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('REQUEST.TOO_LARGE');
    const text = await admin.request('POST', '/api/mobile-users', '<user/>', { 'content-type': 'application/xml' });
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('REQUEST.UNSUPPORTED_MEDIA_TYPE');
  });

  it('shows the operator branding and support contacts from the seeds', async () => {
    const res = await portal.anonymous().get('/api/operator');
    expect(res.body).toMatchObject({ name: 'Dstny', supportPhone: '+32 2 401 97 00 (option 1)', supportEmail: 'support@dstny.be', salesEmail: 'sales@dstny.be' });
  });

  it('sets security headers', async () => {
    const res = await portal.anonymous().get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
  });
});

describe('configuration', () => {
  it('names the bad variable and refuses to start', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: must be a number \(got "eighty"\)/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL: must be one of fatal, error/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
  });

  it('defaults to port 3000 and the embedded database in ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('data')).toBe(true);
  });
});
