import * as oidc from 'openid-client';
import type { Db } from '../../../platform/db.js';
import type { Clock } from '../../../platform/clock.js';
import type { AccountActor } from '../../../platform/actor.js';
import { AppError } from '../../../platform/app-error.js';
import type { Lang } from '../../../platform/i18n.js';
import { scopeOfRow, type CompanyScope } from '../../../platform/tenant.js';
import { newToken, sha256 } from '../../../platform/tokens.js';
import { recordAudit } from '../../audit/index.js';
import type { SignInOrigin } from '../auth.repository.js';
import { NO_PASSWORD } from '../domain/password.js';
import { openSecret, sealSecret } from '../domain/secret-box.js';
import { decideSsoSignIn, emailDomain, insecureIssuerAllowed, issuerProblem, safeNextPath, SSO_SIGN_IN_TTL_MINUTES, type SsoClaims } from '../domain/sso.js';
import type { SsoSettingsInput } from '../sso.schemas.js';
import {
  activateInvitedAccount,
  domainsTakenElsewhere,
  findAccountByEmailForSso,
  findEnabledSsoByDomain,
  findSsoSettings,
  insertSsoAccount,
  insertSsoSignIn,
  saveSsoSettings,
  takeSsoSignIn,
} from '../sso.repository.js';
import { findAccountForSignIn } from '../sign-in-security.repository.js';
import { startSignedIn, type SignInOutcome, type SignInPolicy } from './sign-in.js';

/**
 * Single sign-on with the company's OpenID Connect provider (openid-client): the owner's
 * configuration, and a sign-in that goes to the provider (authorization code with PKCE, state and
 * nonce) and comes back to /api/auth/sso/callback.
 */
export type SsoDeps = {
  db: Db;
  clock: Clock;
  config: SignInPolicy & { twoFactorKey: Buffer | null; env: 'development' | 'production' | 'test' };
  links: { publicUrl(): string };
};

export const ssoRedirectUri = (deps: Pick<SsoDeps, 'links'>) => `${deps.links.publicUrl()}/api/auth/sso/callback`;

// ---------------------------------------------------------------- talking to the provider

const DISCOVERY_TIMEOUT_SECONDS = 10;

/**
 * The provider's metadata (discovery) and this client. http is allowed only where
 * domain/sso.ts says (outside production, or a provider on loopback): openid-client refuses it
 * otherwise, and `allowInsecureRequests` is passed for those cases only.
 */
const discover = async (deps: Pick<SsoDeps, 'config'>, settings: { issuer: string; clientId: string; clientSecret: string }) => {
  const issuer = new URL(settings.issuer);
  return oidc.discovery(issuer, settings.clientId, settings.clientSecret, oidc.ClientSecretBasic(settings.clientSecret), {
    timeout: DISCOVERY_TIMEOUT_SECONDS,
    ...(insecureIssuerAllowed(issuer, deps.config.env) ? { execute: [oidc.allowInsecureRequests] } : {}),
  });
};

/** Discovered configurations, per company and configuration version (a change of settings discovers again). */
const discovered = new Map<string, { at: number; config: Promise<oidc.Configuration> }>();
const DISCOVERY_CACHE_MS = 10 * 60_000;

const providerOf = (deps: SsoDeps, sso: { companyId: string; issuer: string; clientId: string; clientSecret: string; updatedAt: Date }) => {
  const key = `${sso.companyId}|${sso.updatedAt.toISOString()}`;
  const now = Date.now();
  const hit = discovered.get(key);
  if (hit && now - hit.at < DISCOVERY_CACHE_MS) return hit.config;
  const config = discover(deps, { issuer: sso.issuer, clientId: sso.clientId, clientSecret: openSecret(sso.clientSecret, deps.config.twoFactorKey) });
  discovered.set(key, { at: now, config });
  config.catch(() => discovered.delete(key));
  return config;
};

// ---------------------------------------------------------------- the owner's configuration

