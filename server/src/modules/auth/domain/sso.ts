import type { CompanyRole } from './roles.js';

/**
 * Single sign-on (OpenID Connect) rules, without HTTP or database: which e-mail domains a company may
 * send to its provider, when the portal may talk plain http to a provider, and what a sign-in that
 * came back from the provider leads to.
 */

/** A domain as people type it after the @: letters, digits, hyphens, dots; at least one dot. */
const DOMAIN_RE = /^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

export const SSO_MAX_DOMAINS = 20;
/** How long a sign-in sent to the provider may take before it comes back. */
export const SSO_SIGN_IN_TTL_MINUTES = 10;

export const normalizeDomain = (raw: string) => raw.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
export const isDomain = (domain: string) => DOMAIN_RE.test(domain);

/** The domain of an e-mail address (lower case), or null when it has none. */
export const emailDomain = (email: string): string | null => {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = normalizeDomain(email.slice(at + 1));
  return isDomain(domain) ? domain : null;
};

const LOOPBACK_HOSTS = new Set(['localhost', '[::1]', '::1']);
export const isLoopbackHost = (hostname: string) => LOOPBACK_HOSTS.has(hostname.toLowerCase()) || /^127(?:\.\d{1,3}){3}$/.test(hostname);

/**
 * Whether the portal may reach this issuer over plain http: never in production unless the provider
 * runs on the same machine (loopback); anywhere outside production (development, tests). Everything
 * else must be https — openid-client refuses http unless told (`allowInsecureRequests`).
 */
export const insecureIssuerAllowed = (issuer: URL, env: 'development' | 'production' | 'test') =>
  issuer.protocol === 'http:' && (env !== 'production' || isLoopbackHost(issuer.hostname));

/** Why an issuer address cannot be used, or null. */
export const issuerProblem = (raw: string, env: 'development' | 'production' | 'test'): 'invalid_url' | 'https_required' | null => {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid_url';
  }
  if (url.username || url.password || url.search || url.hash) return 'invalid_url';
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'invalid_url';
  return insecureIssuerAllowed(url, env) ? null : 'https_required';
};

/** What the provider told about the person (ID token and user info together). */
export type SsoClaims = { email?: unknown; email_verified?: unknown; name?: unknown; given_name?: unknown; family_name?: unknown };

/** The account that has the e-mail address, as the callback finds it. */
export type SsoAccountFound = { id: string; companyId: string | null; role: 'admin' | 'operator'; status: 'invited' | 'active' | 'deactivated' };

export type SsoRefusal = 'SSO.EMAIL_MISSING' | 'SSO.EMAIL_UNVERIFIED' | 'SSO.WRONG_COMPANY' | 'SSO.UNKNOWN_ACCOUNT' | 'AUTH.ACCOUNT_DEACTIVATED';

export type SsoDecision =
  | { kind: 'refuse'; code: SsoRefusal; email: string | null }
  | { kind: 'sign_in'; accountId: string; email: string; activate: boolean }
  | { kind: 'create'; email: string; fullName: string; role: CompanyRole };

/** The display name of a person created on first sign-in: the provider's name, or the e-mail's local part. */
export const nameFromClaims = (claims: SsoClaims, email: string) => {
  const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
  const name = str(claims.name) || [str(claims.given_name), str(claims.family_name)].filter(Boolean).join(' ');
  return (name || email.slice(0, email.indexOf('@'))).slice(0, 200);
};

/**
 * What a sign-in coming back from the company's provider leads to. The address must be one the
 * provider verified (`email_verified: true`) in one of the company's SSO domains; the account is
 * matched by it; an account of another company (or operator staff) is refused, as is a deactivated
 * one; an unknown person is created with the company's role for new people, or refused when it has
 * none. An invited account (no password yet) is the same person: the sign-in activates it.
 */
export const decideSsoSignIn = (
  company: { companyId: string; domains: readonly string[]; newAccountRole: CompanyRole | null },
  claims: SsoClaims,
  findAccount: (email: string) => SsoAccountFound | null,
): SsoDecision => {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : '';
  if (!email) return { kind: 'refuse', code: 'SSO.EMAIL_MISSING', email: null };
  if (claims.email_verified !== true) return { kind: 'refuse', code: 'SSO.EMAIL_UNVERIFIED', email };
  const domain = emailDomain(email);
  if (!domain || !company.domains.includes(domain)) return { kind: 'refuse', code: 'SSO.WRONG_COMPANY', email };
  const account = findAccount(email);
  if (account) {
    if (account.role !== 'admin' || account.companyId !== company.companyId) return { kind: 'refuse', code: 'SSO.WRONG_COMPANY', email };
    if (account.status === 'deactivated') return { kind: 'refuse', code: 'AUTH.ACCOUNT_DEACTIVATED', email };
    return { kind: 'sign_in', accountId: account.id, email, activate: account.status === 'invited' };
  }
  if (!company.newAccountRole) return { kind: 'refuse', code: 'SSO.UNKNOWN_ACCOUNT', email };
  return { kind: 'create', email, fullName: nameFromClaims(claims, email), role: company.newAccountRole };
};

/** Only same-site paths are followed after sign-in (no open redirect). */
export const safeNextPath = (next: string | null | undefined): string | null =>
  next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') && !next.startsWith('/login') && next.length <= 500 ? next : null;
