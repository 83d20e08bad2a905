import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, createTestPortal, type TestPortal } from '../support/harness.js';
import { signInAtProvider, startTestProvider, type TestProvider } from '../support/oidc-provider.js';

// Single sign-on through a real OpenID Connect provider (oidc-provider) on loopback: the owner's
// settings (validation, discovery, sealed secret, tenant isolation), and every refusal of the
// callback. The browser's part (redirects, pages) is in tests/e2e/sso.e2e.test.ts.

const PUBLIC_URL = 'http://portal.test';
const CALLBACK = `${PUBLIC_URL}/api/auth/sso/callback`;
const TWO_FACTOR_KEY = Buffer.alloc(32, 7).toString('base64');

describe(`single sign-on (${process.env.TEST_DB})`, () => {
  let portal: TestPortal;
  let provider: TestProvider;
  let otherProvider: TestProvider;
  let q: <T = Record<string, unknown>>(text: string, values?: unknown[]) => Promise<T[]>;
  let owner: Client;
  let readOnly: Client;
  let admin: Client;
  let otherOwner: Client;

  const settings = (over: Record<string, unknown> = {}) => ({
    issuer: provider.issuer,
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    domains: ['acme.example'],
    newAccountRole: 'read_only',
    enabled: true,
    ...over,
  });

  /** The whole round trip: start at the portal, sign in at the provider as `login`, come back; the callback's answer. */
  const ssoSignIn = async (email: string, login = email, tamper?: (callback: URL) => void) => {
    const client = portal.anonymous();
    const started = await client.post('/api/auth/sso/start', { email });
    expect(started.status).toBe(200);
    const back = await signInAtProvider(started.body.redirectUrl, login);
    expect(back.href.startsWith(CALLBACK)).toBe(true);
    tamper?.(back);
    const res = await client.get(back.pathname + back.search);
    expect(res.status).toBe(303);
    return { client, location: String(res.headers.location) };
  };

  beforeAll(async () => {
    [provider, otherProvider] = await Promise.all([startTestProvider({ redirectUris: [CALLBACK] }), startTestProvider({ redirectUris: [CALLBACK], clientId: 'other' })]);
    portal = await createTestPortal({ PUBLIC_URL, TWO_FACTOR_KEY });
    q = async (text, values = []) => (await portal.database.sql.executeSql(text, values)).rows as never;
    owner = await portal.signIn('owner@acme.example');
    // signed in before Acme switches single sign-on on (which ends password sign-in for all but the owner)
    [readOnly, admin, otherOwner] = await Promise.all(['readonly@acme.example', 'admin@acme.example', 'owner@brightwave.example'].map((e) => portal.signIn(e))) as [Client, Client, Client];
  });
  afterAll(async () => {
    await portal?.close();
    await Promise.all([provider?.close(), otherProvider?.close()]);
  });

  describe('settings', () => {
    it('starts unconfigured, and shows the redirect URI to register at the provider', async () => {
      const res = await owner.get('/api/company/sso');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ configured: false, enabled: false, hasClientSecret: false, domains: [], redirectUri: CALLBACK });
    });

    it('refuses bad input field by field, with nothing written', async () => {
      const bad = await owner.put('/api/company/sso', settings({ issuer: 'ftp://idp.example', domains: ['not a domain'], clientId: '' }));
      expect(bad.status).toBe(400);
      const fields = bad.body.errors.map((e: { field: string }) => e.field).sort();
      expect(fields).toEqual(expect.arrayContaining(['clientId', 'domains.0']));
      const noSecret = await owner.put('/api/company/sso', settings({ clientSecret: undefined }));
      expect(noSecret.status).toBe(400);
      expect(noSecret.body.errors).toEqual([expect.objectContaining({ field: 'clientSecret', rule: 'required' })]);
      expect(await q(`select * from company_sso`)).toEqual([]);
    });

    it('discovers the issuer when saving: an address without a provider is a clear, translated error', async () => {
      await owner.put('/api/auth/me/language', { language: 'fr' });
      const res = await owner.put('/api/company/sso', settings({ issuer: 'http://127.0.0.1:9/nothing' }));
      await owner.put('/api/auth/me/language', { language: 'en' });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'SSO.DISCOVERY_FAILED', title: 'Fournisseur d’identité injoignable' });
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'issuer', rule: 'discovery_failed' })]);
    });

    it('requires https in production, but for a provider on loopback', async () => {
      const { issuerProblem } = await import('../../server/src/modules/auth/domain/sso.js');
      expect(issuerProblem('http://idp.example.com', 'production')).toBe('https_required');
      expect(issuerProblem('http://127.0.0.1:4000', 'production')).toBeNull();
      expect(issuerProblem('http://localhost:4000', 'production')).toBeNull();
      expect(issuerProblem('https://idp.example.com', 'production')).toBeNull();
      expect(issuerProblem('http://idp.example.com', 'development')).toBeNull();
    });

    it('refuses a domain under which another company has accounts', async () => {
      const res = await owner.put('/api/company/sso', settings({ domains: ['acme.example', 'brightwave.example'] }));
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('SSO.DOMAIN_TAKEN');
      expect(res.body.detail).toContain('brightwave.example');
    });

    it('saves, seals the secret (never sent back), audits without it', async () => {
      const res = await owner.put('/api/company/sso', settings({ domains: ['ACME.example', '@acme.example'] }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ configured: true, enabled: true, issuer: provider.issuer, clientId: provider.clientId, hasClientSecret: true, domains: ['acme.example'], newAccountRole: 'read_only' });
      expect(JSON.stringify(res.body)).not.toContain(provider.clientSecret);
      const [row] = await q<{ client_secret: string }>(`select client_secret from company_sso`);
      expect(row!.client_secret.startsWith('v1:')).toBe(true);
      expect(row!.client_secret).not.toContain(provider.clientSecret);
      const audit = await q<{ after: unknown }>(`select after from audit_events where action = 'company.sso_changed'`);
      expect(audit.length).toBe(1);
      expect(JSON.stringify(audit)).not.toContain(provider.clientSecret);
      // saved again without the secret: the stored one is kept
      const again = await owner.put('/api/company/sso', settings({ clientSecret: undefined, newAccountRole: null }));
      expect(again.status).toBe(200);
      expect(again.body.newAccountRole).toBeNull();
    });

    it('is the owner’s: others of the company read it, operator staff and other companies never see it', async () => {
      expect((await readOnly.get('/api/company/sso')).body.domains).toEqual(['acme.example']);
      expect((await readOnly.put('/api/company/sso', settings())).status).toBe(403);
      expect((await admin.put('/api/company/sso', settings())).status).toBe(403);
      const theirs = await otherOwner.get('/api/company/sso');
      expect(theirs.body).toMatchObject({ configured: false, domains: [] });
      // another company cannot take Acme's domain
      const grab = await otherOwner.put('/api/company/sso', settings({ issuer: otherProvider.issuer, clientId: otherProvider.clientId, clientSecret: otherProvider.clientSecret, domains: ['acme.example'] }));
      expect(grab.status).toBe(409);
      expect((await owner.get('/api/company/sso')).body.issuer).toBe(provider.issuer);
      const operator = await portal.signIn('operator@dstny.example');
      expect((await operator.get('/api/company/sso')).status).toBe(403);
    });
  });

  describe('signing in', () => {
    beforeAll(async () => {
      expect((await owner.put('/api/company/sso', settings({ clientSecret: undefined, newAccountRole: null }))).status).toBe(200);
    });

    it('tells the sign-in page which addresses go to the provider', async () => {
      const anon = portal.anonymous();
      expect((await anon.post('/api/auth/sso/check', { email: 'someone@acme.example' })).body).toEqual({ sso: true, companyName: 'Acme Logistics' });
      expect((await anon.post('/api/auth/sso/check', { email: 'owner@brightwave.example' })).body).toEqual({ sso: false, companyName: null });
      expect((await anon.post('/api/auth/sso/start', { email: 'owner@brightwave.example' })).status).toBe(409);
    });

    it('signs a known person in by verified e-mail, audited', async () => {
      const { client, location } = await ssoSignIn('admin@acme.example');
      expect(location).toBe('/');
      const me = await client.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.account).toMatchObject({ email: 'admin@acme.example' });
      expect((await q(`select 1 from audit_events where action = 'account.signed_in_sso'`)).length).toBe(1);
    });

    it('refuses a password sign-in of that company’s people (the owner keeps one to repair the settings)', async () => {
      const res = await portal.anonymous().post('/api/auth/login', { email: 'admin@acme.example', password: 'fleetdesk-demo' });
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SSO.REQUIRED');
      expect((await portal.anonymous().post('/api/auth/login', { email: 'owner@acme.example', password: 'fleetdesk-demo' })).status).toBe(200);
      // another company's people are not concerned
      expect((await portal.anonymous().post('/api/auth/login', { email: 'admin@brightwave.example', password: 'fleetdesk-demo' })).status).toBe(200);
    });

    it('refuses a state that does not match, and a callback without the browser’s cookie', async () => {
      const tampered = await ssoSignIn('admin@acme.example', 'admin@acme.example', (url) => url.searchParams.set('state', 'forged-state'));
      expect(tampered.location).toBe('/login?ssoError=SSO.STATE_INVALID');
      expect((await tampered.client.get('/api/auth/me')).status).toBe(401);
      const started = await portal.anonymous().post('/api/auth/sso/start', { email: 'admin@acme.example' });
      const back = await signInAtProvider(started.body.redirectUrl, 'admin@acme.example');
      const stranger = await portal.anonymous().get(back.pathname + back.search);
      expect(stranger.headers.location).toBe('/login?ssoError=SSO.STATE_INVALID');
    });

    it('refuses an address the provider did not verify', async () => {
      provider.person({ email: 'unverified@acme.example', emailVerified: false });
      const { location } = await ssoSignIn('unverified@acme.example');
      expect(location).toBe('/login?ssoError=SSO.EMAIL_UNVERIFIED');
      expect(await q(`select 1 from accounts where email = 'unverified@acme.example'`)).toEqual([]);
    });

    it('refuses an unknown person when the company creates nobody', async () => {
      const { location } = await ssoSignIn('new.person@acme.example');
      expect(location).toBe('/login?ssoError=SSO.UNKNOWN_ACCOUNT');
      expect(await q(`select 1 from accounts where email = 'new.person@acme.example'`)).toEqual([]);
      expect((await q(`select 1 from audit_events where action = 'account.sso_sign_in_refused'`)).length).toBeGreaterThanOrEqual(2);
    });

    it('refuses an address of another company that the provider asserts', async () => {
      // Acme's provider says the person is Brightwave's owner: not an Acme account, whatever it says
      const { location } = await ssoSignIn('someone@acme.example', 'owner@brightwave.example');
      expect(location).toBe('/login?ssoError=SSO.WRONG_COMPANY');
      // an account of another company under the company's own domain (moved there by hand)
      await q(`insert into accounts (email, password_hash, full_name, role, company_role, company_id) select 'moved@acme.example', '!invited', 'Moved', 'admin', 'administrator', id from companies where name = 'Brightwave Consulting'`);
      expect((await ssoSignIn('moved@acme.example')).location).toBe('/login?ssoError=SSO.WRONG_COMPANY');
      await q(`delete from accounts where email = 'moved@acme.example'`);
    });

    it('refuses a deactivated person', async () => {
      await q(`update accounts set status = 'deactivated' where email = 'billing@acme.example'`);
      expect((await ssoSignIn('billing@acme.example')).location).toBe('/login?ssoError=AUTH.ACCOUNT_DEACTIVATED');
    });

    it('creates an unknown person with the chosen role, once', async () => {
      expect((await owner.put('/api/company/sso', settings({ clientSecret: undefined, newAccountRole: 'billing' }))).status).toBe(200);
      provider.person({ email: 'jit.person@acme.example', emailVerified: true, name: 'Jit Person' });
      const { client, location } = await ssoSignIn('jit.person@acme.example');
      expect(location).toBe('/');
      const me = await client.get('/api/auth/me');
      expect(me.body.account).toMatchObject({ email: 'jit.person@acme.example', fullName: 'Jit Person', companyRole: 'billing' });
      await ssoSignIn('jit.person@acme.example');
      expect((await q(`select 1 from accounts where email = 'jit.person@acme.example'`)).length).toBe(1);
      expect((await q(`select 1 from audit_events where action = 'account.created_by_sso'`)).length).toBe(1);
    });

    it('asks for the second step when the company requires two-step sign-in', async () => {
      expect((await owner.put('/api/company/two-factor', { required: true })).status).toBe(200);
      const { client, location } = await ssoSignIn('admin@acme.example');
      expect(location).toBe('/login?secondStep=enrol');
      expect((await client.get('/api/auth/me')).status).toBe(401);
      expect(client.cookies.has('fd_second_step')).toBe(true);
      expect((await owner.put('/api/company/two-factor', { required: false })).status).toBe(200);
    });

    it('stops sending people to the provider once switched off', async () => {
      expect((await owner.put('/api/company/sso', settings({ clientSecret: undefined, enabled: false }))).status).toBe(200);
      expect((await portal.anonymous().post('/api/auth/sso/check', { email: 'admin@acme.example' })).body.sso).toBe(false);
      expect((await portal.anonymous().post('/api/auth/login', { email: 'admin@acme.example', password: 'fleetdesk-demo' })).status).toBe(200);
    });
  });
});