const settingsView = (deps: Pick<SsoDeps, 'links'>, row: Awaited<ReturnType<typeof findSsoSettings>>) => ({
  configured: row !== null,
  enabled: row?.enabled ?? false,
  issuer: row?.issuer ?? null,
  clientId: row?.clientId ?? null,
  hasClientSecret: Boolean(row?.clientSecret),
  domains: row?.domains ?? [],
  newAccountRole: row?.newAccountRole ?? null,
  redirectUri: ssoRedirectUri(deps),
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

export const getSsoSettings = async (deps: SsoDeps, scope: CompanyScope) => settingsView(deps, await findSsoSettings(deps.db, scope));

const fieldError = (field: string, rule: string) => new AppError('VALIDATION.FAILED', { fieldErrors: [{ field, rule }] });

/**
 * Saves the company's SSO settings. The issuer is discovered first (a clear error when that fails),
 * the domains must not be another company's, and the secret is sealed (kept when not typed again).
 * Audited without the secret.
 */
export const saveSsoSettingsOf = async (deps: SsoDeps, scope: CompanyScope, actor: AccountActor, input: SsoSettingsInput) => {
  const issuer = input.issuer.replace(/\/+$/, '') || input.issuer;
  const problem = issuerProblem(issuer, deps.config.env);
  if (problem) throw fieldError('issuer', problem);
  const domains = [...new Set(input.domains)].sort();
  const current = await findSsoSettings(deps.db, scope);
  const typedSecret = input.clientSecret?.length ? input.clientSecret : null;
  if (!typedSecret && !current) throw fieldError('clientSecret', 'required');
  const clientSecret = typedSecret ?? openSecret(current!.clientSecret, deps.config.twoFactorKey);

  const taken = await domainsTakenElsewhere(deps.db, scope, domains);
  if (taken.length) throw new AppError('SSO.DOMAIN_TAKEN', { params: { domains: taken.join(', ') }, fieldErrors: [{ field: 'domains', rule: 'domain_taken' }] });

  try {
    await discover(deps, { issuer, clientId: input.clientId, clientSecret });
  } catch (cause) {
    throw new AppError('SSO.DISCOVERY_FAILED', { params: { issuer }, fieldErrors: [{ field: 'issuer', rule: 'discovery_failed' }], cause });
  }

  await deps.db.transaction(async (tx) => {
    const before = await findSsoSettings(tx, scope, true);
    const values = { issuer, clientId: input.clientId, clientSecret: sealSecret(clientSecret, deps.config.twoFactorKey), newAccountRole: input.newAccountRole, enabled: input.enabled, domains };
    // another company may have taken a domain meanwhile: the primary key refuses it
    const again = await domainsTakenElsewhere(tx, scope, domains);
    if (again.length) throw new AppError('SSO.DOMAIN_TAKEN', { params: { domains: again.join(', ') }, fieldErrors: [{ field: 'domains', rule: 'domain_taken' }] });
    await saveSsoSettings(tx, scope, values);
    const visible = (s: { issuer: string; clientId: string; newAccountRole: string | null; enabled: boolean; domains: string[] }) => ({
      issuer: s.issuer,
      clientId: s.clientId,
      domains: s.domains,
      newAccountRole: s.newAccountRole,
      enabled: s.enabled,
    });
    await recordAudit(tx, {
      scope,
      actor,
      action: 'company.sso_changed',
      entityType: 'company',
      entityId: scope.companyId,
      before: before ? visible(before) : null,
      after: { ...visible(values), clientSecretChanged: typedSecret !== null },
    });
  });
  return getSsoSettings(deps, scope);
};

// ---------------------------------------------------------------- signing in

/** Whether an address signs in through its company's provider (the sign-in page asks before the password). */
export const checkSso = async (deps: SsoDeps, email: string) => {
  const domain = emailDomain(email);
  const found = domain ? await findEnabledSsoByDomain(deps.db, domain) : null;
  return { sso: found !== null, companyName: found?.companyName ?? null };
};

/**
 * Starts a sign-in at the company's provider: a fresh state, nonce and PKCE verifier, kept under the
 * SHA-256 of a cookie value that only this browser gets; the provider's address to go to.
 */
export const startSsoSignIn = async (deps: SsoDeps, input: { email: string; next?: string | undefined; language?: Lang | undefined }, origin: SignInOrigin) => {
  const domain = emailDomain(input.email);
  const found = domain ? await findEnabledSsoByDomain(deps.db, domain) : null;
  if (!found) throw new AppError('SSO.NOT_CONFIGURED');
  let provider: oidc.Configuration;
  try {
    provider = await providerOf(deps, found.sso);
  } catch (cause) {
    throw new AppError('SSO.PROVIDER_ERROR', { cause });
  }
  const token = newToken();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + SSO_SIGN_IN_TTL_MINUTES * 60_000);
  await insertSsoSignIn(deps.db, {
    idHash: sha256(token),
    companyId: found.sso.companyId,
    state,
    nonce,
    codeVerifier,
    nextPath: safeNextPath(input.next),
    language: input.language ?? 'en',
    userAgent: origin.userAgent,
    ipAddress: origin.ipAddress,
    expiresAt,
  });
  const url = oidc.buildAuthorizationUrl(provider, {
    redirect_uri: ssoRedirectUri(deps),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    login_hint: input.email,
  });
  return { token, expiresAt, redirectUrl: url.href };
};

export type SsoCallbackOutcome = { outcome: SignInOutcome; nextPath: string | null };

/**
 * The provider sent the browser back. The pending sign-in behind the cookie must exist and its state
 * match; openid-client then exchanges the code (checking PKCE, the ID token, its nonce and issuer),
 * the user info completes the claims, and domain/sso.ts decides: a session (or the second step the
 * company requires), a new account with the chosen role, or a refusal — each one audited.
 */
export const completeSsoSignIn = async (deps: SsoDeps, cookieToken: string | undefined, callbackUrl: URL, origin: SignInOrigin): Promise<SsoCallbackOutcome> => {
  const now = deps.clock.now();
  const pending = cookieToken ? await takeSsoSignIn(deps.db, sha256(cookieToken), now) : null;
  const returnedState = callbackUrl.searchParams.get('state');
  if (!pending || !returnedState || returnedState !== pending.state) throw new AppError('SSO.STATE_INVALID');
  const scope = scopeOfRow(pending);
  const settings = await findSsoSettings(deps.db, scope);
  if (!settings?.enabled) throw new AppError('SSO.NOT_CONFIGURED');

  let claims: SsoClaims & { sub: string };
  try {
    const provider = await providerOf(deps, settings);
    const tokens = await oidc.authorizationCodeGrant(provider, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: pending.state, expectedNonce: pending.nonce, idTokenExpected: true });
    const idClaims = tokens.claims()!;
    const info = tokens.access_token ? await oidc.fetchUserInfo(provider, tokens.access_token, idClaims.sub).catch(() => null) : null;
    claims = { ...(info ?? {}), ...idClaims } as SsoClaims & { sub: string };
    // user info may say what the ID token left out; the ID token wins where both say something
    for (const key of ['email', 'email_verified', 'name', 'given_name', 'family_name'] as const) if (claims[key] === undefined && info?.[key] !== undefined) claims[key] = info[key];
  } catch (cause) {
    throw new AppError('SSO.PROVIDER_ERROR', { cause });
  }

  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  const existing = email ? await findAccountByEmailForSso(deps.db, email) : null;
  const decision = decideSsoSignIn({ companyId: scope.companyId, domains: settings.domains, newAccountRole: settings.newAccountRole }, claims, () => existing);
  const auditRefusal = (code: string) =>
    recordAudit(deps.db, { scope, actor: { accountId: existing?.companyId === scope.companyId ? existing.id : null, name: decision.email ?? 'single sign-on' }, action: 'account.sso_sign_in_refused', entityType: 'company', entityId: scope.companyId, before: null, after: { email: decision.email, reason: code } });
  if (decision.kind === 'refuse') {
    await auditRefusal(decision.code);
    throw new AppError(decision.code);
  }

  const accountId = await deps.db.transaction(async (tx) => {
    if (decision.kind === 'create') {
      const id = await insertSsoAccount(tx, scope, { email: decision.email, fullName: decision.fullName, companyRole: decision.role, language: pending.language, passwordHash: NO_PASSWORD });
      if (!id) throw new AppError('SSO.STATE_INVALID');
      await recordAudit(tx, { scope, actor: { accountId: id, name: decision.fullName }, action: 'account.created_by_sso', entityType: 'account', entityId: id, before: null, after: { email: decision.email, companyRole: decision.role } });
      return id;
    }
    if (decision.activate) await activateInvitedAccount(tx, scope, decision.accountId);
    return decision.accountId;
  });
  const account = await findAccountForSignIn(deps.db, { id: accountId });
  if (!account) throw new AppError('SSO.STATE_INVALID');
  await recordAudit(deps.db, { scope, actor: { accountId, name: account.fullName }, action: 'account.signed_in_sso', entityType: 'account', entityId: accountId, before: null, after: { email: account.email, issuer: settings.issuer, subject: claims.sub } });
  return { outcome: await startSignedIn(deps, account, deps.config, origin), nextPath: pending.nextPath };
};
