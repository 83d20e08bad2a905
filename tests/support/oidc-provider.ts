import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider) on loopback, for the single sign-on tests: one
 * confidential client, and people known by their e-mail address. Its development interactions are
 * used as the login and consent pages (any password is accepted; the login is the account id, and
 * Fleetdesk puts the e-mail address there as login_hint). Plain http is allowed on loopback.
 */
export type TestPerson = { email: string; emailVerified: boolean; name?: string };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Adds (or changes) a person the provider knows; unknown logins get a verified address of their own. */
  person(p: TestPerson): void;
  close(): Promise<void>;
};

export const startTestProvider = async (opts: { redirectUris: string[] | (() => string[]); clientId?: string; clientSecret?: string }): Promise<TestProvider> => {
  const people = new Map<string, TestPerson>();
  const clientId = opts.clientId ?? 'fleetdesk';
  const clientSecret = opts.clientSecret ?? 'a-long-client-secret-for-tests-only-0123456789';
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const redirectUris = typeof opts.redirectUris === 'function' ? opts.redirectUris() : opts.redirectUris;

  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: redirectUris, grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic' }],
    cookies: { keys: ['fleetdesk-test-provider-cookie-key'] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    async findAccount(_ctx, sub) {
      const person: TestPerson = people.get(sub.toLowerCase()) ?? { email: sub, emailVerified: true };
      return {
        accountId: sub,
        async claims() {
          return { sub, email: person.email, email_verified: person.emailVerified, name: person.name ?? person.email.split('@')[0] };
        },
      };
    },
  });
  // the provider's own warnings (development keys, development interactions) are expected here
  provider.on('server_error', (_ctx, err) => console.error('test OpenID provider:', err));
  server.on('request', provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    person: (p) => people.set(p.email.toLowerCase(), p),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};

/**
 * Goes through the provider's login and consent pages as a browser would, with its own cookie jar,
 * starting at the authorization URL Fleetdesk gave: the address the provider sends the browser back
 * to (Fleetdesk's callback, with the code and state).
 */
export const signInAtProvider = async (authorizationUrl: string, login: string): Promise<URL> => {
  const jar = new Map<string, string>();
  const send = async (url: URL, init: RequestInit = {}) => {
    const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as Record<string, string>), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1));
    }
    return res;
  };
  let url = new URL(authorizationUrl);
  const start = url.origin;
  for (let hops = 0; hops < 12; hops++) {
    const res = await send(url);
    if (res.status >= 300 && res.status < 400) {
      const next = new URL(res.headers.get('location')!, url);
      if (next.origin !== start) return next;
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the provider answered ${res.status}: ${html.slice(0, 300)}`);
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!prompt || !action) throw new Error(`no login or consent form at ${url.href}`);
    const body = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'any' } : { prompt });
    const posted = await send(new URL(action.replace(/&amp;/g, '&'), url), { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    if (posted.status < 300 || posted.status >= 400) throw new Error(`the provider's ${prompt} answered ${posted.status}`);
    url = new URL(posted.headers.get('location')!, url);
  }
  throw new Error('the provider never sent the browser back');
};
